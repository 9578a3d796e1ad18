import { openDatabase } from '../../platform/db';
import type { Env } from '../../platform/env';
import { runClaimed } from '../../platform/jobs/claim';
import { PermanentJobFailure } from '../../platform/jobs/failure';
import { type CronDefinition, defineJob, UsageError } from '../../platform/jobs/registry';
import { approveBatch, proposeBatch } from './batches';
import { formTestDeps } from './deps';
import { formTestLimits, MAX_BATCH_SIZE } from './limits';
import {
  type FormTestsMessage,
  type FormTestTimeoutsMessage,
  formTestsJobKey,
  formTestsMessage,
  formTestTimeoutsMessage,
} from './messages';
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
/** How long silence lasts before it is a timeout: the operator's minutes, else the setting's hours. */
const timeoutMinutes = (message: FormTestTimeoutsMessage, env: Env) =>
  message.afterMinutes ?? formTestLimits(env).timeoutHours * 60;

async function sweepTimeouts(message: FormTestTimeoutsMessage, env: Env) {
  const db = openDatabase(env);
  try {
    return await markTimeouts(db, timeoutMinutes(message, env));
  } finally {
    await db.close();
  }
}

/**
 * The cron's sweep, run now. `--after-minutes` shortens the wait: on `npm start`, a batch's
 * silent businesses become timeouts minutes later instead of three days.
 */
export const formTestTimeoutsJob = defineJob<FormTestTimeoutsMessage>({
  type: 'form_test_timeouts',
  message: formTestTimeoutsMessage,
  // Sweeps are idempotent (the update's where clause marks a test once): one row records a failing kind.
  dedupeKey: (message) => `form_test_timeouts:${message.afterMinutes ?? 'setting'}`,
  commandLine: {
    usage:
      '[--after-minutes <n>] (tests with no answer after n minutes, default FORM_TEST_TIMEOUT_HOURS, become timeouts now)',
    async message(options) {
      if (options['after-minutes'] === undefined) return { type: 'form_test_timeouts' };
      const minutes = Number(options['after-minutes']);
      if (!Number.isInteger(minutes) || minutes < 1) {
        throw new UsageError(
          'Say after how many minutes of silence: --after-minutes <n>, a whole number of 1 or more.',
        );
      }
      return { type: 'form_test_timeouts', afterMinutes: minutes };
    },
  },
  async run(message, env) {
    return {
      done: true,
      result: { ...(await sweepTimeouts(message, env)), afterMinutes: timeoutMinutes(message, env) },
    };
  },
});

export const formTestTimeouts: CronDefinition = {
  cron: '20 * * * *',
  name: 'form tests: no answer after the timeout is a result',
  async run(env) {
    const marked = await sweepTimeouts({ type: 'form_test_timeouts' }, env);
    if (marked.timedOut + marked.abandoned > 0) console.log(`form tests: ${JSON.stringify(marked)}`);
  },
};
