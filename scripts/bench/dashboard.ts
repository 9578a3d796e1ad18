import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { Miniflare } from 'miniflare';
import type { HomeView } from '../../schema/app-api';
import { createClient, hashPassword, parseNewClient } from '../../worker/features/accounts';
import { BENCH_TAGS, SEARCH_TERMS, seedActionsStatement, seedLeadsStatement } from '../lib/dashboard-leads';
import type { Connection } from '../lib/database';
import { childProcessesNamed, processMemory, sampleRss } from '../lib/process-memory';
import { type LatencySummary, summarize } from '../lib/stats';
import { buildWorker, startWorker } from '../lib/worker';
import { openBenchDatabase } from './database';

/**
 * The dashboard with a full inbox: 10 clients × 100,000 leads, read through the Worker as a
 * signed-in client (list, filters, search, CSV export). The database is the embedded PGlite,
 * or the PostgreSQL server at BENCH_DATABASE_URL (a fresh database is created on it and
 * dropped at the end).
 */

const ORIGIN = 'http://localhost';
const PASSWORD = 'bench-tuyau-bleu-2026';

export interface DashboardOptions {
  clients: number;
  leadsPerClient: number;
  /** Timed requests per measure, after a few untimed ones. */
  samples: number;
  /** A PostgreSQL server to use instead of the embedded PGlite. */
  databaseUrl?: string | undefined;
}

export interface DashboardFigures {
  database: string;
  leads: number;
  seedSeconds: number;
  vacuumSeconds: number;
  pages: { label: string; matched: number; latency: LatencySummary }[];
  search: { latency: LatencySummary; terms: { term: string; matched: number; p50: number }[] };
  /** The activity log's first page, all actions and one kind: `rows` the actions it pages through. */
  activity: { label: string; rows: number; latency: LatencySummary }[];
  /** The home's figures (GET /api/app/home): `urgent` the high-urgency leads no person has acted on. */
  home: { urgent: number; newToday: number; latency: LatencySummary };
  /** A tenth of the client's leads, then all of them twice: whether the Worker's memory follows the row count. */
  exports: ExportFigures[];
  totalSeconds: number;
}

export interface ExportFigures {
  label: string;
  rows: number;
  bytes: number;
  firstByteMs: number;
  totalMs: number;
  rssBeforeBytes: number;
  rssPeakBytes: number;
  rssSamples: number;
}

interface DashboardStack {
  worker: Miniflare;
  connection: Connection;
  database: string;
  close(): Promise<void>;
}

/** The Worker on a fresh database: PGlite in memory, or a new database on the given server. */
async function startDashboardStack(databaseUrl: string | undefined): Promise<DashboardStack> {
  buildWorker();
  const bench = await openBenchDatabase(databaseUrl, 'avenir_bench');
  const worker = await startWorker({ DATABASE_URL: bench.url, DATABASE_WS_PROXY: bench.connection.wsProxy });
  return {
    worker,
    connection: bench.connection,
    database: databaseUrl ? `${bench.database} (BENCH_DATABASE_URL)` : bench.database,
    async close() {
      await worker.dispose();
      await bench.close();
    },
  };
}

let ipCounter = 0;

