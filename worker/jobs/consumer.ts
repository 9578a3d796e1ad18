import type { Env } from '../env';
import type { JobMessage } from './messages';

type JobHandler = (message: JobMessage, env: Env) => Promise<void>;

/** Handlers by message type; each background feature registers its own. */
export const jobHandlers: Record<string, JobHandler> = {};

/** Retries back off exponentially: 10 s, 20 s, 40 s… capped at 15 minutes. */
export const retryDelaySeconds = (attempts: number): number => Math.min(10 * 2 ** Math.max(attempts - 1, 0), 900);

/**
 * Acks each message that its handler finished, retries the others. A message nobody can
 * handle is retried too, so it ends in the dead-letter queue rather than being dropped.
 */
export async function consumeBatch(batch: MessageBatch<JobMessage>, env: Env): Promise<void> {
  for (const message of batch.messages) {
    const handler = jobHandlers[message.body.type];
    if (!handler) {
      console.error(`no handler for job message type "${message.body.type}" (${message.id})`);
      message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
      continue;
    }
    let failed = false;
    try {
      await handler(message.body, env);
    } catch (error) {
      failed = true;
      console.error(`job ${message.body.type} (${message.id}) failed on attempt ${message.attempts}`, error);
    }
    if (failed) message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
    else message.ack();
  }
}
