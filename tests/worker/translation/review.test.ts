import { sql } from 'drizzle-orm';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CachedTranslationView,
  DictionaryMatchView,
  TranslationReviewView,
} from '../../../schema/translation-api';
import { startWorker } from '../../../scripts/lib/worker';
import { translate } from '../../../worker/features/translation';
import { offlineAi } from '../../../worker/features/triage/offline-engine';
import type { AiEngine } from '../../../worker/platform/ai/port';
import { type ErrorBody, type SignedInClient, signedInClient } from '../../support/dashboard';
import { startTestDatabase, type TestDatabase } from '../../support/database';

/**
 * The staff's translation review in the real runtime: cached translations by use and by
 * quality, a correction that makes the entry a person's, a promotion after which the
 * dictionary answers before the AI, the dictionary's fuzzy search, and clients kept out.
 */

let database: TestDatabase;
let worker: Miniflare;
let staff: SignedInClient;
let client: SignedInClient;

const cached = (text: string, translated: string, uses: number, quality: number | null, context = 'lead_summary') =>
  database.access.service((tx) =>
    tx.execute(sql`insert into translation_cache (source_text, source_language, target_language, translated_text,
      context_type, use_count, quality_score) values (${text}, 'en', 'fr', ${translated}, ${context}, ${uses}, ${quality})`),
  );

beforeAll(async () => {
  database = await startTestDatabase();
  worker = await startWorker(
    { DATABASE_URL: database.databaseUrl, DATABASE_WS_PROXY: database.wsProxy },
    { queueConsumers: false },
  );
  staff = await signedInClient(database, worker);
  await database.access.service((tx) =>
    tx.execute(sql`update clients set is_internal = true where id = ${staff.client.id}`),
  );
  client = await signedInClient(database, worker);
  await cached(
    'Marc wants his gutters cleaned before winter.',
    'Marc veut faire nettoyer ses gouttières avant l’hiver.',
    9,
    0.9,
  );
  await cached('Lisa asks for a quote on a new deck.', 'Lisa demande un devis pour un nouveau deck.', 2, 0.4);
  await cached('Paul needs a plumber.', 'Paul a besoin d’un plombier.', 5, null);
  await cached('Calm and precise', 'Calme et précise', 1, 0.7, 'tone');
});
afterAll(async () => {
  await worker?.dispose();
  await database?.close();
});

const review = async (query: string) => {
  const response = await staff.call('GET', `/api/app/staff/translations${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as TranslationReviewView;
};

describe('the translation review', () => {
  it('lists cached translations by use, and by quality with the unscored and weakest first', async () => {
    const byUse = await review('');
    expect(byUse.translations.map((row) => row.useCount)).toEqual([9, 5, 2, 1]);
    expect(byUse.total).toBe(4);
    // Every client reads the dictionary: a lead's summary may never go there, a tone may.
    expect(byUse.translations.map((row) => row.promotable)).toEqual([false, false, false, true]);
    expect(byUse.dictionary.verified).toBeGreaterThanOrEqual(400);
    const byQuality = await review('?sort=quality');
    expect(byQuality.translations.map((row) => row.qualityScore)).toEqual([null, 0.4, 0.7, 0.9]);
    expect((await review('?q=deck')).translations.map((row) => row.sourceText)).toEqual([
      'Lisa asks for a quote on a new deck.',
    ]);
  });

  it('takes a correction as a person’s word, and once promoted the dictionary answers before the AI', async () => {
    const [lisa] = (await review('?q=deck')).translations;
    const corrected = await staff.call('PATCH', `/api/app/staff/translations/${lisa!.id}`, {
      body: { translatedText: 'Lisa demande une soumission pour un nouveau patio.' },
    });
    expect(corrected.status).toBe(200);
    expect((await corrected.json()) as CachedTranslationView).toMatchObject({
      translatedText: 'Lisa demande une soumission pour un nouveau patio.',
      verified: true,
      qualityScore: 1,
      inDictionary: false,
    });

    // A lead's summary names a client's lead: refused, in the reader's language, and nothing written.
    const refused = await staff.call('POST', `/api/app/staff/translations/${lisa!.id}/promote`, {
      headers: { 'Accept-Language': 'fr-CA' },
    });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as ErrorBody).error).toMatchObject({
      code: 'translation_not_promotable',
      message: expect.stringMatching(/^Seul un terme d’au plus 4 mots/),
    });
    const leaked = await database.access.service((tx) =>
      tx.execute(sql`select 1 from translation_dictionary where source_text ilike 'Lisa%'`),
    );
    expect(leaked.rows).toEqual([]);

    const [tone] = (await review('?q=Calm')).translations;
    const promoted = await staff.call('POST', `/api/app/staff/translations/${tone!.id}/promote`);
    expect(promoted.status).toBe(201);
    expect((await promoted.json()) as DictionaryMatchView).toMatchObject({ verified: true, context: 'tone' });
    expect((await review('?q=Calm')).translations[0]!.inDictionary).toBe(true);
    // A correction after the promotion reaches the entry that now answers first.
    await staff.call('PATCH', `/api/app/staff/translations/${tone!.id}`, {
      body: { translatedText: 'Calme et précis' },
    });

    let asked = 0;
    const ai: AiEngine = {
      ...offlineAi,
      name: 'openai',
      async translate(text) {
        asked++;
        return { value: `[fr] ${text}`, engine: 'openai', usage: null, latencyMs: 1 };
      },
    };
    const result = await translate(database.access, ai, {
      text: 'calm and precise',
      from: 'en',
      to: 'fr',
      context: 'tone',
      clientId: null,
    });
    expect(result).toEqual({ translated: true, text: 'Calme et précis', source: 'dictionary' });
    expect(asked).toBe(0);
  });

  it('searches the dictionary as the lookup does: a typo still finds the term', async () => {
    const response = await staff.call(
      'GET',
      `/api/app/staff/dictionary?term=${encodeURIComponent('Thermopompes')}&from=fr`,
    );
    expect(response.status).toBe(200);
    const { matches } = (await response.json()) as { matches: DictionaryMatchView[] };
    expect(matches[0]).toMatchObject({ sourceText: 'thermopompe', translatedText: 'heat pump', similarity: 1 });
    const typo = await staff.call('GET', '/api/app/staff/dictionary?term=termopompe&from=fr');
    expect(((await typo.json()) as { matches: DictionaryMatchView[] }).matches[0]?.translatedText).toBe('heat pump');
  });

  it('refuses bad input in the reader’s language, an unknown id with 404, and a client altogether', async () => {
    const [paul] = (await review('?q=Paul')).translations;
    const bad = await staff.call('PATCH', `/api/app/staff/translations/${paul!.id}`, {
      body: { qualityScore: 3 },
      headers: { 'Accept-Language': 'fr-CA' },
    });
    expect(bad.status).toBe(422);
    expect(JSON.stringify((await bad.json()) as ErrorBody)).toContain('Donnez une qualité de 0 à 1.');
    const empty = await staff.call('PATCH', `/api/app/staff/translations/${paul!.id}`, { body: {} });
    expect(empty.status).toBe(422);
    const unknown = await staff.call(
      'POST',
      '/api/app/staff/translations/00000000-0000-4000-8000-000000000000/promote',
    );
    expect(unknown.status).toBe(404);
    expect(
      (await staff.call('PATCH', '/api/app/staff/translations/not-an-id', { body: { verified: true } })).status,
    ).toBe(404);
    expect((await client.call('GET', '/api/app/staff/translations')).status).toBe(403);
    expect((await client.call('POST', `/api/app/staff/translations/${paul!.id}/promote`)).status).toBe(403);
  });
});
