import type { CLIENTS_STRINGS } from './strings/clients';
import type { GALLERY_STRINGS } from './strings/gallery';
import type { INSIGHTS_STRINGS } from './strings/insights';
import type { LEADS_STRINGS } from './strings/leads';
import type { SETTINGS_STRINGS } from './strings/settings';
import { SHELL_STRINGS } from './strings/shell';
import type { STAFF_STRINGS } from './strings/staff';

export type Lang = 'en' | 'fr';

/**
 * Every string the dashboard shows, in both languages (Quebec French); `fr` is typed by
 * `en`, so a string missing in one language fails the typecheck. The shell's strings (these,
 * and strings/shell.ts) load with the shell; each other
 * screen's pack (strings/leads.ts, settings.ts…) loads with that screen's code and joins
 * `STRINGS` when it does (`addStrings`), so the first screen downloads only its own words.
 * tests/unit/dashboard/string-packs.test.ts checks that every screen imports the packs
 * whose strings it uses.
 */
const en = {
  signInTitle: 'Sign in',
  email: 'Email',
  password: 'Password',
  signIn: 'Sign in',
  signingIn: 'Signing in…',
  newPasswordTitle: 'Choose a new password',
  newPasswordHelp: 'Your one-time password must be replaced (10 to 200 characters).',
  currentPassword: 'Current password',
  newPassword: 'New password',
  save: 'Save',
  signOut: 'Sign out',
  language: 'Language',
  skipToContent: 'Skip to content',
  mainNavigation: 'Main',
  activity: 'Activity',
  actingAs: (name: string) => `You are viewing ${name}’s dashboard.`,
  switchBack: 'Back to my account',
  inbox: 'Inbox',
  active: 'Active',
  archived: 'Archived',
  deleted: 'Deleted',
  statusTabs: 'Lead status',
  search: 'Search',
  urgency: 'Urgency',
  anyUrgency: 'Any urgency',
  High: 'High',
  Medium: 'Medium',
  Low: 'Low',
  noLeads: 'No leads here.',
  loadMore: 'Load more',
  loading: 'Loading…',
  unread: 'Unread',
  back: 'Back to the inbox',
  message: 'Message',
  summary: 'Summary',
  summaryLanguage: 'Summary language',
  notTranslated: 'Not translated',
  noSummary: 'No summary yet.',
  intent: 'Intent',
  tone: 'Tone',
  confidence: 'Confidence',
  tag: 'Tag',
  none: '—',
  actions: 'Actions',
  archive: 'Archive',
  delete: 'Delete',
  reactivate: 'Reactivate',
  done: 'Done.',
  notes: 'Notes',
  addNote: 'Add a note',
  noteLabel: 'New note',
  noNotes: 'No notes yet.',
  timeline: 'Timeline',
  error: 'Something went wrong. Please try again.',
  offline: 'Connection problem. Please try again.',
  notFound: 'This lead does not exist.',
  // The staff screens' names, in the shell: the navigation lists them before their pack loads.
  'staff-learning': 'Learning',
  'staff-prompts': 'Prompts',
  'staff-system': 'System',
  'staff-translations': 'Translations',
  ...SHELL_STRINGS.en,
};

type Pack<T extends { en: object }> = T['en'];
type ShellStrings = typeof en;
/** Every string: the shell's and every pack's (a screen reads only those of the packs it imports). */
export type Strings = ShellStrings &
  Pack<typeof LEADS_STRINGS> &
  Pack<typeof SETTINGS_STRINGS> &
  Pack<typeof CLIENTS_STRINGS> &
  Pack<typeof GALLERY_STRINGS> &
  Pack<typeof INSIGHTS_STRINGS> &
  Pack<typeof STAFF_STRINGS>;

