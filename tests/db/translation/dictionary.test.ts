import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  findTerms,
  glossaryTerms,
  lookupTerm,
  nearKeyQuery,
  sameKeyQuery,
  translate,
  useFuzzyThreshold,
} from '../../../worker/features/translation';
import { FUZZY_THRESHOLD } from '../../../worker/features/translation/dictionary';
import { offlineAi } from '../../../worker/features/triage/offline-engine';
import type { AiEngine, GlossaryTerm } from '../../../worker/platform/ai/port';
import { startTestDatabase, type TestDatabase } from '../../support/database';

/**
 * The seeded trade glossary and the dictionary's fuzzy lookup on the database: a term
 * written with other case, accents, plural, elision or a typo finds its entry, through the
 * indexes (checked at 10,000 entries), and the AI is given the terms a text contains.
 */

let database: TestDatabase;

beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const rows = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  (await database.access.service((tx) => tx.execute<T>(query))).rows;

const best = async (term: string, from: 'en' | 'fr', to: 'en' | 'fr') =>
  (await database.access.service((tx) => findTerms(tx, term, from, to)))[0] ?? null;

describe('the seeded glossary', () => {
  it('holds at least 200 verified trade terms each way, in every trade the product serves first', async () => {
    const counts = await rows<{ category: string; en: number; fr: number }>(sql`
      select category, count(*) filter (where source_language = 'en')::int as en,
        count(*) filter (where source_language = 'fr')::int as fr
      from translation_dictionary where verified and context is not null group by 1 order by 1`);
    expect(counts.map((row) => row.category)).toEqual([
      'cleaning',
      'clinic',
      'dental',
      'electrical',
      'general',
      'hvac',
      'landscaping',
      'plumbing',
      'renovation',
      'roofing',
    ]);
    expect(counts.reduce((sum, row) => sum + row.en, 0)).toBeGreaterThanOrEqual(200);
    expect(counts.reduce((sum, row) => sum + row.fr, 0)).toBeGreaterThanOrEqual(200);
    for (const row of counts) expect(row.en, row.category).toBeGreaterThanOrEqual(15);
  });

  it('says it the Quebec way', async () => {
    const said = async (en: string) => (await best(en, 'en', 'fr'))?.translatedText;
    expect(await said('quote')).toBe('soumission');
    expect(await said('email')).toBe('courriel');
    expect(await said('heat pump')).toBe('thermopompe');
    expect(await said('weekend')).toBe('fin de semaine');
  });
});

