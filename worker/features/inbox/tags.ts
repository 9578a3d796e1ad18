import { and, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { leadMemory } from '../../../schema';
import type { TagCount } from '../../../schema/app-api';
import { CONVERTED_TAG, HOT_LEAD_TAG } from '../../../schema/vocabulary';
import type { DatabaseAccess } from '../../platform/db';
import { isTestClient, testLeadsHidden } from './filters';

export type { TagCount };

/**
 * The client's tags for the inbox's tag filter and the tag picker: the two built-in tags
 * first (even unused, so they can be picked), then the client's own, most used first.
 */
export function listTags(db: DatabaseAccess, clientId: string): Promise<TagCount[]> {
  return db.tenant(clientId, async (tx) => {
    const hidden = testLeadsHidden({}, await isTestClient(tx, clientId));
    const rows = await tx
      .select({ tag: leadMemory.currentTag, count: sql<number>`count(*)::int` })
      .from(leadMemory)
      .where(
        and(eq(leadMemory.clientId, clientId), isNotNull(leadMemory.currentTag), eq(leadMemory.deleted, false), hidden),
      )
      .groupBy(leadMemory.currentTag)
      .orderBy(desc(sql`count(*)`), leadMemory.currentTag)
      .limit(200);
    const used = new Map(rows.map((row) => [row.tag as string, row.count]));
    const builtIn = [HOT_LEAD_TAG, CONVERTED_TAG].map((tag) => ({ tag, count: used.get(tag) ?? 0 }));
    const own = rows
      .filter((row) => row.tag !== HOT_LEAD_TAG && row.tag !== CONVERTED_TAG)
      .map((row) => ({ tag: row.tag as string, count: row.count }));
    return [...builtIn, ...own];
  });
}
