import { app, crons, inboundHandlers, jobs } from './app';
import type { Env } from './platform/env';
import { consumeBatch, consumeDeadLetters } from './platform/jobs/consumer';
import { QUEUES, type QueueMessage } from './platform/jobs/message';
import { runScheduled } from './platform/jobs/scheduler';
import { receiveEmail } from './platform/mail/inbound-routing';

export default {
  fetch: app.fetch,
  // Awaited, not left to waitUntil: a cron that throws fails its trigger, which the
  // platform's cron log (and the local trigger's answer) then shows.
  scheduled: (controller, env) => runScheduled(crons, controller, env),
  queue: (batch, env) =>
    batch.queue === QUEUES.deadLetters ? consumeDeadLetters(jobs, batch, env) : consumeBatch(jobs, batch, env),
  // Email Routing's deliveries: a signed token in the recipient says whose it is, or it is rejected.
  email: async (message, env) => void (await receiveEmail(inboundHandlers, message, env)),
} satisfies ExportedHandler<Env, QueueMessage>;
