import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choosePromptVariant } from '../../../worker/features/learning/prompt-variants';
import { translate } from '../../../worker/features/translation';
import { offlineAi } from '../../../worker/features/triage/offline-engine';
import { type AiEngine, AiError } from '../../../worker/platform/ai/port';
import { startTestDatabase, type TestDatabase } from '../../support/database';
import { insertClient } from '../../support/fixtures';

/** Translations from the dictionary, the cache or the AI, and the prompt variant a lead gets. */
let database: TestDatabase;
let clientId: string;

beforeAll(async () => {
  database = await startTestDatabase();
  clientId = (await insertClient(database.access)).id;
});
afterAll(async () => {
  await database?.close();
});

const rows = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  (await database.access.service((tx) => tx.execute<T>(query))).rows;

/** An AI that translates by tagging the text, and counts its calls. */
function countingTranslator() {
  const engine = {
    calls: 0,
    name: 'openai' as const,
    triage: offlineAi.triage,
    writeReply: offlineAi.writeReply,
    async translate(text: string) {
      engine.calls++;
      return { value: `[fr] ${text}`, engine: 'openai' as const, usage: null, latencyMs: 3 };
    },
  };
  return engine satisfies AiEngine;
}

const request = (text: string) => ({
  text,
  from: 'en' as const,
  to: 'fr' as const,
  context: 'lead_summary' as const,
  clientId,
});

describe('translation', () => {
  it('takes a verified dictionary term first, without asking the AI', async () => {
    await database.access.service((tx) =>
      tx.execute(sql`insert into translation_dictionary (source_text, source_language, target_language, translated_text,
        verified, confidence) values ('Same-day callback', 'en', 'fr', 'Rappel le jour même', true, 1)`),
    );
    const ai = countingTranslator();
    expect(await translate(database.access, ai, request('  same-day   CALLBACK '))).toEqual({
      translated: true,
      text: 'Rappel le jour même',
      source: 'dictionary',
    });
    expect(ai.calls).toBe(0);
    const [term] = await rows(
      sql`select usage_count from translation_dictionary where source_text = 'Same-day callback'`,
    );
    expect(term).toEqual({ usage_count: 1 });
  });

  it('asks the AI once, caches the answer for 90 days, and serves it again whatever the spacing or case', async () => {
    const ai = countingTranslator();
    const text = 'Sarah needs a plumber today: water is pouring from the ceiling.';
    expect(await translate(database.access, ai, request(text))).toMatchObject({ source: 'ai', text: `[fr] ${text}` });
    const [cached] = await rows<{ days: number; used: string }>(sql`select
      round(extract(epoch from expires_at - now()) / 86400)::int as days, last_used_at::text as used
      from translation_cache where source_text = ${text}`);
    expect(cached!.days).toBe(90);

    await new Promise((resolve) => setTimeout(resolve, 20));
    const again = await translate(database.access, ai, request(`  ${text.toUpperCase().replaceAll(' ', '   ')} `));
    expect(again).toMatchObject({ source: 'cache', text: `[fr] ${text}` });
    expect(ai.calls).toBe(1);
    const [bumped] = await rows<{ used: string }>(
      sql`select last_used_at::text as used from translation_cache where source_text = ${text}`,
    );
    expect(bumped!.used > cached!.used).toBe(true);
  });

  it('says "not translated" when only the offline engine is there, and counts hits and misses', async () => {
    expect(await translate(database.access, offlineAi, request('Kevin wants a quote for a heat pump.'))).toEqual({
      translated: false,
      reason: 'engine_cannot_translate',
    });
    const counts = await rows(sql`select metric_name, count(*)::int as n from performance_metrics
      where client_id = ${clientId} and event_type = 'translation' and metric_name in ('cache_hit', 'cache_miss')
      group by metric_name order by metric_name`);
    expect(counts).toEqual([
      { metric_name: 'cache_hit', n: 2 },
      { metric_name: 'cache_miss', n: 2 },
    ]);
  });

  it('says "not translated" when the AI fails, and records the failure', async () => {
    const failing: AiEngine = {
      ...countingTranslator(),
      translate: async () => {
        throw new AiError('server error', 'server', true);
      },
    };
    expect(await translate(database.access, failing, request('A summary the AI never sees.'))).toEqual({
      translated: false,
      reason: 'engine_failed',
    });
    const errors = await rows(sql`select error_count, metadata->>'kind' as kind from performance_metrics
      where client_id = ${clientId} and event_type = 'translation' and metric_name = 'error_rate'`);
    expect(errors).toEqual([{ error_count: 1, kind: 'server' }]);
  });

  it('ignores an expired cache entry', async () => {
    const ai = countingTranslator();
    const text = 'An old summary.';
    await database.access.service((tx) =>
      tx.execute(sql`insert into translation_cache (source_text, source_language, target_language, translated_text,
        context_type, expires_at) values (${text}, 'en', 'fr', 'Vieux', 'lead_summary', now() - interval '1 day')`),
    );
    expect(await translate(database.access, ai, request(text))).toMatchObject({ source: 'ai', text: `[fr] ${text}` });
  });
});

describe('prompt variants', () => {
  const choose = (leadId: string, language: 'en' | 'fr' = 'en') =>
    database.access.service((tx) => choosePromptVariant(tx, 'triage', language, leadId));

  it('uses the seeded variant of the lead’s language', async () => {
    expect((await choose(crypto.randomUUID(), 'fr')).variantId).toBe('triage.fr.v1');
    expect((await choose(crypto.randomUUID(), 'en')).variantId).toBe('triage.en.v1');
  });

  it('splits leads between the arms of a running A/B test, the same lead always in the same arm', async () => {
    await database.access.service(async (tx) => {
      await tx.execute(sql`insert into prompt_registry (prompt_name, variant_version, variant_id, language, prompt_text)
        values ('triage', 2, 'triage.en.v2', 'en', 'A shorter triage prompt.')`);
      await tx.execute(sql`insert into prompt_ab_tests (test_name, prompt_name, language, control_variant_id, treatment_variant_id,
        status, started_at) values ('shorter-triage', 'triage', 'en', 'triage.en.v1', 'triage.en.v2', 'running', now())`);
    });
    const leads = Array.from({ length: 200 }, () => crypto.randomUUID());
    const arms = await Promise.all(leads.map(async (lead) => (await choose(lead)).variantId));
    const treatment = arms.filter((variant) => variant === 'triage.en.v2').length;
    expect(treatment).toBeGreaterThan(70);
    expect(treatment).toBeLessThan(130);
    expect((await choose(leads[0]!)).variantId).toBe(arms[0]);
    // French leads are outside an English test.
    expect((await choose(leads[0]!, 'fr')).variantId).toBe('triage.fr.v1');
  });
});
