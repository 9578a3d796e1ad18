import { and, asc, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { intentTranslations, leadActions, leadMemory, leadNotes, sentEmails } from '../../../schema';
import type { LeadCounts, LeadDetail, LeadItem, LeadPage, NoteView } from '../../../schema/app-api';
import type { IntentKey, Urgency } from '../../../schema/vocabulary';
import type { DatabaseAccess, Transaction } from '../../platform/db';
import { AppError, bilingual } from '../../platform/errors';
import { actionView } from './action-view';
import { filterConditions, isTestClient, statusCondition, URGENCY_RANK } from './filters';
import { type Cursor, encodeCursor, type LeadFilterQuery, type LeadListQuery, type LeadStatus } from './query';

/** The inbox: the list of a client's leads, and one lead with everything about it. */

/** The timestamp as Postgres keeps it (microseconds, UTC), for cursors. */
export const cursorAt = sql<string>`to_char(${leadMemory.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const leadColumns = {
  lead: leadMemory,
  intentKey: intentTranslations.intentKey,
  intentFr: intentTranslations.intentFr,
  cursorAt,
  rank: URGENCY_RANK,
};

type LeadRow = {
  lead: typeof leadMemory.$inferSelect;
  intentKey: IntentKey | null;
  intentFr: string | null;
};

export type { LeadCounts, LeadDetail, LeadItem, LeadPage, NoteView };

function leadItem({ lead, intentKey, intentFr }: LeadRow): LeadItem {
  return {
    id: lead.id,
    name: lead.name,
    email: lead.email,
    phone: lead.phone,
    createdAt: lead.createdAt.toISOString(),
    intent: lead.intent && intentKey && intentFr ? { key: intentKey, en: lead.intent, fr: intentFr } : null,
    urgency: lead.urgency,
    tone: lead.tone,
    confidence: lead.confidenceScore,
    language: lead.language,
    aiSummary: lead.aiSummary,
    aiSummaryEn: lead.aiSummaryEn,
    aiSummaryFr: lead.aiSummaryFr,
    currentTag: lead.currentTag,
    archived: lead.archived,
    deleted: lead.deleted,
    isTest: lead.isTest,
    isSpam: lead.isSpam,
    spamReason: lead.spamReason,
    inSpam: lead.inSpam,
    spamVerdict: lead.spamVerdict,
    unread: lead.openedAt === null,
  };
}

/** Rows after the cursor, in the order of `sort`. */
export function afterCursor(cursor: Cursor): SQL {
  const key = sql`(${leadMemory.createdAt}, ${leadMemory.id})`;
  const last = sql`(${cursor.at}::timestamptz, ${cursor.id}::uuid)`;
  if (cursor.sort === 'oldest') return sql`${key} > ${last}`;
  if (cursor.sort === 'urgency') {
    return sql`(${URGENCY_RANK} > ${cursor.rank} or (${URGENCY_RANK} = ${cursor.rank} and ${key} < ${last}))`;
  }
  return sql`${key} < ${last}`;
}

export function ordering(sort: LeadListQuery['sort']): SQL[] {
  if (sort === 'oldest') return [asc(leadMemory.createdAt), asc(leadMemory.id)];
  const newest = [desc(leadMemory.createdAt), desc(leadMemory.id)];
  return sort === 'urgency' ? [asc(URGENCY_RANK), ...newest] : newest;
}

const count = (condition: SQL | undefined) => sql<number>`(count(*) filter (where ${condition}))::int`;

/**
 * The counts beside the list: each tab under every other filter, and each urgency within
 * the tab shown under every other filter but the urgency one (so its options say what
 * picking them would show).
 */
async function countLeads(
  tx: Transaction,
  clientId: string,
  query: LeadFilterQuery,
  testClient: boolean,
): Promise<LeadCounts> {
  const urgency = query.urgency === undefined ? undefined : eq(leadMemory.urgency, query.urgency);
  const inTab = (status: LeadStatus) => and(statusCondition(status), urgency);
  const ofUrgency = (value: Urgency) => and(statusCondition(query.status), eq(leadMemory.urgency, value));
  const [row] = await tx
    .select({
      active: count(inTab('active')),
      archived: count(inTab('archived')),
      spam: count(inTab('spam')),
      deleted: count(inTab('deleted')),
      high: count(ofUrgency('High')),
      medium: count(ofUrgency('Medium')),
      low: count(ofUrgency('Low')),
    })
    .from(leadMemory)
    .where(and(...filterConditions(clientId, query, { testClient, except: 'urgency' })));
  return {
    active: row?.active ?? 0,
    archived: row?.archived ?? 0,
    spam: row?.spam ?? 0,
    deleted: row?.deleted ?? 0,
    byUrgency: { High: row?.high ?? 0, Medium: row?.medium ?? 0, Low: row?.low ?? 0 },
  };
}

/**
 * One page of the inbox, keyset-paginated (stable while leads arrive), with the counts of
 * each status and urgency under the same filters but the status.
 */
export function listLeads(
  db: DatabaseAccess,
  clientId: string,
  query: LeadListQuery,
  cursor: Cursor | null,
): Promise<LeadPage> {
  return db.tenant(clientId, async (tx) => {
    const testClient = await isTestClient(tx, clientId);
    const filters = filterConditions(clientId, query, { testClient });
    const conditions = [...filters, statusCondition(query.status)];
    if (cursor) conditions.push(afterCursor(cursor));
    // One row more than asked says whether there is a next page.
    const rows = await tx
      .select(leadColumns)
      .from(leadMemory)
      .leftJoin(intentTranslations, eq(intentTranslations.intentEn, leadMemory.intent))
      .where(and(...conditions))
      .orderBy(...ordering(query.sort))
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const nextCursor =
      rows.length > query.limit && last
        ? encodeCursor({
            sort: query.sort,
            ...(query.sort === 'urgency' ? { rank: last.rank } : {}),
            at: last.cursorAt,
            id: last.lead.id,
          })
        : null;
    return { leads: page.map(leadItem), nextCursor, counts: await countLeads(tx, clientId, query, testClient) };
  });
}

export const noteView = (note: typeof leadNotes.$inferSelect): NoteView => ({
  id: note.id,
  note: note.note,
  performedBy: note.performedBy,
  createdAt: note.createdAt.toISOString(),
  updatedAt: note.updatedAt.toISOString(),
});

export const leadNotFound = () =>
  new AppError('not_found', bilingual('No such lead.', "Ce client potentiel n'existe pas."));

/**
 * One lead with its histories, notes, timeline and the reply it was sent. Opening it marks
 * it read (the first time only, so opened_at says when it was first seen).
 */
export function leadDetail(db: DatabaseAccess, clientId: string, leadId: string): Promise<LeadDetail> {
  return db.tenant(clientId, async (tx) => {
    await tx
      .update(leadMemory)
      .set({ openedAt: sql`now()` })
      .where(and(eq(leadMemory.id, leadId), isNull(leadMemory.openedAt)));
    const [row] = await tx
      .select(leadColumns)
      .from(leadMemory)
      .leftJoin(intentTranslations, eq(intentTranslations.intentEn, leadMemory.intent))
      .where(eq(leadMemory.id, leadId));
    if (!row) throw leadNotFound();
    const { lead } = row;
    const notes = await tx
      .select()
      .from(leadNotes)
      .where(eq(leadNotes.leadId, leadId))
      .orderBy(asc(leadNotes.createdAt));
    const timeline = await tx
      .select()
      .from(leadActions)
      .where(eq(leadActions.leadId, leadId))
      .orderBy(desc(leadActions.timestamp), desc(leadActions.id));
    const [reply] = await tx
      .select()
      .from(sentEmails)
      .where(and(eq(sentEmails.leadId, leadId), eq(sentEmails.kind, 'reply')));
    return {
      ...leadItem(row),
      message: lead.message,
      consent: lead.consent,
      enrichmentEngine: lead.enrichmentEngine,
      enrichedAt: lead.enrichedAt?.toISOString() ?? null,
      // Set above when it was null, so never null here.
      openedAt: (lead.openedAt ?? new Date()).toISOString(),
      metadata: lead.metadata,
      history: { tone: lead.toneHistory, urgency: lead.urgencyHistory, confidence: lead.confidenceHistory },
      notes: notes.map(noteView),
      timeline: timeline.map((action) => actionView(action, lead.name)),
      reply: reply
        ? {
            subject: reply.subject,
            text: reply.textBody,
            sentAt: reply.sentAt?.toISOString() ?? null,
            status: reply.status,
          }
        : null,
    };
  });
}
