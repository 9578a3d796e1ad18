import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFRESH_LIMIT, refreshState, requestRefresh } from '../../../worker/features/insights/refresh';
import type { QueueMessage } from '../../../worker/platform/jobs/message';
import { startTestDatabase, type TestDatabase } from '../../support/database';
import { insertClient } from '../../support/fixtures';

/** Where a client's "Growth Copilot" refresh stands when its queue message never arrives, or sending it fails. */

let database: TestDatabase;

beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const lostQueue = { send: async () => undefined } as unknown as Queue<QueueMessage>;
const brokenQueue = {
  send: async () => {
    throw new Error('queue unavailable');
  },
} as unknown as Queue<QueueMessage>;

describe('a refresh that never reached the consumer', () => {
  it('shows as failed after a few minutes, and neither blocks nor counts against the next one', async () => {
    const client = await insertClient(database.access);
    expect((await requestRefresh(database.access, lostQueue, client.id, new Date())).outcome).toBe('queued');
    expect((await refreshState(database.access, client.id)).state).toBe('queued');
    // Ten minutes later, nothing has claimed it.
    await database.access.service((tx) =>
      tx.execute(sql`update queue_jobs set created_at = now() - interval '10 minutes'
        where dedupe_key like ${`intelligence_analysis:${client.id}:refresh:%`}`),
    );
    const lost = await refreshState(database.access, client.id);
    expect(lost).toMatchObject({ state: 'failed', remaining: REFRESH_LIMIT });
    expect((await requestRefresh(database.access, lostQueue, client.id, new Date())).outcome).toBe('queued');
  });

  it('is not recorded at all when the queue refuses the message', async () => {
    const client = await insertClient(database.access);
    await expect(requestRefresh(database.access, brokenQueue, client.id, new Date())).rejects.toThrow(
      'queue unavailable',
    );
    expect(await refreshState(database.access, client.id)).toMatchObject({ state: 'idle', remaining: REFRESH_LIMIT });
  });
});
