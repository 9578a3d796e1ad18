import * as v from 'valibot';
import type { JobType } from '../../../schema/vocabulary';
import { type DatabaseAccess, openDatabase } from '../db';
import type { Env } from '../env';
import { runClaimed } from './claim';
import type { QueueMessage } from './message';
import { defineJob, type JobDefinition } from './registry';

/**
 * A job whose unit of work is a run: its cron's period (`daily:YYYY-MM-DD`,
 * `hourly:YYYY-MM-DDTHH`), so the cron firing twice does it once, or an operator's own
 * (`cli:<uuid>`).
 */
export interface RunMessage<T extends JobType = JobType> extends QueueMessage {
  type: T;
  run: string;
}

export type RunCadence = 'daily' | 'hourly';

const RUN: Record<RunCadence, RegExp> = {
  daily: /^(daily:\d{4}-\d{2}-\d{2}|cli:[0-9a-f-]{36})$/,
  hourly: /^(hourly:\d{4}-\d{2}-\d{2}T\d{2}|cli:[0-9a-f-]{36})$/,
};

/** The cron's run of `scheduledTime`, in UTC. */
export const scheduledRun = (cadence: RunCadence, scheduledTime: Date) =>
  cadence === 'daily'
    ? `daily:${scheduledTime.toISOString().slice(0, 10)}`
    : `hourly:${scheduledTime.toISOString().slice(0, 13)}`;

const operatorRun = () => `cli:${crypto.randomUUID()}`;
const jobKey = (message: RunMessage) => `${message.type}:${message.run}`;

/**
 * A run job, claimed in queue_jobs per run so a redelivery does nothing; `npm run job --
 * TYPE` (no options) runs it now as an operator's run. `work` has the database for the run.
 */
export function defineRunJob<T extends JobType>(spec: {
  type: T;
  cadence: RunCadence;
  /** What it does, for `npm run job`'s usage line. */
  usage: string;
  work(db: DatabaseAccess, env: Env): Promise<Record<string, unknown>>;
}): JobDefinition<RunMessage<T>> {
  return defineJob<RunMessage<T>>({
    type: spec.type,
    message: v.object({ type: v.literal(spec.type), run: v.pipe(v.string(), v.regex(RUN[spec.cadence])) }),
    dedupeKey: jobKey,
    commandLine: {
      usage: spec.usage,
      async message() {
        return { type: spec.type, run: operatorRun() };
      },
    },
    async run(message, env) {
      const db = openDatabase(env);
      try {
        return await runClaimed(db, { type: message.type, dedupeKey: jobKey(message), payload: { ...message } }, () =>
          spec.work(db, env),
        );
      } finally {
        await db.close();
      }
    },
  });
}
