/**
 * `npm start`: the whole product on one machine with no account and no Postgres. Starts the
 * embedded database (or fronts DATABASE_URL), migrates it, seeds the demo client, then runs
 * the Worker in workerd with `wrangler dev`. Ctrl-C stops everything it started.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { embedderFromEnv } from '../worker/platform/wiring';
import { loadConfig } from './lib/config';
import { type Connection, connect } from './lib/database';
import { demoInboxIsEmpty, ensureDemoClient, ensureDemoStaff, sendDemoLeads } from './lib/demo';
import { actAsDemoOwner } from './lib/demo-leads';
import { announceDemoSites, localInbound, withdrawDemoSites } from './lib/local-inbound';
import { migrateDatabase } from './lib/migrate';
import { DEMO_UNLISTED_SITE, writeSampleConnection } from './lib/sample-connection';
import { SAMPLE_WEEKS, writeSampleHistory } from './lib/sample-history';
import { writeSampleLearning } from './lib/sample-learning';
import { writeSampleOutreach } from './lib/sample-outreach';
import { writeSampleProspecting } from './lib/sample-prospects';
import { writeSampleTranslations } from './lib/sample-translations';
import { type DemoMailboxes, startDemoMailboxes } from './stack/demo-mailboxes';
import { type DemoSites, loadDemoCatalogue, startDemoSites } from './stack/demo-sites';
import { type DevFront, freePort, startDevFront } from './stack/dev-front';
import { type LocalDatabase, startLocalDatabase } from './stack/local-database';

const config = loadConfig();

// What has been started so far; Ctrl-C at any moment, even mid-start, stops exactly that.
let database: LocalDatabase | undefined;
let front: DevFront | undefined;
let demoSites: DemoSites | undefined;
let demoMailboxes: DemoMailboxes | undefined;
let outboxReader: Connection | undefined;
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
  await front?.close();
  demoMailboxes?.close();
  await outboxReader?.close();
  await demoSites?.close();
  await withdrawDemoSites(config.dataDir);
  await database?.close();
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

/** Stops what started so far with a message, not a stack trace. */
const fail = (error: unknown) => {
  console.error(`avenir: ${(error as Error).message}`);
  return stop(1) as Promise<never>;
};

await mkdir(config.dataDir, { recursive: true });
database = await startLocalDatabase(config).catch(fail);
const inbound = await localInbound(config.dataDir);
const demo = await prepare(database.databaseUrl).catch(fail);
// wrangler dev listens on a port of its own, behind the front that answers on the one
// given out (scripts/stack/dev-front.ts); wrangler's messages are rewritten to name it.
const wranglerPort = await freePort();
front = await startDevFront({ port: config.workerPort, upstreamPort: wranglerPort }).catch(fail);
// The small local web prospect discovery reads offline (the demo provider and its sites);
// their contact forms answer form tests by mail, delivered to the Worker's email() handler.
demoSites = await startDemoSites({ inbound: { url: `http://127.0.0.1:${front.port}/cdn-cgi/handler/email` } }).catch(
  fail,
);
await announceDemoSites(config.dataDir, demoSites.origin);
// Their mailboxes: outreach email to a demo business is answered as its catalogue says (a
// reply, a bounce, an unsubscribe, Apple's proxy, a security gateway, a reader).
outboxReader = await connect(database.databaseUrl, { maxConnections: 1 }).catch(fail);
demoMailboxes = startDemoMailboxes({
  businesses: await loadDemoCatalogue(),
  inboundUrl: `http://127.0.0.1:${front.port}/cdn-cgi/handler/email`,
  readOutbox: (since) => readDemoOutbox(outboxReader!, since),
});

/** The outbox's messages to the demo's test domains written since `since`, oldest first. */
async function readDemoOutbox(connection: Connection, since: Date) {
  const rows = await connection.access.service((tx) =>
    tx.execute<{
      message_id: string;
      from_address: string;
      to_address: string;
      reply_to: string | null;
      subject: string;
      text_body: string;
      html_body: string;
      raw_mime: string;
      created_at: string | Date;
    }>(sql`
      select message_id, from_address, to_address, reply_to, subject, text_body, html_body, raw_mime, created_at
        from dev_outbox
       where created_at >= ${since.toISOString()}::timestamptz and to_address like '%.test%'
       order by created_at limit 200`),
  );
  return rows.rows.map((row) => ({
    messageId: row.message_id,
    from: row.from_address,
    to: row.to_address,
    replyTo: row.reply_to,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    rawMime: row.raw_mime,
    createdAt: new Date(row.created_at),
  }));
}

