import { type SQL, sql } from 'drizzle-orm';
import {
  CONVERTED_TAG,
  type IntentKey,
  type LeadTone,
  MACHINE_PERFORMERS,
  type Urgency,
} from '../../../schema/vocabulary';
import type { Transaction } from '../../platform/db';
import type { WindowBounds } from './window';

/**
 * The growth analysis's statements: every aggregate is taken in Postgres, so a client with
 * 100,000 leads sends back a few dozen rows, never its leads. Three statements: one pass over
 * all the client's leads (the planner scans the table when the client is most of it, else its
 * range of `lead_memory_client_created_idx`), one over the weekly series' range of that index,
 * and one that probes `lead_actions_lead_timestamp_idx` twice per lead of the period.
 */

/** A person's timeline entry is one by anyone but these (schema/vocabulary.ts, as on the home). */
const MACHINES = sql.raw(MACHINE_PERFORMERS.map((name) => `'${name}'`).join(', '));

export interface Scope {
  clientId: string;
  /** A test client's leads are all tests or samples: they count. */
  testClient: boolean;
}

const at = (instant: Date) => sql`${instant.toISOString()}::timestamptz`;

/**
 * The analysed leads: the client's, not deleted, not in the Spam folder, real ones unless
 * the client is a test client, created before the period's end. Archived leads count: a
 * handled lead is archived. A WHERE clause on `lead_memory m`.
 */
function analysed(scope: Scope, bounds: WindowBounds): SQL {
  const real = scope.testClient ? sql`` : sql`and m.is_test = false`;
  return sql`m.client_id = ${scope.clientId} ${real} and m.deleted = false and m.in_spam = false
    and m.created_at < ${at(bounds.end)}`;
}

const converted = sql`m.current_tag = ${CONVERTED_TAG}`;

export type TotalsRow = {
  total: number;
  high: number;
  medium: number;
  low: number;
  en: number;
  fr: number;
  en_converted: number;
  fr_converted: number;
  avg_confidence: string | null;
  first_lead_at: string | Date | null;
  period_leads: number;
  previous_leads: number;
  period_high: number;
  previous_high: number;
  period_triaged: number;
  previous_triaged: number;
  period_converted: number;
  period_en: number;
  period_fr: number;
  baseline_leads: number;
  anomaly_leads: number;
  anomaly_high: number;
};

export type IntentRow = {
  intent_key: IntentKey;
  intent_en: string;
  intent_fr: string;
  leads: number;
  converted: number;
  period: number;
  previous: number;
  anomaly: number;
};

export type ToneRow = {
  tone: LeadTone;
  count: number;
};

/** One row of the pass: the totals (no intent, no tone), an intent's, or a tone's. */
type PassRow = TotalsRow & {
  by_intent: boolean;
  by_tone: boolean;
  intent: string | null;
  tone: LeadTone | null;
  converted: number;
  intent_key: IntentKey | null;
  intent_fr: string | null;
};

/**
 * Every all-time count and the period's against the one before, overall, per intent and per
 * tone, in ONE pass over the client's leads (grouping sets): the client's leads are most of
 * what is read, and reading them once is what keeps a 100,000-lead client under a second.
 */
const passStatement = (scope: Scope, b: WindowBounds): SQL => {
  const inPeriod = sql`m.created_at >= ${at(b.start)}`;
  const inPrevious = sql`m.created_at >= ${at(b.previousStart)} and m.created_at < ${at(b.start)}`;
  const inAnomalyHistory = sql`m.created_at >= ${at(b.anomalyStart)} and m.created_at < ${at(b.start)}`;
  return sql`
    with pass as (
      select grouping(m.intent) = 0 as by_intent, grouping(m.tone) = 0 as by_tone, m.intent, m.tone,
        count(*)::int as total,
        (count(*) filter (where ${converted}))::int as converted,
        (count(*) filter (where m.urgency = 'High'))::int as high,
        (count(*) filter (where m.urgency = 'Medium'))::int as medium,
        (count(*) filter (where m.urgency = 'Low'))::int as low,
        (count(*) filter (where m.language = 'en'))::int as en,
        (count(*) filter (where m.language = 'fr'))::int as fr,
        (count(*) filter (where m.language = 'en' and ${converted}))::int as en_converted,
        (count(*) filter (where m.language = 'fr' and ${converted}))::int as fr_converted,
        round(avg(m.confidence_score), 3)::text as avg_confidence,
        min(m.created_at) as first_lead_at,
        (count(*) filter (where ${inPeriod}))::int as period_leads,
        (count(*) filter (where ${inPrevious}))::int as previous_leads,
        (count(*) filter (where ${inPeriod} and m.urgency = 'High'))::int as period_high,
        (count(*) filter (where ${inPrevious} and m.urgency = 'High'))::int as previous_high,
        (count(*) filter (where ${inPeriod} and m.urgency is not null))::int as period_triaged,
        (count(*) filter (where ${inPrevious} and m.urgency is not null))::int as previous_triaged,
        (count(*) filter (where ${inPeriod} and ${converted}))::int as period_converted,
        (count(*) filter (where ${inPeriod} and m.language = 'en'))::int as period_en,
        (count(*) filter (where ${inPeriod} and m.language = 'fr'))::int as period_fr,
        (count(*) filter (where m.created_at >= ${at(b.baselineStart)} and m.created_at < ${at(b.start)}))::int
          as baseline_leads,
        (count(*) filter (where ${inAnomalyHistory}))::int as anomaly_leads,
        (count(*) filter (where ${inAnomalyHistory} and m.urgency = 'High'))::int as anomaly_high
      from lead_memory m
      where ${analysed(scope, b)}
      group by grouping sets ((), (m.intent), (m.tone))
    )
    select pass.*, t.intent_key, t.intent_fr from pass
    left join intent_translations t on pass.by_intent and t.intent_en = pass.intent`;
};

