import * as v from 'valibot';
import { openDatabase } from '../../platform/db';
import { runClaimed } from '../../platform/jobs/claim';
import type { QueueMessage } from '../../platform/jobs/message';
import { type CronDefinition, defineJob } from '../../platform/jobs/registry';
import { appUrlFromEnv, mailerFromEnv, senderFromEnv } from '../../platform/wiring';
import { sendConnectionAlerts } from './alerts';
import { rollUpIntegrationLogs } from './retention';

/**
 * Connection health's queued work, each run claimed in queue_jobs so a redelivery does
 * nothing: the hourly look for problems (told once each by email), and the daily rollup of
 * integration_logs past 90 days.
 */

export interface ConnectionHealthMessage extends QueueMessage {
  type: 'connection_health';
  /** `hourly:YYYY-MM-DDTHH` for the cron's run, `cli:<uuid>` for an operator's. */
  run: string;
}

export interface IntegrationLogRetentionMessage extends QueueMessage {
  type: 'integration_log_retention';
  /** `daily:YYYY-MM-DD` for the cron's run, `cli:<uuid>` for an operator's. */
  run: string;
}

const operatorRun = () => `cli:${crypto.randomUUID()}`;
const cli = /^cli:[0-9a-f-]{36}$/;

export const connectionHealthMessage = v.object({
  type: v.literal('connection_health'),
  run: v.pipe(
    v.string(),
    v.check((run) => /^hourly:\d{4}-\d{2}-\d{2}T\d{2}$/.test(run) || cli.test(run)),
  ),
});
export const integrationLogRetentionMessage = v.object({
  type: v.literal('integration_log_retention'),
  run: v.pipe(
    v.string(),
    v.check((run) => /^daily:\d{4}-\d{2}-\d{2}$/.test(run) || cli.test(run)),
  ),
});

const jobKey = (message: QueueMessage & { run: string }) => `${message.type}:${message.run}`;

export const connectionHealthJob = defineJob<ConnectionHealthMessage>({
  type: 'connection_health',
  message: connectionHealthMessage,
  dedupeKey: jobKey,
  commandLine: {
    usage: '(no options: checks every client’s form now and emails each new problem once)',
    async message() {
      return { type: 'connection_health', run: operatorRun() };
    },
  },
  async run(message, env) {
    const db = openDatabase(env);
    try {
      return await runClaimed(db, { type: message.type, dedupeKey: jobKey(message), payload: { ...message } }, () =>
        sendConnectionAlerts(
          { db, mailer: mailerFromEnv(env, db), sender: senderFromEnv(env), appUrl: appUrlFromEnv(env) },
          new Date(),
        ),
      );
    } finally {
      await db.close();
    }
  },
});

export const integrationLogRetentionJob = defineJob<IntegrationLogRetentionMessage>({
  type: 'integration_log_retention',
  message: integrationLogRetentionMessage,
  dedupeKey: jobKey,
  commandLine: {
    usage: '(no options: rolls integration_logs past 90 days up by day, origin and status now)',
    async message() {
      return { type: 'integration_log_retention', run: operatorRun() };
    },
  },
  async run(message, env) {
    const db = openDatabase(env);
    try {
      return await runClaimed(db, { type: message.type, dedupeKey: jobKey(message), payload: { ...message } }, () =>
        rollUpIntegrationLogs(db),
      );
    } finally {
      await db.close();
    }
  },
});

/**
 * At :40 each hour, the look for problems; at 09:40 UTC (before Montreal's day), the log's
 * rollup as well. One cron, so a problem is found within the hour it becomes one.
 */
export const connectionHealthCron: CronDefinition = {
  cron: '40 * * * *',
  name: 'connection health: problems told once, and the integration log rolled up daily',
  async run(env, scheduledTime) {
    const hour = scheduledTime.toISOString().slice(0, 13);
    const health: ConnectionHealthMessage = { type: 'connection_health', run: `hourly:${hour}` };
    if (scheduledTime.getUTCHours() !== 9) {
      await env.JOBS.send(health);
      return;
    }
    const retention: IntegrationLogRetentionMessage = {
      type: 'integration_log_retention',
      run: `daily:${hour.slice(0, 10)}`,
    };
    await env.JOBS.sendBatch([{ body: health }, { body: retention }]);
  },
};
