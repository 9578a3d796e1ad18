import { type SQL, sql } from 'drizzle-orm';
import type {
  CachedTranslationView,
  DictionaryMatchView,
  TranslationReviewView,
  TranslationSort,
} from '../../../schema/translation-api';
import type { Language } from '../../../schema/vocabulary';
import type { DatabaseAccess } from '../../platform/db';
import { escapeLike } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { findTerms, isTerm } from './dictionary';

/**
 * What staff do with translations (service role, internal accounts only): read the cached
 * AI translations by use or by quality, correct or verify one, promote it to the
 * dictionary, and search the dictionary as the lookup does.
 */

export const REVIEW_PAGE = 50;

type CacheRow = {
  id: string;
  source_text: string;
  source_language: Language;
  target_language: Language;
  translated_text: string;
  context_type: CachedTranslationView['contextType'];
  quality_score: string | number | null;
  verified: boolean;
  use_count: number;
  last_used_at: string;
  in_dictionary: boolean;
};

const view = (row: CacheRow): CachedTranslationView => ({
  id: row.id,
  sourceText: row.source_text,
  sourceLanguage: row.source_language,
  targetLanguage: row.target_language,
  translatedText: row.translated_text,
  contextType: row.context_type,
  qualityScore: row.quality_score === null ? null : Number(row.quality_score),
  verified: row.verified,
  useCount: row.use_count,
  lastUsedAt: new Date(row.last_used_at).toISOString(),
  inDictionary: row.in_dictionary,
  promotable: isPromotable(row),
});

/** The dictionary is readable by every client: a lead's summary never goes there, only terms. */
const isPromotable = (row: { context_type: string; source_text: string }) =>
  row.context_type !== 'lead_summary' && isTerm(row.source_text);

const ORDER: Record<TranslationSort, SQL> = {
  use: sql`c.use_count desc, c.last_used_at desc`,
  // Unscored first: they are the ones nobody has looked at; then the weakest.
  quality: sql`c.quality_score asc nulls first, c.use_count desc`,
};

const selectCache = (where: SQL) => sql`
  select c.id, c.source_text, c.source_language, c.target_language, c.translated_text, c.context_type,
    c.quality_score, c.verified, c.use_count, c.last_used_at,
    exists (select 1 from translation_dictionary d where d.source_language = c.source_language
      and d.target_language = c.target_language and d.match_key = avenir_term_key(c.source_text)) as in_dictionary
  from translation_cache c where ${where}`;

export async function reviewTranslations(
  db: DatabaseAccess,
  options: { sort: TranslationSort; q?: string | undefined },
): Promise<TranslationReviewView> {
  const search = options.q?.trim();
  const where = search
    ? sql`(c.source_text ilike ${`%${escapeLike(search)}%`} or c.translated_text ilike ${`%${escapeLike(search)}%`})`
    : sql`true`;
  return db.service(async (tx) => {
    const rows = await tx.execute<CacheRow>(
      sql`${selectCache(where)} order by ${ORDER[options.sort]} limit ${REVIEW_PAGE}`,
    );
    const counts = await tx.execute<{ total: number; entries: number; verified: number }>(sql`select
      (select count(*)::int from translation_cache c where ${where}) as total,
      (select count(*)::int from translation_dictionary) as entries,
      (select count(*)::int from translation_dictionary where verified) as verified`);
    const count = counts.rows[0] ?? { total: 0, entries: 0, verified: 0 };
    return {
      translations: rows.rows.map(view),
      total: count.total,
      dictionary: { entries: count.entries, verified: count.verified },
    };
  });
}

export interface TranslationCorrection {
  translatedText?: string | undefined;
  verified?: boolean | undefined;
  qualityScore?: number | undefined;
}

/**
 * Corrects or verifies a cached translation. A corrected text is a person's word: verified,
 * quality 1. A verified entry never expires and the AI never overwrites it (translate.ts).
 */
export async function correctTranslation(
  db: DatabaseAccess,
  id: string,
  change: TranslationCorrection,
): Promise<CachedTranslationView> {
  const corrected = change.translatedText !== undefined;
  const verified = corrected ? true : change.verified;
  const quality = change.qualityScore ?? (corrected ? 1 : undefined);
  return db.service(async (tx) => {
    const updated = await tx.execute<{ id: string }>(sql`update translation_cache set
        translated_text = coalesce(${change.translatedText ?? null}, translated_text),
        verified = coalesce(${verified ?? null}::boolean, verified),
        quality_score = coalesce(${quality ?? null}::numeric, quality_score)
      where id = ${id} returning id`);
    if (!updated.rows[0]) throw new AppError('translation_not_found');
    // The dictionary answers before the cache: an entry promoted from this one takes the
    // correction too, or the correction would never be seen.
    if (change.translatedText !== undefined) {
      await tx.execute(sql`update translation_dictionary d set translated_text = c.translated_text, updated_at = now()
        from translation_cache c
        where c.id = ${id} and d.category = 'promoted' and d.source_language = c.source_language
          and d.target_language = c.target_language and lower(d.source_text) = lower(btrim(c.source_text))
          and coalesce(d.context, '') = c.context_type`);
    }
    const [row] = (await tx.execute<CacheRow>(selectCache(sql`c.id = ${id}`))).rows;
    return view(row!);
  });
}

/**
 * Makes a cached translation a dictionary entry, verified: from then on the dictionary
 * answers it before the cache and the AI. Its context is the cache's (a summary stays a
 * summary's); promoting it again replaces the entry's words.
 */
export async function promoteTranslation(db: DatabaseAccess, id: string): Promise<DictionaryMatchView> {
  return db.service(async (tx) => {
    const [cached] = (
      await tx.execute<{ context_type: string; source_text: string }>(
        sql`select context_type, source_text from translation_cache where id = ${id} for update`,
      )
    ).rows;
    if (!cached) throw new AppError('translation_not_found');
    if (!isPromotable(cached)) throw new AppError('translation_not_promotable');
    const promoted = await tx.execute<{
      id: string;
      source_text: string;
      translated_text: string;
      context: string | null;
      category: string | null;
      verified: boolean;
    }>(sql`
      insert into translation_dictionary (source_text, source_language, target_language, translated_text, context,
        category, verified, confidence)
      select btrim(source_text), source_language, target_language, translated_text, context_type, 'promoted', true,
        coalesce(quality_score, 1)
      from translation_cache where id = ${id}
      on conflict (source_language, target_language, lower(source_text), coalesce(context, '')) do update set
        translated_text = excluded.translated_text, verified = true, confidence = excluded.confidence, updated_at = now()
      returning id, source_text, translated_text, context, category, verified`);
    const row = promoted.rows[0];
    if (!row) throw new AppError('translation_not_found');
    await tx.execute(sql`update translation_cache set verified = true where id = ${id}`);
    return {
      id: row.id,
      sourceText: row.source_text,
      translatedText: row.translated_text,
      context: row.context,
      category: row.category,
      verified: row.verified,
      similarity: 1,
    };
  });
}

/** The dictionary's closest entries for a term, as the lookup would rank them, without counting a use. */
export async function searchDictionary(
  db: DatabaseAccess,
  term: string,
  from: Language,
  to: Language,
): Promise<DictionaryMatchView[]> {
  const matches = await db.service((tx) => findTerms(tx, term, from, to, 10));
  return matches.map((match) => ({
    id: match.id,
    sourceText: match.sourceText,
    translatedText: match.translatedText,
    context: match.context,
    category: match.category,
    verified: match.verified,
    similarity: match.similarity,
  }));
}
