import { desc, eq } from 'drizzle-orm';
import { type DevOutboxMessage, devOutbox } from '../../../schema';
import type { DatabaseAccess } from '../../platform/db';
import { isUuid } from '../../platform/identifiers';

/** The dev outbox, newest first. */
export function listOutbox(db: DatabaseAccess, limit = 100): Promise<DevOutboxMessage[]> {
  return db.service((tx) => tx.select().from(devOutbox).orderBy(desc(devOutbox.createdAt)).limit(limit));
}

export async function findOutboxMessage(db: DatabaseAccess, id: string): Promise<DevOutboxMessage | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.service((tx) => tx.select().from(devOutbox).where(eq(devOutbox.id, id)));
  return row ?? null;
}
