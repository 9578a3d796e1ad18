import { and, desc, eq, sql } from 'drizzle-orm';
import { prospectIcps, queueJobs } from '../../../schema';
import type { DiscoveryResult, DiscoveryRunView } from '../../../schema/prospects-api';
import type { DatabaseAccess } from '../../platform/db';
import type { Env } from '../../platform/env';
import { AppError } from '../../platform/errors';
import { type DailyProspectQueueMessage, discoveryJobKey, runTrigger } from './messages';

/** Discovery runs as staff see them: each ICP's `daily_prospect_queue` row in queue_jobs. */

type JobRow = typeof queueJobs.$inferSelect;

export function runView(row: JobRow, icpNames: ReadonlyMap<string, string>): DiscoveryRunView {
  const icpId = String(row.payload.icpId ?? '');
  const result = row.result && 'found' in row.result ? (row.result as unknown as DiscoveryResult) : null;
  return {
    id: row.id,
    icpId,
    icpName: icpNames.get(icpId) ?? '',
    status: row.status,
    trigger: runTrigger(String(row.payload.run ?? '')),
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    completedAt: row.completedAt?.toISOString() ?? null,
    result,
    error: row.error,
  };
}

/** The latest runs of every ICP (fan-outs are bookkeeping, not runs). */
export async function recentRuns(db: DatabaseAccess, limit = 30): Promise<DiscoveryRunView[]> {
  return db.service(async (tx) => {
    const rows = await tx
      .select()
      .from(queueJobs)
      .where(and(eq(queueJobs.jobType, 'daily_prospect_queue'), sql`${queueJobs.payload} ? 'icpId'`))
      .orderBy(desc(queueJobs.createdAt))
      .limit(limit);
    const icps = await tx.select({ id: prospectIcps.id, name: prospectIcps.name }).from(prospectIcps);
    const names = new Map(icps.map((icp) => [icp.id, icp.name]));
    return rows.map((row) => runView(row, names));
  });
}

/**
 * "Run discovery now": one run per ICP (the one named, or every active one), written as
 * pending at once so the screen shows it before the queue takes it.
 */
export async function startRuns(db: DatabaseAccess, env: Env, icpId: string | undefined): Promise<DiscoveryRunView[]> {
  const run = `staff:${crypto.randomUUID()}`;
  const { rows, names } = await db.service(async (tx) => {
    const icps = await tx
      .select({ id: prospectIcps.id, name: prospectIcps.name })
      .from(prospectIcps)
      .where(icpId ? eq(prospectIcps.id, icpId) : eq(prospectIcps.active, true));
    if (icpId && icps.length === 0) throw new AppError('icp_not_found');
    if (icps.length === 0) return { rows: [], names: new Map<string, string>() };
    const messages: DailyProspectQueueMessage[] = icps.map((icp) => ({
      type: 'daily_prospect_queue',
      icpId: icp.id,
      run,
    }));
    const inserted = await tx
      .insert(queueJobs)
      .values(
        messages.map((message) => ({
          jobType: 'daily_prospect_queue' as const,
          payload: { ...message },
          dedupeKey: discoveryJobKey(message),
        })),
      )
      .returning();
    return { rows: inserted, names: new Map(icps.map((icp) => [icp.id, icp.name])) };
  });
  if (rows.length > 0) {
    await env.JOBS.sendBatch(rows.map((row) => ({ body: row.payload as unknown as DailyProspectQueueMessage })));
  }
  return rows.map((row) => runView(row, names));
}
