import { desc, sql } from 'drizzle-orm';
import { promptAbTests } from '../../../schema';
import type { TriageLabels } from '../../../schema/learning';
import type {
  AccuracyPoint,
  CorrectionFeedItem,
  EvolutionView,
  LearningView,
  PromptsView,
  PromptVariantView,
  SystemView,
  VariantAccuracy,
} from '../../../schema/learning-api';
import type { EvolutionType, IntentKey, Language, MetricSource } from '../../../schema/vocabulary';
import type { DatabaseAccess } from '../../platform/db';
import { abTestView } from './ab-view';
import {
  correctionChanges,
  type DayFigures,
  type ExactTotal,
  excerpt,
  markInUse,
  rate,
  rollupFigures,
  systemComponents,
  windowDays,
  windowStart,
} from './staff-shape';

/**
 * The reads of the learning loop's staff screens (Learning, Prompts, System), across every
 * client, so in the service transaction; the routes let only internal accounts here. A
 * prediction is a feedback_tracking row of action system_performance; it is judged once
 * resolved (processed_at set) with an outcome that is not neutral. Test leads never count.
 */

/** At most this many corrections in the feed. */
export const CORRECTION_FEED_LIMIT = 50;

const iso = (value: Date | string | null): string | null =>
  value === null ? null : (value instanceof Date ? value : new Date(value)).toISOString();
const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/** The predictions of the window, test leads left out (a prediction whose lead is gone is kept). */
const predictionsIn = (start: Date) => sql`
  from feedback_tracking f
  left join lead_memory m on m.id = f.lead_id and m.client_id = f.client_id
  left join clients c on c.id = f.client_id
  where f.action_type = 'system_performance'
    and f.created_at >= ${start.toISOString()}::timestamptz
    and coalesce(m.is_test, false) = false`;

const JUDGED = sql`f.processed_at is not null and f.outcome <> 'neutral'`;

