import type { CronDefinition } from '../../platform/jobs/registry';
import { defineRunJob, type RunMessage, scheduledRun } from '../../platform/jobs/run-job';
import { lookAtRunningTests } from './ab-lifecycle';
import { runRetention } from './retention';

/** The learning loop's daily jobs, each claimed in queue_jobs so a redelivery does nothing. */

export const learningRetentionJob = defineRunJob({
  type: 'learning_retention',
  cadence: 'daily',
  usage: '(no options: resolves stale predictions, deletes expired feedback, rolls up old metrics now)',
  work: (db) => runRetention(db),
});

export const promptExperimentJob = defineRunJob({
  type: 'prompt_experiment',
  cadence: 'daily',
  usage: '(no options: looks at every running prompt A/B test now, ends and promotes where decided)',
  work: (db) => lookAtRunningTests(db),
});

/** 09:15 UTC: the day's verdicts are in before staff read the Learning and Prompts screens. */
export const learningDaily: CronDefinition = {
  cron: '15 9 * * *',
  name: 'learning loop: retention and prompt experiments',
  async run(env, scheduledTime) {
    const run = scheduledRun('daily', scheduledTime);
    const retention: RunMessage<'learning_retention'> = { type: 'learning_retention', run };
    const experiments: RunMessage<'prompt_experiment'> = { type: 'prompt_experiment', run };
    await env.JOBS.sendBatch([{ body: retention }, { body: experiments }]);
  },
};
