import { sql } from 'drizzle-orm';
import { repairText } from '../../../schema/lead-form';
import type { DatabaseAccess } from '../db';
import { PermanentJobFailure } from './failure';
import type { JobOutcome } from './registry';

/** The 300-second budget of a background job: past its lease, a processing job counts as abandoned. */
export const JOB_LEASE_SECONDS = 300;
const BUSY_RETRY_MAX_SECONDS = 60;

export type JobClaim =
  | { state: 'claimed'; jobId: string; attempts: number }
  /** Already completed: a redelivered message has nothing left to do. */
  | { state: 'completed' }
  /** Another worker holds the lease: try again once it may have finished. */
  | { state: 'busy'; retryInSeconds: number };

/**
 * Claims the `queue_jobs` row of one unit of work (pending → processing), creating it on
 * first sight. One statement, so two deliveries of the same message cannot both claim it.
 */
export async function claimJob(
  db: DatabaseAccess,
  job: { type: string; dedupeKey: string; payload: Record<string, unknown> },
): Promise<JobClaim> {
  return db.service(async (tx) => {
    const claimed = await tx.execute<{ id: string; attempts: number }>(sql`
      insert into queue_jobs (job_type, status, payload, dedupe_key, attempts, started_at, lease_expires_at)
      values (${job.type}, 'processing', ${JSON.stringify(job.payload)}::jsonb, ${job.dedupeKey}, 1, now(),
        now() + make_interval(secs => ${JOB_LEASE_SECONDS}))
      on conflict (dedupe_key) do update set
        status = 'processing', attempts = queue_jobs.attempts + 1, started_at = now(), completed_at = null,
        error = null, lease_expires_at = now() + make_interval(secs => ${JOB_LEASE_SECONDS})
      where queue_jobs.status in ('pending', 'failed')
        or (queue_jobs.status = 'processing' and queue_jobs.lease_expires_at < now())
      returning id, attempts`);
    const row = claimed.rows[0];
    if (row) return { state: 'claimed', jobId: row.id, attempts: row.attempts };
    const existing = await tx.execute<{ status: string; seconds_left: number }>(sql`
      select status, greatest(0, ceil(extract(epoch from lease_expires_at - now())))::int as seconds_left
      from queue_jobs where dedupe_key = ${job.dedupeKey}`);
    const current = existing.rows[0];
    if (current?.status === 'completed') return { state: 'completed' };
    // Most jobs finish in seconds: look again soon rather than when the lease would expire.
    return {
      state: 'busy',
      retryInSeconds: Math.max(10, Math.min(current?.seconds_left ?? 30, BUSY_RETRY_MAX_SECONDS)),
    };
  });
}

export function completeJob(db: DatabaseAccess, jobId: string, result: Record<string, unknown>): Promise<void> {
  return db.service(async (tx) => {
    await tx.execute(sql`update queue_jobs set status = 'completed', result = ${JSON.stringify(result)}::jsonb,
      error = null, completed_at = now(), lease_expires_at = null where id = ${jobId}`);
  });
}

/** What queue_jobs.error keeps of a failure: its kind and message, cut to 2,000 characters. */
function failureText(error: unknown): string {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  // The cut may split an emoji in two: repaired, so recording a failure cannot fail too.
  return repairText(message.slice(0, 2_000));
}

/**
 * Marks a claimed job failed with its error; the queue's retry (or the sweep) claims it
 * again, unless it is a PermanentJobFailure, whose result is kept too.
 */
export function failJob(db: DatabaseAccess, jobId: string, error: unknown): Promise<void> {
  const result = error instanceof PermanentJobFailure && error.result ? JSON.stringify(error.result) : null;
  return db.service(async (tx) => {
    await tx.execute(sql`update queue_jobs set status = 'failed', error = ${failureText(error)},
      result = coalesce(${result}::jsonb, result), completed_at = now(), lease_expires_at = null
      where id = ${jobId}`);
  });
}

/**
 * Records a job that failed for good (a PermanentJobFailure reached the consumer), whether
 * or not the job wrote its row: failed, with the reason, never to be retried by the queue.
 */
export function recordPermanentFailure(
  db: DatabaseAccess,
  job: { type: string; dedupeKey: string; payload: Record<string, unknown> },
  error: PermanentJobFailure,
): Promise<void> {
  return db.service(async (tx) => {
    await tx.execute(sql`
      insert into queue_jobs (job_type, status, payload, dedupe_key, error, completed_at)
      values (${job.type}, 'failed', ${JSON.stringify(job.payload)}::jsonb, ${job.dedupeKey}, ${failureText(error)}, now())
      on conflict (dedupe_key) do update set status = 'failed', error = excluded.error, completed_at = now(),
        lease_expires_at = null
      where queue_jobs.status <> 'completed'`);
  });
}

/** Records a message the queue gave up on, whether or not its job row exists yet. */
export function recordDeadLetter(
  db: DatabaseAccess,
  job: { type: string; dedupeKey: string; payload: Record<string, unknown> },
): Promise<void> {
  return db.service(async (tx) => {
    await tx.execute(sql`
      insert into queue_jobs (job_type, status, payload, dedupe_key, error, completed_at)
      values (${job.type}, 'failed', ${JSON.stringify(job.payload)}::jsonb, ${job.dedupeKey},
        'dead-lettered after the last retry', now())
      on conflict (dedupe_key) do update set status = 'failed', completed_at = now(), lease_expires_at = null,
        error = coalesce(queue_jobs.error, '') || ' (dead-lettered after the last retry)'
      where queue_jobs.status <> 'completed'`);
  });
}

/**
 * A unit of work run once whatever the deliveries: claimed, run, then completed with its
 * result, or failed (and rethrown, for the queue's retry). A redelivery after completion
 * does nothing; one during another worker's lease is retried later.
 */
export async function runClaimed(
  db: DatabaseAccess,
  job: { type: string; dedupeKey: string; payload: Record<string, unknown> },
  work: () => Promise<Record<string, unknown>>,
): Promise<JobOutcome> {
  const claim = await claimJob(db, job);
  if (claim.state === 'completed') return { done: true };
  if (claim.state === 'busy') return { done: false, retryInSeconds: claim.retryInSeconds };
  try {
    const result = await work();
    await completeJob(db, claim.jobId, result);
    return { done: true, result };
  } catch (error) {
    await failJob(db, claim.jobId, error).catch((recordError: unknown) => {
      // The lease expires on its own; the original error is what the queue must see.
      console.error(`job ${claim.jobId}: failure not recorded`, recordError);
    });
    throw error;
  }
}
