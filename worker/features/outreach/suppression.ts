import { desc, eq, sql } from 'drizzle-orm';
import { outreachSuppressions } from '../../../schema';
import type { SuppressionView } from '../../../schema/outreach-api';
import type { SuppressionReason } from '../../../schema/vocabulary';
import type { DatabaseAccess, Transaction } from '../../platform/db';
import { registrableDomain } from '../prospects';

/**
 * The suppression list: addresses and whole domains nobody is written to again. Checked
 * when prospects are enrolled and again, in the claim's transaction, just before sending.
 */

/** The registrable domain an address belongs to: bob@mail.plomberie.ca → plomberie.ca. */
export function domainOf(address: string): string {
  const host = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
  try {
    return registrableDomain(`https://${host}`) ?? host;
  } catch {
    return host;
  }
}

/** Why an address may not be written to, or null when it may. */
export async function suppressionOf(
  tx: Transaction,
  address: string,
): Promise<'suppressed_address' | 'suppressed_domain' | null> {
  const lower = address.trim().toLowerCase();
  const rows = await tx
    .select({ address: outreachSuppressions.address })
    .from(outreachSuppressions)
    .where(sql`${outreachSuppressions.address} = ${lower} or ${outreachSuppressions.domain} = ${domainOf(lower)}`)
    .limit(1);
  if (rows.length === 0) return null;
  return rows[0]!.address ? 'suppressed_address' : 'suppressed_domain';
}

/** Adds an address or a domain; a second entry for the same one keeps the first (its reason and date). */
export async function suppress(
  tx: Transaction,
  entry: {
    address?: string;
    domain?: string;
    reason: SuppressionReason;
    emailId?: string | null;
    note?: string | null;
    createdBy?: string | null;
  },
): Promise<void> {
  const address = entry.address?.trim().toLowerCase() || null;
  const domain = address ? null : entry.domain?.trim().toLowerCase().replace(/^@/, '') || null;
  if (!address && !domain) throw new TypeError('a suppression names an address or a domain');
  await tx
    .insert(outreachSuppressions)
    .values({
      address,
      domain,
      reason: entry.reason,
      emailId: entry.emailId ?? null,
      note: entry.note ?? null,
      createdBy: entry.createdBy ?? null,
    })
    .onConflictDoNothing();
}

export async function listSuppressions(db: DatabaseAccess, limit = 500): Promise<SuppressionView[]> {
  const rows = await db.service((tx) =>
    tx.select().from(outreachSuppressions).orderBy(desc(outreachSuppressions.createdAt)).limit(limit),
  );
  return rows.map((row) => ({
    id: row.id,
    address: row.address,
    domain: row.domain,
    reason: row.reason,
    note: row.note,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  }));
}

/** Staff lift an entry they added by mistake; an unsubscribe is the person's decision and stays. */
export async function liftSuppression(db: DatabaseAccess, id: string): Promise<'lifted' | 'not_found' | 'kept'> {
  return db.service(async (tx) => {
    const [row] = await tx.select().from(outreachSuppressions).where(eq(outreachSuppressions.id, id));
    if (!row) return 'not_found';
    if (row.reason !== 'manual') return 'kept';
    await tx.delete(outreachSuppressions).where(eq(outreachSuppressions.id, id));
    return 'lifted';
  });
}