/** Signs in as a client; answers a function that GETs a dashboard path with its session. */
async function signIn(worker: Miniflare, email: string) {
  const headers = () => ({
    Origin: ORIGIN,
    // A fresh address per request keeps the per-IP sign-in throttle out of the figures.
    'CF-Connecting-IP': `198.51.100.${(++ipCounter % 250) + 1}`,
    'User-Agent': 'Mozilla/5.0 (bench)',
  });
  const response = await worker.dispatchFetch(`${ORIGIN}/api/app/session`, {
    method: 'POST',
    headers: { ...headers(), 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  await response.arrayBuffer();
  const token = /avenir_session=([^;]*)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
  if (response.status !== 200 || !token) throw new Error(`sign-in answered ${response.status}`);
  return (path: string) =>
    worker.dispatchFetch(`${ORIGIN}${path}`, { headers: { ...headers(), Cookie: `avenir_session=${token}` } });
}

interface PageJson {
  leads: unknown[];
  nextCursor: string | null;
  counts: { active: number; archived: number; deleted: number };
}

/** One timed page: the whole answer read and parsed, as the dashboard does. */
async function timedPage(get: (path: string) => ReturnType<Miniflare['dispatchFetch']>, path: string) {
  const started = performance.now();
  const response = await get(path);
  const text = await response.text();
  const elapsed = performance.now() - started;
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return { ms: elapsed, page: JSON.parse(text) as PageJson };
}

async function measurePage(
  get: (path: string) => ReturnType<Miniflare['dispatchFetch']>,
  path: string,
  samples: number,
): Promise<{ matched: number; latency: LatencySummary; page: PageJson }> {
  let last = await timedPage(get, path);
  for (let i = 0; i < 3; i++) last = await timedPage(get, path); // warm: JIT, plan cache, buffers
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    last = await timedPage(get, path);
    times.push(last.ms);
  }
  // The leads of the status the page lists, under its filters.
  const status = new URLSearchParams(path.split('?')[1]).get('status');
  const matched = status === 'archived' || status === 'deleted' ? last.page.counts[status] : last.page.counts.active;
  return { matched, latency: summarize(times), page: last.page };
}

/** One GET of the home's figures, timed to the last byte. */
async function timedHome(get: (path: string) => ReturnType<Miniflare['dispatchFetch']>, path: string) {
  const started = performance.now();
  const response = await get(path);
  const text = await response.text();
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return { ms, view: JSON.parse(text) as HomeView };
}

/** Records and bytes of a CSV body, counting line ends outside quoted fields only. */
function csvCounter() {
  let inQuotes = false;
  let records = 0;
  let bytes = 0;
  return {
    add(chunk: Uint8Array) {
      bytes += chunk.length;
      for (let i = 0; i < chunk.length; i++) {
        const byte = chunk[i];
        if (byte === 0x22) inQuotes = !inQuotes;
        else if (byte === 0x0a && !inQuotes) records++;
      }
    },
    result: () => ({ records, bytes }),
  };
}

const day = (date: Date) => date.toISOString().slice(0, 10);

export async function benchDashboard(options: DashboardOptions): Promise<DashboardFigures> {
  const sectionStarted = performance.now();
  const stack = await startDashboardStack(options.databaseUrl);
  try {
    const { worker, connection } = stack;
    const passwordHash = await hashPassword(PASSWORD);
    const clients: { id: string; email: string }[] = [];
    for (let n = 0; n < options.clients; n++) {
      const { client } = await createClient(
        connection.access,
        parseNewClient({
          businessName: `Rénovations Bench ${n}`,
          email: `bench${n}@example.ca`,
          language: n % 2 === 0 ? 'fr' : 'en',
          passwordIsFinal: true,
        }),
      );
      await connection.access.service((tx) =>
        tx.execute(sql`update clients set password_hash = ${passwordHash} where id = ${client.id}`),
      );
      clients.push({ id: client.id, email: client.email });
    }

    // Client 0's leads are all active and real, so its default export (active, no test
    // leads) holds every one of them; the others have the full variety.
    const now = new Date();
    const seedStarted = performance.now();
    for (const [n, client] of clients.entries()) {
      await connection.access.service((tx) =>
        tx.execute(seedLeadsStatement({ clientId: client.id, leads: options.leadsPerClient, allActive: n === 0, now })),
      );
    }
    const inboxClient = clients[1] ?? clients[0]!;
    await connection.access.service((tx) => tx.execute(seedActionsStatement(inboxClient.id, inboxClient.email)));
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    // A bulk-loaded table has neither planner statistics nor a visibility map yet; a table
    // that filled up over two years has both (autovacuum), so the plans are measured on those.
    const vacuumStarted = performance.now();
    await connection.db.execute(sql`vacuum analyze lead_memory`);
    await connection.db.execute(sql`vacuum analyze lead_actions`);
    const vacuumSeconds = (performance.now() - vacuumStarted) / 1000;

    const get = await signIn(worker, inboxClient.email);
    const yearAgo = new Date(now.getTime() - 365 * 86_400_000);
    const monthAgo = new Date(now.getTime() - 30 * 86_400_000);
    const filtered = `/api/app/leads?urgency=High&language=fr&intent=quote_request&from=${day(yearAgo)}&to=${day(monthAgo)}`;

    const pages: DashboardFigures['pages'] = [];
    const inbox = await measurePage(get, '/api/app/leads', options.samples);
    pages.push({ label: 'inbox, first page (active, newest first, 25)', ...inbox });
    const filter = await measurePage(get, filtered, options.samples);
    pages.push({ label: 'filtered: High, fr, quote request, 11 months', ...filter });
    if (!filter.page.nextCursor) throw new Error('the filtered list has a single page');
    const second = await measurePage(
      get,
      `${filtered}&cursor=${encodeURIComponent(filter.page.nextCursor)}`,
      options.samples,
    );
    pages.push({ label: 'same filter, second page (cursor)', ...second });
    const tagged = await measurePage(get, `/api/app/leads?tag=${encodeURIComponent(BENCH_TAGS.hot)}`, options.samples);
    pages.push({ label: `tag "${BENCH_TAGS.hot}"`, ...tagged });
    const urgent = await measurePage(get, '/api/app/leads?sort=urgency', options.samples);
    pages.push({ label: 'inbox sorted by urgency', ...urgent });
    const archived = await measurePage(get, '/api/app/leads?status=archived', options.samples);
    pages.push({ label: 'archived', ...archived });

    const perTerm = Math.max(1, Math.ceil(options.samples / SEARCH_TERMS.length));
    const searchTimes: number[] = [];
    const terms: DashboardFigures['search']['terms'] = [];
    for (const term of SEARCH_TERMS) {
      const result = await measurePage(get, `/api/app/leads?q=${encodeURIComponent(term)}`, perTerm);
      terms.push({ term, matched: result.matched, p50: result.latency.p50 });
    }
    // The per-term loops above warmed every term; the timed round interleaves them.
    for (let i = 0; i < perTerm; i++) {
      for (const term of SEARCH_TERMS) {
        searchTimes.push((await timedPage(get, `/api/app/leads?q=${encodeURIComponent(term)}`)).ms);
      }
    }

    const activity: DashboardFigures['activity'] = [];
    for (const action of [undefined, 'tagged', 'archived'] as const) {
      const path = action ? `/api/app/activity?action=${action}` : '/api/app/activity';
      const [counted] = await connection.access.service(
        async (tx) =>
          (
            await tx.execute<{ n: number }>(
              sql`select count(*)::int as n from lead_actions where client_id = ${inboxClient.id}
                  and (${action ?? null}::text is null or action_type = ${action ?? null})`,
            )
          ).rows,
      );
      await timedPage(get, path);
      for (let i = 0; i < 3; i++) await timedPage(get, path);
      const times: number[] = [];
      for (let i = 0; i < options.samples; i++) times.push((await timedPage(get, path)).ms);
      activity.push({
        label: action ? `activity, action=${action}` : 'activity, first page',
        rows: counted?.n ?? 0,
        latency: summarize(times),
      });
    }

    const homePath = '/api/app/home?tz=America%2FToronto';
    for (let i = 0; i < 4; i++) await timedHome(get, homePath); // warm, as the pages above
    const homeTimes: number[] = [];
    let homeView: HomeView | undefined;
    for (let i = 0; i < options.samples; i++) {
      const timed = await timedHome(get, homePath);
      homeTimes.push(timed.ms);
      homeView = timed.view;
    }
    const home = {
      urgent: homeView?.urgent.total ?? 0,
      newToday: homeView?.newToday.count ?? 0,
      latency: summarize(homeTimes),
    };

    const exporter = await signIn(worker, clients[0]!.email);
    // The last 73 days: a tenth of two years, so about a tenth of the leads.
    const recent = day(new Date(now.getTime() - 73 * 86_400_000));
    const exports = [
      await measureExport(exporter, `/api/app/leads/export.csv?from=${recent}`, `since ${recent}`),
      await measureExport(exporter, '/api/app/leads/export.csv', 'all'),
      // Again: a peak that does not climb past the first one is garbage the isolate's
      // collector reuses, not memory the export keeps.
      await measureExport(exporter, '/api/app/leads/export.csv', 'all, again'),
    ];
    if (exports[1]!.rows !== options.leadsPerClient) {
      throw new Error(`the export held ${exports[1]!.rows} leads, expected ${options.leadsPerClient}`);
    }

    return {
      database: stack.database,
      leads: options.clients * options.leadsPerClient,
      seedSeconds,
      vacuumSeconds,
      pages: pages.map(({ label, matched, latency }) => ({ label, matched, latency })),
      search: { latency: summarize(searchTimes), terms },
      activity,
      home,
      exports,
      totalSeconds: (performance.now() - sectionStarted) / 1000,
    };
  } finally {
    await stack.close();
  }
}

/** One export, read to the last byte while the Worker's memory is sampled. */
async function measureExport(
  get: (path: string) => ReturnType<Miniflare['dispatchFetch']>,
  path: string,
  label: string,
): Promise<ExportFigures> {
  const [workerd, ...others] = childProcessesNamed('workerd');
  if (workerd === undefined || others.length > 0) {
    throw new Error(`expected one workerd child process, found ${others.length + (workerd ? 1 : 0)}`);
  }
  const rssBeforeBytes = processMemory(workerd, 'VmRSS');
  const sampler = sampleRss(workerd, 20);
  const started = performance.now();
  const response = await get(path);
  if (response.status !== 200 || !response.body) throw new Error(`export answered ${response.status}`);
  const counter = csvCounter();
  let firstByteMs = 0;
  for await (const chunk of response.body) {
    if (firstByteMs === 0) firstByteMs = performance.now() - started;
    counter.add(chunk);
  }
  const totalMs = performance.now() - started;
  const { peakBytes, samples } = sampler.stop();
  const { records, bytes } = counter.result();
  return {
    label,
    // The header is a record too.
    rows: records - 1,
    bytes,
    firstByteMs,
    totalMs,
    rssBeforeBytes,
    rssPeakBytes: peakBytes,
    rssSamples: samples,
  };
}