export type DayRow = {
  /** Whole days back from the period's end: 0 is [end − 24 h, end), a window's first instant in it. */
  day: number;
  leads: number;
  high: number;
  converted: number;
  /** Confidence scores in hundredths, summed (exact), and how many leads had one. */
  confidence_hundredths: number;
  confidence_leads: number;
};

/**
 * The weekly series' leads per 24-hour window counted back from the period's end, so the
 * forecast can read the weekday profile and the weeks are sums of 7 of them.
 */
const daysStatement = (scope: Scope, b: WindowBounds): SQL => sql`
  select (ceil(extract(epoch from (${at(b.end)} - m.created_at)) / 86400) - 1)::int as day,
    count(*)::int as leads,
    (count(*) filter (where m.urgency = 'High'))::int as high,
    (count(*) filter (where ${converted}))::int as converted,
    coalesce(sum(round(m.confidence_score * 100)), 0)::int as confidence_hundredths,
    count(m.confidence_score)::int as confidence_leads
  from lead_memory m
  where ${analysed(scope, b)} and m.created_at >= ${at(b.seriesStart)}
  group by 1`;

export type SpeedRow = {
  /** null on the row of all urgencies (and on leads not triaged, which only that row counts). */
  urgency: Urgency | null;
  is_all: boolean;
  reply_leads: number;
  reply_median: string | null;
  reply_p90: string | null;
  action_leads: number;
  action_median: string | null;
  action_p90: string | null;
  waiting_high: number;
};

/** Minutes from the lead's arrival to `instant`, never negative; null when `instant` is (greatest() would make it 0). */
const minutesAfter = (instant: SQL) =>
  sql`case when ${instant} is not null then greatest(0, extract(epoch from (${instant} - m.created_at)))::float8 / 60 end`;

/**
 * Speed to lead over the period's leads: minutes to the first automatic reply and to the
 * first action by a person, their median and 90th percentile by urgency and for all (one
 * pass, grouping sets), and the High leads still waiting for a person.
 */
const speedStatement = (scope: Scope, b: WindowBounds): SQL => sql`
  with firsts as (
    select m.urgency, m.archived,
      ${minutesAfter(sql`reply.at`)} as reply_minutes,
      ${minutesAfter(sql`human.at`)} as action_minutes
    from lead_memory m
    left join lateral (select a.timestamp as at from lead_actions a
      where a.lead_id = m.id and a.action_type = 'replied' and a.performed_by = 'system'
      order by a.timestamp limit 1) reply on true
    left join lateral (select a.timestamp as at from lead_actions a
      where a.lead_id = m.id and a.performed_by not in (${MACHINES})
      order by a.timestamp limit 1) human on true
    where ${analysed(scope, b)} and m.created_at >= ${at(b.start)}
  )
  select urgency, grouping(urgency) = 1 as is_all,
    count(reply_minutes)::int as reply_leads,
    round((percentile_cont(0.5) within group (order by reply_minutes))::numeric, 1)::text as reply_median,
    round((percentile_cont(0.9) within group (order by reply_minutes))::numeric, 1)::text as reply_p90,
    count(action_minutes)::int as action_leads,
    round((percentile_cont(0.5) within group (order by action_minutes))::numeric, 1)::text as action_median,
    round((percentile_cont(0.9) within group (order by action_minutes))::numeric, 1)::text as action_p90,
    (count(*) filter (where urgency = 'High' and not archived and action_minutes is null))::int as waiting_high
  from firsts
  group by grouping sets ((urgency), ())`;

export interface AnalysisRows {
  totals: TotalsRow;
  intents: IntentRow[];
  tones: ToneRow[];
  days: DayRow[];
  speed: SpeedRow[];
  /** Leads of the period that got the automatic reply. */
  autoReplied: number;
}

/** Reads every aggregate of the analysis in the transaction given (the client's tenant transaction). */
export async function readAnalysisRows(tx: Transaction, scope: Scope, bounds: WindowBounds): Promise<AnalysisRows> {
  const pass = (await tx.execute<PassRow>(passStatement(scope, bounds))).rows;
  const totals = pass.find((row) => !row.by_intent && !row.by_tone);
  if (!totals) throw new Error('the analysis pass returned no totals row');
  const intents = pass.flatMap((row): IntentRow[] =>
    row.by_intent && row.intent_key && row.intent && row.intent_fr
      ? [
          {
            intent_key: row.intent_key,
            intent_en: row.intent,
            intent_fr: row.intent_fr,
            leads: row.total,
            converted: row.converted,
            period: row.period_leads,
            previous: row.previous_leads,
            anomaly: row.anomaly_leads,
          },
        ]
      : [],
  );
  const tones = pass.flatMap((row): ToneRow[] =>
    row.by_tone && row.tone ? [{ tone: row.tone, count: row.total }] : [],
  );
  const days = (await tx.execute<DayRow>(daysStatement(scope, bounds))).rows;
  const speed = (await tx.execute<SpeedRow>(speedStatement(scope, bounds))).rows;
  const all = speed.find((row) => row.is_all);
  return { totals, intents, tones, days, speed, autoReplied: all?.reply_leads ?? 0 };
}
