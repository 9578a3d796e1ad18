import { openDatabase } from '../../platform/db';
import { runClaimed } from '../../platform/jobs/claim';
import { PermanentJobFailure } from '../../platform/jobs/failure';
import { type CronDefinition, defineJob } from '../../platform/jobs/registry';
import { gmailReaderFromEnv } from '../../platform/wiring';
import { schedulerDeps } from './deps';
import { recordTrackingEvent } from './events';
import { startGmailHistory } from './gmail-sync';
import {
  type OutreachEventMessage,
  type OutreachSendMessage,
  outreachEventMessage,
  outreachSendMessage,
} from './messages';
import { runScheduler } from './scheduler';

/** Outreach's jobs (a scheduler run, a tracking event) and its cron (which only queues a run). */

export const outreachSendJob = defineJob<OutreachSendMessage>({
  type: 'outreach_send',
  message: outreachSendMessage,
  dedupeKey: (message) => `outreach_send:${message.runKey}`,
  commandLine: {
    usage: '(sends the approved emails due now, within every limit, and prints what it sent and held, with reasons)',
    async message() {
      return { type: 'outreach_send', runKey: `cli:${new Date().toISOString()}` };
    },
  },
  async run(message, env) {
    const db = openDatabase(env);
    try {
      const deps = schedulerDeps(env, db);
      if (!deps) throw new PermanentJobFailure('outreach needs INBOUND_TOKEN_SECRET and INBOUND_DOMAIN');
      // Before Gmail's first outreach email, where its history stands: the first read starts there.
      const gmail = gmailReaderFromEnv(env);
      if (gmail) {
        await startGmailHistory({ db, ...gmail }).catch((error: Error) =>
          console.warn(`the Gmail history could not be read before sending: ${error.message}`),
        );
      }
      return await runClaimed(
        db,
        { type: message.type, dedupeKey: `outreach_send:${message.runKey}`, payload: { ...message } },
        async () => ({ ...(await runScheduler(deps)) }),
      );
    } finally {
      await db.close();
    }
  },
});

export const outreachEventJob = defineJob<OutreachEventMessage>({
  type: 'outreach_event',
  message: outreachEventMessage,
  // The event's own id keeps it once (outreach_tracking's primary key): no queue_jobs row per open.
  dedupeKey: (message) => `outreach_event:${message.eventId}`,
  async run(message, env) {
    const db = openDatabase(env);
    try {
      return { done: true, result: await recordTrackingEvent(db, message) };
    } finally {
      await db.close();
    }
  },
});

/** Every ten minutes: a scheduler run is queued, never run inside the cron's budget. */
export const outreachScheduler: CronDefinition = {
  cron: '*/10 * * * *',
  name: 'outreach: queue a scheduler run',
  async run(env, scheduledTime) {
    const message: OutreachSendMessage = { type: 'outreach_send', runKey: scheduledTime.toISOString() };
    await env.JOBS.send(message);
  },
};
