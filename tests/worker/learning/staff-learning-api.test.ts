import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedbackTracking, leadMemory, performanceMetrics, promptAbTests, promptEvolution } from '../../../schema';
import type { TriageLabels } from '../../../schema/learning';
import type { LearningView, PromptsView, SystemView } from '../../../schema/learning-api';
import { intentOf } from '../../../schema/vocabulary';
import { startWorker } from '../../../scripts/lib/worker';
import { type ErrorBody, type SignedInClient, signedInClient, type WorkerResponse } from '../../support/dashboard';
import { startTestDatabase, type TestDatabase } from '../../support/database';

/**
 * The learning loop's staff screens, read side, in the real runtime: GET
 * /api/app/staff/learning, /staff/prompts and /staff/system. Only internal accounts; the
 * figures are checked on rows written straight into the tables, across two clients, with a
 * test lead that must never count and daily rollups next to raw metrics.
 */

let database: TestDatabase;
let worker: Miniflare;
let staff: SignedInClient;
let customer: SignedInClient;
let other: SignedInClient;

const DAY_MS = 86_400_000;
const json = async <T>(response: WorkerResponse) => (await response.json()) as T;

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
  customer = await signedInClient(database, worker);
  other = await signedInClient(database, worker);
});
afterAll(async () => {
  await worker?.dispose();
  await database?.close();
});

const labels = (intent: TriageLabels['intent'], urgency: TriageLabels['urgency'] = 'Medium'): TriageLabels => ({
  intent,
  urgency,
  tone: 'Friendly',
  language: 'fr',
});

interface Seed {
  client: SignedInClient;
  message?: string;
  isTest?: boolean;
  engine: 'openai' | 'offline';
  variantId: string;
  prediction: TriageLabels;
  /** Absent: still pending. */
  resolvedBy?: 'correction' | 'confirmation' | 'conversion' | 'archived' | 'timeout';
  actual?: TriageLabels;
  daysAgo: number;
}

/** A lead and its prediction, resolved as outcomes.ts resolves one. */
async function seedPrediction(seed: Seed): Promise<string> {
  const at = new Date(Date.now() - seed.daysAgo * DAY_MS);
  const actual = seed.actual ?? seed.prediction;
  const fields = (['intent', 'urgency', 'tone', 'language'] as const).filter(
    (field) => actual[field] !== seed.prediction[field],
  );
  const neutral = seed.resolvedBy === 'archived' || seed.resolvedBy === 'timeout';
  return database.access.service(async (tx) => {
    const [lead] = await tx
      .insert(leadMemory)
      .values({
        clientId: seed.client.client.id,
        name: 'Client',
        email: `lead-${randomUUID().slice(0, 8)}@example.ca`,
        message: seed.message ?? 'Bonjour, une soumission pour une toiture?',
        language: 'fr',
        intent: intentOf(actual.intent).en,
        urgency: actual.urgency,
        isTest: seed.isTest ?? false,
        createdAt: at,
      })
      .returning({ id: leadMemory.id });
    const [row] = await tx
      .insert(feedbackTracking)
      .values({
        leadId: lead!.id,
        clientId: seed.client.client.id,
        actionType: 'system_performance',
        outcome: !seed.resolvedBy || neutral ? 'neutral' : fields.length > 0 ? 'negative' : 'positive',
        contextData: {
          prediction: seed.prediction,
          engine: seed.engine,
          variantId: seed.variantId,
          fellBackFrom: null,
          ...(seed.resolvedBy
            ? {
                resolvedBy: seed.resolvedBy,
                actual,
                corrected: fields,
                accuracy: neutral ? null : (4 - fields.length) / 4,
              }
            : {}),
        },
        processedAt: seed.resolvedBy ? new Date(at.getTime() + 3_600_000) : null,
        createdAt: at,
      })
      .returning({ id: feedbackTracking.id });
    return row!.id;
  });
}

