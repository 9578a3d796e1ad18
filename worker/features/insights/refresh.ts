import { sql } from 'drizzle-orm';
import type { InsightsRefreshView } from '../../../schema/app-api';
import { type DatabaseAccess, escapeLike, type Transaction } from '../../platform/db';
import type { QueueMessage } from '../../platform/jobs/message';
import { analysisJobKey, type IntelligenceAnalysisMessage, refreshKeyPrefix } from './message';

/**
 * "Growth Copilot": the client's button that analyses now. Each request is a queue_jobs row
 * (pending until the consumer claims it), so the limit counts what was asked for, and the
 * screen follows the row to completion. At most REFRESH_LIMIT per REFRESH_WINDOW_MINUTES per
 * client: an analysis reads every lead and, with OpenAI, costs a call.
 */

export const REFRESH_LIMIT = 3;
export const REFRESH_WINDOW_MINUTES = 60;

/** A refresh still pending after this long lost its message: it shows as failed, and no longer blocks another. */
const LOST_AFTER_MINUTES = 5;

type JobRow = {
  status: 'pending' | 'processing' | 'completed' | 'failed';
  created_at: string | Date;
  /** Pending too long, or processing past its lease: the worker that had it is gone. */
  stale?: boolean;
};

const STATE: Record<JobRow['status'], InsightsRefreshView['state']> = {
  pending: 'queued',
  processing: 'running',
  completed: 'idle',
  failed: 'failed',
};

/** The client's refreshes asked for within the window, the newest first. */
async function recentRefreshes(tx: Transaction, clientId: string): Promise<JobRow[]> {
  const rows = await tx.execute<JobRow>(sql`
    select status, created_at,
      (status = 'pending' and created_at < now() - make_interval(mins => ${LOST_AFTER_MINUTES}))
        or (status = 'processing' and lease_expires_at < now()) as stale
    from queue_jobs
    where dedupe_key like ${`${escapeLike(refreshKeyPrefix(clientId))}%`}
      and created_at > now() - make_interval(mins => ${REFRESH_WINDOW_MINUTES})
    order by created_at desc`);
  return rows.rows;
}

function viewOf(rows: readonly JobRow[]): InsightsRefreshView {
  const latest = rows[0];
  // A refresh whose message was lost never ran: it shows as failed, and is not held against the client.
  const counted = rows.filter((row) => !(row.stale && row.status === 'pending'));
  const oldest = counted[counted.length - 1];
  const remaining = Math.max(0, REFRESH_LIMIT - counted.length);
  return {
    state: latest ? (latest.stale ? 'failed' : STATE[latest.status]) : 'idle',
    requestedAt: latest ? new Date(latest.created_at).toISOString() : null,
    limit: REFRESH_LIMIT,
    windowMinutes: REFRESH_WINDOW_MINUTES,
    remaining,
    retryAt:
      remaining === 0 && oldest
        ? new Date(new Date(oldest.created_at).getTime() + REFRESH_WINDOW_MINUTES * 60_000).toISOString()
        : null,
  };
}

export const refreshState = (db: DatabaseAccess, clientId: string): Promise<InsightsRefreshView> =>
  db.service(async (tx) => viewOf(await recentRefreshes(tx, clientId)));

export type RefreshRequest =
  | { outcome: 'queued' | 'in_flight'; view: InsightsRefreshView }
  | { outcome: 'limited'; view: InsightsRefreshView; retryAfterSeconds: number };

const inFlight = (view: InsightsRefreshView) => view.state === 'queued' || view.state === 'running';

/**
 * Asks for an analysis now. Decided under a per-client advisory lock, so two clicks (or two
 * tabs) cannot both pass the limit; one already queued or running is followed, not doubled.
 * The message is sent after the row is committed; if sending fails, the row goes, so a
 * refresh that never reached the queue neither counts nor shows as queued.
 */
export async function requestRefresh(
  db: DatabaseAccess,
  queue: Queue<QueueMessage>,
  clientId: string,
  now: Date,
): Promise<RefreshRequest> {
  const decided = await db.service(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('insights-refresh'), hashtext(${clientId}))`);
    const rows = await recentRefreshes(tx, clientId);
    const view = viewOf(rows);
    if (inFlight(view)) return { outcome: 'in_flight' as const, view };
    if (view.remaining === 0) {
      const retryAfterSeconds = Math.max(1, Math.ceil((Date.parse(view.retryAt!) - now.getTime()) / 1000));
      return { outcome: 'limited' as const, view, retryAfterSeconds };
    }
    const message: IntelligenceAnalysisMessage = {
      type: 'intelligence_analysis',
      clientId,
      trigger: 'refresh',
      periodEnd: now.toISOString(),
      requestId: crypto.randomUUID(),
    };
    await tx.execute(sql`insert into queue_jobs (job_type, status, payload, dedupe_key)
      values ('intelligence_analysis', 'pending', ${JSON.stringify(message)}::jsonb, ${analysisJobKey(message)})`);
    return { outcome: 'queued' as const, message, view: viewOf([{ status: 'pending', created_at: now }, ...rows]) };
  });
  if (decided.outcome !== 'queued') return decided;
  try {
    await queue.send(decided.message);
  } catch (error) {
    await db.service((tx) =>
      tx.execute(
        sql`delete from queue_jobs where dedupe_key = ${analysisJobKey(decided.message)} and status = 'pending'`,
      ),
    );
    throw error;
  }
  return { outcome: 'queued', view: decided.view };
}
