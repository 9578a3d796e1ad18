import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { type SQL, sql } from 'drizzle-orm';
import type { GrowthAnalysis } from '../../schema/insights';
import { createClient, parseNewClient } from '../../worker/features/accounts';
import { analyzeLeads } from '../../worker/features/insights/analysis';
import { runAnalysis } from '../../worker/features/insights/run';
import { readAnalysisRows } from '../../worker/features/insights/statements';
import { WEEK_MS, windowBounds } from '../../worker/features/insights/window';
import type { Transaction } from '../../worker/platform/db';
import { createOutboxMailer } from '../../worker/platform/mail/outbox';
import { seedActionsStatement, seedLeadsStatement } from '../lib/dashboard-leads';
import type { Connection } from '../lib/database';
import { processMemory } from '../lib/process-memory';
import { percentile } from '../lib/stats';
import { type BenchDatabase, openBenchDatabase } from './database';

/**
 * The growth analysis (features/insights) of a client with a full history: 100,000 leads
 * over two years with their timeline, beside a neighbour client's leads, analysed by the
 * Worker's own code (analyzeLeads, runAnalysis) from this process through the same driver
 * and proxy the Worker uses. On the embedded PGlite, and on the PostgreSQL server at
 * BENCH_DATABASE_URL when it is set (a fresh database is created on it and dropped at the end).
 *
 * Then the forecast against what happened: a synthetic year of leads with a weekday
 * pattern, a trend and noise, the last 12 weeks held back one at a time.
 */

/** A Monday, 00:00 in Montreal: the end of the week analysed, as the weekly run would name it. */
export const INSIGHTS_END = new Date('2026-11-30T05:00:00Z');
const TIME_ZONE = 'America/Toronto';
/** The statements of readAnalysisRows, in the order it sends them. */
const STATEMENTS = ['one pass: totals, intents, tones', 'days (weekly series)', 'speed to lead'] as const;

export interface InsightsOptions {
  leads: number;
  neighbourLeads: number;
  /** Timed analyses of the default week (after one cold and two warm-up runs). */
  weekRuns: number;
  /** Timed analyses of a 12-week period. */
  quarterRuns: number;
  /** Timed runAnalysis (cli trigger, offline writer, dev outbox). */
  runAnalysisRuns: number;
  /** A PostgreSQL server to measure too, beside the embedded PGlite. */
  databaseUrl?: string | undefined;
  /** Synthetic histories per shape for the forecast's backtest (12 held-back weeks each). */
  forecastHistories: number;
  /** Prints EXPLAIN ANALYZE of each statement of the week's analysis. */
  explain?: boolean;
}

export interface Timing {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export interface EngineFigures {
  database: string;
  leads: number;
  neighbourLeads: number;
  actions: number;
  seedSeconds: number;
  vacuumSeconds: number;
  /** The client's lead rows as stored (sum of pg_column_size): what loading them would move. */
  leadBytes: number;
  weekCold: number;
  week: Timing;
  quarter: Timing;
  runAnalysis: Timing;
  /** Per statement of the analysis: its rows and p50 on the week and on the 12 weeks. */
  statements: { name: string; rows: number; weekP50: number; quarterP50: number }[];
  roundTrips: number;
  weekJsonBytes: number;
  quarterJsonBytes: number;
  /** This Node process during the analyses: resident before and its peak (VmHWM reset first). */
  rssBeforeBytes: number;
  rssPeakBytes: number;
  peakFrom: 'VmHWM' | 'samples';
  heapBeforeBytes: number;
  heapPeakBytes: number;
  /** Counts of the week analysed, to show what was measured. */
  periodLeads: number;
  totalLeads: number;
  runAnalysisResult: string;
  explained: { name: string; plan: string }[];
}

export interface ForecastWeek {
  start: string;
  actual: number;
  expected: number;
  low: number;
  high: number;
  lastWeek: number;
  mean4: number;
}

export interface ForecastFigures {
  label: string;
  /** Synthetic histories of this shape (one client each, its own seed), pooled below. */
  histories: number;
  /** Mean leads a week over the history, and the weekday shares of the history (Monday first). */
  meanWeekly: number;
  weekdayShares: number[];
  /** Every held-back week of every history. */
  weeks: ForecastWeek[];
  /** The held-back weeks of the first history, to show week by week. */
  firstHistory: ForecastWeek[];
  methods: { name: string; mae: number; mape: number; inside: number | null }[];
  /** Per day of the forecast week: the model's weekday split against a flat seventh of the same total. */
  dayMae: { profile: number; flat: number };
  /** Per day, had the week's total been known: how much of the day error is the split's own. */
  dayMaeKnownTotal: { profile: number; flat: number };
  meanWidth: number;
  seconds: number;
}

export interface InsightsFigures {
  engines: EngineFigures[];
  /** Why PostgreSQL was not measured, when it was not. */
  postgresSkipped: string | null;
  forecast: ForecastFigures[];
  totalSeconds: number;
  /** This Node process's resident peak over the section (VmHWM, kept across its resets). */
  processPeakBytes: number;
}

const timing = (samples: readonly number[]): Timing => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? NaN };
};

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

