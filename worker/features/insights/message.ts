import * as v from 'valibot';
import type { QueueMessage } from '../../platform/jobs/message';

/** The queue message of one client's growth analysis, and the unit of work it is. */

/** Who asked: the Monday cron, the client's "Growth Copilot" button, or an operator's `npm run job`. */
export const ANALYSIS_TRIGGERS = ['weekly', 'refresh', 'cli'] as const;
export type AnalysisTrigger = (typeof ANALYSIS_TRIGGERS)[number];

export interface IntelligenceAnalysisMessage extends QueueMessage {
  type: 'intelligence_analysis';
  clientId: string;
  trigger: AnalysisTrigger;
  /** The analysed week ends here (ISO 8601): the Monday's midnight in Montreal, or the request's time. */
  periodEnd: string;
  /** Tells apart two refreshes of the same client; the weekly run's is its period. */
  requestId: string;
}

export const intelligenceAnalysisMessage = v.object({
  type: v.literal('intelligence_analysis'),
  clientId: v.pipe(v.string(), v.uuid()),
  trigger: v.picklist(ANALYSIS_TRIGGERS),
  periodEnd: v.pipe(v.string(), v.isoTimestamp()),
  requestId: v.pipe(v.string(), v.minLength(1), v.maxLength(100)),
});

/**
 * The queue_jobs row of the work: one per client and week for the Monday run (so a
 * redelivered message, or the cron firing twice, analyses and mails once), one per request
 * for a refresh or a command-line run.
 */
export const analysisJobKey = (
  message: Pick<IntelligenceAnalysisMessage, 'clientId' | 'trigger' | 'periodEnd' | 'requestId'>,
) =>
  message.trigger === 'weekly'
    ? `intelligence_analysis:${message.clientId}:weekly:${message.periodEnd}`
    : `intelligence_analysis:${message.clientId}:${message.trigger}:${message.requestId}`;

/** The prefix of a client's refresh jobs' keys, for the refresh limit. */
export const refreshKeyPrefix = (clientId: string) => `intelligence_analysis:${clientId}:refresh:`;