describe('who may read the staff screens', () => {
  it('answers 403 to a client account and 401 without a session, on each of the three', async () => {
    for (const path of ['/api/app/staff/learning', '/api/app/staff/prompts', '/api/app/staff/system']) {
      const refused = await customer.call('GET', path);
      expect(refused.status).toBe(403);
      expect((await json<ErrorBody>(refused)).error.code).toBe('forbidden');
      const french = await customer.call('GET', path, { headers: { 'Accept-Language': 'fr-CA' } });
      expect((await json<ErrorBody>(french)).error.message).toBe('Seuls les comptes du personnel d’Avenir le peuvent.');
      expect(
        (await worker.dispatchFetch(`http://localhost${path}`, { headers: { Origin: 'http://localhost' } })).status,
      ).toBe(401);
    }
  });

  it('refuses a window out of range, in the language asked for', async () => {
    for (const [path, bad] of [
      ['/api/app/staff/learning', ['6', '181', 'abc', '30&days=40']],
      ['/api/app/staff/system', ['0', '91', '1.5']],
    ] as const) {
      for (const days of bad) {
        const response = await staff.call('GET', `${path}?days=${days}`, { headers: { 'Accept-Language': 'fr' } });
        expect(response.status, `${path}?days=${days}`).toBe(422);
        const error = (await json<ErrorBody>(response)).error;
        expect(error.code).toBe('invalid_request');
        expect(error.message).toMatch(/^Choisissez un nombre de jours de \d+ à \d+\.$/);
      }
    }
    expect((await staff.call('GET', '/api/app/staff/learning?days=7')).status).toBe(200);
    expect((await staff.call('GET', '/api/app/staff/system?days=90')).status).toBe(200);
  });
});

