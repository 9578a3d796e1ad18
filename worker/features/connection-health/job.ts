import type { CronDefinition } from '../../platform/jobs/registry';
import { defineRunJob, type RunMessage, scheduledRun } from '../../platform/jobs/run-job';
import { appUrlFromEnv, mailerFromEnv, senderFromEnv } from '../../platform/wiring';
import { sendConnectionAlerts } from './alerts';
import { rollUpIntegrationLogs } from './retention';

/**
 * Connection health's queued work, each run claimed in queue_jobs so a redelivery does
 * nothing: the hourly look for problems (told once each by email), and the daily rollup of
 * integration_logs past 90 days.
 */

export const connectionHealthJob = defineRunJob({
  type: 'connection_health',
  cadence: 'hourly',
  usage: '(no options: checks every client’s form now and emails each new problem once)',
  work: (db, env) =>
    sendConnectionAlerts(
      { db, mailer: mailerFromEnv(env, db), sender: senderFromEnv(env), appUrl: appUrlFromEnv(env) },
      new Date(),
    ),
});

export const integrationLogRetentionJob = defineRunJob({
  type: 'integration_log_retention',
  cadence: 'daily',
  usage: '(no options: rolls integration_logs past 90 days up by day, origin and status now)',
  work: (db) => rollUpIntegrationLogs(db),
});

/**
 * At :40 each hour, the look for problems; at 09:40 UTC (before Montreal's day), the log's
 * rollup as well. One cron, so a problem is found within the hour it becomes one.
 */
export const connectionHealthCron: CronDefinition = {
  cron: '40 * * * *',
  name: 'connection health: problems told once, and the integration log rolled up daily',
  async run(env, scheduledTime) {
    const health: RunMessage<'connection_health'> = {
      type: 'connection_health',
      run: scheduledRun('hourly', scheduledTime),
    };
    if (scheduledTime.getUTCHours() !== 9) {
      await env.JOBS.send(health);
      return;
    }
    const retention: RunMessage<'integration_log_retention'> = {
      type: 'integration_log_retention',
      run: scheduledRun('daily', scheduledTime),
    };
    await env.JOBS.sendBatch([{ body: health }, { body: retention }]);
  },
};
