import { sql } from 'drizzle-orm';
import type { ArmMetrics } from '../../../schema/learning-api';
import { CONVERTED_TAG } from '../../../schema/vocabulary';
import type { Transaction } from '../../platform/db';

/**
 * An A/B arm's figures since the test started: the executions of its variant
 * (prompt_performance: scores, latency, tokens, cost) and the outcomes of the predictions
 * it made (feedback_tracking: judged, corrected; lead_memory: converted). Only OpenAI's
 * answers count (the offline engine runs no prompt), and never a test lead.
 */

const round = (value: number | null, digits = 3) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;
const rate = (part: number, whole: number) => (whole === 0 ? null : round(part / whole));

export async function measureArm(tx: Transaction, variantId: string, since: Date, until: Date): Promise<ArmMetrics> {
  const executions = await tx.execute<{
    executions: number;
    quality: number | null;
    consistency: number | null;
    completeness: number | null;
    latency_p50: number | null;
    tokens_mean: number | null;
    cost: number | null;
  }>(sql`
    select count(*)::int as executions,
      avg(p.output_quality_score)::float8 as quality,
      avg(p.consistency_score)::float8 as consistency,
      avg(p.completeness_score)::float8 as completeness,
      percentile_cont(0.5) within group (order by p.response_time_ms)::float8 as latency_p50,
      avg(p.token_count)::float8 as tokens_mean,
      coalesce(sum(p.cost_usd), 0)::float8 as cost
    from prompt_performance p
    join prompt_registry r on r.id = p.prompt_registry_id
    where r.variant_id = ${variantId} and p.environment = 'production'
      and p.executed_at >= ${since.toISOString()}::timestamptz and p.executed_at < ${until.toISOString()}::timestamptz`);
  const outcomes = await tx.execute<{
    predictions: number;
    judged: number;
    corrected: number;
    conversions: number;
  }>(sql`
    select count(*)::int as predictions,
      (count(*) filter (where f.processed_at is not null and f.outcome <> 'neutral'))::int as judged,
      (count(*) filter (where f.processed_at is not null and f.outcome = 'negative'))::int as corrected,
      (count(*) filter (where l.current_tag = ${CONVERTED_TAG}))::int as conversions
    from feedback_tracking f
    join lead_memory l on l.id = f.lead_id and l.client_id = f.client_id
    where f.action_type = 'system_performance' and f.context_data ->> 'variantId' = ${variantId}
      and f.context_data ->> 'engine' = 'openai' and not l.is_test
      and f.created_at >= ${since.toISOString()}::timestamptz and f.created_at < ${until.toISOString()}::timestamptz`);
  const run = executions.rows[0]!;
  const outcome = outcomes.rows[0]!;
  return {
    executions: run.executions,
    quality: round(run.quality),
    consistency: round(run.consistency),
    completeness: round(run.completeness),
    judged: outcome.judged,
    corrected: outcome.corrected,
    correctionRate: rate(outcome.corrected, outcome.judged),
    conversions: outcome.conversions,
    conversionRate: rate(outcome.conversions, outcome.predictions),
    latencyMsP50: round(run.latency_p50, 0),
    tokensMean: round(run.tokens_mean, 1),
    costUsd: round(run.cost ?? 0, 6) ?? 0,
  };
}

/** A variant's score is how it does now: its last 90 days of verdicts. */
const SCORE_WINDOW_DAYS = 90;

/**
 * `prompt_registry.score` kept current: the mean accuracy (share of the four fields that
 * stood) of each variant's judged OpenAI predictions of the last 90 days, for the variants
 * named. A variant without any keeps its score.
 */
export async function refreshScores(tx: Transaction, variantIds: readonly string[]): Promise<void> {
  if (variantIds.length === 0) return;
  await tx.execute(sql`
    update prompt_registry r set score = s.accuracy, updated_at = now()
    from (
      select f.context_data ->> 'variantId' as variant_id,
        round(avg((f.context_data ->> 'accuracy')::numeric), 3) as accuracy
      from feedback_tracking f
      where f.action_type = 'system_performance' and f.context_data ->> 'engine' = 'openai'
        and f.processed_at is not null and jsonb_typeof(f.context_data -> 'accuracy') = 'number'
        and f.processed_at > now() - make_interval(days => ${SCORE_WINDOW_DAYS})
        and f.context_data ->> 'variantId' in ${variantIds}
      group by 1
    ) s
    where r.variant_id = s.variant_id`);
}
