import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedDatabaseUrl } from '../../../scripts/lib/config';
import { connect } from '../../../scripts/lib/database';
import { startWorker } from '../../../scripts/lib/worker';
import { openEmbeddedDatabase } from '../../../scripts/stack/embedded-database';
import { startPostgresWireServer } from '../../../scripts/stack/postgres-wire-server';
import { EXPECTED_SCHEMA } from '../../../worker/features/health/check';
import { startEmbeddedTestDatabase, type TestDatabase } from '../../support/database';

let database: TestDatabase;
let worker: Miniflare;

beforeAll(async () => {
  database = await startEmbeddedTestDatabase();
  worker = await startWorker({ DATABASE_URL: database.databaseUrl, DATABASE_WS_PROXY: database.wsProxy });
});
afterAll(async () => {
  await worker?.dispose();
  await database?.close();
});

describe('GET /healthz', () => {
  it('answers ok with the schema version after a real query through the Neon driver', async () => {
    const response = await worker.dispatchFetch('http://localhost/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, schema: EXPECTED_SCHEMA });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('answers 503 with the reason when the database is unreachable', async () => {
    const broken = await startWorker({
      DATABASE_URL: 'postgres://postgres:postgres@127.0.0.1:1/postgres',
      DATABASE_WS_PROXY: '127.0.0.1:1/v1',
    });
    try {
      const response = await broken.dispatchFetch('http://localhost/healthz');
      expect(response.status).toBe(503);
      const body = (await response.json()) as { ok: boolean; reason: string };
      expect(body.ok).toBe(false);
      expect(body.reason).toMatch(/^database unreachable/);
    } finally {
      await broken.dispose();
    }
  });

  it('answers 503 when the database has not been migrated', async () => {
    const { db: pglite } = await openEmbeddedDatabase({});
    const server = await startPostgresWireServer({ db: pglite, port: 0 });
    const empty = await connect(embeddedDatabaseUrl(server.port));
    const unmigrated = await startWorker({
      DATABASE_URL: embeddedDatabaseUrl(server.port),
      DATABASE_WS_PROXY: empty.wsProxy,
    });
    try {
      const response = await unmigrated.dispatchFetch('http://localhost/healthz');
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ ok: false, expected: EXPECTED_SCHEMA, schema: null });
    } finally {
      await unmigrated.dispose();
      await empty.close();
      await server.close();
      await pglite.close();
    }
  });
});

describe('routing', () => {
  it('answers unknown routes with a JSON 404 carrying the request id', async () => {
    const response = await worker.dispatchFetch('http://localhost/api/nothing-here');
    expect(response.status).toBe(404);
    const body = (await response.json()) as { error: { code: string; requestId: string } };
    expect(body.error.code).toBe('not_found');
    expect(body.error.requestId).toBe(response.headers.get('x-request-id'));
  });
});

describe('background entry points', () => {
  it('runs a cron trigger declared in wrangler.toml without failing', async () => {
    const fetcher = await worker.getWorker();
    const result = await fetcher.scheduled({ cron: '*/5 * * * *', scheduledTime: new Date() });
    expect(result.outcome).toBe('ok');
  });

  it('retries a queue message no handler knows, so it ends in the dead-letter queue instead of being dropped', async () => {
    const fetcher = await worker.getWorker();
    const result = await fetcher.queue('avenir-jobs', [
      { id: 'm-1', timestamp: new Date(), body: { type: 'not_a_job' }, attempts: 1 },
    ]);
    expect(result.outcome).toBe('ok');
    expect(result.ackAll).toBe(false);
    expect(result.explicitAcks).toEqual([]);
    expect(result.retryMessages.map((message) => message.msgId)).toEqual(['m-1']);
  });

  it('rejects inbound mail while no address handles it, so the sender is told', async () => {
    const raw = [
      'From: Martin Gagnon <mgagnon@example.ca>',
      'To: leads@avenir.example',
      'Subject: Soumission',
      'Message-ID: <m-1@example.ca>',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Bonjour, une soumission svp.',
    ].join('\r\n');
    const response = await worker.dispatchFetch(
      'http://localhost/cdn-cgi/handler/email?from=mgagnon@example.ca&to=leads@avenir.example',
      { method: 'POST', body: raw },
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('This address does not accept mail.');
  });
});
