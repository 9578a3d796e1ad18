import * as v from 'valibot';
import type { QueueMessage } from '../../platform/jobs/message';

/**
 * The learning loop's daily work, as queue messages: the retention upkeep and the look at
 * running prompt experiments. The daily run's unit of work is its UTC day (the cron firing
 * twice does it once); an operator's run is its own.
 */

export interface LearningRetentionMessage extends QueueMessage {
  type: 'learning_retention';
  /** `daily:YYYY-MM-DD` for the cron's run, `cli:<uuid>` for an operator's. */
  run: string;
}

export interface PromptExperimentMessage extends QueueMessage {
  type: 'prompt_experiment';
  run: string;
}

const run = v.pipe(v.string(), v.regex(/^(daily:\d{4}-\d{2}-\d{2}|cli:[0-9a-f-]{36})$/));

export const learningRetentionMessage = v.object({ type: v.literal('learning_retention'), run });
export const promptExperimentMessage = v.object({ type: v.literal('prompt_experiment'), run });

export const dailyRun = (scheduledTime: Date) => `daily:${scheduledTime.toISOString().slice(0, 10)}`;
export const operatorRun = () => `cli:${crypto.randomUUID()}`;
