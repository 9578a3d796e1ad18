import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Connection, connect } from '../../../scripts/lib/database';
import { REFRESH_LIMIT, requestRefresh } from '../../../worker/features/insights/refresh';
import type { QueueMessage } from '../../../worker/platform/jobs/message';
import { startTestDatabase, type TestDatabase } from '../../support/database';
import { insertClient } from '../../support/fixtures';

/**
 * "Growth Copilot" under bursts of clicks on a real server, each request on its own
 * connection as requests to different Worker isolates are: one analysis queued at a time,
 * never more than the hourly limit, and exactly one queue message per queued analysis.
 */

const BURST = 30;

let database: TestDatabase;
let wide: Connection;

beforeAll(async () => {
  database = await startTestDatabase();
  wide = await connect(database.databaseUrl, { maxConnections: BURST + 5 });
  await Promise.all(Array.from({ length: BURST + 5 }, () => wide.access.service((tx) => tx.execute(sql`select 1`))));
});
afterAll(async () => {
  await wide?.close();
  await database?.close();
});

/** A queue that only records what it was sent. */
function recordingQueue() {
  const sent: QueueMessage[] = [];
  const queue = { send: async (body: QueueMessage) => void sent.push(body) } as unknown as Queue<QueueMessage>;
  return { queue, sent };
}

const burst = (clientId: string, queue: Queue<QueueMessage>) =>
  Promise.all(Array.from({ length: BURST }, () => requestRefresh(wide.access, queue, clientId, new Date())));

const refreshRows = (clientId: string) =>
  database.access.service((tx) =>
    tx.execute<{ status: string }>(
      sql`select status from queue_jobs where dedupe_key like ${`intelligence_analysis:${clientId}:refresh:%`}`,
    ),
  );

describe('the refresh under a burst of clicks', () => {
  it('queues exactly one analysis; every other click follows it', async () => {
    const client = await insertClient(database.access);
    const { queue, sent } = recordingQueue();
    const outcomes = (await burst(client.id, queue)).map((request) => request.outcome);
    expect(outcomes.filter((outcome) => outcome === 'queued')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome === 'in_flight')).toHaveLength(BURST - 1);
    expect(sent).toHaveLength(1);
    expect((await refreshRows(client.id)).rows).toHaveLength(1);
  });

  it('never passes the hourly limit, however many clicks arrive once the others are done', async () => {
    const client = await insertClient(database.access);
    const { queue, sent } = recordingQueue();
    for (let round = 0; round < REFRESH_LIMIT + 2; round++) {
      await burst(client.id, queue);
      // The consumer finished the one queued: the next burst may queue another, within the limit.
      await database.access.service((tx) =>
        tx.execute(sql`update queue_jobs set status = 'completed', completed_at = now()
          where dedupe_key like ${`intelligence_analysis:${client.id}:refresh:%`} and status = 'pending'`),
      );
    }
    expect(sent).toHaveLength(REFRESH_LIMIT);
    expect((await refreshRows(client.id)).rows).toHaveLength(REFRESH_LIMIT);
    const last = await requestRefresh(wide.access, queue, client.id, new Date());
    expect(last.outcome).toBe('limited');
  });
});
