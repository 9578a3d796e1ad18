import { openDatabase } from '../../platform/db';
import { runClaimed } from '../../platform/jobs/claim';
import { PermanentJobFailure } from '../../platform/jobs/failure';
import { type CronDefinition, defineJob, UsageError } from '../../platform/jobs/registry';
import { approveBatch, proposeBatch } from './batches';
import { formTestDeps } from './deps';
import { formTestLimits, MAX_BATCH_SIZE } from './limits';
import { type FormTestsMessage, formTestsJobKey, formTestsMessage } from './messages';
import { markTimeouts, runBatch } from './run';
import { listFormTests } from './views';

/** Form testing's job (an approved batch) and its cron (silence becomes a timeout). */

export const formTestsJob = defineJob<FormTestsMessage>({
  type: 'form_tests',
  message: formTestsMessage,
  dedupeKey: formTestsJobKey,
  commandLine: {
    usage:
      '--limit <n> (proposes and approves a batch of the n neediest prospects with a form and no test in 90 days, and runs it now)',
    async message(options, db, env) {
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_BATCH_SIZE) {
        throw new UsageError(`Say how many prospects to test: --limit <1–${MAX_BATCH_SIZE}>.`);
      }
      // The operator typing the command is the person approving it.
      const who = 'npm run job';
      const limits = formTestLimits(env);
      const batch = await proposeBatch(db, { limit, proposedBy: who, limits }).catch((error: Error) => {
        throw new UsageError(error.message);
      });
      await approveBatch(db, batch.id, who);
      return { type: 'form_tests', batchId: batch.id };
    },
    async report(message, db, env) {
      const view = await listFormTests(db, { batch: message.batchId }, formTestLimits(env), true);
      return { tests: view.tests };
    },
  },
  async run(message, env) {
    const db = openDatabase(env);
    try {
      const deps = formTestDeps(env, db);
      if (!deps) throw new PermanentJobFailure('form tests need INBOUND_TOKEN_SECRET and INBOUND_DOMAIN');
      return await runClaimed(
        db,
        { type: message.type, dedupeKey: formTestsJobKey(message), payload: { ...message } },
        async () => {
          const run = await runBatch(deps, message.batchId);
          return run ? { ...run } : { batchId: message.batchId, ran: false, why: 'not approved, or already run' };
        },
      );
    } finally {
      await db.close();
    }
  },
});

/** Every hour: submitted tests with no answer after the timeout become `timeout`, scored 0. */
export const formTestTimeouts: CronDefinition = {
  cron: '20 * * * *',
  name: 'form tests: no answer after the timeout is a result',
  async run(env) {
    const db = openDatabase(env);
    try {
      const marked = await markTimeouts(db, formTestLimits(env).timeoutHours);
      if (marked.timedOut + marked.abandoned > 0) console.log(`form tests: ${JSON.stringify(marked)}`);
    } finally {
      await db.close();
    }
  },
};