describe('GET /api/app/staff/learning', () => {
  let correctionId: string;
  beforeAll(async () => {
    // Customer: an OpenAI correction of the intent (today), a confirmation, a conversion.
    correctionId = await seedPrediction({
      client: customer,
      message: `Bonjour, ${'nous aimerions refaire la toiture de notre maison, '.repeat(5)}merci!`,
      engine: 'openai',
      variantId: 'triage.fr.v1',
      prediction: labels('booking_request'),
      resolvedBy: 'correction',
      actual: labels('quote_request', 'High'),
      daysAgo: 0,
    });
    await seedPrediction({
      client: customer,
      engine: 'openai',
      variantId: 'triage.fr.v1',
      prediction: labels('quote_request'),
      resolvedBy: 'confirmation',
      daysAgo: 0,
    });
    await seedPrediction({
      client: other,
      engine: 'offline',
      variantId: 'triage.fr.v1',
      prediction: labels('quote_request'),
      resolvedBy: 'conversion',
      daysAgo: 2,
    });
    // Neutral and pending: predictions, never judged.
    await seedPrediction({
      client: other,
      engine: 'offline',
      variantId: 'triage.en.v1',
      prediction: labels('complaint'),
      resolvedBy: 'archived',
      daysAgo: 2,
    });
    await seedPrediction({
      client: other,
      engine: 'openai',
      variantId: 'triage.en.v1',
      prediction: labels('complaint'),
      daysAgo: 1,
    });
    // A test lead's correction and one older than the window: never counted.
    await seedPrediction({
      client: other,
      isTest: true,
      engine: 'openai',
      variantId: 'triage.fr.v1',
      prediction: labels('spam'),
      resolvedBy: 'correction',
      actual: labels('complaint'),
      daysAgo: 0,
    });
    await seedPrediction({
      client: customer,
      engine: 'openai',
      variantId: 'triage.fr.v1',
      prediction: labels('billing'),
      resolvedBy: 'correction',
      actual: labels('complaint'),
      daysAgo: 40,
    });
  });

  it('counts predictions, judged and corrected ones across clients, test leads and older rows left out', async () => {
    const view = await json<LearningView>(await staff.call('GET', '/api/app/staff/learning'));
    expect(view.days).toBe(30);
    expect(view).toMatchObject({ predictions: 5, judged: 3, corrected: 1 });
    expect(view.correctionRate).toBeCloseTo(1 / 3, 6);
  });

  it('gives each engine’s accuracy per day, every day of the window for an engine with verdicts', async () => {
    const view = await json<LearningView>(await staff.call('GET', '/api/app/staff/learning?days=7'));
    const today = new Date().toISOString().slice(0, 10);
    const openai = view.accuracyByDay.filter((point) => point.engine === 'openai');
    const offline = view.accuracyByDay.filter((point) => point.engine === 'offline');
    expect(openai).toHaveLength(7);
    expect(offline).toHaveLength(7);
    // Today: the correction kept 2 of 4 fields, the confirmation all 4.
    expect(openai.at(-1)).toEqual({ day: today, engine: 'openai', judged: 2, accuracy: 0.75 });
    const twoDaysAgo = new Date(Date.now() - 2 * DAY_MS).toISOString().slice(0, 10);
    expect(offline.find((point) => point.day === twoDaysAgo)).toMatchObject({ judged: 1, accuracy: 1 });
    expect(offline.at(-1)).toMatchObject({ judged: 0, accuracy: null });
  });

  it('gives accuracy and correction rate by variant, and the confusion of judged intents', async () => {
    const view = await json<LearningView>(await staff.call('GET', '/api/app/staff/learning'));
    const fr = view.byVariant.find((row) => row.variantId === 'triage.fr.v1');
    expect(fr).toMatchObject({ judged: 3 });
    expect(fr?.accuracy).toBeCloseTo(2.5 / 3, 6);
    expect(fr?.correctionRate).toBeCloseTo(1 / 3, 6);
    expect(view.byVariant.find((row) => row.variantId === 'triage.en.v1')).toMatchObject({
      judged: 0,
      accuracy: null,
      correctionRate: null,
    });
    expect(view.confusion).toEqual(
      expect.arrayContaining([
        { predicted: 'quote_request', actual: 'quote_request', count: 2 },
        { predicted: 'booking_request', actual: 'quote_request', count: 1 },
      ]),
    );
    expect(view.confusion).toHaveLength(2);
  });

  it('lists the corrections with the client, an excerpt and what changed', async () => {
    const view = await json<LearningView>(await staff.call('GET', '/api/app/staff/learning'));
    expect(view.corrections).toHaveLength(1);
    const [item] = view.corrections;
    expect(item).toMatchObject({
      feedbackId: correctionId,
      clientName: customer.client.businessName,
      engine: 'openai',
      variantId: 'triage.fr.v1',
      changes: [
        { field: 'intent', from: 'booking_request', to: 'quote_request' },
        { field: 'urgency', from: 'Medium', to: 'High' },
      ],
    });
    expect([...item!.excerpt].length).toBeLessThanOrEqual(160);
    expect(item!.excerpt).toMatch(/^Bonjour, nous aimerions refaire la toiture.*…$/);
  });
});

