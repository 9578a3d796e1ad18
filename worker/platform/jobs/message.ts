import type { JobType } from '../../../schema/vocabulary';

/**
 * What travels on the JOBS queue: a message whose `type` names a registered job
 * (platform/jobs/registry.ts) and its queue_jobs.job_type. Each feature declares its own
 * message shapes; the queue only promises this much, and the consumer checks the rest.
 */
export interface QueueMessage {
  type: JobType;
}

/** The queues of wrangler.toml: the jobs queue and where it sends what it gave up on. */
export const QUEUES = { jobs: 'avenir-jobs', deadLetters: 'avenir-jobs-dlq' } as const;
