import { and, eq, gt, sql } from 'drizzle-orm';
import { integrationLogs, leadMemory } from '../../schema';
import type { DatabaseAccess } from '../../worker/platform/db';
import { keyPrefix } from '../../worker/platform/identifiers';

/**
 * The demo client's integration log for connection health: the form's requests behind the
 * week's sample leads (they were written straight to the database), and a shop page the
 * owner pasted the snippet on without allowing it — refused five times today. The home's
 * banner, the settings' card with "allow this site", the staff's list and the alert job
 * all have something true to show on a first start.
 */
export const DEMO_UNLISTED_SITE = 'https://boutique.renovations-demo-laval.ca';

export async function writeSampleConnection(
  db: DatabaseAccess,
  client: { id: string; widgetKey: string; origin: string },
  now: Date,
): Promise<number> {
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000);
  const prefix = keyPrefix(client.widgetKey);
  return db.service(async (tx) => {
    const leads = await tx
      .select({ id: leadMemory.id, createdAt: leadMemory.createdAt })
      .from(leadMemory)
      .where(and(eq(leadMemory.clientId, client.id), gt(leadMemory.createdAt, weekAgo)));
    const request = { apiKey: prefix, endpoint: '/api/lead', method: 'POST', userAgent: 'Mozilla/5.0 (demo visitor)' };
    const accepted = leads.map((lead) => ({
      ...request,
      clientId: client.id,
      origin: client.origin,
      responseStatus: 201,
      responseBody: { id: lead.id },
      createdAt: lead.createdAt,
    }));
    const refused = [5.5, 4, 2.2, 1.1, 0.4].map((hoursAgo) => ({
      ...request,
      clientId: client.id,
      endpoint: '/api/widget/config',
      method: 'GET',
      origin: DEMO_UNLISTED_SITE,
      responseStatus: 403,
      responseBody: { error: 'origin_not_allowed' },
      createdAt: new Date(now.getTime() - hoursAgo * 3_600_000),
    }));
    const rows = [...accepted, ...refused];
    await tx.insert(integrationLogs).values(rows);
    // What the intake keeps current on every stored lead.
    await tx.execute(
      sql`update clients set last_connection = ${now.toISOString()}::timestamptz where id = ${client.id}`,
    );
    return rows.length;
  });
}
