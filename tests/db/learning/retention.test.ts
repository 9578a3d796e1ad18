import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedbackTracking, leadMemory, performanceMetrics } from '../../../schema';
import { learningRetentionJob } from '../../../worker/features/learning';
import { runRetention } from '../../../worker/features/learning/retention';
import { runClaimed } from '../../../worker/platform/jobs/claim';
import { scheduledRun } from '../../../worker/platform/jobs/run-job';
import { startTestDatabase, type TestDatabase } from '../../support/database';
import { insertClient } from '../../support/fixtures';

/**
 * The learning tables' daily upkeep against a real Postgres engine: predictions nobody
 * resolved time out as neutral, expired feedback goes, old metrics become daily rollups,
 * and running it again changes nothing.
 */
let database: TestDatabase;
let clientId: string;
const NOW = new Date('2026-12-02T09:15:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000);

beforeAll(async () => {
  database = await startTestDatabase();
  clientId = (await insertClient(database.access, { businessName: 'Garage Lévesque' })).id;
});
afterAll(async () => {
  await database?.close();
});

const rows = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  (await database.access.service((tx) => tx.execute<T>(query))).rows;

async function prediction(createdAt: Date, resolved = false) {
  return database.access.service(async (tx) => {
    const [lead] = await tx
      .insert(leadMemory)
      .values({
        clientId,
        name: 'Luc',
        email: `luc-${crypto.randomUUID()}@example.ca`,
        message: 'Allo',
        language: 'fr',
      })
      .returning();
    const [row] = await tx
      .insert(feedbackTracking)
      .values({
        leadId: lead!.id,
        clientId,
        actionType: 'system_performance',
        outcome: resolved ? 'positive' : 'neutral',
        contextData: {
          prediction: { intent: 'quote_request', urgency: 'Medium', tone: 'Friendly', language: 'fr' },
          engine: 'offline',
          variantId: 'triage.fr.v1',
          fellBackFrom: null,
        },
        processedAt: resolved ? createdAt : null,
        createdAt,
      })
      .returning();
    return row!.id;
  });
}

describe('the learning retention', () => {
  it('resolves predictions untouched for 30 days as neutral, and only those', async () => {
    const stale = await prediction(daysAgo(31));
    const fresh = await prediction(daysAgo(29));
    const resolvedLongAgo = await prediction(daysAgo(60), true);

    const result = await runRetention(database.access, NOW);
    expect(result.predictionsTimedOut).toBe(1);

    const byId = new Map(
      (
        await rows<{ id: string; outcome: string; processed_at: unknown; context_data: Record<string, unknown> }>(
          sql`select id, outcome, processed_at, context_data from feedback_tracking where id in (${stale}, ${fresh}, ${resolvedLongAgo})`,
        )
      ).map((row) => [row.id, row]),
    );
    expect(byId.get(stale)).toMatchObject({ outcome: 'neutral' });
    expect(byId.get(stale)!.processed_at).not.toBeNull();
    expect(byId.get(stale)!.context_data).toMatchObject({ resolvedBy: 'timeout', accuracy: null });
    expect(byId.get(fresh)!.processed_at).toBeNull();
    expect(byId.get(resolvedLongAgo)).toMatchObject({ outcome: 'positive' });

    expect((await runRetention(database.access, NOW)).predictionsTimedOut).toBe(0);
  });

  it('deletes feedback past its expiry and keeps the rest', async () => {
    const expired = await prediction(daysAgo(400), true);
    const kept = await prediction(daysAgo(200), true);
    await database.access.service((tx) =>
      tx.execute(
        sql`update feedback_tracking set expires_at = created_at + interval '1 year' where id in (${expired}, ${kept})`,
      ),
    );
    const result = await runRetention(database.access, NOW);
    expect(result.feedbackExpired).toBe(1);
    const left = await rows<{ id: string }>(sql`select id from feedback_tracking where id in (${expired}, ${kept})`);
    expect(left.map((row) => row.id)).toEqual([kept]);
  });

  it('rolls raw metrics older than 30 days into one row per day and key, with the day’s percentiles', async () => {
    const day = new Date('2026-10-01T00:00:00Z');
    const latencies = Array.from({ length: 20 }, (_, i) => (i + 1) * 10); // 10…200 ms
    await database.access.service(async (tx) => {
      await tx.insert(performanceMetrics).values([
        ...latencies.map((ms, i) => ({
          eventType: 'ai_analysis' as const,
          metricName: 'response_time' as const,
          metricValue: ms,
          metricUnit: 'ms' as const,
          responseTimeMs: ms,
          sourceComponent: 'intelligence_engine' as const,
          clientId,
          recordedAt: new Date(day.getTime() + i * 3_600_000),
        })),
        {
          eventType: 'ai_analysis',
          metricName: 'error_rate',
          metricValue: 1,
          metricUnit: 'count',
          errorCount: 1,
          sourceComponent: 'intelligence_engine',
          clientId,
          recordedAt: new Date(day.getTime() + 3_600_000),
          metadata: { fellBackTo: 'offline' },
        },
        // Recent: stays raw.
        {
          eventType: 'ai_analysis',
          metricName: 'response_time',
          metricValue: 99,
          metricUnit: 'ms',
          responseTimeMs: 99,
          sourceComponent: 'intelligence_engine',
          clientId,
          recordedAt: daysAgo(3),
        },
      ]);
    });

    const result = await runRetention(database.access, NOW);
    expect(result.metricsRolledUp).toBe(21);
    expect(result.rollupRowsWritten).toBe(2);

    const rollups = await rows<{ metric_name: string; recorded_at: Date | string; metadata: Record<string, number> }>(
      sql`select metric_name, recorded_at, metadata from performance_metrics where metadata ? 'rollup' order by metric_name`,
    );
    expect(rollups).toHaveLength(2);
    const [errors, timings] = rollups;
    expect(new Date(timings!.recorded_at).toISOString()).toBe(day.toISOString());
    expect(timings!.metadata).toMatchObject({ rollup: 'daily', count: 20, p50: 105, mean: 105 });
    expect(timings!.metadata.p95).toBeCloseTo(190.5, 5);
    expect(errors!.metadata).toMatchObject({ count: 1, errors: 1, fallbacks: 1 });

    const raw = await rows(sql`select 1 from performance_metrics where not (metadata ? 'rollup')`);
    expect(raw).toHaveLength(1);
    expect(await runRetention(database.access, NOW)).toMatchObject({ metricsRolledUp: 0, rollupRowsWritten: 0 });
  });
});

describe('the daily run', () => {
  it('is one unit of work a day: the cron firing twice, or the queue redelivering, runs it once', async () => {
    const morning = {
      type: 'learning_retention' as const,
      run: scheduledRun('daily', new Date('2026-12-02T09:15:00Z')),
    };
    const again = { type: 'learning_retention' as const, run: scheduledRun('daily', new Date('2026-12-02T09:15:30Z')) };
    const key = learningRetentionJob.dedupeKey(morning);
    expect(learningRetentionJob.dedupeKey(again)).toBe(key);
    expect(
      learningRetentionJob.dedupeKey({ ...morning, run: scheduledRun('daily', new Date('2026-12-03T09:15:00Z')) }),
    ).not.toBe(key);

    let runs = 0;
    const work = async () => {
      runs++;
      return runRetention(database.access, NOW);
    };
    const first = await runClaimed(
      database.access,
      { type: 'learning_retention', dedupeKey: key, payload: morning },
      work,
    );
    const second = await runClaimed(
      database.access,
      { type: 'learning_retention', dedupeKey: key, payload: again },
      work,
    );
    expect(first).toMatchObject({ done: true, result: { predictionsTimedOut: expect.any(Number) } });
    expect(second).toEqual({ done: true });
    expect(runs).toBe(1);
  });
});
