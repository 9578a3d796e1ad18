import { sql } from 'drizzle-orm';
import type { DatabaseAccess } from '../../platform/db';
import { TIMEOUT_NOTES } from './resolution';

/**
 * The learning tables' daily upkeep, so neither grows without bound:
 * - a prediction nobody resolved in 30 days is resolved neutral (`timeout`);
 * - feedback past its `expires_at` (a year by default) is deleted;
 * - performance_metrics keeps raw rows 30 days; older ones become one row per UTC day and
 *   key (event, metric, unit, component, client) with `metadata.rollup = 'daily'` and the
 *   day's count, mean, p50, p95, errors and AI fallbacks. A row recorded late for a day
 *   already rolled up makes a second rollup row for that day: readers weight rollups by
 *   their count.
 * Each step works in bounded batches, each its own transaction, so a large backlog never
 * holds one long lock; a redelivered run finds nothing left to do.
 */

export const PREDICTION_TIMEOUT_DAYS = 30;
export const RAW_METRICS_DAYS = 30;
const BATCH = 5_000;

/** A run stops after this many batches per step; the next day's run goes on. */
const MAX_BATCHES = 40;

export interface RetentionResult {
  [key: string]: number;
  predictionsTimedOut: number;
  feedbackExpired: number;
  metricsRolledUp: number;
  rollupRowsWritten: number;
}

async function inBatches(step: () => Promise<number>): Promise<number> {
  let total = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const done = await step();
    total += done;
    if (done < BATCH) break;
  }
  return total;
}

const timeOutPredictions = (db: DatabaseAccess, now: Date) =>
  db.service(async (tx) => {
    const result = await tx.execute(sql`
      update feedback_tracking f set
        outcome = 'neutral',
        impact_score = 0,
        context_data = f.context_data || jsonb_build_object('resolvedBy', 'timeout',
          'actual', f.context_data -> 'prediction', 'corrected', '[]'::jsonb, 'accuracy', null),
        notes_en = ${TIMEOUT_NOTES.en},
        notes_fr = ${TIMEOUT_NOTES.fr},
        learning_applied = false,
        learning_impact = 0,
        processed_at = ${now.toISOString()}::timestamptz
      where f.id in (
        select id from feedback_tracking
        where processed_at is null and action_type = 'system_performance'
          and created_at < ${now.toISOString()}::timestamptz - make_interval(days => ${PREDICTION_TIMEOUT_DAYS})
        order by created_at
        limit ${BATCH}
        for update skip locked)`);
    return result.rowCount ?? 0;
  });

const deleteExpiredFeedback = (db: DatabaseAccess, now: Date) =>
  db.service(async (tx) => {
    const result = await tx.execute(sql`
      delete from feedback_tracking where id in (
        select id from feedback_tracking where expires_at < ${now.toISOString()}::timestamptz
        limit ${BATCH} for update skip locked)`);
    return result.rowCount ?? 0;
  });

/** One batch of raw rows older than the cutoff, deleted and written back as daily rollups. */
const rollUpMetrics = (db: DatabaseAccess, now: Date, written: { rows: number }) =>
  db.service(async (tx) => {
    const result = await tx.execute<{ raw: number; rollups: number }>(sql`
      with raw as (
        delete from performance_metrics where id in (
          select id from performance_metrics
          where recorded_at < date_trunc('day', ${now.toISOString()}::timestamptz - make_interval(days => ${RAW_METRICS_DAYS}), 'UTC')
            and not (metadata ? 'rollup')
          limit ${BATCH} for update skip locked)
        returning *
      ), days as (
        select date_trunc('day', recorded_at, 'UTC') as day, event_type, metric_name, metric_unit,
          source_component, client_id,
          count(*)::int as n,
          avg(metric_value) as mean,
          percentile_cont(0.5) within group (order by response_time_ms) as p50,
          percentile_cont(0.95) within group (order by response_time_ms) as p95,
          sum(error_count)::int as errors,
          (count(*) filter (where metadata ? 'fellBackTo'))::int as fallbacks,
          avg(success_rate) as success_rate,
          avg(ai_accuracy) as ai_accuracy
        from raw
        group by 1, 2, 3, 4, 5, 6
      ), written as (
        insert into performance_metrics (event_type, metric_name, metric_value, metric_unit, response_time_ms,
          success_rate, ai_accuracy, error_count, source_component, client_id, recorded_at, metadata)
        select event_type, metric_name, mean, metric_unit, round(p50)::int, round(success_rate::numeric, 3),
          round(ai_accuracy::numeric, 3), errors, source_component, client_id, day,
          jsonb_build_object('rollup', 'daily', 'count', n, 'mean', mean, 'p50', p50, 'p95', p95,
            'errors', errors, 'fallbacks', fallbacks)
        from days
        returning 1
      )
      select (select count(*) from raw)::int as raw, (select count(*) from written)::int as rollups`);
    const row = result.rows[0] ?? { raw: 0, rollups: 0 };
    written.rows += row.rollups;
    return row.raw;
  });

export async function runRetention(db: DatabaseAccess, now = new Date()): Promise<RetentionResult> {
  const written = { rows: 0 };
  return {
    predictionsTimedOut: await inBatches(() => timeOutPredictions(db, now)),
    feedbackExpired: await inBatches(() => deleteExpiredFeedback(db, now)),
    metricsRolledUp: await inBatches(() => rollUpMetrics(db, now, written)),
    rollupRowsWritten: written.rows,
  };
}