async function newClient(connection: Connection, name: string, email: string) {
  const { client } = await createClient(
    connection.access,
    parseNewClient({ businessName: name, email, language: 'fr' }),
  );
  return client;
}

/** The transaction handed to readAnalysisRows, timing each statement it sends (and keeping it). */
function recordingTransaction(tx: Transaction, record: (statement: SQL, ms: number, rows: number) => void) {
  return new Proxy(tx, {
    get(target, property) {
      if (property === 'execute') {
        return async (statement: SQL) => {
          const started = performance.now();
          const result = await target.execute(statement);
          record(statement, performance.now() - started, result.rows.length);
          return result;
        };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** The analysis's statements, each timed `runs` times in the client's tenant transaction. */
async function timeStatements(
  connection: Connection,
  clientId: string,
  period: { start: Date; end: Date },
  runs: number,
) {
  const bounds = windowBounds(period);
  const times: number[][] = STATEMENTS.map(() => []);
  const rows: number[] = STATEMENTS.map(() => 0);
  let statements: SQL[] = [];
  for (let run = 0; run < runs; run++) {
    const sent: SQL[] = [];
    await connection.access.tenant(clientId, (tx) =>
      readAnalysisRows(
        recordingTransaction(tx, (statement, ms, count) => {
          const index = sent.length;
          sent.push(statement);
          times[index]?.push(ms);
          rows[index] = count;
        }),
        { clientId, testClient: false },
        bounds,
      ),
    );
    if (sent.length !== STATEMENTS.length) throw new Error(`the analysis sent ${sent.length} statements`);
    statements = sent;
  }
  return { times, rows, statements };
}

/** The process's own peak, kept across the resets below (which getrusage's maxRSS does not survive). */
let processPeakBytes = 0;

/** /proc/self/clear_refs 5 resets VmHWM to the current RSS (Linux ≥ 4.0): a peak of this span only. */
function resetPeak(): boolean {
  processPeakBytes = Math.max(processPeakBytes, processMemory(process.pid, 'VmHWM'));
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

async function benchEngine(options: InsightsOptions, bench: BenchDatabase): Promise<EngineFigures> {
  const { connection } = bench;
  const client = await newClient(connection, 'Rénovations Analyse', 'analyse@example.ca');
  const neighbour = await newClient(connection, 'Voisin Plomberie', 'voisin@example.ca');

  const seedStarted = performance.now();
  // setseed in the INSERT's transaction: the same leads on every run and engine.
  await connection.access.service(async (tx) => {
    await tx.execute(sql`select setseed(0.2026)`);
    await tx.execute(seedLeadsStatement({ clientId: client.id, leads: options.leads, now: INSIGHTS_END }));
    await tx.execute(seedActionsStatement(client.id, client.email));
  });
  await connection.access.service(async (tx) => {
    await tx.execute(sql`select setseed(-0.5)`);
    await tx.execute(seedLeadsStatement({ clientId: neighbour.id, leads: options.neighbourLeads, now: INSIGHTS_END }));
    await tx.execute(seedActionsStatement(neighbour.id, neighbour.email));
  });
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  // No autovacuum on the embedded database: statistics and the visibility map, as a table
  // that filled up over two years has them.
  const vacuumStarted = performance.now();
  await connection.db.execute(sql`vacuum analyze lead_memory`);
  await connection.db.execute(sql`vacuum analyze lead_actions`);
  const vacuumSeconds = (performance.now() - vacuumStarted) / 1000;

  const [sizes] = (
    await connection.db.execute<{ bytes: string; actions: number }>(sql`
      select (select sum(pg_column_size(m.*)) from lead_memory m where m.client_id = ${client.id})::text as bytes,
        (select count(*)::int from lead_actions) as actions`)
  ).rows;

  const week = { start: new Date(INSIGHTS_END.getTime() - WEEK_MS), end: INSIGHTS_END };
  const quarter = { start: new Date(INSIGHTS_END.getTime() - 12 * WEEK_MS), end: INSIGHTS_END };

  // This process's memory over every analysis below.
  const rssBeforeBytes = processMemory(process.pid, 'VmRSS');
  const heapBeforeBytes = process.memoryUsage().heapUsed;
  const hwm = resetPeak();
  let rssSampled = rssBeforeBytes;
  let heapPeakBytes = heapBeforeBytes;
  const sampler = setInterval(() => {
    rssSampled = Math.max(rssSampled, processMemory(process.pid, 'VmRSS'));
    heapPeakBytes = Math.max(heapPeakBytes, process.memoryUsage().heapUsed);
  }, 5);

  const cold = await timed(() => analyzeLeads(connection.access, client.id, week));
  for (let i = 0; i < 2; i++) await analyzeLeads(connection.access, client.id, week);
  await analyzeLeads(connection.access, client.id, quarter);
  const tripsBefore = connection.proxyStats()?.roundTrips ?? 0;
  await analyzeLeads(connection.access, client.id, week);
  const roundTrips = (connection.proxyStats()?.roundTrips ?? 0) - tripsBefore;
  // Interleaved, so neither period has the warmer engine (PGlite's WebAssembly keeps tiering up).
  const weekTimes: number[] = [];
  const quarterTimes: number[] = [];
  let weekAnalysis: GrowthAnalysis = cold.value;
  let quarterAnalysis: GrowthAnalysis = cold.value;
  for (let i = 0; i < Math.max(options.weekRuns, options.quarterRuns); i++) {
    if (i < options.weekRuns) {
      const run = await timed(() => analyzeLeads(connection.access, client.id, week));
      weekTimes.push(run.ms);
      weekAnalysis = run.value;
    }
    if (i < options.quarterRuns) {
      const run = await timed(() => analyzeLeads(connection.access, client.id, quarter));
      quarterTimes.push(run.ms);
      quarterAnalysis = run.value;
    }
  }

  const deps = {
    db: connection.access,
    ai: null,
    mailer: createOutboxMailer(connection.access),
    sender: { email: 'replies@avenir.local' },
    appUrl: 'http://127.0.0.1:8787',
  };
  const message = () => ({
    type: 'intelligence_analysis' as const,
    clientId: client.id,
    trigger: 'cli' as const,
    periodEnd: INSIGHTS_END.toISOString(),
    requestId: randomUUID(),
  });
  let result = await runAnalysis(deps, message());
  const runTimes: number[] = [];
  for (let i = 0; i < options.runAnalysisRuns; i++) {
    const run = await timed(() => runAnalysis(deps, message()));
    runTimes.push(run.ms);
    result = run.value;
  }
  if (!result?.analyzedAt) throw new Error(`runAnalysis wrote no growth_brain row: ${JSON.stringify(result)}`);
  clearInterval(sampler);
  const rssPeakBytes = hwm ? processMemory(process.pid, 'VmHWM') : rssSampled;
  heapPeakBytes = Math.max(heapPeakBytes, process.memoryUsage().heapUsed);

  const weekStatements = await timeStatements(connection, client.id, week, options.weekRuns);
  const quarterStatements = await timeStatements(connection, client.id, quarter, options.quarterRuns);
  const explained: EngineFigures['explained'] = [];
  if (options.explain) {
    for (const [index, statement] of weekStatements.statements.entries()) {
      const plan = await connection.access.tenant(client.id, (tx) =>
        tx.execute<{ 'QUERY PLAN': string }>(sql`explain (analyze, buffers) ${statement}`),
      );
      explained.push({ name: STATEMENTS[index]!, plan: plan.rows.map((row) => row['QUERY PLAN']).join('\n') });
    }
  }

  const median = (values: readonly number[]) =>
    percentile(
      [...values].sort((a, b) => a - b),
      50,
    );
  return {
    database: bench.database,
    leads: options.leads,
    neighbourLeads: options.neighbourLeads,
    actions: sizes?.actions ?? 0,
    seedSeconds,
    vacuumSeconds,
    leadBytes: Number(sizes?.bytes ?? 0),
    weekCold: cold.ms,
    week: timing(weekTimes),
    quarter: timing(quarterTimes),
    runAnalysis: timing(runTimes),
    statements: STATEMENTS.map((name, index) => ({
      name,
      rows: weekStatements.rows[index] ?? 0,
      weekP50: median(weekStatements.times[index] ?? []),
      quarterP50: median(quarterStatements.times[index] ?? []),
    })),
    roundTrips,
    weekJsonBytes: Buffer.byteLength(JSON.stringify(weekAnalysis)),
    quarterJsonBytes: Buffer.byteLength(JSON.stringify(quarterAnalysis)),
    rssBeforeBytes,
    rssPeakBytes,
    peakFrom: hwm ? 'VmHWM' : 'samples',
    heapBeforeBytes,
    heapPeakBytes,
    periodLeads: weekAnalysis.figures.counts.leads,
    totalLeads: weekAnalysis.totalLeads,
    runAnalysisResult: `engine ${result.engine}, ${result.recommendations} recommendations, digest ${result.digest}`,
    explained,
  };
}

// ---------------------------------------------------------------------------------------
// The forecast against held-back weeks

export interface HistoryShape {
  label: string;
  /** Leads a day on an average weekday at the history's start, before the weekday factor. */
  base: number;
  /** Growth over the year: 0.25 is +25 % from the first week to the last. */
  trend: number;
}

/** Monday → Sunday: a contractor's inbox, busy early in the week, quiet at the weekend. */
const WEEKDAY_FACTORS = [1.3, 1.2, 1.15, 1.1, 0.95, 0.6, 0.45] as const;
const HISTORY_WEEKS = 52;
const HELD_BACK = 12;
/** Binomial draws a day (kept with probability rate / DRAWS): Poisson-like counts. */
const DRAWS = 400;

/**
 * A year of daily leads for one client, in one INSERT … SELECT: for each local day of the 52
 * weeks before `end`, a count drawn from Binomial(DRAWS, rate / DRAWS) (about Poisson(rate)),
 * rate = base × weekday factor × (1 + trend × t) × a day's noise (±20 %) × a week's (±10 %);
 * each lead at a uniform time between 08:00 and 20:00 local. Reproducible with setseed().
 */
function historyStatement(clientId: string, end: Date, shape: HistoryShape): SQL {
  const factors = sql.raw(`array[${WEEKDAY_FACTORS.join(', ')}]::float8[]`);
  const first = sql`((${end.toISOString()}::timestamptz at time zone ${TIME_ZONE})::date - ${HISTORY_WEEKS * 7}::int)`;
  return sql`
    insert into lead_memory (client_id, name, email, message, language, created_at, updated_at)
    select ${clientId}::uuid, 'Lead ' || s.n, 'lead' || s.n || '@example.ca', 'Historique', s.lang, s.at, s.at
    from (
      with weeks as materialized (
        select w, 0.9 + 0.2 * random() as factor from generate_series(0, ${HISTORY_WEEKS - 1}::int) as w
      ),
      days as materialized (
        select ${first} + i as day,
          ${shape.base}::float8 * (${factors})[extract(isodow from ${first} + i)::int]
            * (1 + ${shape.trend}::float8 * i / ${HISTORY_WEEKS * 7 - 1}::float8)
            * (0.8 + 0.4 * random()) * weeks.factor as rate
        from generate_series(0, ${HISTORY_WEEKS * 7 - 1}::int) as i
        join weeks on weeks.w = i / 7
      ),
      drawn as materialized (
        select days.day, slot, random() as keep, random() as r_time, random() as r_lang, days.rate
        from days, generate_series(1, ${DRAWS}) as slot
      )
      select row_number() over () as n,
        case when r_lang < 0.55 then 'fr' else 'en' end as lang,
        ((day::date + interval '8 hours' + r_time * interval '12 hours') at time zone ${TIME_ZONE}) as at
      from drawn where keep < rate / ${DRAWS}
    ) as s`;
}

const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1);

interface HeldBack {
  weeks: ForecastWeek[];
  /** Per day of every held-back week: |error| of the weekday split, of a flat seventh, and both on the true total. */
  dayErrors: { profile: number[]; flat: number[]; knownProfile: number[]; knownFlat: number[] };
  byWeekday: number[];
}

/** One synthetic history (its own client), its last HELD_BACK weeks forecast one at a time from the past only. */
async function heldBackWeeks(connection: Connection, shape: HistoryShape, seed: number): Promise<HeldBack> {
  const client = await newClient(connection, `Historique ${seed}`, `historique.${Math.round(seed * 1000)}@example.ca`);
  await connection.access.service(async (tx) => {
    await tx.execute(sql`select setseed(${seed})`);
    await tx.execute(historyStatement(client.id, INSIGHTS_END, shape));
  });
  await connection.db.execute(sql`analyze lead_memory`);

  // Leads per 24-hour window counted from an instant, as the forecast's days are.
  const dailyFrom = async (from: Date, back: number, ahead: number) => {
    const rows = (
      await connection.db.execute<{ day: number; leads: number }>(sql`
        select floor(extract(epoch from (created_at - ${from.toISOString()}::timestamptz)) / 86400)::int as day,
          count(*)::int as leads
        from lead_memory where client_id = ${client.id}
          and created_at >= ${from.toISOString()}::timestamptz - make_interval(days => ${back})
          and created_at < ${from.toISOString()}::timestamptz + make_interval(days => ${ahead})
        group by 1`)
    ).rows;
    const counts = new Map(rows.map((row) => [row.day, row.leads]));
    return (day: number) => counts.get(day) ?? 0;
  };

  const whole = await dailyFrom(INSIGHTS_END, HISTORY_WEEKS * 7, 0);
  const byWeekday = [0, 0, 0, 0, 0, 0, 0];
  // INSIGHTS_END is a Monday: day −1 is a Sunday, day −7 a Monday.
  for (let day = -HISTORY_WEEKS * 7; day < 0; day++) byWeekday[((day % 7) + 7) % 7]! += whole(day);

  const weeks: ForecastWeek[] = [];
  const dayErrors: HeldBack['dayErrors'] = { profile: [], flat: [], knownProfile: [], knownFlat: [] };
  for (let held = HELD_BACK; held >= 1; held--) {
    // The held-back week's first instant: the model sees only the leads before it.
    const end = new Date(INSIGHTS_END.getTime() - held * WEEK_MS);
    const analysis = await analyzeLeads(connection.access, client.id, {
      start: new Date(end.getTime() - WEEK_MS),
      end,
    });
    const forecast = analysis.figures.forecast;
    if (!forecast) throw new Error(`no forecast for the week of ${end.toISOString()}`);
    const count = await dailyFrom(end, 28, 7);
    const actualDays = Array.from({ length: 7 }, (_, day) => count(day));
    const actual = actualDays.reduce((a, b) => a + b, 0);
    const pastWeeks = [1, 2, 3, 4].map((back) =>
      Array.from({ length: 7 }, (_, day) => count(-back * 7 + day)).reduce((a, b) => a + b, 0),
    );
    weeks.push({
      start: end.toISOString(),
      actual,
      expected: forecast.expected,
      low: forecast.low,
      high: forecast.high,
      lastWeek: pastWeeks[0]!,
      mean4: mean(pastWeeks),
    });
    const dayTotal = forecast.days.reduce((sum, day) => sum + day.expected, 0);
    forecast.days.forEach((day, index) => {
      const truth = actualDays[index]!;
      dayErrors.profile.push(Math.abs(day.expected - truth));
      dayErrors.flat.push(Math.abs(forecast.expected / 7 - truth));
      // The same split applied to the week's true total: the profile's own error.
      dayErrors.knownProfile.push(Math.abs((day.expected / dayTotal) * actual - truth));
      dayErrors.knownFlat.push(Math.abs(actual / 7 - truth));
    });
  }
  return { weeks, dayErrors, byWeekday };
}

/** `seeds.length` histories of one shape, pooled: HELD_BACK weeks each. */
async function benchForecast(
  connection: Connection,
  shape: HistoryShape,
  seeds: readonly number[],
): Promise<ForecastFigures> {
  const started = performance.now();
  const histories: HeldBack[] = [];
  for (const seed of seeds) histories.push(await heldBackWeeks(connection, shape, seed));
  const weeks = histories.flatMap((history) => history.weeks);
  const pooled = (key: keyof HeldBack['dayErrors']) => mean(histories.flatMap((history) => history.dayErrors[key]));
  const byWeekday = [0, 1, 2, 3, 4, 5, 6].map((day) =>
    histories.reduce((sum, history) => sum + history.byWeekday[day]!, 0),
  );
  const total = byWeekday.reduce((a, b) => a + b, 0);

  const method = (name: string, predict: (week: ForecastWeek) => number, interval: boolean) => ({
    name,
    mae: mean(weeks.map((week) => Math.abs(predict(week) - week.actual))),
    mape: mean(weeks.map((week) => (Math.abs(predict(week) - week.actual) / week.actual) * 100)),
    inside: interval ? weeks.filter((week) => week.actual >= week.low && week.actual <= week.high).length : null,
  });
  return {
    label: shape.label,
    histories: histories.length,
    meanWeekly: total / HISTORY_WEEKS / histories.length,
    weekdayShares: byWeekday.map((count) => count / total),
    weeks,
    firstHistory: histories[0]?.weeks ?? [],
    methods: [
      method('model (exponential smoothing, 12 weeks)', (week) => week.expected, true),
      method("naive: last week's count", (week) => week.lastWeek, false),
      method('naive: mean of the last 4 weeks', (week) => week.mean4, false),
    ],
    dayMae: { profile: pooled('profile'), flat: pooled('flat') },
    dayMaeKnownTotal: { profile: pooled('knownProfile'), flat: pooled('knownFlat') },
    meanWidth: mean(weeks.map((week) => week.high - week.low)),
    seconds: (performance.now() - started) / 1000,
  };
}

export const HISTORY_SHAPES: readonly HistoryShape[] = [
  { label: 'busy (~15 leads a weekday)', base: 15, trend: 0.25 },
  { label: 'small (~3 leads a weekday)', base: 3, trend: 0.25 },
];

export async function benchInsights(options: InsightsOptions): Promise<InsightsFigures> {
  const started = performance.now();
  const forecast: ForecastFigures[] = [];

  // PostgreSQL first: once PGlite has grown this process's memory, the process's figures
  // on the other engine would carry it.
  let postgres: EngineFigures | null = null;
  let postgresSkipped: string | null = 'set BENCH_DATABASE_URL=postgres://… to measure a PostgreSQL server too';
  if (options.databaseUrl) {
    postgresSkipped = null;
    const server = await openBenchDatabase(options.databaseUrl, 'avenir_bench_insights');
    try {
      postgres = await benchEngine(options, server);
    } finally {
      await server.close();
    }
  }

  let embedded: EngineFigures;
  const database = await openBenchDatabase(undefined, 'avenir_bench_insights');
  try {
    embedded = await benchEngine(options, database);
    // The forecast's figures do not depend on the engine: measured once, on PGlite.
    for (const [index, shape] of HISTORY_SHAPES.entries()) {
      const seeds = Array.from({ length: options.forecastHistories }, (_, k) => (index * 10 + k + 1) / 100);
      forecast.push(await benchForecast(database.connection, shape, seeds));
    }
  } finally {
    await database.close();
  }
  return {
    engines: postgres ? [embedded, postgres] : [embedded],
    postgresSkipped,
    forecast,
    totalSeconds: (performance.now() - started) / 1000,
    processPeakBytes: Math.max(processPeakBytes, processMemory(process.pid, 'VmHWM')),
  };
}