const fr: ShellStrings = {
  signInTitle: 'Connexion',
  email: 'Courriel',
  password: 'Mot de passe',
  signIn: 'Se connecter',
  signingIn: 'Connexion en cours…',
  newPasswordTitle: 'Choisissez un nouveau mot de passe',
  newPasswordHelp: 'Votre mot de passe temporaire doit être remplacé (10 à 200 caractères).',
  currentPassword: 'Mot de passe actuel',
  newPassword: 'Nouveau mot de passe',
  save: 'Enregistrer',
  signOut: 'Se déconnecter',
  language: 'Langue',
  skipToContent: 'Aller au contenu',
  mainNavigation: 'Navigation principale',
  activity: 'Activité',
  actingAs: (name: string) => `Vous consultez le tableau de bord de ${name}.`,
  switchBack: 'Revenir à mon compte',
  inbox: 'Boîte de réception',
  active: 'Actifs',
  archived: 'Archivés',
  deleted: 'Supprimés',
  statusTabs: 'Statut des clients potentiels',
  search: 'Rechercher',
  urgency: 'Urgence',
  anyUrgency: 'Toute urgence',
  High: 'Élevée',
  Medium: 'Moyenne',
  Low: 'Faible',
  noLeads: 'Aucun client potentiel ici.',
  loadMore: 'Afficher plus',
  loading: 'Chargement…',
  unread: 'Non lu',
  back: 'Retour à la boîte de réception',
  message: 'Message',
  summary: 'Résumé',
  summaryLanguage: 'Langue du résumé',
  notTranslated: 'Non traduit',
  noSummary: 'Pas encore de résumé.',
  intent: 'Intention',
  tone: 'Ton',
  confidence: 'Confiance',
  tag: 'Étiquette',
  none: '—',
  actions: 'Actions',
  archive: 'Archiver',
  delete: 'Supprimer',
  reactivate: 'Réactiver',
  done: 'C’est fait.',
  notes: 'Notes',
  addNote: 'Ajouter une note',
  noteLabel: 'Nouvelle note',
  noNotes: 'Aucune note pour l’instant.',
  timeline: 'Historique',
  error: 'Une erreur est survenue. Veuillez réessayer.',
  offline: 'Problème de connexion. Veuillez réessayer.',
  notFound: 'Ce client potentiel n’existe pas.',
  'staff-learning': 'Apprentissage',
  'staff-prompts': 'Invites IA',
  'staff-system': 'Système',
  'staff-translations': 'Traductions',
  ...SHELL_STRINGS.fr,
};

/** The packs join these objects as their screens load: typed as complete, filled as needed. */
export const STRINGS = { en: { ...en }, fr: { ...fr } } as Record<Lang, Strings>;

/** A screen's pack of strings, typed by its English half, added to `STRINGS` when the screen's code loads. */
export function addStrings<T extends object>(pack: { en: T; fr: T }): void {
  Object.assign(STRINGS.en, pack.en);
  Object.assign(STRINGS.fr, pack.fr);
}

const LANG_KEY = 'avenir.lang';

export function initialLang(): Lang {
  const saved = localStorage.getItem(LANG_KEY);
  if (saved === 'en' || saved === 'fr') return saved;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function saveLang(lang: Lang): void {
  localStorage.setItem(LANG_KEY, lang);
}

/** The locale dates and numbers are written in: Canadian English or Quebec French. */
export const locale = (lang: Lang) => (lang === 'fr' ? 'fr-CA' : 'en-CA');

export const formatDate = (iso: string, lang: Lang) =>
  new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

export const formatNumber = (value: number, lang: Lang) => new Intl.NumberFormat(locale(lang)).format(value);

/** A 0–1 score as a percentage: "90 %" in French, "90%" in English. */
export const formatPercent = (value: number, lang: Lang) =>
  new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 0 }).format(value);

/**
 * A wait in words: "12 min", "2 h 15 min", "3 d 4 h" (French: "3 j 4 h"). Under a minute
 * is "< 1 min"; tenths of a minute (a median) are rounded.
 */
export function formatDuration(minutes: number, lang: Lang): string {
  const whole = Math.round(minutes);
  if (whole < 1) return '< 1 min';
  const days = Math.floor(whole / 1440);
  const hours = Math.floor((whole % 1440) / 60);
  const rest = whole % 60;
  if (days > 0)
    return hours > 0 ? `${days} ${lang === 'fr' ? 'j' : 'd'} ${hours} h` : `${days} ${lang === 'fr' ? 'j' : 'd'}`;
  if (hours > 0) return rest > 0 ? `${hours} h ${rest} min` : `${hours} h`;
  return `${rest} min`;
}
