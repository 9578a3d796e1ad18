import { sql } from 'drizzle-orm';
import type { Language } from '../../../schema/vocabulary';
import type { Transaction } from '../../platform/db';

/**
 * The dictionary's lookups, index-backed (migration 0023), as the README documents them
 * ("Translation"):
 * - **Same key**: a term and an entry whose `avenir_term_key` is the same (case, accents,
 *   elisions, punctuation and plural endings folded), through the
 *   `(match_key, source_language, target_language)` btree.
 * - **Near key**: failing that, the entry whose key has the highest trigram similarity to
 *   the term's, if at least `FUZZY_THRESHOLD` (pg_trgm's `%`) and of as many words, read
 *   nearest first from the GiST trigram index (`<->`): one typo in a word of six letters or
 *   more still finds it, while "pas de chauffage" never answers as "chauffage".
 * Only terms of at most `MAX_TERM_WORDS` words are looked up fuzzily: two sentences that
 * share most trigrams may still say different things.
 * Verified entries win over unverified ones at equal closeness, then the higher confidence.
 */

export const FUZZY_THRESHOLD = 0.5;
export const MAX_TERM_WORDS = 4;
/** How many glossary terms a text can bring to the AI's prompt. */
export const MAX_GLOSSARY_TERMS = 12;

export interface TermMatch {
  id: string;
  sourceText: string;
  translatedText: string;
  context: string | null;
  category: string | null;
  verified: boolean;
  /** The entry's confidence times the closeness of the match (1 for the same key). */
  confidence: number;
  /** 1 for the same key, else the trigram similarity of the keys. */
  similarity: number;
}

type EntryRow = {
  id: string;
  source_text: string;
  translated_text: string;
  context: string | null;
  category: string | null;
  verified: boolean;
  confidence: string | number | null;
  similarity: string | number;
};

const toMatch = (row: EntryRow): TermMatch => ({
  id: row.id,
  sourceText: row.source_text,
  translatedText: row.translated_text,
  context: row.context,
  category: row.category,
  verified: row.verified,
  confidence: (row.confidence === null ? 0.5 : Number(row.confidence)) * Number(row.similarity),
  similarity: Number(row.similarity),
});

export const isTerm = (text: string): boolean => {
  const words = text.trim().split(/\s+/).filter(Boolean);
  return words.length > 0 && words.length <= MAX_TERM_WORDS;
};

/** The entries of the same key: through the btree (or the GiST index, which answers equality too). */
export const sameKeyQuery = (term: string, from: Language, to: Language, limit: number) => sql`
  select id, source_text, translated_text, context, category, verified, confidence, 1 as similarity
  from translation_dictionary
  where source_language = ${from} and target_language = ${to} and match_key = avenir_term_key(${term})
  order by verified desc, confidence desc nulls last, usage_count desc
  limit ${limit}`;

/**
 * The nearest keys of as many words past the threshold, nearest first from the GiST index.
 * `%` reads the threshold from `pg_trgm.similarity_threshold`: set it in the transaction first.
 */
export const nearKeyQuery = (term: string, from: Language, to: Language, limit: number) => sql`
  select id, source_text, translated_text, context, category, verified, confidence,
    similarity(match_key, avenir_term_key(${term})) as similarity
  from translation_dictionary
  where match_key % avenir_term_key(${term}) and source_language = ${from} and target_language = ${to}
    and array_length(string_to_array(match_key, ' '), 1) = array_length(string_to_array(avenir_term_key(${term}), ' '), 1)
  order by match_key <-> avenir_term_key(${term}), verified desc, confidence desc nulls last
  limit ${limit}`;

/** Sets the threshold `%` compares with, for this transaction only. */
export const useFuzzyThreshold = (tx: Transaction) =>
  tx.execute(sql`select set_config('pg_trgm.similarity_threshold', ${String(FUZZY_THRESHOLD)}, true)`);

/** The closest entries for a term, best first: the same key, or the nearest keys past the threshold. */
export async function findTerms(
  tx: Transaction,
  term: string,
  from: Language,
  to: Language,
  limit = 1,
): Promise<TermMatch[]> {
  const exact = await tx.execute<EntryRow>(sameKeyQuery(term, from, to, limit));
  if (exact.rows.length > 0 || !isTerm(term)) return exact.rows.map(toMatch);
  await useFuzzyThreshold(tx);
  const near = await tx.execute<EntryRow>(nearKeyQuery(term, from, to, limit));
  return near.rows.map(toMatch);
}

/**
 * The best entry for a term, counted as used (`usage_count`), or null. The caller's
 * transaction: the count and the answer are kept together.
 */
export async function lookupTerm(
  tx: Transaction,
  term: string,
  from: Language,
  to: Language,
): Promise<TermMatch | null> {
  const [match] = await findTerms(tx, term, from, to);
  if (!match) return null;
  await tx.execute(
    sql`update translation_dictionary set usage_count = usage_count + 1, updated_at = now() where id = ${match.id}`,
  );
  return match;
}

/** The longest run of a text's words compared with the glossary's keys. */
const MAX_GLOSSARY_RUN = 5;

/**
 * The verified glossary terms a text contains, for the AI to use: every run of one to
 * `MAX_GLOSSARY_RUN` of its words ("détecteur de monoxyde de carbone"), folded as the keys
 * are, matched by key through the btree index.
 * Longer terms first, so "heat pump" is given rather than "pump" alone.
 */
export async function glossaryTerms(
  tx: Transaction,
  text: string,
  from: Language,
  to: Language,
): Promise<{ source: string; target: string }[]> {
  const rows = await tx.execute<{ source_text: string; translated_text: string }>(sql`
    with words as (
      select word, n from regexp_split_to_table(avenir_term_key(${text.slice(0, 4_000)}), ' ') with ordinality as w(word, n)
      where word <> ''
    ), runs as (
      select distinct string_agg(b.word, ' ' order by b.n) as run
      from words a cross join generate_series(1, ${MAX_GLOSSARY_RUN}) as len(n)
      join words b on b.n between a.n and a.n + len.n - 1
      group by a.n, len.n
    ), found as (
      select distinct on (d.match_key) d.match_key, d.source_text, d.translated_text
      from runs join translation_dictionary d on d.match_key = runs.run
      where d.source_language = ${from} and d.target_language = ${to} and d.verified
      order by d.match_key, d.confidence desc nulls last, d.usage_count desc
    )
    select source_text, translated_text from found
    order by length(match_key) desc, match_key
    limit ${MAX_GLOSSARY_TERMS}`);
  return rows.rows.map((row) => ({ source: row.source_text, target: row.translated_text }));
}
