import { eq, type SQL, sql } from 'drizzle-orm';
import { clients } from '../../../schema';
import type { HomeUrgentLead, HomeView } from '../../../schema/app-api';
import { type IntentKey, type Language, MACHINE_PERFORMERS, type Urgency } from '../../../schema/vocabulary';
import type { DatabaseAccess, Transaction } from '../../platform/db';
import { excerpt } from './excerpt';
import { homeLinks } from './links';
import { type HomePeriods, homePeriods, minutesBetween } from './periods';

/**
 * The home: what needs the client now, read in the tenant transaction of the session's
 * client (row-level security decides what exists), in three statements after the tenant's
 * settings: whether the client is a test client, the urgent leads with their count, and one
 * row of the other figures.
 */

export type { HomeUrgentLead, HomeView };

/** How many urgent leads the home lists; `urgent.total` says how many there are. */
export const URGENT_LIMIT = 5;

const machines = sql.raw(MACHINE_PERFORMERS.map((name) => `'${name}'`).join(', '));

/**
 * Lead `m`'s first timeline entry by a person (not by the pipeline nor the form), if any:
 * `human.at`. A lateral subquery, ordered and limited, so the planner probes
 * `lead_actions_lead_timestamp_idx` once per lead and stops at the first person's entry.
 * Written as NOT EXISTS, the planner hashed every action of the client instead (on PGlite, a
 * sequential scan of lead_actions). Without statistics (PGlite has no autovacuum; the
 * benchmark analyzes) each probe is still intersected with the client's whole
 * `lead_actions_client_timestamp_idx` range, which the row-level security condition offers:
 * see tests/db/home/home-figures.test.ts.
 */
const firstHumanAction = sql`left join lateral (select a.timestamp as at from lead_actions a
    where a.lead_id = m.id and a.performed_by not in (${machines})
    order by a.timestamp limit 1) human on true`;

/**
 * Whether the client is a test client (the demo): its leads are all test leads and all it
 * has, so they count. The inbox's rule (features/inbox/filters.ts `isTestClient`), read by
 * primary key so the lead queries keep a plain `is_test = false` their indexes serve.
 */
async function isTestClient(tx: Transaction, clientId: string): Promise<boolean> {
  const [row] = await tx.select({ isTest: clients.isTest }).from(clients).where(eq(clients.id, clientId));
  return row?.isTest ?? false;
}

export interface Scope {
  clientId: string;
  testClient: boolean;
}

/**
 * The client's real leads: named (so the planner uses the `(client_id, …)` indexes, where
 * row-level security alone would already limit the rows), test leads left out unless the
 * client is a test client.
 */
const realLeads = ({ clientId, testClient }: Scope): SQL =>
  testClient ? sql`m.client_id = ${clientId}` : sql`m.client_id = ${clientId} and m.is_test = false`;

/**
 * Urgent leads waiting for a person: High, in the active tab, no human action yet. The
 * urgency is matched through the expression of `lead_memory_inbox_urgency_idx` (the inbox's
 * URGENCY_RANK, schema/leads.ts), so the planner reads exactly the client's active High
 * leads from that index instead of every active lead. A FROM clause and its WHERE.
 */
const urgentLeads = (scope: Scope): SQL => sql`lead_memory m ${firstHumanAction}
  where ${realLeads(scope)}
    and m.deleted = false and m.archived = false and m.in_spam = false
    and (case m.urgency when 'High' then 0 when 'Medium' then 1 when 'Low' then 2 else 3 end) = 0
    and human.at is null`;

/** Leads that count as having come in: not in the Spam folder and not deleted (archived ones count). */
const arrivedLeads = (scope: Scope): SQL => sql`${realLeads(scope)} and m.deleted = false and m.in_spam = false`;

const testActions = ({ testClient }: Scope): SQL => (testClient ? sql`` : sql`and a.is_test = false`);

type UrgentRow = {
  id: string;
  name: string;
  created_at: string | Date;
  intent: string | null;
  intent_key: IntentKey | null;
  intent_fr: string | null;
  urgency: Urgency;
  language: Language | null;
  ai_summary: string | null;
  ai_summary_en: string | null;
  ai_summary_fr: string | null;
  message_head: string;
  total: number;
  auto_replied: boolean;
  unread: boolean;
};

type FiguresRow = {
  new_today: number;
  replies_today: number;
  replies_week: number;
  median_minutes: string | null;
  median_leads: number;
  has_real_lead: boolean;
  has_any_lead: boolean;
};