describe('GET /api/app/staff/prompts', () => {
  it('lists every variant with the one in use, parents, tests and their decision', async () => {
    await database.access.service(async (tx) => {
      const ids = new Map(
        (
          await tx.execute<{ id: string; variant_id: string }>(sql`select id, variant_id from prompt_registry`)
        ).rows.map((row) => [row.variant_id, row.id]),
      );
      const [child] = (
        await tx.execute<{ id: string }>(sql`
          insert into prompt_registry (prompt_name, variant_version, variant_id, language, prompt_text, score)
          values ('triage', 2, 'triage.fr.v2.test', 'fr', 'Tu tries les messages (v2).', 0.9)
          returning id`)
      ).rows;
      await tx.execute(sql`
        insert into prompt_registry (prompt_name, variant_version, variant_id, language, prompt_text, score, is_active)
        values ('triage', 3, 'triage.fr.v3.test', 'fr', 'Tu tries (v3, retirée).', 0.95, false)`);
      await tx.insert(promptEvolution).values({
        parentPromptId: ids.get('triage.fr.v1')!,
        childPromptId: child!.id,
        evolutionType: 'manual_edit',
      });
      await tx.insert(promptAbTests).values([
        {
          testName: 'fr v1 vs v2',
          promptName: 'triage',
          language: 'fr',
          controlVariantId: 'triage.fr.v1',
          treatmentVariantId: 'triage.fr.v2.test',
          status: 'running',
          controlMetrics: { executions: 10, judged: 8, corrected: 2, correctionRate: 0.25, costUsd: 0.01 },
          statisticalSignificance: 0.4,
          startedAt: new Date(),
        },
        {
          testName: 'fr done',
          promptName: 'triage',
          language: 'fr',
          controlVariantId: 'triage.fr.v1',
          treatmentVariantId: 'triage.fr.v2.test',
          status: 'completed',
          winnerVariantId: 'triage.fr.v2.test',
        },
        {
          testName: 'fr flat',
          promptName: 'triage',
          language: 'fr',
          controlVariantId: 'triage.fr.v1',
          treatmentVariantId: 'triage.fr.v2.test',
          status: 'completed',
        },
        {
          testName: 'fr stopped',
          promptName: 'triage',
          language: 'fr',
          controlVariantId: 'triage.fr.v1',
          treatmentVariantId: 'triage.fr.v2.test',
          status: 'cancelled',
        },
      ]);
    });
    const view = await json<PromptsView>(await staff.call('GET', '/api/app/staff/prompts'));
    const byId = new Map(view.variants.map((variant) => [variant.variantId, variant]));
    // Best-scoring active: v2 (0.9), not the inactive v3 (0.95) nor v1 (no score).
    expect(byId.get('triage.fr.v2.test')).toMatchObject({ inUse: true, parentVariantId: 'triage.fr.v1', score: 0.9 });
    expect(byId.get('triage.fr.v3.test')).toMatchObject({ inUse: false, isActive: false });
    expect(byId.get('triage.fr.v1')).toMatchObject({ inUse: false, parentVariantId: null });
    // Equal (no) scores: the newest version; one per prompt and language.
    expect(byId.get('triage.en.v1')?.inUse).toBe(true);
    expect(view.variants.filter((variant) => variant.inUse)).toHaveLength(4);

    const decisions = Object.fromEntries(view.tests.map((test) => [test.testName, test.decision]));
    expect(decisions).toEqual({
      'fr v1 vs v2': 'collecting',
      'fr done': 'winner',
      'fr flat': 'inconclusive',
      'fr stopped': 'cancelled',
    });
    const running = view.tests.find((test) => test.testName === 'fr v1 vs v2')!;
    expect(running.pValue).toBe(0.4);
    expect(running.controlMetrics).toMatchObject({ executions: 10, judged: 8, corrected: 2, correctionRate: 0.25 });
    expect(running.controlMetrics?.quality).toBeNull();
    expect(running.treatmentMetrics).toBeNull();
    expect(view.evolution).toEqual([
      expect.objectContaining({
        parentVariantId: 'triage.fr.v1',
        childVariantId: 'triage.fr.v2.test',
        type: 'manual_edit',
      }),
    ]);
    // No OpenAI key in this Worker: evolution cannot run, and no key is in the answer.
    expect(view.canEvolve).toBe(false);
  });
});

