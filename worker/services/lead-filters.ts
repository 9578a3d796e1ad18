import { and, eq, gte, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import { leadMemory } from '../../schema';
import { INTENTS, URGENCIES } from '../../schema/vocabulary';
import { escapeLike, type LeadFilterQuery, type LeadStatus, parseDateBound } from '../domain/lead-query';

/**
 * The SQL side of the inbox's filters, shared by the list and its counts.
 */

const SEARCH_TEXT = sql`coalesce(${leadMemory.name}, '') || ' ' || coalesce(${leadMemory.email}, '') || ' ' || coalesce(${leadMemory.message}, '') || ' ' || coalesce(${leadMemory.aiSummary}, '')`;

/**
 * The searchable document of a lead, stemmed in both languages. It must stay the
 * expression of the `lead_memory_search_idx` index (migration 0008) for the planner to use it.
 */
export const LEAD_SEARCH_DOCUMENT = sql`(to_tsvector('english'::regconfig, ${SEARCH_TEXT}) || to_tsvector('french'::regconfig, ${SEARCH_TEXT}))`;

/** The words of `q` in both stemmers (either may match), or an email starting with `q`. */
function searchCondition(q: string): SQL {
  const words = sql`(websearch_to_tsquery('english'::regconfig, ${q}) || websearch_to_tsquery('french'::regconfig, ${q}))`;
  return or(sql`${LEAD_SEARCH_DOCUMENT} @@ ${words}`, sql`${leadMemory.email} ilike ${`${escapeLike(q)}%`}`)!;
}

/** Sort rank of the urgency column: High 0, Medium 1, Low 2, not triaged 3 (domain `urgencyRank`). */
export const URGENCY_RANK = sql<number>`(case ${leadMemory.urgency} ${sql.raw(
  URGENCIES.map((urgency, rank) => `when '${urgency}' then ${rank}`).join(' '),
)} else ${sql.raw(String(URGENCIES.length))} end)`;

export function statusCondition(status: LeadStatus): SQL {
  switch (status) {
    case 'active':
      return and(eq(leadMemory.archived, false), eq(leadMemory.deleted, false))!;
    case 'archived':
      return and(eq(leadMemory.archived, true), eq(leadMemory.deleted, false))!;
    case 'deleted':
      return eq(leadMemory.deleted, true);
  }
}

/** Every filter of the query but the status and the cursor: what the counts respect. */
export function filterConditions(clientId: string, query: LeadFilterQuery): SQL[] {
  // Row-level security already limits rows to the tenant; naming the client lets the
  // planner use the (client_id, …) indexes.
  const conditions: SQL[] = [eq(leadMemory.clientId, clientId)];
  if (!query.test) conditions.push(eq(leadMemory.isTest, false));
  if (query.tag !== undefined) conditions.push(eq(leadMemory.currentTag, query.tag));
  if (query.urgency !== undefined) conditions.push(eq(leadMemory.urgency, query.urgency));
  if (query.language !== undefined) conditions.push(eq(leadMemory.language, query.language));
  if (query.intent !== undefined) {
    // lead_memory.intent holds the English name (a foreign key to intent_translations).
    const intent = INTENTS.find((candidate) => candidate.key === query.intent);
    if (intent) conditions.push(eq(leadMemory.intent, intent.en));
  }
  const from = query.from === undefined ? null : parseDateBound(query.from, 'from');
  if (from) conditions.push(gte(leadMemory.createdAt, from.at));
  const to = query.to === undefined ? null : parseDateBound(query.to, 'to');
  if (to) conditions.push(to.inclusive ? lte(leadMemory.createdAt, to.at) : lt(leadMemory.createdAt, to.at));
  if (query.q) conditions.push(searchCondition(query.q));
  return conditions;
}
