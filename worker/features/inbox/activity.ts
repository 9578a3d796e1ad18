import { and, desc, eq, gte, lt, lte, type SQL, sql } from 'drizzle-orm';
import { leadActions, leadMemory } from '../../../schema';
import type { ActivityPage } from '../../../schema/app-api';
import type { DatabaseAccess } from '../../platform/db';
import { actionView } from './action-view';
import { type ActivityQuery, type Cursor, encodeCursor, parseDateBound } from './query';

/** The client's activity log: every lead action, newest first, with the lead's name. */

const cursorAt = sql<string>`to_char(${leadActions.timestamp} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

export type { ActivityPage };

export function listActivity(
  db: DatabaseAccess,
  clientId: string,
  query: ActivityQuery,
  cursor: Cursor | null,
): Promise<ActivityPage> {
  return db.tenant(clientId, async (tx) => {
    // Row-level security limits rows to the tenant; naming it lets the index serve the order.
    const conditions: SQL[] = [eq(leadActions.clientId, clientId)];
    if (query.action !== undefined) conditions.push(eq(leadActions.actionType, query.action));
    const from = query.from === undefined ? null : parseDateBound(query.from, 'from');
    if (from) conditions.push(gte(leadActions.timestamp, from.at));
    const to = query.to === undefined ? null : parseDateBound(query.to, 'to');
    if (to) conditions.push(to.inclusive ? lte(leadActions.timestamp, to.at) : lt(leadActions.timestamp, to.at));
    if (cursor) {
      conditions.push(
        sql`(${leadActions.timestamp}, ${leadActions.id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`,
      );
    }
    const rows = await tx
      .select({ action: leadActions, leadName: leadMemory.name, cursorAt })
      .from(leadActions)
      .innerJoin(leadMemory, eq(leadMemory.id, leadActions.leadId))
      .where(and(...conditions))
      .orderBy(desc(leadActions.timestamp), desc(leadActions.id))
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      activity: page.map((row) => actionView(row.action, row.leadName)),
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor({ sort: 'activity', at: last.cursorAt, id: last.action.id })
          : null,
    };
  });
}
