import type { Language, TRANSLATION_CONTEXTS } from './vocabulary';

/**
 * What the staff's translation review answers (features/translation/routes.ts): the cached
 * AI translations by use or quality, and the dictionary's fuzzy search.
 */

export interface CachedTranslationView {
  id: string;
  sourceText: string;
  sourceLanguage: Language;
  targetLanguage: Language;
  translatedText: string;
  contextType: (typeof TRANSLATION_CONTEXTS)[number];
  qualityScore: number | null;
  verified: boolean;
  useCount: number;
  lastUsedAt: string;
  /** Whether the dictionary has the text already (promoted, or a verified term). */
  inDictionary: boolean;
  /**
   * Whether it may go into the dictionary, which every client reads: a term of at most 4
   * words, never a lead's summary (it names a client's lead).
   */
  promotable: boolean;
}

export interface TranslationReviewView {
  translations: CachedTranslationView[];
  /** How many cached translations match, beyond the page shown. */
  total: number;
  dictionary: { entries: number; verified: number };
}

export interface DictionaryMatchView {
  id: string;
  sourceText: string;
  translatedText: string;
  context: string | null;
  category: string | null;
  verified: boolean;
  /** 1 for the same folded key, else the trigram similarity. */
  similarity: number;
}

export const TRANSLATION_SORTS = ['use', 'quality'] as const;
export type TranslationSort = (typeof TRANSLATION_SORTS)[number];
