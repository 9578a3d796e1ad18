import { openDatabase } from '../../platform/db';
import { claimJob, completeJob, failJob } from '../../platform/jobs/claim';
import { defineJob } from '../../platform/jobs/registry';
import { aiFromEnv, appUrlFromEnv, mailerFromEnv, senderFromEnv } from '../../platform/wiring';
import { analysisCommandLine } from './command-line';
import { analysisJobKey, type IntelligenceAnalysisMessage, intelligenceAnalysisMessage } from './message';
import { runAnalysis } from './run';

/**
 * The queued growth analysis of one client (features/insights/run.ts), claimed in
 * queue_jobs so a redelivered message is analysed once; retried and dead-lettered like
 * every job. Its result (the figures' summary, the digest's fate) is the job row's result.
 */
export const intelligenceAnalysisJob = defineJob<IntelligenceAnalysisMessage>({
  type: 'intelligence_analysis',
  message: intelligenceAnalysisMessage,
  dedupeKey: analysisJobKey,
  commandLine: analysisCommandLine,
  async run(message, env) {
    const db = openDatabase(env);
    try {
      const claim = await claimJob(db, {
        type: 'intelligence_analysis',
        dedupeKey: analysisJobKey(message),
        payload: { ...message },
      });
      if (claim.state === 'completed') return { done: true };
      if (claim.state === 'busy') return { done: false, retryInSeconds: claim.retryInSeconds };
      try {
        const result = await runAnalysis(
          {
            db,
            ai: aiFromEnv(env),
            mailer: mailerFromEnv(env, db),
            sender: senderFromEnv(env),
            appUrl: appUrlFromEnv(env),
          },
          message,
        );
        await completeJob(db, claim.jobId, result ?? { skipped: 'client_not_found', clientId: message.clientId });
        return { done: true, result: result ?? { skipped: 'client_not_found' } };
      } catch (error) {
        await failJob(db, claim.jobId, error).catch((recordError: unknown) => {
          // The lease expires on its own; the original error is what the queue must see.
          console.error(`job ${claim.jobId}: failure not recorded`, recordError);
        });
        throw error;
      }
    } finally {
      await db.close();
    }
  },
});
