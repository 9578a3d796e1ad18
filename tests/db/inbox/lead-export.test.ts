import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadMemory } from '../../../schema';
import { leadExportStream } from '../../../worker/features/inbox/export';
import { leadListQuery } from '../../../worker/features/inbox/query';
import type { DatabaseAccess } from '../../../worker/platform/db';
import { startTestDatabase, type TestDatabase } from '../../support/database';
import { insertClient } from '../../support/fixtures';

/**
 * The CSV export tells a failed download from a complete one: a failure before its first
 * byte is thrown (the route answers an error), one after it errors the stream.
 */
let database: TestDatabase;
let clientId: string;
const query = v.parse(leadListQuery, {});

beforeAll(async () => {
  database = await startTestDatabase();
  clientId = (await insertClient(database.access)).id;
  await database.access.service((tx) =>
    tx.insert(leadMemory).values(
      [1, 2, 3].map((n) => ({
        clientId,
        name: `Lead ${n}`,
        email: `l${n}@example.ca`,
        message: 'Bonjour',
        language: 'fr' as const,
      })),
    ),
  );
});
afterAll(async () => {
  await database?.close();
});

/** The database access, failing from its `failAt`-th tenant transaction on (the first reads whether the client is a test client). */
function failingFrom(failAt: number): DatabaseAccess {
  let calls = 0;
  return {
    ...database.access,
    tenant(id, work) {
      calls += 1;
      if (calls >= failAt) return Promise.reject(new Error('connection lost'));
      return database.access.tenant(id, work);
    },
    close: async () => {},
  };
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe('the lead export', () => {
  it('streams every lead after the header when nothing fails', async () => {
    const stream = await leadExportStream({
      open: () => failingFrom(99),
      clientId,
      query,
      language: 'fr',
      batchSize: 2,
    });
    const csv = await readAll(stream);
    expect(csv.trim().split('\r\n')).toHaveLength(4);
  });

  it('throws before answering when even the first rows cannot be read', async () => {
    await expect(
      leadExportStream({ open: () => failingFrom(1), clientId, query, language: 'fr', batchSize: 2 }),
    ).rejects.toThrow('connection lost');
  });

  it('errors the stream, after the rows it had, when a later batch fails', async () => {
    const errors: unknown[] = [];
    const log = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const stream = await leadExportStream({
        open: () => failingFrom(3),
        clientId,
        query,
        language: 'fr',
        batchSize: 2,
      });
      const reader = stream.getReader();
      const first = await reader.read();
      expect(new TextDecoder().decode(first.value).split('\r\n').filter(Boolean)).toHaveLength(3);
      await expect(reader.read()).rejects.toThrow('connection lost');
      expect(errors).toHaveLength(1);
    } finally {
      console.error = log;
    }
  });
});