/** Brings the database to the latest schema and makes sure the demo client and the staff account exist. */
async function prepare(databaseUrl: string) {
  const connection = await connect(databaseUrl);
  try {
    await migrateDatabase(connection);
    // The embedded database runs no autovacuum: without statistics its planner scans a
    // client's whole action index where one lead's rows would do. Fresh ones at each start.
    await connection.access.service((tx) => tx.execute(sql`analyze`));
    const credentials = await ensureDemoClient(connection.access, config.dataDir, config.workerPort);
    const staff = await ensureDemoStaff(connection.access, config.dataDir);
    // The staff screens' learning loop (predictions and their verdicts, metrics, prompt tests): written once.
    await writeSampleLearning(connection.access, new Date());
    // The operator's profile the fit score compares sites to, embedded as the Worker will, and
    // an ICP that searches the demo sites: "Run discovery now" works on a first start.
    await writeSampleProspecting(connection.access, embedderFromEnv(process.env));
    // Outreach templates and a draft campaign for the operator: enrol, approve, send.
    await writeSampleOutreach(connection.access, staff.id, inbound, process.env.MAIL_FROM ?? 'replies@avenir.local');
    // Cached AI translations for the staff's review: offline, nothing else writes the cache.
    await writeSampleTranslations(connection.access, new Date());
    const seed = await demoInboxIsEmpty(connection.access, credentials.id);
    if (seed) {
      const samples = await writeSampleHistory(connection.access, credentials, new Date());
      console.log(
        `  demo inbox: ${samples} sample leads of the last ${SAMPLE_WEEKS} weeks written, for the insights' history`,
      );
      await writeSampleConnection(
        connection.access,
        { id: credentials.id, widgetKey: credentials.widgetKey, origin: `http://localhost:${config.workerPort}` },
        new Date(),
      );
      console.log(`  demo connection: a week of form requests, and ${DEMO_UNLISTED_SITE} refused as not allowed`);
    }
    return { ...credentials, seed, staff };
  } finally {
    await connection.close();
  }
}

const origin = `http://127.0.0.1:${front.port}`;
console.log(`
  Avenir is starting on ${origin}
  database   ${database.description}
  demo page  http://localhost:${config.workerPort}/demo
  health     ${origin}/healthz
  demo login ${demo.email} / ${demo.password}
  staff login ${demo.staff.email} / ${demo.staff.password}   (Avenir's operator: clients, learning, prompts, system)
  widget key ${demo.widgetKey}
  outbox     ${origin}/dev/outbox   (the mail it sends while Gmail is not configured)
  demo sites ${demoSites.origin}/api/businesses   (the offline web discovery reads: Staff → Discovery → Run discovery now)
  crons      curl "${origin}/cdn-cgi/handler/scheduled?cron=*/5+*+*+*+*"   (any cron of wrangler.toml)
`);

const vars = [
  `DATABASE_URL:${database.databaseUrl}`,
  `DEMO_CLIENT_ID:${demo.id}`,
  'DEV_OUTBOX:on',
  `APP_URL:${origin}`,
  `DEMO_SITES_ORIGIN:${demoSites.origin}`,
  `INBOUND_DOMAIN:${inbound.INBOUND_DOMAIN}`,
  `INBOUND_TOKEN_SECRET:${inbound.INBOUND_TOKEN_SECRET}`,
  `FORM_TEST_SENDER_NAME:${inbound.FORM_TEST_SENDER_NAME}`,
  `FORM_TEST_PHONE:${inbound.FORM_TEST_PHONE}`,
  `OUTREACH_SENDING_HOURS:${inbound.OUTREACH_SENDING_HOURS}`,
  `OUTREACH_WEEKENDS:${inbound.OUTREACH_WEEKENDS}`,
  `OUTREACH_SPACING_SECONDS:${inbound.OUTREACH_SPACING_SECONDS}`,
  `OUTREACH_JITTER_SECONDS:${inbound.OUTREACH_JITTER_SECONDS}`,
  `OUTREACH_POSTAL_ADDRESS:${inbound.OUTREACH_POSTAL_ADDRESS}`,
];
if (database.wsProxy) vars.push(`DATABASE_WS_PROXY:${database.wsProxy}`);

wrangler = spawn(
  path.resolve('node_modules/.bin/wrangler'),
  [
    'dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(wranglerPort),
    // The route the front sends the printed cron trigger to (scripts/stack/dev-front.ts).
    '--test-scheduled',
    '--persist-to',
    path.join(config.dataDir, 'wrangler'),
    '--show-interactive-dev-session=false',
    ...vars.flatMap((entry) => ['--var', entry]),
  ],
  // Its own process group, so stopping it also stops the workerd it starts.
  {
    stdio: ['inherit', 'pipe', 'pipe'],
    detached: true,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
  },
);

// What wrangler prints names its own port; people use the front's.
const ownPort = new RegExp(`(127\\.0\\.0\\.1|localhost):${wranglerPort}\\b`, 'g');
for (const [from, to] of [
  [wrangler.stdout, process.stdout],
  [wrangler.stderr, process.stderr],
] as const) {
  from?.setEncoding('utf8');
  from?.on('data', (text: string) => to.write(text.replace(ownPort, `$1:${front!.port}`)));
}

wrangler.on('exit', (code) => void stop(code ?? 1));

// A first start fills the demo inbox through the form API, once the Worker answers.
if (demo.seed) void seedDemoInbox();

async function seedDemoInbox() {
  for (let waited = 0; waited < 120_000; waited += 500) {
    const healthy = await fetch(`${origin}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) {
      const sent = await sendDemoLeads(origin, demo.widgetKey, `http://localhost:${front!.port}`);
      console.log(
        `  demo inbox: ${sent} leads sent through the form, as visitors would (triaged and answered in a moment)`,
      );
      // A first move from the owner, so the home has a time to a first human action.
      const acted = await actAsDemoOwner(origin, { email: demo.email, password: demo.password }).catch(() => 0);
      if (acted > 0)
        console.log(`  demo inbox: the owner acted on ${acted} of them from the dashboard, as a person would`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
