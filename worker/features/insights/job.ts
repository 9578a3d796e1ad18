import { openDatabase } from '../../platform/db';
import { runClaimed } from '../../platform/jobs/claim';
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
      return await runClaimed(
        db,
        { type: 'intelligence_analysis', dedupeKey: analysisJobKey(message), payload: { ...message } },
        async () => {
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
          return result ?? { skipped: 'client_not_found', clientId: message.clientId };
        },
      );
    } finally {
      await db.close();
    }
  },
});
