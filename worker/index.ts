import { app, crons, jobs } from './app';
import type { Env } from './platform/env';
import { consumeBatch, consumeDeadLetters } from './platform/jobs/consumer';
import { QUEUES, type QueueMessage } from './platform/jobs/message';
import { runScheduled } from './platform/jobs/scheduler';

export default {
  fetch: app.fetch,
  // Awaited, not left to waitUntil: a cron that throws fails its trigger, which the
  // platform's cron log (and the local trigger's answer) then shows.
  scheduled: (controller, env) => runScheduled(crons, controller, env),
  queue: (batch, env) =>
    batch.queue === QUEUES.deadLetters ? consumeDeadLetters(jobs, batch, env) : consumeBatch(jobs, batch, env),
  // No address receives mail yet; rejecting tells the sender rather than dropping it.
  email: async (message) => message.setReject('This address does not accept mail.'),
} satisfies ExportedHandler<Env, QueueMessage>;
