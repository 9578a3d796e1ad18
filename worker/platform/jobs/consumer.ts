import { openDatabase } from '../db';
import type { Env } from '../env';
import { recordDeadLetter } from './claim';
import type { JobRegistry } from './registry';

/** Retries back off exponentially: 10 s, 20 s, 40 s… capped at 15 minutes. */
export const retryDelaySeconds = (attempts: number): number => Math.min(10 * 2 ** Math.max(attempts - 1, 0), 900);

/**
 * Acks each message whose job finished, retries the others. A message no registered job
 * takes is retried too, so it ends in the dead-letter queue rather than being dropped. The
 * messages of a batch run side by side: their jobs wait on the network, not the CPU.
 */
export async function consumeBatch(registry: JobRegistry, batch: MessageBatch<unknown>, env: Env): Promise<void> {
  await Promise.all(batch.messages.map((message) => consume(registry, message, env)));
}

async function consume(registry: JobRegistry, message: Message<unknown>, env: Env): Promise<void> {
  // Whatever arrives is checked: the queue may carry messages of an older or newer deploy.
  const found = registry.find(message.body);
  if (!found) {
    console.error(`no job takes queue message ${message.id} (type "${typeOf(message.body)}")`);
    message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
    return;
  }
  let delaySeconds: number | null;
  try {
    const outcome = await found.job.run(found.message, env);
    delaySeconds = outcome.done ? null : outcome.retryInSeconds;
  } catch (error) {
    console.error(`job ${found.job.type} (${message.id}) failed on attempt ${message.attempts}`, error);
    delaySeconds = retryDelaySeconds(message.attempts);
  }
  if (delaySeconds === null) message.ack();
  else message.retry({ delaySeconds });
}

const typeOf = (body: unknown) =>
  String(typeof body === 'object' && body !== null ? (body as { type?: unknown }).type : body);

/**
 * The dead-letter queue's consumer: a job the queue gave up on is recorded as failed in
 * queue_jobs (keeping the error of its last attempt), where the operator sees it, then
 * acknowledged. A message no job takes can only be logged.
 */
export async function consumeDeadLetters(registry: JobRegistry, batch: MessageBatch<unknown>, env: Env): Promise<void> {
  const db = openDatabase(env);
  try {
    for (const message of batch.messages) {
      console.error(`dead letter ${message.id}: ${JSON.stringify(message.body)}`);
      const found = registry.find(message.body);
      if (found) {
        await recordDeadLetter(db, {
          type: found.job.type,
          dedupeKey: found.job.dedupeKey(found.message),
          payload: { ...found.message },
        });
      }
      message.ack();
    }
  } finally {
    await db.close();
  }
}
