import { and, asc, eq } from 'drizzle-orm';
import * as v from 'valibot';
import { outreachCampaigns, outreachEmails } from '../../../schema';
import { openDatabase } from '../../platform/db';
import type { Env } from '../../platform/env';
import { AppError } from '../../platform/errors';
import { isUuid } from '../../platform/identifiers';
import { runClaimed } from '../../platform/jobs/claim';
import { PermanentJobFailure } from '../../platform/jobs/failure';
import type { QueueMessage } from '../../platform/jobs/message';
import { defineJob, UsageError } from '../../platform/jobs/registry';
import { aiFromEnv } from '../../platform/wiring';
import { personaliseCampaign } from './personalise';

/**
 * The AI first lines of a campaign's pending first emails (personalise.ts) as a job: queued
 * after an enrolment when OpenAI is configured, or run by hand. Without an OpenAI key it does
 * nothing (the offline lines stand). A full batch queues the next part; OpenAI failing on
 * the way fails the job, retried by the queue, and what was done stays done.
 */

export interface OutreachPersonaliseMessage extends QueueMessage {
  type: 'outreach_personalise';
  campaignId: string;
  /** What asked for the run (an enrolment, the operator): one queue_jobs row per run and part. */
  runKey: string;
  /** The batch of the run, from 1: a full batch queues the next. */
  part?: number | undefined;
}

export const outreachPersonaliseMessage = v.object({
  type: v.literal('outreach_personalise'),
  campaignId: v.pipe(v.string(), v.uuid()),
  runKey: v.pipe(v.string(), v.maxLength(100)),
  part: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1_000))),
});

const dedupeKey = (message: OutreachPersonaliseMessage) =>
  `outreach_personalise:${message.campaignId}:${message.runKey}:${message.part ?? 1}`;

export const outreachPersonaliseJob = defineJob<OutreachPersonaliseMessage>({
  type: 'outreach_personalise',
  message: outreachPersonaliseMessage,
  dedupeKey,
  commandLine: {
    usage:
      '--campaign <id> (asks OpenAI for the first line of each pending first email, checks every fact, and prints how many it kept and refused; the reasons are in each email’s metadata)',
    async message(options, db) {
      const id = options.campaign;
      if (!id || !isUuid(id)) throw new UsageError('Name the campaign: --campaign <id>.');
      const [campaign] = await db.service((tx) =>
        tx.select({ id: outreachCampaigns.id }).from(outreachCampaigns).where(eq(outreachCampaigns.id, id)),
      );
      if (!campaign) throw new UsageError(`No campaign has the id "${id}".`);
      return { type: 'outreach_personalise', campaignId: id, runKey: `cli:${new Date().toISOString()}` };
    },
    async report(message, db) {
      const rows = await db.service((tx) =>
        tx
          .select({
            company: outreachEmails.companyName,
            status: outreachEmails.status,
            metadata: outreachEmails.metadata,
          })
          .from(outreachEmails)
          .where(and(eq(outreachEmails.campaignId, message.campaignId), eq(outreachEmails.followUpSequence, 1)))
          .orderBy(asc(outreachEmails.companyName)),
      );
      return {
        firstEmails: rows.map(({ company, status, metadata }) => ({
          company,
          status,
          writer: metadata.writer ?? 'offline',
          firstLine: metadata.firstLine ?? null,
        })),
      };
    },
  },
  async run(message, env) {
    const ai = aiFromEnv(env);
    if (!ai) return { done: true, result: { skipped: 'no_openai' } };
    const db = openDatabase(env);
    try {
      return await runClaimed(
        db,
        { type: message.type, dedupeKey: dedupeKey(message), payload: { ...message } },
        async () => {
          const result = await personaliseCampaign({ db, ai }, message.campaignId).catch((error: unknown) => {
            if (error instanceof AppError && error.code === 'campaign_not_found') return null;
            throw error;
          });
          if (!result) return { skipped: 'campaign_not_found', campaignId: message.campaignId };
          if (!('personalised' in result)) return { ...result };
          if (result.stopped) {
            const why = `OpenAI stopped the run (${result.stopped.kind}): ${result.stopped.message}`;
            // Out of quota or refused: every retry would fail the same way; the offline lines stand.
            if (!result.stopped.retryable) throw new PermanentJobFailure(why, { ...result });
            throw new Error(why);
          }
          if (result.more) {
            const next: OutreachPersonaliseMessage = { ...message, part: (message.part ?? 1) + 1 };
            await env.JOBS.send(next);
          }
          return { ...result };
        },
      );
    } finally {
      await db.close();
    }
  },
});

/**
 * Queues a campaign's personalisation after an enrolment, when OpenAI is configured (for the
 * route that enrols, after it enrolled someone). False when there is nothing to ask.
 */
export async function queuePersonalisation(env: Env, campaignId: string, enrolled: number): Promise<boolean> {
  if (!env.OPENAI_API_KEY || enrolled === 0) return false;
  const message: OutreachPersonaliseMessage = {
    type: 'outreach_personalise',
    campaignId,
    runKey: `enrolment:${new Date().toISOString()}`,
  };
  await env.JOBS.send(message);
  return true;
}
