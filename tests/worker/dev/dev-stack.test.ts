import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPECTED_SCHEMA } from '../../../worker/features/health/check';
import { ctrlC, freePort, isListening, startStack, waitForHealth } from '../../support/dev-stack';

/** `npm start` as a newcomer runs it: a process tree started, used and stopped with Ctrl-C. */

/** A start builds the widget and the dashboard, migrates, seeds and boots workerd: on a busy 2-core machine, well over 30 s. */
const START_TIMEOUT_MS = 120_000;
let dataDir: string;
let ports: { AVENIR_PG_PORT: string; AVENIR_WS_PORT: string; PORT: string };

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'avenir-start-'));
  ports = {
    AVENIR_PG_PORT: String(await freePort()),
    AVENIR_WS_PORT: String(await freePort()),
    PORT: String(await freePort()),
  };
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('npm start', () => {
  let firstLogin: string | undefined;

  it(
    'serves a healthy Worker on the embedded database, and Ctrl-C stops every process',
    async () => {
      const started = startStack({ AVENIR_DATA_DIR: dataDir, ...ports });
      expect(await waitForHealth(Number(ports.PORT), started)).toEqual({ ok: true, schema: EXPECTED_SCHEMA });
      firstLogin = /demo login (\S+ \/ \S+)/.exec(started.output())?.[1];
      expect(firstLogin).toMatch(/^demo@avenir\.local \/ [a-z0-9-]{19}$/);
      expect(started.output()).toMatch(/widget key pk_test_[0-9A-Za-z]{24}/);

      // The cron trigger at the path wrangler gives it, as npm start prints it, on the port people were given.
      const printed = /curl "(http:\/\/127\.0\.0\.1:\d+\/cdn-cgi\/handler\/scheduled)\?cron=/.exec(
        started.output(),
      )?.[1];
      expect(printed).toBe(`http://127.0.0.1:${ports.PORT}/cdn-cgi/handler/scheduled`);
      for (const cron of ['*/5 * * * *', '30 8 * * *']) {
        const response = await fetch(`${printed}?cron=${encodeURIComponent(cron)}`);
        expect(response.status, cron).toBe(200);
      }
      expect((await fetch(printed!)).status).toBe(200);
      // The retention cron ran, and said what it did.
      await expect.poll(() => started.output(), { timeout: 10_000 }).toMatch(/auth retention: \d+ sign-in attempt/);

      ctrlC(started);
      expect(await started.exited, started.output()).toBe(0);
      for (const port of Object.values(ports)) expect(await isListening(Number(port)), `port ${port}`).toBe(false);
    },
    START_TIMEOUT_MS,
  );

  it(
    'keeps its data across a restart: the same demo login is printed again',
    async () => {
      const started = startStack({ AVENIR_DATA_DIR: dataDir, ...ports });
      await waitForHealth(Number(ports.PORT), started);
      expect(started.output()).toContain(`demo login ${firstLogin}`);
      ctrlC(started);
      expect(await started.exited, started.output()).toBe(0);
    },
    START_TIMEOUT_MS,
  );

  it('names the setting to change when a port is already taken', async () => {
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(Number(ports.AVENIR_PG_PORT), '127.0.0.1', resolve));
    try {
      const started = startStack({ AVENIR_DATA_DIR: dataDir, ...ports });
      expect(await started.exited).toBe(1);
      expect(started.output()).toContain(
        `port ${ports.AVENIR_PG_PORT} on 127.0.0.1 is already in use (set AVENIR_PG_PORT to another port)`,
      );
      expect(started.output()).not.toMatch(/\n\s+at /); // a message, not a stack trace
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
  });
});
