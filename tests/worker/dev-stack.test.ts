import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPECTED_SCHEMA } from '../../worker/services/health';

/** `npm start` as a newcomer runs it: a process tree started, used and stopped with Ctrl-C. */

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const isListening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => resolve(!socket.destroy()));
    socket.once('error', () => resolve(false));
  });

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startStack(env: Record<string, string>): Started {
  // Its own process group, like a terminal's foreground job, so SIGINT reaches all of it.
  const child = spawn(path.resolve('node_modules/.bin/tsx'), ['scripts/dev.ts'], {
    env: { ...process.env, ...env, DATABASE_URL: '' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForHealth(port: number, started: Started): Promise<unknown> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) throw new Error(`npm start exited early:\n${started.output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return response.json();
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`not healthy within 90 s:\n${started.output()}`);
}

const ctrlC = (started: Started) => process.kill(-started.child.pid!, 'SIGINT');

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

  it('serves a healthy Worker on the embedded database, and Ctrl-C stops every process', async () => {
    const started = startStack({ AVENIR_DATA_DIR: dataDir, ...ports });
    expect(await waitForHealth(Number(ports.PORT), started)).toEqual({ ok: true, schema: EXPECTED_SCHEMA });
    firstLogin = /demo login (\S+ \/ \S+)/.exec(started.output())?.[1];
    expect(firstLogin).toMatch(/^demo@avenir\.local \/ [a-z0-9-]{19}$/);
    expect(started.output()).toMatch(/widget key pk_test_[0-9A-Za-z]{24}/);

    ctrlC(started);
    expect(await started.exited).toBe(0);
    for (const port of Object.values(ports)) expect(await isListening(Number(port)), `port ${port}`).toBe(false);
  });

  it('keeps its data across a restart: the same demo login is printed again', async () => {
    const started = startStack({ AVENIR_DATA_DIR: dataDir, ...ports });
    await waitForHealth(Number(ports.PORT), started);
    expect(started.output()).toContain(`demo login ${firstLogin}`);
    ctrlC(started);
    expect(await started.exited).toBe(0);
  });

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
