import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { lookupTerm, nearKeyQuery, sameKeyQuery, useFuzzyThreshold } from '../../worker/features/translation';
import { seededRandom } from '../lib/seeded-random';
import { type LatencySummary, summarize } from '../lib/stats';
import { openBenchDatabase } from './database';

/**
 * The dictionary's lookup at 10,000 entries (issue 19): the glossary's verified terms and
 * generated ones around them, each kind of near miss the lookup folds (case and plural,
 * accent, elision, a typo) and a term with no entry, timed as the translation step pays for
 * it (one service transaction: the lookup and its usage_count) and, inside the database,
 * by EXPLAIN ANALYZE, with the index the plan reads.
 */

export const DICTIONARY_ENTRIES = 10_000;

/** What is looked up, and what it must find (null: nothing). */
const CASES = [
  { label: 'same term', term: 'thermopompe', finds: 'heat pump' },
  { label: 'capital and plural', term: 'Thermopompes', finds: 'heat pump' },
  { label: 'accent left off', term: 'disponibilite', finds: 'availability' },
  { label: 'elision', term: 'l’entrepreneur général', finds: 'general contractor' },
  { label: 'one typo', term: 'termopompe', finds: 'heat pump' },
  { label: 'no entry', term: 'qwxz vbnm', finds: null },
] as const;

export interface LookupFigures {
  label: string;
  term: string;
  found: string | null;
  latency: LatencySummary;
  /** The database's own time for the query (EXPLAIN ANALYZE), and the index it read. */
  executionMs: number;
  index: string;
}

export interface TranslationFigures {
  database: string;
  entries: number;
  lookups: LookupFigures[];
}

/** Pseudo-French terms of one to three words, seeded: the same dictionary on every run. */
function terms(seed: number) {
  const next = seededRandom(seed);
  const syllables = ['ba', 'ché', 'dro', 'fen', 'gou', 'lai', 'mar', 'nié', 'pom', 'ré', 'sol', 'tu', 'vei', 'ton'];
  const word = () =>
    Array.from({ length: 2 + Math.floor(next() * 3) }, () => syllables[Math.floor(next() * syllables.length)]).join('');
  return () => Array.from({ length: 1 + Math.floor(next() * 3) }, word).join(' ');
}

export async function benchTranslation(options: { databaseUrl?: string | undefined; samples: number }) {
  const bench = await openBenchDatabase(options.databaseUrl, 'bench_translation');
  try {
    const { connection } = bench;
    const glossary = await connection.db.execute<{ n: number }>(
      sql`select count(*)::int as n from translation_dictionary`,
    );
    const missing = DICTIONARY_ENTRIES - (glossary.rows[0]?.n ?? 0);
    const term = terms(19);
    const generated = new Set<string>();
    while (generated.size < missing) generated.add(term());
    const rows = [...generated].map((source, n) => ({ source, target: `generated term ${n}` }));
    for (let start = 0; start < rows.length; start += 1_000) {
      const chunk = rows.slice(start, start + 1_000);
      await connection.db.execute(sql`
        insert into translation_dictionary (source_text, source_language, target_language, translated_text, category, verified)
        select source, 'fr', 'en', target, 'bench', false
        from json_to_recordset(${JSON.stringify(chunk)}::json) as r(source text, target text)`);
    }
    // The statistics autovacuum keeps on a server (the embedded database runs none).
    await connection.db.execute(sql`analyze translation_dictionary`);
    const counted = await connection.db.execute<{ n: number }>(
      sql`select count(*)::int as n from translation_dictionary`,
    );

    const lookups: LookupFigures[] = [];
    for (const lookup of CASES) {
      const once = () => connection.access.service((tx) => lookupTerm(tx, lookup.term, 'fr', 'en'));
      for (let i = 0; i < 20; i++) await once(); // warm: the plan cache, the pool
      const samples: number[] = [];
      let found: string | null = null;
      for (let i = 0; i < options.samples; i++) {
        const started = performance.now();
        const match = await once();
        samples.push(performance.now() - started);
        found = match?.translatedText ?? null;
      }
      if (found !== lookup.finds) throw new Error(`bench: "${lookup.term}" found ${found}, not ${lookup.finds}`);
      const plan = await explain(connection.access, lookup.term);
      lookups.push({ label: lookup.label, term: lookup.term, found, latency: summarize(samples), ...plan });
    }
    return { database: bench.database, entries: counted.rows[0]?.n ?? 0, lookups } satisfies TranslationFigures;
  } finally {
    await bench.close();
  }
}

/** The plan of the query that answers `term`: the same key when one matches, else the nearest keys. */
async function explain(access: Awaited<ReturnType<typeof openBenchDatabase>>['connection']['access'], term: string) {
  return access.service(async (tx) => {
    await useFuzzyThreshold(tx);
    const same = await tx.execute(sameKeyQuery(term, 'fr', 'en', 1));
    const query = same.rows.length > 0 ? sameKeyQuery(term, 'fr', 'en', 1) : nearKeyQuery(term, 'fr', 'en', 1);
    const lines = (await tx.execute<{ 'QUERY PLAN': string }>(sql`explain (analyze, costs off) ${query}`)).rows.map(
      (row) => row['QUERY PLAN'],
    );
    const plan = lines.join('\n');
    return {
      executionMs: Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? Number.NaN),
      index:
        /Index (?:Only )?Scan (?:using|on) (\w+)/.exec(plan)?.[1] ??
        (plan.includes('Seq Scan') ? 'none (Seq Scan)' : '?'),
    };
  });
}