export async function learningView(db: DatabaseAccess, days: number, now = new Date()): Promise<LearningView> {
  const start = windowStart(days, now);
  return db.service(async (tx) => {
    const totals = await tx.execute<{ predictions: number; judged: number; corrected: number }>(sql`
      select count(*)::int as predictions,
        count(*) filter (where ${JUDGED})::int as judged,
        count(*) filter (where ${JUDGED} and f.context_data->>'resolvedBy' = 'correction')::int as corrected
      ${predictionsIn(start)}`);
    const byDay = await tx.execute<{
      day: string;
      engine: 'openai' | 'offline';
      judged: number;
      accuracy: number | null;
    }>(
      sql`
      select to_char(f.created_at at time zone 'UTC', 'YYYY-MM-DD') as day,
        f.context_data->>'engine' as engine,
        count(*)::int as judged,
        avg((f.context_data->>'accuracy')::float8) as accuracy
      ${predictionsIn(start)} and ${JUDGED} and f.context_data->>'engine' in ('openai', 'offline')
      group by 1, 2`,
    );
    const variants = await tx.execute<{
      variant_id: string;
      judged: number;
      corrected: number;
      accuracy: number | null;
    }>(sql`
      select f.context_data->>'variantId' as variant_id,
        count(*) filter (where ${JUDGED})::int as judged,
        count(*) filter (where ${JUDGED} and f.context_data->>'resolvedBy' = 'correction')::int as corrected,
        avg((f.context_data->>'accuracy')::float8) filter (where ${JUDGED}) as accuracy
      ${predictionsIn(start)} and f.context_data->>'variantId' is not null
      group by 1
      order by 2 desc, 1`);
    const confusion = await tx.execute<{ predicted: IntentKey; actual: IntentKey; count: number }>(sql`
      select f.context_data#>>'{prediction,intent}' as predicted,
        f.context_data#>>'{actual,intent}' as actual,
        count(*)::int as count
      ${predictionsIn(start)} and ${JUDGED}
        and f.context_data#>>'{prediction,intent}' is not null and f.context_data#>>'{actual,intent}' is not null
      group by 1, 2
      order by 3 desc, 1, 2`);
    const feed = await tx.execute<{
      id: string;
      at: Date | string;
      client_name: string | null;
      message: string | null;
      context: {
        engine?: 'openai' | 'offline';
        variantId?: string | null;
        corrected?: string[];
        prediction?: Partial<TriageLabels>;
        actual?: Partial<TriageLabels>;
      };
    }>(sql`
      select f.id, f.processed_at as at, c.business_name as client_name, m.message, f.context_data as context
      ${predictionsIn(start)} and f.processed_at is not null and f.context_data->>'resolvedBy' = 'correction'
      order by f.processed_at desc, f.id
      limit ${CORRECTION_FEED_LIMIT}`);

    const total = totals.rows[0] ?? { predictions: 0, judged: 0, corrected: 0 };
    const engines = (['openai', 'offline'] as const).filter((engine) =>
      byDay.rows.some((row) => row.engine === engine),
    );
    const points = new Map(byDay.rows.map((row) => [`${row.engine} ${row.day}`, row]));
    const accuracyByDay: AccuracyPoint[] = engines.flatMap((engine) =>
      windowDays(days, now).map((day) => {
        const row = points.get(`${engine} ${day}`);
        return { day, engine, judged: row?.judged ?? 0, accuracy: num(row?.accuracy ?? null) };
      }),
    );
    const byVariant: VariantAccuracy[] = variants.rows.map((row) => ({
      variantId: row.variant_id,
      judged: row.judged,
      accuracy: num(row.accuracy),
      correctionRate: rate(row.corrected, row.judged),
    }));
    const corrections: CorrectionFeedItem[] = feed.rows.map((row) => ({
      feedbackId: row.id,
      at: iso(row.at)!,
      clientName: row.client_name ?? '',
      excerpt: excerpt(row.message ?? ''),
      changes: correctionChanges(row.context.corrected, row.context.prediction, row.context.actual),
      engine: row.context.engine === 'openai' ? 'openai' : 'offline',
      variantId: row.context.variantId ?? null,
    }));
    return {
      days,
      predictions: total.predictions,
      judged: total.judged,
      corrected: total.corrected,
      correctionRate: rate(total.corrected, total.judged),
      accuracyByDay,
      byVariant,
      confusion: confusion.rows,
      corrections,
    };
  });
}

export async function promptsView(db: DatabaseAccess, canEvolve: boolean): Promise<PromptsView> {
  return db.service(async (tx) => {
    const variants = await tx.execute<{
      id: string;
      variant_id: string;
      prompt_name: string;
      language: Language;
      variant_version: number;
      prompt_text: string;
      score: string | number | null;
      usage_count: number;
      is_active: boolean;
      parent_variant_id: string | null;
      created_at: Date | string;
    }>(sql`
      select r.id, r.variant_id, r.prompt_name, r.language, r.variant_version, r.prompt_text, r.score,
        r.usage_count, r.is_active, r.created_at,
        (select p.variant_id from prompt_evolution e join prompt_registry p on p.id = e.parent_prompt_id
          where e.child_prompt_id = r.id order by e.evolved_at desc, e.id limit 1) as parent_variant_id
      from prompt_registry r
      order by r.prompt_name desc, r.language, r.variant_version, r.variant_id`);
    const tests = await tx
      .select()
      .from(promptAbTests)
      .orderBy(
        desc(sql`${promptAbTests.status} = 'running'`),
        desc(sql`coalesce(${promptAbTests.startedAt}, ${promptAbTests.createdAt})`),
        promptAbTests.id,
      );
    const evolution = await tx.execute<{
      id: string;
      parent: string;
      child: string;
      evolution_type: EvolutionType;
      evolution_strategy: string | null;
      improvement_score: string | number | null;
      evolved_at: Date | string;
    }>(sql`
      select e.id, p.variant_id as parent, c.variant_id as child, e.evolution_type, e.evolution_strategy,
        e.improvement_score, e.evolved_at
      from prompt_evolution e
      join prompt_registry p on p.id = e.parent_prompt_id
      join prompt_registry c on c.id = e.child_prompt_id
      order by e.evolved_at, e.id`);

    const shaped: PromptVariantView[] = markInUse(
      variants.rows.map((row) => ({
        id: row.id,
        variantId: row.variant_id,
        promptName: row.prompt_name,
        language: row.language,
        version: row.variant_version,
        text: row.prompt_text,
        score: num(row.score),
        usageCount: row.usage_count,
        isActive: row.is_active,
        parentVariantId: row.parent_variant_id,
        createdAt: iso(row.created_at)!,
      })),
    );
    return {
      variants: shaped,
      tests: tests.map(abTestView),
      evolution: evolution.rows.map(
        (row): EvolutionView => ({
          id: row.id,
          parentVariantId: row.parent,
          childVariantId: row.child,
          type: row.evolution_type,
          strategy: row.evolution_strategy,
          improvementScore: num(row.improvement_score),
          evolvedAt: iso(row.evolved_at)!,
        }),
      ),
      canEvolve,
    };
  });
}

