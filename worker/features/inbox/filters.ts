import { and, eq, gte, lt, lte, type SQL, sql } from 'drizzle-orm';
import { leadMemory } from '../../../schema';
import { intentOf, URGENCIES } from '../../../schema/vocabulary';
import { type LeadFilterQuery, type LeadStatus, parseDateBound } from './query';

/**
 * The SQL side of the inbox's filters, shared by the list and its counts.
 */

/**
 * The words of `q` in both stemmers (either may match) against the lead's stored
 * `search_document`, or an email starting with `q`: the ids come from
 * avenir_lead_search() (migration 0009), which can use the search indexes where a
 * condition written here could not under row-level security. The rows stay under the policy.
 */
function searchCondition(q: string): SQL {
  return sql`${leadMemory.id} in (select avenir_lead_search(${q}))`;
}

/**
 * Sort rank of the urgency column: High 0, Medium 1, Low 2, not triaged 3 (domain `urgencyRank`).
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
 * The leads shown without asking for test leads: real ones, or every lead of a test client
 * (the demo), whose leads are all test leads and all it has.
 */
export const shownWithoutTestFilter = (clientId: string): SQL =>
  sql`(${leadMemory.isTest} = false or (select c.is_test from clients c where c.id = ${clientId}))`;

/**
 * Every filter of the query but the status and the cursor: what the counts respect.
 * `except: 'urgency'` leaves out the urgency filter, for the counts by urgency.
 */
export function filterConditions(
  clientId: string,
  query: LeadFilterQuery,
  options: { except?: 'urgency' } = {},
): SQL[] {
  // Row-level security already limits rows to the tenant; naming the client lets the
  // planner use the (client_id, …) indexes.
  const conditions: SQL[] = [eq(leadMemory.clientId, clientId)];
  if (!query.test) conditions.push(shownWithoutTestFilter(clientId));
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