describe('the fuzzy lookup', () => {
  it.each([
    ['Thermopompes', 'fr', 'heat pump'], // case and plural
    ['deneigement', 'fr', 'snow removal'], // accents
    ['l’entretien ménager', 'fr', 'cleaning'], // elision, typographic apostrophe
    ['thermopomp', 'fr', 'heat pump'], // a letter missing
    ['GUTTERS', 'en', 'gouttière'],
    ['gutter!', 'en', 'gouttière'],
    ['sump pmp', 'en', 'pompe de puisard'], // a typo in a two-word term
  ] as const)('finds “%s” (%s) → %s', async (term, from, expected) => {
    const match = await best(term, from, from === 'en' ? 'fr' : 'en');
    expect(match?.translatedText).toBe(expected);
    expect(match!.similarity).toBeGreaterThanOrEqual(FUZZY_THRESHOLD);
  });

  it('finds nothing for a word no entry is near, nor fuzzily for a sentence', async () => {
    expect(await best('pizza', 'en', 'fr')).toBeNull();
    expect(await best('the heat pump makes a loud noise every night since we moved in', 'en', 'fr')).toBeNull();
  });

  it('never answers a phrase with a shorter term it contains: "pas de chauffage" is not "heating"', async () => {
    expect((await best('chauffage', 'fr', 'en'))?.translatedText).toBe('heating');
    expect(await best('pas de chauffage', 'fr', 'en')).toBeNull();
    expect(await best('heat pump repair', 'en', 'fr')).toBeNull();
  });

  it('counts each use of the entry it answers with, a near match with less confidence than an exact one', async () => {
    const [before] = await rows<{ usage_count: number }>(
      sql`select usage_count from translation_dictionary where source_text = 'thermopompe' and source_language = 'fr'`,
    );
    const exact = await database.access.service((tx) => lookupTerm(tx, 'thermopompe', 'fr', 'en'));
    const near = await database.access.service((tx) => lookupTerm(tx, 'termopompe', 'fr', 'en'));
    const [after] = await rows<{ usage_count: number }>(
      sql`select usage_count from translation_dictionary where source_text = 'thermopompe' and source_language = 'fr'`,
    );
    expect(after!.usage_count).toBe(before!.usage_count + 2);
    expect(exact!.confidence).toBe(1);
    expect(near!.confidence).toBeLessThan(1);
    expect(near!.confidence).toBeGreaterThan(0.5);
  });

  it('gives the AI the verified terms a text contains, the longer term first', async () => {
    const terms = await database.access.service((tx) =>
      glossaryTerms(tx, 'Bonjour, notre thermopompe fuit et la gouttière est tombée. Une soumission svp!', 'fr', 'en'),
    );
    expect(terms).toEqual(
      expect.arrayContaining([
        { source: 'thermopompe', target: 'heat pump' },
        { source: 'gouttière', target: 'gutter' },
        { source: 'soumission', target: 'quote' },
      ]),
    );
    // A term of five words is given too.
    const long = await database.access.service((tx) =>
      glossaryTerms(tx, 'Le détecteur de monoxyde de carbone sonne sans arrêt.', 'fr', 'en'),
    );
    expect(long[0]).toEqual({ source: 'détecteur de monoxyde de carbone', target: 'carbon monoxide detector' });
    const seen: GlossaryTerm[][] = [];
    const ai: AiEngine = {
      ...offlineAi,
      name: 'openai',
      async translate(text, _from, _to, _context, glossary = []) {
        seen.push([...glossary]);
        return { value: `[en] ${text}`, engine: 'openai', usage: null, latencyMs: 1 };
      },
    };
    const result = await translate(database.access, ai, {
      text: 'Julie a besoin d’une soumission pour une thermopompe murale.',
      from: 'fr',
      to: 'en',
      context: 'lead_summary',
      clientId: null,
    });
    expect(result).toMatchObject({ translated: true, source: 'ai' });
    expect(seen[0]).toEqual(expect.arrayContaining([{ source: 'thermopompe murale', target: 'ductless heat pump' }]));
    expect(seen[0]!.findIndex((term) => term.source === 'thermopompe murale')).toBe(0);
  });
});

describe('at 10,000 entries', () => {
  it('answers through the indexes, not a scan of the dictionary', async () => {
    await database.access.service(async (tx) => {
      await tx.execute(sql`
        insert into translation_dictionary (source_text, source_language, target_language, translated_text, context, category)
        select 'terme ' || md5(n::text) || ' ' || (array['toit','drain','fenêtre','porte','plancher'])[1 + n % 5],
          'fr', 'en', 'term ' || n, 'synthetic ' || n, 'bench'
        from generate_series(1, 10000) n`);
    });
    // As the table's owner (the service role may not), with the statistics autovacuum keeps on a server.
    await database.db.execute(sql`analyze translation_dictionary`);
    const plan = async (query: ReturnType<typeof sql>) =>
      (
        await database.access.service(async (tx) => {
          await useFuzzyThreshold(tx);
          return tx.execute<{ 'QUERY PLAN': string }>(sql`explain ${query}`);
        })
      ).rows
        .map((row) => row['QUERY PLAN'])
        .join('\n');
    // The lookup's own queries, as findTerms runs them.
    const exact = await plan(sameKeyQuery('Thermopompes', 'fr', 'en', 1));
    // The btree or the trigram index (pg_trgm 1.6's GiST answers equality too): either reads a few rows.
    expect(exact).toMatch(/Index Scan using translation_dictionary_match_(trgm_)?idx/);
    expect(exact).not.toContain('Seq Scan');
    const near = await plan(nearKeyQuery('termopompe', 'fr', 'en', 1));
    expect(near).toContain('translation_dictionary_match_trgm_idx');
    expect(near).not.toContain('Seq Scan');
    // And still right among 10,000 neighbours.
    expect((await best('termopompe', 'fr', 'en'))?.translatedText).toBe('heat pump');
  });
});
