import { enrichmentDepsFromEnv } from '../adapters/from-env';
import { openDatabase } from '../db';
import type { Env } from '../env';
import { enrichJobKey, enrichLead } from '../services/enrichment';
import type { JobMessage } from './messages';

/** What a handler tells the consumer: done (ack), or not yet (retry after a delay, not a failure). */
export type JobOutcome = { done: true } | { done: false; retryInSeconds: number };

export const JOB_MESSAGE_TYPES: readonly JobMessage['type'][] = ['enrich_lead'];

export const isJobMessage = (body: { type?: unknown }): body is JobMessage =>
  JOB_MESSAGE_TYPES.includes(body.type as JobMessage['type']);

/** Runs one message's job; throws when it failed and should be retried with backoff. */
export async function runJob(message: JobMessage, env: Env): Promise<JobOutcome> {
  switch (message.type) {
    case 'enrich_lead': {
      const db = openDatabase(env);
      try {
        const outcome = await enrichLead(enrichmentDepsFromEnv(env, db), message);
        return outcome.status === 'busy' ? { done: false, retryInSeconds: outcome.retryInSeconds } : { done: true };
      } finally {
        await db.close();
      }
    }
  }
}

/** The queue_jobs row a message's work is tracked in. */
export function jobOf(message: JobMessage): { type: JobMessage['type']; dedupeKey: string } {
  switch (message.type) {
    case 'enrich_lead':
      return { type: 'enrich_lead', dedupeKey: enrichJobKey(message) };
  }
}