function urgentLead(row: UrgentRow, asOf: Date): HomeUrgentLead {
  const createdAt = new Date(row.created_at);
  return {
    id: row.id,
    name: row.name,
    createdAt: createdAt.toISOString(),
    waitedMinutes: minutesBetween(createdAt, asOf),
    intent:
      row.intent && row.intent_key && row.intent_fr ? { key: row.intent_key, en: row.intent, fr: row.intent_fr } : null,
    urgency: row.urgency,
    language: row.language,
    aiSummary: row.ai_summary,
    aiSummaryEn: row.ai_summary_en,
    aiSummaryFr: row.ai_summary_fr,
    messageExcerpt: excerpt(row.message_head),
    autoReplied: row.auto_replied,
    unread: row.unread,
  };
}

/**
 * The urgent leads the home lists, the longest waiting first, with the message's head only
 * (it may be 5,000 characters), each row with the count of them all (`total`, taken before
 * the limit): one pass over the client's active High leads for both. The limit is taken
 * before the intent's names and the reply are looked up, so those cost five probes, not a
 * pass over the client's actions.
 */
export const urgentStatement = (scope: Scope): SQL => sql`
  select w.*, t.intent_key, t.intent_fr, reply.sent is not null as auto_replied
  from (
    select m.id, m.name, m.created_at, m.intent, m.urgency, m.language, m.ai_summary, m.ai_summary_en,
      m.ai_summary_fr, left(m.message, 200) as message_head, m.opened_at is null as unread,
      (count(*) over ())::int as total
    from ${urgentLeads(scope)}
    order by m.created_at, m.id
    limit ${URGENT_LIMIT}
  ) w
  left join intent_translations t on t.intent_en = w.intent
  left join lateral (select 1 as sent from lead_actions r
    where r.lead_id = w.id and r.action_type = 'replied' and r.performed_by = 'system' limit 1) reply on true
  order by w.created_at, w.id`;

/**
 * The home's other figures in one row, each from an index range of the client (the plans
 * are checked in tests/db/home/home-figures.test.ts).
 */
export function figuresStatement(scope: Scope, periods: HomePeriods): SQL {
  const today = periods.today.toISOString();
  const week = periods.week.toISOString();
  const { clientId } = scope;
  return sql`
    select n.new_today, r.replies_today, r.replies_week, f.median_minutes, f.median_leads,
      (select 1 from lead_memory m where ${realLeads(scope)} order by m.created_at limit 1) is not null as has_real_lead,
      (select 1 from lead_memory m where m.client_id = ${clientId} order by m.created_at limit 1) is not null
        as has_any_lead
    from
      (select count(*)::int as new_today from lead_memory m
        where ${arrivedLeads(scope)} and m.created_at >= ${today}::timestamptz) n,
      (select (count(*) filter (where a.timestamp >= ${today}::timestamptz))::int as replies_today,
          count(*)::int as replies_week
        from lead_actions a
        where a.client_id = ${clientId} and a.action_type = 'replied' and a.performed_by = 'system'
          and a.timestamp >= ${week}::timestamptz ${testActions(scope)}) r,
      (select round((percentile_cont(0.5) within group (order by minutes))::numeric, 1)::text as median_minutes,
          count(*)::int as median_leads
        from (
          select greatest(0, extract(epoch from human.at - m.created_at))::float8 / 60 as minutes
          from lead_memory m ${firstHumanAction}
          where ${arrivedLeads(scope)} and m.created_at >= ${week}::timestamptz and human.at is not null
        ) firsts) f`;
}

/** The home of `clientId` at `now`, its days taken in `timeZone` (a canonical IANA name). */
export function homeView(db: DatabaseAccess, clientId: string, timeZone: string, now: Date): Promise<HomeView> {
  const periods = homePeriods(timeZone, now);
  return db.tenant(clientId, async (tx) => {
    const scope = { clientId, testClient: await isTestClient(tx, clientId) };

    const urgent = await tx.execute<UrgentRow>(urgentStatement(scope));
    const [figures] = (await tx.execute<FiguresRow>(figuresStatement(scope, periods))).rows;
    if (!figures) throw new Error('the home figures returned no row');

    const links = homeLinks(periods);
    return {
      asOf: now.toISOString(),
      timeZone,
      periods: { today: periods.today.toISOString(), week: periods.week.toISOString() },
      urgent: {
        total: urgent.rows[0]?.total ?? 0,
        limit: URGENT_LIMIT,
        leads: urgent.rows.map((row) => urgentLead(row, now)),
        link: links.urgent,
      },
      newToday: { count: figures.new_today, link: links.newToday },
      autoReplies: {
        today: figures.replies_today,
        week: figures.replies_week,
        todayLink: links.autoRepliesToday,
        weekLink: links.autoRepliesWeek,
      },
      firstHumanAction: {
        medianMinutes: figures.median_minutes === null ? null : Number(figures.median_minutes),
        leads: figures.median_leads,
        link: links.firstHumanAction,
      },
      hasAnyLead: figures.has_real_lead,
      testLeadsOnly: !figures.has_real_lead && figures.has_any_lead,
    };
  });
}
