import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, id, nonNegative, oneOf } from './columns';
import { JOB_STATUSES, JOB_TYPES } from './vocabulary';

/** Multi-step background work with its status, result or error. */
export const queueJobs = pgTable(
  'queue_jobs',
  {
    id: id(),
    jobType: text('job_type', { enum: JOB_TYPES }).notNull(),
    status: text('status', { enum: JOB_STATUSES }).notNull().default('pending'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    result: jsonb('result').$type<Record<string, unknown>>(),
    error: text('error'),
    /** Makes scheduled work idempotent: e.g. "daily_prospect_queue:2026-11-25" runs once. */
    dedupeKey: text('dedupe_key').unique('queue_jobs_dedupe_key_unique'),
    attempts: integer('attempts').notNull().default(0),
    /** A processing job whose lease has passed was abandoned and may be claimed again. */
    leaseExpiresAt: timestamp('lease_expires_at', { withTimezone: true }),
    createdAt: createdAt(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    index('queue_jobs_claim_idx').on(t.jobType, t.createdAt).where(sql`${t.status} in ('pending', 'processing')`),
    index('queue_jobs_status_created_idx').on(t.status, t.createdAt.desc()),
    oneOf('queue_jobs_job_type_check', t.jobType, JOB_TYPES),
    oneOf('queue_jobs_status_check', t.status, JOB_STATUSES),
    nonNegative('queue_jobs_attempts_check', t.attempts),
    check(
      'queue_jobs_completion_check',
      sql`(${t.status} in ('completed', 'failed')) = (${t.completedAt} is not null)`,
    ),
  ],
);
