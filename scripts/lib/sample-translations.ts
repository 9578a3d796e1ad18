import { translationCache } from '../../schema';
import type { Language, TRANSLATION_CONTEXTS } from '../../schema/vocabulary';
import type { DatabaseAccess } from '../../worker/platform/db';

type Sample = {
  source: string;
  from: Language;
  translated: string;
  context: (typeof TRANSLATION_CONTEXTS)[number];
  quality: number | null;
  verified?: true;
  uses: number;
};

/**
 * Cached translations as OpenAI would have left them, for the staff's translation review on
 * a first start (offline, nothing else writes the cache): well-used ones and a few weak
 * ones to correct — "soumission" read as "submission" is the classic — one already
 * verified, one scored by nobody yet.
 */
const SAMPLES: readonly Sample[] = [
  {
    source: 'Le client demande une soumission pour refaire la toiture de son bungalow avant l’hiver.',
    from: 'fr',
    translated: 'The client is asking for a submission to redo the roof of his bungalow before winter.',
    context: 'lead_summary',
    quality: 0.41,
    uses: 14,
  },
  {
    source: 'Demande de soumission',
    from: 'fr',
    translated: 'Quote request',
    context: 'intent',
    quality: 0.98,
    verified: true,
    uses: 52,
  },
  {
    source: 'Elle veut installer une thermopompe murale et demande si la subvention Rénoclimat s’applique.',
    from: 'fr',
    translated: 'She wants to install a wall-mounted heat pump and asks whether the Rénoclimat grant applies.',
    context: 'lead_summary',
    quality: 0.93,
    uses: 9,
  },
  {
    source: 'Le locataire signale un dégât d’eau au sous-sol et veut un plombier aujourd’hui.',
    from: 'fr',
    translated: 'The tenant reports water damage in the underground and wants a plumber today.',
    context: 'lead_summary',
    quality: 0.55,
    uses: 6,
  },
  {
    source: 'Customer wants a quote for spring cleanup and weekly lawn mowing, flexible on dates.',
    from: 'en',
    translated:
      'Le client veut une soumission pour le nettoyage printanier et la tonte hebdomadaire du gazon, dates flexibles.',
    context: 'lead_summary',
    quality: 0.95,
    uses: 7,
  },
  {
    source: 'Patient asks to move her cleaning appointment to a Saturday morning.',
    from: 'en',
    translated: 'La patiente demande de déplacer son rendez-vous de nettoyage à un samedi matin.',
    context: 'lead_summary',
    quality: null,
    uses: 3,
  },
  {
    source: 'Warm and reassuring',
    from: 'en',
    translated: 'Chaleureux et rassurant',
    context: 'tone',
    quality: 0.9,
    uses: 21,
  },
  {
    source: 'Please email me the estimate, I am at work during the day.',
    from: 'en',
    translated: 'Svp envoyez-moi l’estimé par e-mail, je suis au travail durant la journée.',
    context: 'lead_summary',
    quality: 0.62,
    uses: 2,
  },
];

/** Writes the sample cache once: a start after staff corrected an entry keeps their words. */
export async function writeSampleTranslations(db: DatabaseAccess, now: Date): Promise<void> {
  await db.service((tx) =>
    tx
      .insert(translationCache)
      .values(
        SAMPLES.map((sample, index) => ({
          sourceText: sample.source,
          sourceLanguage: sample.from,
          targetLanguage: sample.from === 'fr' ? ('en' as const) : ('fr' as const),
          translatedText: sample.translated,
          contextType: sample.context,
          qualityScore: sample.quality,
          verified: sample.verified ?? false,
          useCount: sample.uses,
          lastUsedAt: new Date(now.getTime() - (index + 1) * 3_600_000),
        })),
      )
      .onConflictDoNothing(),
  );
}
