import { app } from './app';
import type { Env } from './env';
import { consumeBatch, consumeDeadLetters } from './jobs/consumer';
import type { JobMessage } from './jobs/messages';
import { runScheduled } from './jobs/schedule';

/** wrangler.toml: where avenir-jobs sends what it gave up on. */
const DEAD_LETTER_QUEUE = 'avenir-jobs-dlq';

export default {
  fetch: app.fetch,
  scheduled: (controller, env, ctx) => ctx.waitUntil(runScheduled(controller, env)),
  queue: (batch, env) =>
    batch.queue === DEAD_LETTER_QUEUE ? consumeDeadLetters(batch, env) : consumeBatch(batch, env),
  // No address receives mail yet; rejecting tells the sender rather than dropping it.
  email: async (message) => message.setReject('This address does not accept mail.'),
} satisfies ExportedHandler<Env, JobMessage>;