export async function systemView(db: DatabaseAccess, days: number, now = new Date()): Promise<SystemView> {
  const start = windowStart(days, now).toISOString();
  return db.service(async (tx) => {
    // Raw rows: one per call (response_time) or failure (error_rate), before any rollup.
    const raw = await tx.execute<{
      component: MetricSource;
      day: string;
      answered: number;
      errors: number;
      fallbacks: number;
      p50: number | null;
      p95: number | null;
    }>(sql`
      select source_component as component, to_char(recorded_at at time zone 'UTC', 'YYYY-MM-DD') as day,
        count(*) filter (where metric_name = 'response_time')::int as answered,
        count(*) filter (where metric_name = 'error_rate')::int as errors,
        count(*) filter (where metric_name = 'error_rate' and metadata->>'fellBackTo' is not null)::int as fallbacks,
        percentile_cont(0.5) within group (order by response_time_ms)
          filter (where metric_name = 'response_time') as p50,
        percentile_cont(0.95) within group (order by response_time_ms)
          filter (where metric_name = 'response_time') as p95
      from performance_metrics
      where recorded_at >= ${start}::timestamptz and metadata->>'rollup' is null
        and metric_name in ('response_time', 'error_rate')
      group by 1, 2`);
    const exact = await tx.execute<{ component: MetricSource; p50: number | null; p95: number | null }>(sql`
      select source_component as component,
        percentile_cont(0.5) within group (order by response_time_ms) as p50,
        percentile_cont(0.95) within group (order by response_time_ms) as p95
      from performance_metrics
      where recorded_at >= ${start}::timestamptz and metadata->>'rollup' is null
        and metric_name = 'response_time' and response_time_ms is not null
      group by 1`);
    // Daily rollups of the rows past 30 days (retention.ts): calls and failures, one row per day and key.
    const rollups = await tx.execute<{
      component: MetricSource;
      day: string;
      metric_name: 'response_time' | 'error_rate';
      metadata: Record<string, unknown>;
    }>(sql`
      select source_component as component, to_char(recorded_at at time zone 'UTC', 'YYYY-MM-DD') as day,
        metric_name, metadata
      from performance_metrics
      where recorded_at >= ${start}::timestamptz and metadata->>'rollup' = 'daily'
        and metric_name in ('response_time', 'error_rate')`);

    const figures: DayFigures[] = [
      ...raw.rows.map((row) => ({ ...row, p50: num(row.p50), p95: num(row.p95) })),
      ...rollups.rows.map((row) => rollupFigures(row.component, row.day, row.metric_name, row.metadata)),
    ];
    const exactTotals: ExactTotal[] = exact.rows.map((row) => ({
      component: row.component,
      p50: num(row.p50),
      p95: num(row.p95),
    }));
    const rolled = new Set(rollups.rows.map((row) => row.component));
    return { days, components: systemComponents(windowDays(days, now), figures, rolled, exactTotals) };
  });
}