describe('GET /api/app/staff/system', () => {
  it('gives calls, percentiles, error and fallback rates by component and day, rollups included', async () => {
    const now = Date.now();
    const today = new Date(now).toISOString().slice(0, 10);
    const dayStart = Date.parse(`${today}T00:00:00Z`);
    const at = new Date(Math.max(dayStart, now - 60_000));
    const call = (component: 'intelligence_engine' | 'mailer', ms: number) => ({
      eventType: 'ai_analysis' as const,
      metricName: 'response_time' as const,
      metricValue: ms,
      metricUnit: 'ms' as const,
      responseTimeMs: ms,
      sourceComponent: component,
      recordedAt: at,
    });
    const rollupDay = new Date(dayStart - 40 * DAY_MS);
    await database.access.service((tx) =>
      tx.insert(performanceMetrics).values([
        ...[100, 200, 300, 400].map((ms) => call('intelligence_engine', ms)),
        {
          eventType: 'ai_analysis',
          metricName: 'error_rate',
          metricValue: 1,
          metricUnit: 'count',
          errorCount: 1,
          sourceComponent: 'intelligence_engine',
          recordedAt: at,
          metadata: { fellBackTo: 'offline' },
        },
        call('mailer', 50),
        {
          eventType: 'ai_analysis',
          metricName: 'response_time',
          metricValue: 0,
          metricUnit: 'ms',
          sourceComponent: 'intelligence_engine',
          recordedAt: rollupDay,
          metadata: { rollup: 'daily', count: 20, p50: 1000, p95: 3000, errors: 5, fallbacks: 2 },
        },
        // retention.ts rolls failures up apart: their count of rows, and how many fell back.
        {
          eventType: 'ai_analysis',
          metricName: 'error_rate',
          metricValue: 1,
          metricUnit: 'count',
          errorCount: 3,
          sourceComponent: 'intelligence_engine',
          recordedAt: rollupDay,
          metadata: { rollup: 'daily', count: 3, p50: 9000, p95: 9000, errors: 3, fallbacks: 1 },
        },
      ]),
    );

    const view = await json<SystemView>(await staff.call('GET', '/api/app/staff/system'));
    expect(view.days).toBe(14);
    expect(view.components.map((row) => row.component)).toEqual([
      'lead_api',
      'intelligence_engine',
      'translation_service',
      'mailer',
    ]);
    const ai = view.components.find((row) => row.component === 'intelligence_engine')!;
    expect(ai.byDay).toHaveLength(14);
    expect(ai.total).toEqual({ count: 5, p50Ms: 250, p95Ms: 385, errorRate: 0.2, fallbackRate: 0.2 });
    expect(ai.byDay.at(-1)).toEqual({
      day: today,
      count: 5,
      p50Ms: 250,
      p95Ms: 385,
      errorRate: 0.2,
      fallbackRate: 0.2,
    });
    expect(ai.byDay[0]).toEqual({
      day: ai.byDay[0]!.day,
      count: 0,
      p50Ms: null,
      p95Ms: null,
      errorRate: null,
      fallbackRate: null,
    });
    const mailer = view.components.find((row) => row.component === 'mailer')!;
    expect(mailer.total).toMatchObject({ count: 1, p50Ms: 50, errorRate: 0, fallbackRate: null });
    expect(view.components.find((row) => row.component === 'lead_api')!.total).toEqual({
      count: 0,
      p50Ms: null,
      p95Ms: null,
      errorRate: null,
      fallbackRate: null,
    });

    // 45 days back: the rollups' day counts with its 20 calls and 5 + 3 failures (28 calls in all).
    const long = await json<SystemView>(await staff.call('GET', '/api/app/staff/system?days=45'));
    const rolled = long.components.find((row) => row.component === 'intelligence_engine')!;
    const rollupRow = rolled.byDay.find((row) => row.day === rollupDay.toISOString().slice(0, 10));
    expect(rollupRow).toEqual({
      day: rollupDay.toISOString().slice(0, 10),
      count: 28,
      p50Ms: 1000,
      p95Ms: 3000,
      errorRate: 8 / 28,
      fallbackRate: 3 / 28,
    });
    expect(rolled.total.count).toBe(33);
    expect(rolled.total.errorRate).toBeCloseTo(9 / 33, 6);
    expect(rolled.total.fallbackRate).toBeCloseTo(4 / 33, 6);
    // Mostly the rollup's calls: the estimated median is the rollup day's.
    expect(rolled.total.p50Ms).toBe(1000);
  });
});
