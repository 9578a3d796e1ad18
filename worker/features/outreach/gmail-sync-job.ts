import * as v from 'valibot';
import { openDatabase } from '../../platform/db';
import { runClaimed } from '../../platform/jobs/claim';
import { PermanentJobFailure } from '../../platform/jobs/failure';
import type { QueueMessage } from '../../platform/jobs/message';
import { type CronDefinition, defineJob } from '../../platform/jobs/registry';
import { MailError } from '../../platform/mail/port';
import { gmailReaderFromEnv } from '../../platform/wiring';
import { syncGmailMailbox } from './gmail-sync';
import { sendingLimits } from './limits';

/** The Gmail read (gmail-sync.ts) as a job, and the cron that queues one every ten minutes. */

export interface OutreachGmailSyncMessage extends QueueMessage {
  type: 'outreach_gmail_sync';
  /** The cron's minute (or the operator's run): one queue_jobs row per run, whatever the deliveries. */
  runKey: string;
}

export const outreachGmailSyncMessage = v.object({
  type: v.literal('outreach_gmail_sync'),
  runKey: v.pipe(v.string(), v.maxLength(100)),
});

const dedupeKey = (message: OutreachGmailSyncMessage) => `outreach_gmail_sync:${message.runKey}`;

export const outreachGmailSyncJob = defineJob<OutreachGmailSyncMessage>({
  type: 'outreach_gmail_sync',
  message: outreachGmailSyncMessage,
  dedupeKey,
  commandLine: {
    usage: '(reads what reached the Gmail account since the last read: replies and bounces to outreach, handled now)',
    async message() {
      return { type: 'outreach_gmail_sync', runKey: `cli:${new Date().toISOString()}` };
    },
  },
  async run(message, env) {
    const gmail = gmailReaderFromEnv(env);
    if (!gmail) return { done: true, result: { skipped: 'gmail_not_configured' } };
    const db = openDatabase(env);
    try {
      return await runClaimed(
        db,
        { type: message.type, dedupeKey: dedupeKey(message), payload: { ...message } },
        async () => {
          try {
            return { ...(await syncGmailMailbox({ db, ...gmail, limits: sendingLimits(env) })) };
          } catch (error) {
            // A revoked token or a missing scope fails every run the same way until someone reconnects Gmail.
            if (error instanceof MailError && !error.retryable) throw new PermanentJobFailure(error.message);
            throw error;
          }
        },
      );
    } finally {
      await db.close();
    }
  },
});

/**
 * Every ten minutes, five after the scheduler's runs (features/outreach/jobs.ts): a reply
 * read here stops the follow-ups before the next send. Only queues; the job does the work.
 */
export const outreachGmailSync: CronDefinition = {
  cron: '5,15,25,35,45,55 * * * *',
  name: 'outreach: queue a Gmail read for replies and bounces',
  async run(env, scheduledTime) {
    const message: OutreachGmailSyncMessage = { type: 'outreach_gmail_sync', runKey: scheduledTime.toISOString() };
    await env.JOBS.send(message);
  },
};
