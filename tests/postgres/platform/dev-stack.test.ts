import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPECTED_SCHEMA } from '../../../worker/features/health/check';
import { startTestDatabase, type TestDatabase } from '../../support/database';
import { ctrlC, freePort, startStack, waitForHealth } from '../../support/dev-stack';

let database: TestDatabase;
let dataDir: string;
beforeAll(async () => {
  database = await startTestDatabase();
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'avenir-start-'));
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await database?.close();
});

describe('npm start with DATABASE_URL', () => {
  it('runs the Worker against that Postgres through the same proxy and driver', async () => {
    const port = await freePort();
    const started = startStack({
      DATABASE_URL: database.databaseUrl,
      AVENIR_DATA_DIR: dataDir,
      AVENIR_WS_PORT: String(await freePort()),
      PORT: String(port),
    });
    expect(await waitForHealth(port, started)).toEqual({ ok: true, schema: EXPECTED_SCHEMA });
    expect(started.output()).toMatch(/database\s+Postgres at 127\.0\.0\.1:\d+\/avenir_test_/);
    ctrlC(started);
    expect(await started.exited, started.output()).toBe(0);
  });
});
