import { type SQL, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedActionsStatement, seedLeadsStatement } from '../../../scripts/lib/dashboard-leads';
import { figuresStatement, homeView, type Scope, urgentStatement } from '../../../worker/features/home/home';
import { homePeriods } from '../../../worker/features/home/periods';
import { startTestDatabase, type TestDatabase } from '../../support/database';
import { insertClient } from '../../support/fixtures';

/**
 * The home's statements on a few thousand leads per client, as the benchmark seeds them
 * (two years of leads, some tagged, archived, deleted or test, their replies and actions):
 * the figures agree with the plain SQL of their definitions, and no statement reads a table
 * sequentially where an index of the client fits. Runs on PGlite and, in the postgres lane,
 * on PostgreSQL.
 */

const LEADS_PER_CLIENT = 3_000;
const TIME_ZONE = 'America/Toronto';

let database: TestDatabase;
let busy: { id: string; email: string };
let neighbour: { id: string; email: string };
const now = new Date();
const periods = homePeriods(TIME_ZONE, now);

beforeAll(async () => {
  database = await startTestDatabase();
  busy = await insertClient(database.access);
  neighbour = await insertClient(database.access);
  for (const client of [busy, neighbour]) {
    await database.db.execute(seedLeadsStatement({ clientId: client.id, leads: LEADS_PER_CLIENT, now }));
    await database.db.execute(seedActionsStatement(client.id, client.email));
  }
  // A person's first action comes hours after the lead in the seed: some this week, sooner.
  await database.db.execute(sql`
    insert into lead_actions (lead_id, client_id, action_type, performed_by, timestamp, is_test)
    select id, client_id, 'noted', ${busy.email}, created_at + interval '17 minutes', is_test
    from lead_memory where client_id = ${busy.id} and created_at >= ${periods.week.toISOString()}::timestamptz
      and urgency = 'Medium'`);
  // The benchmark's own statistics step; autovacuum would do it on a server.
  await database.db.execute(sql`vacuum analyze lead_memory`);
  await database.db.execute(sql`vacuum analyze lead_actions`);
}, 240_000);
afterAll(async () => {
  await database?.close();
});

/** The same figures by the plain SQL of their definitions, as the service role (no row-level security). */
async function expectedFigures(clientId: string) {
  const { rows } = await database.access.service((tx) =>
    tx.execute<{
      urgent: number;
      new_today: number;
      replies_today: number;
      replies_week: number;
      median: number | null;
      median_leads: number;
    }>(sql`
      with human as (
        select lead_id, min(timestamp) as first_at from lead_actions
        where client_id = ${clientId} and performed_by not in ('system', 'widget') group by lead_id
      )
      select
        (select count(*)::int from lead_memory m where m.client_id = ${clientId} and not m.is_test
          and not m.deleted and not m.archived and not m.in_spam and m.urgency = 'High'
          and m.id not in (select lead_id from human)) as urgent,
        (select count(*)::int from lead_memory m where m.client_id = ${clientId} and not m.is_test
          and not m.deleted and not m.in_spam and m.created_at >= ${periods.today.toISOString()}::timestamptz) as new_today,
        (select count(*)::int from lead_actions where client_id = ${clientId} and not is_test
          and action_type = 'replied' and performed_by = 'system'
          and timestamp >= ${periods.today.toISOString()}::timestamptz) as replies_today,
        (select count(*)::int from lead_actions where client_id = ${clientId} and not is_test
          and action_type = 'replied' and performed_by = 'system'
          and timestamp >= ${periods.week.toISOString()}::timestamptz) as replies_week,
        (select round((percentile_cont(0.5) within group (
            order by extract(epoch from h.first_at - m.created_at) / 60))::numeric, 1)::float8
          from lead_memory m join human h on h.lead_id = m.id
          where m.client_id = ${clientId} and not m.is_test and not m.deleted and not m.in_spam
            and m.created_at >= ${periods.week.toISOString()}::timestamptz) as median,
        (select count(*)::int from lead_memory m join human h on h.lead_id = m.id
          where m.client_id = ${clientId} and not m.is_test and not m.deleted and not m.in_spam
            and m.created_at >= ${periods.week.toISOString()}::timestamptz) as median_leads`),
  );
  return rows[0]!;
}

describe('the home on a few thousand leads', () => {
  it('agrees with the plain SQL of each figure’s definition', async () => {
    const view = await homeView(database.access, busy.id, TIME_ZONE, now);
    const expected = await expectedFigures(busy.id);
    expect(expected.urgent).toBeGreaterThan(5);
    expect(expected.median_leads).toBeGreaterThan(0);
    expect(view.urgent.total).toBe(expected.urgent);
    expect(view.urgent.leads).toHaveLength(5);
    expect(view.newToday.count).toBe(expected.new_today);
    expect(view.autoReplies).toMatchObject({ today: expected.replies_today, week: expected.replies_week });
    expect(view.firstHumanAction).toMatchObject({
      medianMinutes: expected.median,
      leads: expected.median_leads,
    });
    expect(view.hasAnyLead).toBe(true);
    // The longest waiting first.
    const created = view.urgent.leads.map((lead) => lead.createdAt);
    expect([...created].sort()).toEqual(created);
  });

  it('reads no lead or action sequentially: every figure comes from an index range of the client', async () => {
    const plans: [string, SQL][] = [];
    for (const [who, scope] of [
      ['a client', { clientId: busy.id, testClient: false }],
      ['a test client', { clientId: busy.id, testClient: true }],
    ] as [string, Scope][]) {
      plans.push([`${who}: urgent`, urgentStatement(scope)], [`${who}: figures`, figuresStatement(scope, periods)]);
    }
    for (const [name, statement] of plans) {
      const { rows } = await database.access.tenant(busy.id, (tx) =>
        tx.execute<{ 'QUERY PLAN': unknown }>(sql`explain (format json) ${statement}`),
      );
      const plan = JSON.stringify(rows[0]!['QUERY PLAN']);
      // The twelve rows of intent_translations may be read whole; a client's leads and actions may not.
      const sequential = [...plan.matchAll(/"Node Type":"Seq Scan"[^}]*?"Relation Name":"(\w+)"/g)]
        .map((match) => match[1])
        .filter((table) => table === 'lead_memory' || table === 'lead_actions');
      expect(sequential, name).toEqual([]);
    }
  });
});
