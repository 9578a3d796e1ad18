import { openDatabase } from '../db';
import type { Env } from '../env';
import { recordDeadLetter } from '../services/jobs';
import { isJobMessage, jobOf, runJob } from './handlers';
import type { JobMessage } from './messages';

/** Retries back off exponentially: 10 s, 20 s, 40 s… capped at 15 minutes. */
export const retryDelaySeconds = (attempts: number): number => Math.min(10 * 2 ** Math.max(attempts - 1, 0), 900);

/**
 * Acks each message whose job finished, retries the others. A message nobody can handle is
 * retried too, so it ends in the dead-letter queue rather than being dropped. The messages
 * of a batch run side by side: their jobs wait on the network, not the CPU.
 */
export async function consumeBatch(batch: MessageBatch<JobMessage>, env: Env): Promise<void> {
  await Promise.all(batch.messages.map((message) => consume(message, env)));
}

async function consume(message: Message<JobMessage>, env: Env): Promise<void> {
  // Whatever arrives is checked: the queue may carry messages of an older or newer deploy.
  const body: { type?: unknown } = message.body;
  if (!isJobMessage(body)) {
    console.error(`no handler for job message type "${String(body.type)}" (${message.id})`);
    message.retry({ delaySeconds: retryDelaySeconds(message.attempts) });
    return;
  }
  let delaySeconds: number | null;
  try {
    const outcome = await runJob(body, env);
    delaySeconds = outcome.done ? null : outcome.retryInSeconds;
  } catch (error) {
    console.error(`job ${body.type} (${message.id}) failed on attempt ${message.attempts}`, error);
    delaySeconds = retryDelaySeconds(message.attempts);
  }
  if (delaySeconds === null) message.ack();
  else message.retry({ delaySeconds });
}

/**
 * The dead-letter queue's consumer: a job the queue gave up on is recorded as failed in
 * queue_jobs (keeping the error of its last attempt), where the operator sees it, then
 * acknowledged. A message of no known type can only be logged.
 */
export async function consumeDeadLetters(batch: MessageBatch<JobMessage>, env: Env): Promise<void> {
  const db = openDatabase(env);
  try {
    for (const message of batch.messages) {
      const body: { type?: unknown } = message.body;
      console.error(`dead letter ${message.id}: ${JSON.stringify(body)}`);
      if (isJobMessage(body)) await recordDeadLetter(db, { ...jobOf(body), payload: { ...body } });
      message.ack();
    }
  } finally {
    await db.close();
  }
}
