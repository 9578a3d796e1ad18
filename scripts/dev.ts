/**
 * `npm start`: the whole product on one machine with no account and no Postgres. Starts the
 * embedded database (or fronts DATABASE_URL), migrates it, seeds the demo client, then runs
 * the Worker in workerd with `wrangler dev`. Ctrl-C stops everything it started.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from './lib/config';
import { connect } from './lib/database';
import { ensureDemoClient } from './lib/demo';
import { migrateDatabase } from './lib/migrate';
import { type LocalDatabase, startLocalDatabase } from './stack/local-database';

const config = loadConfig();

// What has been started so far; Ctrl-C at any moment, even mid-start, stops exactly that.
let database: LocalDatabase | undefined;
let wrangler: ChildProcess | undefined;
let stopping = false;

async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (wrangler?.pid && wrangler.exitCode === null && wrangler.signalCode === null) {
    const exited = new Promise((resolve) => wrangler!.once('exit', resolve));
    try {
      process.kill(-wrangler.pid, 'SIGTERM');
      await exited;
    } catch {
      // already gone
    }
  }
  await database?.close();
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

await mkdir(config.dataDir, { recursive: true });
database = await startLocalDatabase(config).catch((error: unknown) => {
  console.error(`avenir: ${(error as Error).message}`);
  return process.exit(1);
});
const demo = await prepare(database.databaseUrl);

/** Brings the database to the latest schema and makes sure the demo client exists. */
async function prepare(databaseUrl: string) {
  const connection = await connect(databaseUrl);
  try {
    await migrateDatabase(connection);
    return await ensureDemoClient(connection.access, config.dataDir, config.workerPort);
  } finally {
    await connection.close();
  }
}

const origin = `http://127.0.0.1:${config.workerPort}`;
console.log(`
  Avenir is starting on ${origin}
  database   ${database.description}
  demo page  http://localhost:${config.workerPort}/demo
  health     ${origin}/healthz
  demo login ${demo.email} / ${demo.password}
  widget key ${demo.widgetKey}
  outbox     ${origin}/dev/outbox   (the mail it sends while Gmail is not configured)
`);

const vars = [
  `DATABASE_URL:${database.databaseUrl}`,
  `DEMO_WIDGET_KEY:${demo.widgetKey}`,
  'DEV_OUTBOX:on',
  `APP_URL:${origin}`,
];
if (database.wsProxy) vars.push(`DATABASE_WS_PROXY:${database.wsProxy}`);

wrangler = spawn(
  path.resolve('node_modules/.bin/wrangler'),
  [
    'dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(config.workerPort),
    '--persist-to',
    path.join(config.dataDir, 'wrangler'),
    '--show-interactive-dev-session=false',
    ...vars.flatMap((entry) => ['--var', entry]),
  ],
  // Its own process group, so stopping it also stops the workerd it starts.
  {
    stdio: 'inherit',
    detached: true,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
  },
);

wrangler.on('exit', (code) => void stop(code ?? 1));
