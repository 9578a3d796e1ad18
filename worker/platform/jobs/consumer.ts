import { openDatabase } from '../db';
import type { Env } from '../env';
import { loggableError } from '../http/error-envelope';
import { recordDeadLetter, recordPermanentFailure } from './claim';
import { PermanentJobFailure } from './failure';
import type { QueueMessage } from './message';
import type { JobDefinition, JobRegistry } from './registry';

/** Retries back off exponentially: 10 s, 20 s, 40 s… capped at 15 minutes. */
export const retryDelaySeconds = (attempts: number): number => Math.min(10 * 2 ** Math.max(attempts - 1, 0), 900);

/**
 * Acks each message whose job finished, retries the others. A message no registered job
 * takes is retried too, so it ends in the dead-letter queue rather than being dropped. A job
 * that failed for good (PermanentJobFailure) is recorded failed with its reason and acked at
 * once: retrying it would only fail the same way, five more times. The messages of a batch
 * run side by side: their jobs wait on the network, not the CPU.
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
    delaySeconds = retryDelaySeconds(message.attempts);
    if (error instanceof PermanentJobFailure) {
      console.error(`job ${found.job.type} (${message.id}) failed for good: ${error.message}`);
      // Acked only once written down; if that fails, the message is retried like any failure.
      if (await recordFailure(env, found, error)) delaySeconds = null;
    } else {
      // Its kind and place, not the whole error: a database error quotes the lead's words.
      console.error(
        `job ${found.job.type} (${message.id}) failed on attempt ${message.attempts}: ${loggableError(error)}`,
      );
    }
  }
  if (delaySeconds === null) message.ack();
  else message.retry({ delaySeconds });
}

/** Writes a permanent failure down in queue_jobs; false when that failed (it is logged). */
async function recordFailure(
  env: Env,
  found: { job: JobDefinition; message: QueueMessage },
  error: PermanentJobFailure,
): Promise<boolean> {
  const db = openDatabase(env);
  try {
    await recordPermanentFailure(
      db,
      { type: found.job.type, dedupeKey: found.job.dedupeKey(found.message), payload: { ...found.message } },
      error,
    );
    return true;
  } catch (recordError) {
    console.error(`job ${found.job.type}: permanent failure not recorded: ${loggableError(recordError)}`);
    return false;
  } finally {
    await db.close();
  }
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
