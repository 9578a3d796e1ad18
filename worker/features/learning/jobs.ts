import { openDatabase } from '../../platform/db';
import { runClaimed } from '../../platform/jobs/claim';
import type { QueueMessage } from '../../platform/jobs/message';
import { type CronDefinition, defineJob } from '../../platform/jobs/registry';
import { lookAtRunningTests } from './ab-lifecycle';
import {
  dailyRun,
  type LearningRetentionMessage,
  learningRetentionMessage,
  operatorRun,
  type PromptExperimentMessage,
  promptExperimentMessage,
} from './messages';
import { runRetention } from './retention';

/** The learning loop's daily jobs, each claimed in queue_jobs so a redelivery does nothing. */

const jobKey = (message: QueueMessage & { run: string }) => `${message.type}:${message.run}`;

export const learningRetentionJob = defineJob<LearningRetentionMessage>({
  type: 'learning_retention',
  message: learningRetentionMessage,
  dedupeKey: jobKey,
  commandLine: {
    usage: '(no options: resolves stale predictions, deletes expired feedback, rolls up old metrics now)',
    async message() {
      return { type: 'learning_retention', run: operatorRun() };
    },
  },
  async run(message, env) {
    const db = openDatabase(env);
    try {
      return await runClaimed(db, { type: message.type, dedupeKey: jobKey(message), payload: { ...message } }, () =>
        runRetention(db),
      );
    } finally {
      await db.close();
    }
  },
});

export const promptExperimentJob = defineJob<PromptExperimentMessage>({
  type: 'prompt_experiment',
  message: promptExperimentMessage,
  dedupeKey: jobKey,
  commandLine: {
    usage: '(no options: looks at every running prompt A/B test now, ends and promotes where decided)',
    async message() {
      return { type: 'prompt_experiment', run: operatorRun() };
    },
  },
  async run(message, env) {
    const db = openDatabase(env);
    try {
      return await runClaimed(db, { type: message.type, dedupeKey: jobKey(message), payload: { ...message } }, () =>
        lookAtRunningTests(db),
      );
    } finally {
      await db.close();
    }
  },
});

/** 09:15 UTC: the day's verdicts are in before staff read the Learning and Prompts screens. */
export const learningDaily: CronDefinition = {
  cron: '15 9 * * *',
  name: 'learning loop: retention and prompt experiments',
  async run(env, scheduledTime) {
    const run = dailyRun(scheduledTime);
    const retention: LearningRetentionMessage = { type: 'learning_retention', run };
    const experiments: PromptExperimentMessage = { type: 'prompt_experiment', run };
    await env.JOBS.sendBatch([{ body: retention }, { body: experiments }]);
  },
};
