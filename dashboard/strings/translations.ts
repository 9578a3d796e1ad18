import type { Lang } from '../i18n';

/**
 * The staff's translation review's words (dashboard/staff-translations.tsx). `fr` is typed
 * by `en`; French: Quebec usage.
 */
const en = {
  intro:
    'The AI’s translations Avenir keeps for reuse. Correct a weak one or verify a good one: a verified translation is never replaced by the AI. Promote a term to the dictionary and every lookup uses it first; a lead’s summary stays out of it, as every client reads the dictionary.',
  dictionaryStat: (entries: string, verified: string) => `Dictionary: ${entries} entries, ${verified} verified`,
  cacheTitle: 'Cached translations',
  cacheHelp: 'Most used first, or the weakest first (not yet scored, then lowest quality).',
  sortLabel: 'Order',
  byUse: 'Most used',
  byQuality: 'Weakest first',
  search: 'Search the texts',
  showing: (shown: string, total: string) => `${shown} of ${total} shown`,
  caption: 'Cached translations',
  original: 'Original',
  translation: 'Translation',
  uses: (n: number, shown: string) => (n === 1 ? '1 use' : `${shown} uses`),
  qualityOf: (score: string) => `Quality ${score}`,
  notScored: 'Quality not scored',
  verifiedBadge: 'Verified',
  inDictionary: 'In the dictionary',
  contexts: { lead_summary: 'Lead summary', intent: 'Intent', tone: 'Tone', ui_text: 'Interface' },
  direction: (from: string, to: string) => `${from} → ${to}`,
  verify: 'Verify',
  unverify: 'Remove verification',
  correct: 'Correct',
  promote: 'Promote',
  promoteAgain: 'Replace in the dictionary',
  save: 'Save the correction',
  cancel: 'Cancel',
  correctionLabel: (to: string) => `Corrected translation (${to})`,
  correctionHelp: 'Your words replace the AI’s, verified and scored 100%.',
  emptyCorrection: 'Write the translation.',
  verified: 'Verified: the AI will not replace it.',
  unverified: 'No longer verified: the AI may replace it when it expires.',
  corrected: 'Correction saved and verified.',
  promoted: (source: string) => `“${source}” is in the dictionary now: lookups use it first.`,
  empty: 'No cached translation yet',
  emptyHelp:
    'With OpenAI configured, each translation the AI writes is kept here for 90 days, for you to correct, verify or promote.',
  noMatch: 'No cached translation matches this search.',
  dictionaryTitle: 'Look up the dictionary',
  dictionaryHelp:
    'As the lookup does: case, accents, plurals, elisions (l’, d’) and small typos still find their entry.',
  term: 'Term',
  emptyTerm: 'Type a term to look up.',
  from: 'From',
  lookUp: 'Look up',
  lookingUp: 'Looking up…',
  matchesCaption: (term: string) => `Dictionary entries closest to “${term}”`,
  entry: 'Entry',
  category: 'Category',
  context: 'Sense',
  similarity: 'Match',
  exact: 'Same term',
  noEntry: (term: string) =>
    `No entry is close enough to “${term}” (a match shares at least half of its three-letter groups with the term).`,
  languages: { en: 'English', fr: 'French' },
  languageChoices: { en: 'English', fr: 'French' },
};

export type TranslationStrings = typeof en;

const fr: TranslationStrings = {
  intro:
    'Les traductions de l’IA qu’Avenir garde pour les réutiliser. Corrigez une traduction faible ou vérifiez une bonne\u00a0: une traduction vérifiée n’est jamais remplacée par l’IA. Ajoutez un terme au dictionnaire et chaque recherche l’utilise d’abord; le résumé d’une demande n’y va jamais, car tous les clients lisent le dictionnaire.',
  dictionaryStat: (entries, verified) => `Dictionnaire\u00a0: ${entries} entrées, ${verified} vérifiées`,
  cacheTitle: 'Traductions en cache',
  cacheHelp:
    'Les plus utilisées d’abord, ou les plus faibles d’abord (pas encore notées, puis la qualité la plus basse).',
  sortLabel: 'Ordre',
  byUse: 'Les plus utilisées',
  byQuality: 'Les plus faibles',
  search: 'Chercher dans les textes',
  showing: (shown, total) => `${shown} sur ${total} affichées`,
  caption: 'Traductions en cache',
  original: 'Original',
  translation: 'Traduction',
  uses: (n, shown) => (n <= 1 ? `${shown} utilisation` : `${shown} utilisations`),
  qualityOf: (score) => `Qualité ${score}`,
  notScored: 'Qualité non notée',
  verifiedBadge: 'Vérifiée',
  inDictionary: 'Au dictionnaire',
  contexts: { lead_summary: 'Résumé de demande', intent: 'Intention', tone: 'Ton', ui_text: 'Interface' },
  direction: (from, to) => `${from} → ${to}`,
  verify: 'Vérifier',
  unverify: 'Retirer la vérification',
  correct: 'Corriger',
  promote: 'Ajouter au dictionnaire',
  promoteAgain: 'Remplacer au dictionnaire',
  save: 'Enregistrer la correction',
  cancel: 'Annuler',
  correctionLabel: (to) => `Traduction corrigée (${to})`,
  correctionHelp: 'Vos mots remplacent ceux de l’IA, vérifiés et notés 100\u00a0%.',
  emptyCorrection: 'Écrivez la traduction.',
  verified: 'Vérifiée\u00a0: l’IA ne la remplacera pas.',
  unverified: 'N’est plus vérifiée\u00a0: l’IA pourra la remplacer à son expiration.',
  corrected: 'Correction enregistrée et vérifiée.',
  promoted: (source) =>
    `«\u00a0${source}\u00a0» est maintenant au dictionnaire\u00a0: les recherches l’utilisent d’abord.`,
  empty: 'Aucune traduction en cache pour l’instant',
  emptyHelp:
    'Avec OpenAI configuré, chaque traduction écrite par l’IA est gardée ici 90 jours, pour que vous la corrigiez, la vérifiiez ou l’ajoutiez au dictionnaire.',
  noMatch: 'Aucune traduction en cache ne correspond à cette recherche.',
  dictionaryTitle: 'Chercher dans le dictionnaire',
  dictionaryHelp:
    'Comme la recherche le fait\u00a0: la casse, les accents, les pluriels, les élisions (l’, d’) et les petites fautes de frappe trouvent quand même leur entrée.',
  term: 'Terme',
  emptyTerm: 'Tapez un terme à chercher.',
  from: 'Langue du terme',
  lookUp: 'Chercher',
  lookingUp: 'Recherche…',
  matchesCaption: (term) => `Entrées du dictionnaire les plus proches de «\u00a0${term}\u00a0»`,
  entry: 'Entrée',
  category: 'Catégorie',
  context: 'Sens',
  similarity: 'Correspondance',
  exact: 'Même terme',
  noEntry: (term) =>
    `Aucune entrée n’est assez proche de «\u00a0${term}\u00a0» (une entrée correspond quand elle partage au moins la moitié de ses groupes de trois lettres avec le terme).`,
  languages: { en: 'anglais', fr: 'français' },
  languageChoices: { en: 'Anglais', fr: 'Français' },
};

export const TRANSLATION_STRINGS: Record<Lang, TranslationStrings> = { en, fr };
