import * as v from 'valibot';
import type { QueueMessage } from '../../platform/jobs/message';

/**
 * Discovery's queue messages. A daily run's unit of work is its ICP and its Montreal day
 * (the cron firing twice, or a redelivery, runs it once); an operator's run is its own.
 */

/** `daily:YYYY-MM-DD` (the cron), `cli:<uuid>` (npm run job), `staff:<uuid>` (the screen's "run now"). */
const run = v.pipe(v.string(), v.regex(/^(daily:\d{4}-\d{2}-\d{2}|(cli|staff):[0-9a-f-]{36})$/));

export interface DailyProspectQueueMessage extends QueueMessage {
  type: 'daily_prospect_queue';
  /** One ICP's run; absent, the fan-out that queues one message per active ICP. */
  icpId?: string;
  run: string;
}

export interface ProspectAnalysisMessage extends QueueMessage {
  type: 'prospect_analysis';
  prospectId: string;
  run: string;
}

export const dailyProspectQueueMessage = v.object({
  type: v.literal('daily_prospect_queue'),
  icpId: v.optional(v.pipe(v.string(), v.uuid())),
  run,
});

export const prospectAnalysisMessage = v.object({
  type: v.literal('prospect_analysis'),
  prospectId: v.pipe(v.string(), v.uuid()),
  run,
});

export const discoveryJobKey = (message: DailyProspectQueueMessage) =>
  `daily_prospect_queue:${message.icpId ?? 'all'}:${message.run}`;
export const analysisJobKey = (message: ProspectAnalysisMessage) =>
  `prospect_analysis:${message.prospectId}:${message.run}`;

export const runTrigger = (run: string): 'daily' | 'operator' => (run.startsWith('daily:') ? 'daily' : 'operator');
