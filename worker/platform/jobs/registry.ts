import * as v from 'valibot';
import type { DatabaseAccess } from '../db';
import type { Env } from '../env';
import type { QueueMessage } from './message';

/**
 * What a job tells the consumer: done (ack), or not yet (retry after a delay, not a
 * failure). `result` is what it did, for whoever ran it by hand (`npm run job`).
 */
export type JobOutcome = { done: true; result?: Record<string, unknown> } | { done: false; retryInSeconds: number };

/**
 * One kind of queued work, declared by the feature that owns it. Method syntax on purpose:
 * a registry holds jobs of every message type, each called only with its own message.
 */
export interface JobDefinition<M extends QueueMessage = QueueMessage> {
  readonly type: M['type'];
  /** The message's shape. A body that does not match is retried into the dead-letter queue. */
  readonly message: v.GenericSchema<unknown, M>;
  /** The queue_jobs row a message's work is tracked in: one per unit of work, whatever the deliveries. */
  dedupeKey(message: M): string;
  /**
   * Runs the job; throws when it failed and should be retried with backoff, or throws a
   * PermanentJobFailure (jobs/failure.ts) when retrying cannot help: recorded, never retried.
   */
  run(message: M, env: Env): Promise<JobOutcome>;
  /** How an operator runs it now, from `npm run job -- TYPE [options]`; absent: queue only. */
  readonly commandLine?: CommandLineJob<M>;
}

/** Options as `npm run job` read them: `--client abc` → { client: 'abc' }, a bare `--force` → 'true'. */
export type CommandLineOptions = Readonly<Record<string, string>>;

export interface CommandLineJob<M extends QueueMessage> {
  /** The options it takes, for the usage line, e.g. `--client <id>`. */
  readonly usage: string;
  /** The message from the options, looked up in the database where an option names a row; throws a UsageError. */
  message(options: CommandLineOptions, db: DatabaseAccess, env: Env): Promise<M>;
  /** What to print once it ran, beyond the job's result (e.g. the row it wrote). */
  report?(message: M, db: DatabaseAccess, env: Env): Promise<unknown>;
}

/** A command line the job cannot run: said to the operator as is, without a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Work on a schedule, declared by the feature that owns it. */
export interface CronDefinition {
  /** The expression, exactly as listed in wrangler.toml's `[triggers] crons`. */
  readonly cron: string;
  /** What it does, for logs. */
  readonly name: string;
  /** Stays within the cron's budget: heavy work goes to the JOBS queue. */
  run(env: Env, scheduledTime: Date): Promise<void>;
}

export const defineJob = <M extends QueueMessage>(job: JobDefinition<M>): JobDefinition<M> => job;

export interface JobRegistry {
  readonly jobs: readonly JobDefinition[];
  /** The job a queue body belongs to, with the body checked against its shape; null when none takes it. */
  find(body: unknown): { job: JobDefinition; message: QueueMessage } | null;
}

export function jobRegistry(jobs: readonly JobDefinition[]): JobRegistry {
  const byType = new Map<string, JobDefinition>();
  for (const job of jobs) {
    if (byType.has(job.type)) throw new Error(`two jobs are registered for "${job.type}"`);
    byType.set(job.type, job);
  }
  return {
    jobs,
    find(body) {
      const type = typeof body === 'object' && body !== null ? (body as { type?: unknown }).type : undefined;
      const job = typeof type === 'string' ? byType.get(type) : undefined;
      if (!job) return null;
      const parsed = v.safeParse(job.message, body);
      return parsed.success ? { job, message: parsed.output } : null;
    },
  };
}

export interface CronRegistry {
  readonly crons: readonly CronDefinition[];
  find(cron: string): CronDefinition | undefined;
}

export function cronRegistry(crons: readonly CronDefinition[]): CronRegistry {
  const byCron = new Map<string, CronDefinition>();
  for (const entry of crons) {
    if (byCron.has(entry.cron)) throw new Error(`two crons are registered for "${entry.cron}"`);
    byCron.set(entry.cron, entry);
  }
  return { crons, find: (cron) => byCron.get(cron) };
}
