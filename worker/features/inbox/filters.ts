import { and, eq, gte, lt, lte, type SQL, sql } from 'drizzle-orm';
import { clients, leadMemory } from '../../../schema';
import { intentOf, URGENCIES } from '../../../schema/vocabulary';
import type { Transaction } from '../../platform/db';
import { type LeadFilterQuery, type LeadStatus, parseDateBound } from './query';

/**
 * The SQL side of the inbox's filters, shared by the list and its counts.
 */

/**
 * The words of `q` in both stemmers (either may match) against the lead's stored
 * `search_document` (the last word as a prefix), or an email starting with `q`: the ids
 * come from avenir_lead_search() (migrations 0009 and 0011), which can use the search indexes where a
 * condition written here could not under row-level security. The rows stay under the policy.
 */
function searchCondition(q: string): SQL {
  return sql`${leadMemory.id} in (select avenir_lead_search(${q}))`;
}

/**
 * Sort rank of the urgency column: High 0, Medium 1, Low 2, not triaged 3 (query.ts `urgencyRank`).
 * It must stay the expression of the `lead_memory_inbox_urgency_idx` index (schema/leads.ts)
 * for the urgency sort to read that index instead of sorting every lead of the client.
 */
export const URGENCY_RANK = sql<number>`(case ${leadMemory.urgency} ${sql.raw(
  URGENCIES.map((urgency, rank) => `when '${urgency}' then ${rank}`).join(' '),
)} else ${sql.raw(String(URGENCIES.length))} end)`;

/** The tabs: spam (bot-caught, spam, vendor pitches, unless the client said otherwise) is out of the others. */
export function statusCondition(status: LeadStatus): SQL {
  switch (status) {
    case 'active':
      return and(eq(leadMemory.deleted, false), eq(leadMemory.archived, false), eq(leadMemory.inSpam, false))!;
    case 'archived':
      return and(eq(leadMemory.deleted, false), eq(leadMemory.archived, true), eq(leadMemory.inSpam, false))!;
    case 'spam':
      return and(eq(leadMemory.deleted, false), eq(leadMemory.inSpam, true))!;
    case 'deleted':
      return eq(leadMemory.deleted, true);
  }
}

/**
 * Whether the client is a test client (the demo): its leads are all test leads and all it
 * has, so they show without asking for test leads. Read once per request, by primary key,
 * so the lead queries keep a plain `is_test = false` their indexes serve.
 */
export async function isTestClient(tx: Transaction, clientId: string): Promise<boolean> {
  const [row] = await tx.select({ isTest: clients.isTest }).from(clients).where(eq(clients.id, clientId));
  return row?.isTest ?? false;
}

/** Test leads are left out unless asked for, or unless they are all the client has. */
export const testLeadsHidden = (query: { test?: boolean }, testClient: boolean): SQL | undefined =>
  query.test || testClient ? undefined : eq(leadMemory.isTest, false);

/**
 * Every filter of the query but the status and the cursor: what the counts respect.
 * `except: 'urgency'` leaves out the urgency filter, for the counts by urgency.
 */
export function filterConditions(
  clientId: string,
  query: LeadFilterQuery,
  options: { testClient: boolean; except?: 'urgency' },
): SQL[] {
  // Row-level security already limits rows to the tenant; naming the client lets the
  // planner use the (client_id, …) indexes.
  const conditions: SQL[] = [eq(leadMemory.clientId, clientId)];
  const hidden = testLeadsHidden(query, options.testClient);
  if (hidden) conditions.push(hidden);
  if (query.tag !== undefined) conditions.push(eq(leadMemory.currentTag, query.tag));
  if (query.urgency !== undefined && options.except !== 'urgency') {
    conditions.push(eq(leadMemory.urgency, query.urgency));
  }
  if (query.language !== undefined) conditions.push(eq(leadMemory.language, query.language));
  if (query.intent !== undefined) {
    // lead_memory.intent holds the English name (a foreign key to intent_translations).
    conditions.push(eq(leadMemory.intent, intentOf(query.intent).en));
  }
  const from = query.from === undefined ? null : parseDateBound(query.from, 'from');
  if (from) conditions.push(gte(leadMemory.createdAt, from.at));
  const to = query.to === undefined ? null : parseDateBound(query.to, 'to');
  if (to) conditions.push(to.inclusive ? lte(leadMemory.createdAt, to.at) : lt(leadMemory.createdAt, to.at));
  if (query.q) conditions.push(searchCondition(query.q));
  return conditions;
}
