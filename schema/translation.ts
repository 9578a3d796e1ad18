import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, numeric, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id, nonNegative, nowPlus, oneOf, updatedAt, within } from './columns';
import { LANGUAGES, TRANSLATION_CONTEXTS } from './vocabulary';

/** AI translations kept for reuse; they expire after 90 days. */
export const translationCache = pgTable(
  'translation_cache',
  {
    id: id(),
    sourceText: text('source_text').notNull(),
    /**
     * The lookup key: a hash of the source with whitespace collapsed and case folded, so
     * "Hello  World" and "hello world" share one entry. A hash keeps the index small for
     * long summaries.
     */
    sourceKey: text('source_key')
      .notNull()
      .generatedAlwaysAs(sql`md5(lower(regexp_replace(btrim(source_text), '\\s+', ' ', 'g')))`),
    sourceLanguage: text('source_language', { enum: LANGUAGES }).notNull(),
    targetLanguage: text('target_language', { enum: LANGUAGES }).notNull(),
    translatedText: text('translated_text').notNull(),
    contextType: text('context_type', { enum: TRANSLATION_CONTEXTS }).notNull(),
    qualityScore: numeric('quality_score', { precision: 4, scale: 3, mode: 'number' }),
    verified: boolean('verified').notNull().default(false),
    /** Not in the database documentation: how many lookups it answered, for the staff's review by use. */
    useCount: integer('use_count').notNull().default(0),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull().default(nowPlus('90 days')),
  },
  (t) => [
    uniqueIndex('translation_cache_lookup_unique').on(t.sourceKey, t.sourceLanguage, t.targetLanguage, t.contextType),
    index('translation_cache_expires_idx').on(t.expiresAt),
    oneOf('translation_cache_source_language_check', t.sourceLanguage, LANGUAGES),
    oneOf('translation_cache_target_language_check', t.targetLanguage, LANGUAGES),
    oneOf('translation_cache_context_check', t.contextType, TRANSLATION_CONTEXTS),
    within('translation_cache_quality_check', t.qualityScore, 0, 1),
    nonNegative('translation_cache_use_count_check', t.useCount),
    check('translation_cache_direction_check', sql`${t.sourceLanguage} <> ${t.targetLanguage}`),
  ],
);

/** Verified translations of common terms; public read. */
export const translationDictionary = pgTable(
  'translation_dictionary',
  {
    id: id(),
    sourceText: text('source_text').notNull(),
    sourceLanguage: text('source_language', { enum: LANGUAGES }).notNull(),
    targetLanguage: text('target_language', { enum: LANGUAGES }).notNull(),
    translatedText: text('translated_text').notNull(),
    context: text('context'),
    category: text('category'),
    verified: boolean('verified').notNull().default(false),
    usageCount: integer('usage_count').notNull().default(0),
    confidence: numeric('confidence', { precision: 4, scale: 3, mode: 'number' }),
    /**
     * Not in the database documentation: the fuzzy lookup's key (avenir_term_key, migration
     * 0023): lower case, accents, elisions (l', d', qu'…), punctuation and plural endings
     * folded, so « Thermopompes » and "l'thermopompe" find « thermopompe ».
     */
    matchKey: text('match_key').notNull().generatedAlwaysAs(sql`avenir_term_key(source_text)`),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // Key first: the fuzzy lookup's language filter must not make this the index it scans.
    index('translation_dictionary_match_idx').on(t.matchKey, t.sourceLanguage, t.targetLanguage),
    // GiST, not GIN: it serves the lookup's nearest-key order (`<->`) with a LIMIT, which the planner
    // takes over a scan at any size; GIN only filters, and loses to a scan on a small table.
    index('translation_dictionary_match_trgm_idx').using('gist', t.matchKey.op('gist_trgm_ops')),
    uniqueIndex('translation_dictionary_term_unique').on(
      t.sourceLanguage,
      t.targetLanguage,
      sql`lower(${t.sourceText})`,
      sql`coalesce(${t.context}, '')`,
    ),
    index('translation_dictionary_category_idx').on(t.category),
    oneOf('translation_dictionary_source_language_check', t.sourceLanguage, LANGUAGES),
    oneOf('translation_dictionary_target_language_check', t.targetLanguage, LANGUAGES),
    within('translation_dictionary_confidence_check', t.confidence, 0, 1),
    nonNegative('translation_dictionary_usage_count_check', t.usageCount),
    check('translation_dictionary_direction_check', sql`${t.sourceLanguage} <> ${t.targetLanguage}`),
  ],
);
