/**
 * `npm run bench`: the product's figures on this machine, printed as the tables the README
 * quotes. Nothing here asserts a time; the README records what was measured and where.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchDashboard } from './bench/dashboard';
import { benchDiscovery, type SiteRun, spread } from './bench/discovery';
import { benchOfflineEngine, benchPostToEnriched } from './bench/enrichment';
import { benchInsights, type EngineFigures, INSIGHTS_END } from './bench/insights';
import { benchIntake } from './bench/intake';
import { BENCH_TRACKING_SECRET, benchScheduler, benchTracking } from './bench/outreach';
import { startBenchStack } from './bench/stack';
import { benchTranslation } from './bench/translation';
import { widgetSizes } from './bench/widget';
import { benchWidgetLoad } from './bench/widget-load';
import { hasChromium } from './lib/browser';
import { ms } from './lib/stats';
import { startThirdPartySite } from './lib/third-party-site';

/** Labelled messages to time the triage on: the dev fixture, else the held-out one. */
const DEV_LEADS = [
  process.env.AVENIR_DEV_LEADS,
  'tests/fixtures/leads-dev.jsonl',
  'tests/fixtures/triage-heldout.jsonl',
]
  .filter((file): file is string => Boolean(file))
  .map((file) => path.resolve(file))
  .find((file) => existsSync(file))!;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB (${bytes.toLocaleString('en-US')} B)`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const mib1 = (bytes: number) => `${bytes < 0 ? '−' : ''}${(Math.abs(bytes) / 1024 / 1024).toFixed(1)} MiB`;
const signedMib = (bytes: number) => `${bytes < 0 ? '−' : '+'}${mib(Math.abs(bytes))}`;

/**
 * Sections to run: all by default, or those named on the command line
 * (`npm run bench -- dashboard`), so a slow one can be rerun alone.
 */
const SECTIONS = [
  'widget',
  'intake',
  'triage',
  'enrichment',
  'dashboard',
  'insights',
  'discovery',
  'outreach',
  'translation',
] as const;
type Section = (typeof SECTIONS)[number];
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(SECTIONS as readonly string[]).includes(name));
if (unknown.length > 0)
  throw new Error(`unknown bench section ${unknown.join(', ')}; sections: ${SECTIONS.join(', ')}`);
const runs = (section: Section) => asked.length === 0 || asked.includes(section);

console.log(`# Avenir benchmarks\n\n${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}\n`);

// The widget and intake share one stack; `wrangler deploy --dry-run` inside
// startBenchStack builds the widget measured first.
if (runs('widget') || runs('intake')) {
  const site = await startThirdPartySite();
  const stack = await startBenchStack({ extraOrigins: [site.origin] });
  try {
    if (runs('widget')) {
      console.log('## Widget size (what a page downloads)\n');
      console.log('| script | raw | gzip | what it is |\n|---|---|---|---|');
      for (const size of widgetSizes(path.resolve('dist/public/widget.js'))) {
        console.log(`| ${size.name} | ${kb(size.bytes)} | ${kb(size.gzipBytes)} | ${size.what} |`);
      }

      if (hasChromium()) {
        const load = await benchWidgetLoad(stack.worker, stack.client.apiKey, 20, site);
        console.log('\n## Widget: time to an interactive form (headless Chromium, cold cache, 20 loads)\n');
        console.log('| from | p50 | p99 |\n|---|---|---|');
        console.log(`| widget.js requested | ${ms(load.fromScriptRequest.p50)} | ${ms(load.fromScriptRequest.p99)} |`);
        console.log(`| navigation start | ${ms(load.fromNavigation.p50)} | ${ms(load.fromNavigation.p99)} |`);
      } else {
        console.log('\n(widget load time skipped: no Chromium at /usr/bin/chromium)');
      }
    }

    if (runs('intake')) {
      const intake = await benchIntake(stack, { sequential: 500, concurrent: 2_000, concurrency: 16 });
      console.log('\n## Intake: POST /api/lead → 201 (Worker in workerd → Neon driver → proxy → PGlite)\n');
      console.log('| measure | p50 | p99 |\n|---|---|---|');
      console.log(
        `| one at a time, ${intake.sequential.n} leads | ${ms(intake.sequential.p50)} | ${ms(intake.sequential.p99)} |`,
      );
      console.log(
        `| ${intake.concurrent.concurrency} at a time, ${intake.concurrent.leads} leads | ${ms(intake.concurrent.latency.p50)} | ${ms(intake.concurrent.latency.p99)} |`,
      );
      console.log(
        `| bare one-row INSERT, new connection each, same driver and proxy | ${ms(intake.bareInsert.p50)} | ${ms(intake.bareInsert.p99)} |`,
      );
      console.log(
        `\nthroughput ${intake.concurrent.perSecond.toFixed(0)} leads/s · intake/bare-insert p50 ratio ${intake.ratioP50.toFixed(2)}`,
      );
      console.log(
        `database round trips per accepted lead: ${intake.roundTripsPerLead.toFixed(2)} (counted at the proxy: Query/Sync messages), connections per lead: ${intake.connectionsPerLead.toFixed(2)}`,
      );
    }
  } finally {
    await stack.close();
    await site.close();
  }
}

if (runs('triage')) {
  const offline = benchOfflineEngine(DEV_LEADS, 3);
  console.log('\n## Offline triage engine (language, intent, urgency, tone, confidence, summary)\n');
  console.log(
    `${offline.leadsPerSecond.toFixed(0)} leads/s on one core (${offline.n} triages of ${path.basename(DEV_LEADS)})`,
  );
}

if (runs('enrichment')) {
  const pipeline = await startBenchStack({ queueConsumer: true });
  try {
    const enriched = await benchPostToEnriched(pipeline, 50);
    console.log(
      '\n## POST /api/lead → enriched (offline engine, reply and notification in the outbox, job completed)\n',
    );
    console.log('| measure | p50 | p99 |\n|---|---|---|');
    console.log(
      `| POST → job completed, ${enriched.total.n} leads one after another | ${ms(enriched.total.p50)} | ${ms(enriched.total.p99)} |`,
    );
    console.log(`| of which the job itself (claim → completed) | ${ms(enriched.job.p50)} | ${ms(enriched.job.p99)} |`);
  } finally {
    await pipeline.close();
  }
}

if (runs('dashboard')) {
  // BENCH_DASHBOARD_LEADS: fewer leads per client for a quick look; the README's figures use 100,000.
  const leadsPerClient = Number(process.env.BENCH_DASHBOARD_LEADS || 100_000);
  const dashboard = await benchDashboard({
    clients: 10,
    leadsPerClient,
    samples: 40,
    databaseUrl: process.env.BENCH_DATABASE_URL || undefined,
  });
  const n = (value: number) => value.toLocaleString('en-US');
  console.log(
    `\n## Dashboard: 10 clients × ${n(leadsPerClient)} leads (${dashboard.database}), GET through the Worker signed in as one client\n`,
  );
  console.log(
    `seeded ${n(dashboard.leads)} leads in ${dashboard.seedSeconds.toFixed(1)} s (generate_series, one INSERT per client, indexes maintained), VACUUM ANALYZE ${dashboard.vacuumSeconds.toFixed(1)} s\n`,
  );
  console.log(
    `| request (${dashboard.pages[0]?.latency.n} each; counts by status and urgency included) | matching leads | p50 | p99 |`,
  );
  console.log('|---|---|---|---|');
  for (const page of dashboard.pages) {
    console.log(`| ${page.label} | ${n(page.matched)} | ${ms(page.latency.p50)} | ${ms(page.latency.p99)} |`);
  }
  const { search } = dashboard;
  console.log(
    `| search \`q=\`, ${search.terms.length} words EN and FR, ${search.latency.n} requests | ${search.terms.map((t) => n(t.matched)).join(' / ')} | ${ms(search.latency.p50)} | ${ms(search.latency.p99)} |`,
  );
  console.log(
    `\nsearch p50 by word: ${search.terms.map((t) => `${t.term} ${ms(t.p50)} (${n(t.matched)})`).join(', ')}`,
  );
  console.log('\n| activity log (25 a page, newest first) | actions it pages through | p50 | p99 |\n|---|---|---|---|');
  for (const page of dashboard.activity) {
    console.log(`| ${page.label} | ${n(page.rows)} | ${ms(page.latency.p50)} | ${ms(page.latency.p99)} |`);
  }
  const { home } = dashboard;
  console.log(
    `\n| home (\`GET /api/app/home\`, ${home.latency.n} requests) | urgent leads waiting | new today | p50 | p99 |\n|---|---|---|---|---|\n| figures of the client with the inbox above | ${n(home.urgent)} | ${n(home.newToday)} | ${ms(home.latency.p50)} | ${ms(home.latency.p99)} |`,
  );
  console.log(
    '\n| CSV export, client whose leads are all active (default export: active, no test leads) | rows received | bytes | first byte | last byte | workerd RSS before → peak |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const e of dashboard.exports) {
    console.log(
      `| ${e.label} | ${n(e.rows)} | ${mib(e.bytes)} | ${ms(e.firstByteMs)} | ${(e.totalMs / 1000).toFixed(2)} s | ${mib(e.rssBeforeBytes)} → ${mib(e.rssPeakBytes)} (+${mib(e.rssPeakBytes - e.rssBeforeBytes)}, ${e.rssSamples} samples) |`,
    );
  }
  // With PGlite the database lives in this process: its peak is the embedded database's cost.
  console.log(
    `\ndashboard section ${dashboard.totalSeconds.toFixed(0)} s in all; this Node process peaked at ${mib(process.resourceUsage().maxRSS * 1024)} resident`,
  );
}

if (runs('insights')) {
  // BENCH_INSIGHTS_LEADS: fewer leads for a quick look; the README's figures use 100,000.
  const leads = Number(process.env.BENCH_INSIGHTS_LEADS || 100_000);
  // Other work on the machine shows in these figures: the load is printed with them.
  const loadBefore = os.loadavg()[0]!;
  const insights = await benchInsights({
    leads,
    neighbourLeads: Math.round(leads / 5),
    weekRuns: 7,
    quarterRuns: 3,
    runAnalysisRuns: 5,
    forecastHistories: 5,
    databaseUrl: process.env.BENCH_DATABASE_URL || undefined,
    explain: Boolean(process.env.BENCH_INSIGHTS_EXPLAIN),
  });
  const n = (value: number) => value.toLocaleString('en-US');
  const s = (msValue: number) => (msValue >= 1000 ? `${(msValue / 1000).toFixed(2)} s` : ms(msValue));
  const [first] = insights.engines;
  console.log(
    `\n## Growth analysis: one client with ${n(leads)} leads over two years, their actions, and a neighbour client with ${n(first?.neighbourLeads ?? 0)}\n`,
  );
  console.log(
    `analyzeLeads and runAnalysis called from Node through the Worker's driver and proxy, the week ending ${INSIGHTS_END.toISOString()} (a Monday, 00:00 in Montreal); ${n(first?.periodLeads ?? 0)} leads in that week, ${n(first?.totalLeads ?? 0)} analysed in all (not deleted, not spam, not test)\n`,
  );
  const cell = (format: (engine: EngineFigures) => string) => insights.engines.map(format).join(' | ');
  console.log(`| measure | ${cell((e) => e.database)} |\n|---|${insights.engines.map(() => '---|').join('')}`);
  const row = (label: string, format: (engine: EngineFigures) => string) =>
    console.log(`| ${label} | ${cell(format)} |`);
  row(
    'seeded: leads + actions (generate_series), then VACUUM ANALYZE',
    (e) =>
      `${e.seedSeconds.toFixed(1)} s + ${e.vacuumSeconds.toFixed(1)} s (${n(e.leads + e.neighbourLeads)} leads, ${n(e.actions)} actions)`,
  );
  row('analyzeLeads, default week: first run (cold)', (e) => s(e.weekCold));
  row(
    `analyzeLeads, default week: p50 / p95 (${first?.week.n} runs)`,
    (e) => `**${s(e.week.p50)}** / ${s(e.week.p95)}`,
  );
  row(
    `analyzeLeads, 12-week period: p50 / max (${first?.quarter.n} runs)`,
    (e) => `${s(e.quarter.p50)} / ${s(e.quarter.max)}`,
  );
  row(
    `runAnalysis (trigger cli, offline writer, dev outbox, growth_brain upsert): p50 / p95 (${first?.runAnalysis.n} runs)`,
    (e) => `${s(e.runAnalysis.p50)} / ${s(e.runAnalysis.p95)}`,
  );
  row('database round trips per analyzeLeads (counted at the proxy)', (e) => e.roundTrips.toFixed(0));
  row(
    'analysis JSON: week / 12 weeks',
    (e) => `${(e.weekJsonBytes / 1024).toFixed(1)} KB / ${(e.quarterJsonBytes / 1024).toFixed(1)} KB`,
  );
  row("the client's lead rows as stored (pg_column_size), for comparison", (e) => mib(e.leadBytes));
  row(
    'this Node process during the analyses: RSS before → peak',
    (e) =>
      `${mib(e.rssBeforeBytes)} → ${mib(e.rssPeakBytes)} (${signedMib(e.rssPeakBytes - e.rssBeforeBytes)}, ${e.peakFrom})`,
  );
  row(
    'JS heap used before → highest sampled',
    (e) => `${mib(e.heapBeforeBytes)} → ${mib(e.heapPeakBytes)} (${signedMib(e.heapPeakBytes - e.heapBeforeBytes)})`,
  );
  if (insights.postgresSkipped) console.log(`\nPostgreSQL: skipped: ${insights.postgresSkipped}`);
  console.log(`\nrunAnalysis: ${first?.runAnalysisResult}`);

  console.log(
    `\n| statement of the analysis (p50 in its tenant transaction) | rows back | ${insights.engines.map((e) => `${e.database.split(' (')[0]} week | 12 weeks`).join(' | ')} |`,
  );
  console.log(`|---|---|${insights.engines.map(() => '---|---|').join('')}`);
  for (const [index, statement] of (first?.statements ?? []).entries()) {
    console.log(
      `| ${statement.name} | ${statement.rows} | ${insights.engines.map((e) => `${ms(e.statements[index]!.weekP50)} | ${ms(e.statements[index]!.quarterP50)}`).join(' | ')} |`,
    );
  }
  for (const engine of insights.engines) {
    for (const { name, plan } of engine.explained)
      console.log(`\nEXPLAIN ANALYZE ${name} (${engine.database}):\n${plan}`);
  }

  const pct = (value: number) => `${value.toFixed(1)} %`;
  const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  console.log(
    `\n## Forecast against held-back weeks: ${insights.forecast[0]?.histories} synthetic years per volume × the last 12 weeks of each\n`,
  );
  console.log(
    "Each year: daily counts Poisson-like around base × weekday factor (busy Mon–Thu, quiet weekend) × a +25 % trend × day (±20 %) and week (±10 %) noise, setseed() per year. Each held-back week analysed with `end` = its first instant (the model sees only the past); forecast.expected against the week's count.\n",
  );
  for (const history of insights.forecast) {
    console.log(
      `${history.label}: ${history.meanWeekly.toFixed(1)} leads a week on average (${history.weeks.length} held-back weeks, ${history.seconds.toFixed(0)} s); weekday shares ${history.weekdayShares.map((share, day) => `${weekdays[day]} ${pct(share * 100)}`).join(', ')}`,
    );
  }
  console.log(
    '\n| history | method | MAE (leads a week) | MAPE | actual inside [low, high] (claimed 80 %) |\n|---|---|---|---|---|',
  );
  for (const history of insights.forecast) {
    for (const method of history.methods) {
      console.log(
        `| ${history.label} | ${method.name} | ${method.mae.toFixed(1)} | ${pct(method.mape)} | ${method.inside === null ? '—' : `${method.inside} / ${history.weeks.length} (mean width ${history.meanWidth.toFixed(0)})`} |`,
      );
    }
  }
  console.log(
    '\n| history | per-day MAE: forecast.days (weekday profile) | flat 1/7 of the same week | with the true week total: profile / flat |\n|---|---|---|---|',
  );
  for (const history of insights.forecast) {
    console.log(
      `| ${history.label} | **${history.dayMae.profile.toFixed(2)}** | ${history.dayMae.flat.toFixed(2)} | ${history.dayMaeKnownTotal.profile.toFixed(2)} / ${history.dayMaeKnownTotal.flat.toFixed(2)} |`,
    );
  }
  for (const history of insights.forecast) {
    console.log(
      `\n| week of (${history.label}, first year) | actual | forecast [low, high] | last week | mean of 4 |\n|---|---|---|---|---|`,
    );
    for (const week of history.firstHistory) {
      console.log(
        `| ${week.start.slice(0, 10)} | ${week.actual} | ${week.expected} [${week.low}, ${week.high}] | ${week.lastWeek} | ${week.mean4.toFixed(1)} |`,
      );
    }
  }
  console.log(
    `\ninsights section ${insights.totalSeconds.toFixed(0)} s in all; this Node process peaked at ${mib(insights.processPeakBytes)} resident; load average (1 min) ${loadBefore.toFixed(1)} before, ${os.loadavg()[0]!.toFixed(1)} after, on ${os.cpus().length} cores`,
  );
}

if (runs('discovery')) {
  // Ten at a time: one queue consumer's batch (wrangler.toml max_batch_size = 10, run with Promise.all).
  const concurrency = Number(process.env.BENCH_DISCOVERY_CONCURRENCY || 10);
  const discovery = await benchDiscovery({
    concurrency,
    csvRows: Number(process.env.BENCH_DISCOVERY_CSV_ROWS || 10_000),
    databaseUrl: process.env.BENCH_DATABASE_URL || undefined,
  });
  const n = (value: number) => value.toLocaleString('en-US');
  const s = (msValue: number) => (msValue >= 1000 ? `${(msValue / 1000).toFixed(2)} s` : ms(msValue));
  const count = (sites: SiteRun[], status: SiteRun['status']) => sites.filter((site) => site.status === status).length;
  console.log(
    `\n## Prospect discovery: analyzeProspect on the demo sites, politeness on (${concurrency} at a time, ${discovery.database})\n`,
  );
  console.log(
    `The production fetcher (createSafeFetcher with the database pacer at 1 request/s/host, robots.txt first, 10 s page timeout, at most 4 pages), the offline embedder, the demo profile; User-Agent \`${discovery.userAgent}\`. Each slot takes the next site when it is free.\n`,
  );
  console.log(
    '| sites | n | wall | sites/min | per site p50 | p95 | max | analysed | failed |\n|---|---|---|---|---|---|---|---|---|',
  );
  for (const pass of discovery.passes) {
    const per = spread(pass.sites.map((site) => site.ms));
    console.log(
      `| ${pass.label} | ${pass.sites.length} | ${s(pass.wallMs)} | **${((pass.sites.length / pass.wallMs) * 60_000).toFixed(0)}** | ${s(per.p50)} | ${s(per.p95)} | ${s(per.max)} | ${count(pass.sites, 'analyzed')} | ${count(pass.sites, 'failed')} |`,
    );
  }
  const [all] = discovery.passes;
  const plain = (all?.sites ?? []).filter((site) => site.behaviour === null);
  const requests = spread(plain.map((site) => site.requests));
  console.log(
    `\nthe ${plain.length} sites without a behaviour: ${requests.p50} requests each at the median (robots.txt + up to 4 pages), max ${requests.max}; at 1 request/s/host that is ≥ ${requests.p50 - 1} s of pacing each. DNS-over-HTTPS queries: ${discovery.dnsQueries}.`,
  );
  console.log('\n| site with a behaviour (first run) | behaviour | outcome | requests | time |\n|---|---|---|---|---|');
  for (const site of (all?.sites ?? []).filter((entry) => entry.behaviour !== null)) {
    console.log(
      `| ${site.slug} | ${site.behaviour} | ${site.status}${site.reason ? ` (${site.reason})` : ''} | ${site.requests} | ${s(site.ms)} |`,
    );
  }

  const kib = (bytes: number) => `${bytes < 0 ? '−' : ''}${(Math.abs(bytes) / 1024).toFixed(0)} KiB`;
  const memory = discovery.memory;
  const row = (label: string, values: number[], format: (value: number) => string) => {
    const { p50, p95, max } = spread(values);
    const worst = memory[values.indexOf(max)];
    console.log(`| ${label} | ${format(p50)} | ${format(p95)} | ${format(max)} (${worst?.slug}) |`);
  };
  console.log(
    `\n## Memory per site analysis: the ${memory.length} demo sites one after another, politeness on (${discovery.memorySeconds.toFixed(0)} s)\n`,
  );
  console.log(
    `Each analyzeProspect alone, the JS heap sampled every 5 ms against a baseline taken just before it${discovery.gcForced ? ' after a forced GC' : ' (no forced GC: the figures include garbage)'}; its peak counts what the analysis allocated and the collector had not yet freed, an upper bound on what it holds. The resident peak is the kernel's (VmHWM reset before each). The database (PGlite), its wire server, the WebSocket proxy and the demo sites' server run in this process too: their share of the work is in the figures (the huge site's stream, until the fetcher stops reading at 2 MB, is written here). The heap sampler alone, idle for 2 s: ${mib1(discovery.samplerFloorBytes)}.\n`,
  );
  console.log('| measure | p50 | p95 | max (site) |\n|---|---|---|---|');
  row(
    'JS heap in use, peak above baseline',
    memory.map((m) => m.heapPeakBytes),
    mib1,
  );
  row(
    'outside the JS heap (Buffers, ArrayBuffers), peak above baseline',
    memory.map((m) => m.externalPeakBytes),
    mib1,
  );
  row(
    'resident size, peak above the size before',
    memory.map((m) => m.rssPeakBytes),
    mib1,
  );
  row(
    'JS heap kept after the analysis and a forced GC',
    memory.map((m) => m.heapKeptBytes),
    kib,
  );
  row(
    'time of the analysis',
    memory.map((m) => m.ms),
    s,
  );

  const { csv } = discovery;
  const p = csv.planted;
  console.log(`\n## CSV import: ${n(csv.lines)} lines through importCsv (${discovery.database})\n`);
  console.log(
    `A generated export of Quebec businesses (seeded, the same on every run), ${(csv.bytes / 1024 / 1024).toFixed(2)} MiB, French headers mapped by suggestMapping: ${n(p.businesses)} businesses, ${n(p.sameDomain)} lines repeating one's site written another way, ${n(p.samePhone)} one's phone under a second site, ${n(p.sameNameCity)} one's name and city under a second site, ${n(p.noWebsite)} without a usable website (empty, n/a, Facebook page, an email).\n`,
  );
  console.log('| measure | value |\n|---|---|');
  console.log(`| decode + parse + map alone (decodeCsvBytes, parseCsv, mapRows) | ${s(csv.parseMapMs)} |`);
  console.log(
    `| importCsv end to end (parse, map, upsert in transactions of 100, queue) | ${s(csv.importMs)}: **${((csv.lines / csv.importMs) * 1000).toFixed(0)} lines/s** |`,
  );
  console.log(
    `| result | ${n(csv.result.new)} new, ${n(csv.result.merged)} merged, ${n(csv.result.errors)} errors (${Object.entries(
      csv.errorCodes,
    )
      .map(([code, lines]) => `${code} ${lines}`)
      .join(', ')}), ${n(csv.result.warnings)} warnings, ${n(csv.result.queued)} queued for analysis |`,
  );
  console.log(`| prospect rows added | ${n(csv.rowsAdded)} (businesses planted: ${n(p.businesses)}) |`);
  if (csv.roundTrips !== null)
    console.log(
      `| database round trips (counted at the proxy) | ${n(csv.roundTrips)}, ${(csv.roundTrips / csv.lines).toFixed(2)} per line |`,
    );
  console.log(
    `\ndiscovery section ${discovery.totalSeconds.toFixed(0)} s in all; this Node process peaked at ${mib(process.resourceUsage().maxRSS * 1024)} resident`,
  );
}

if (runs('outreach')) {
  // The queue consumer off: a tracking request's own cost, its event left on the queue.
  const stack = await startBenchStack({
    vars: { INBOUND_TOKEN_SECRET: BENCH_TRACKING_SECRET, INBOUND_DOMAIN: 'in.avenir.test' },
  });
  try {
    const tracking = await benchTracking(stack.worker, stack.connection, {
      sequential: 1_000,
      concurrent: 4_000,
      concurrency: 16,
    });
    console.log('\n## Outreach tracking: the open pixel and the click redirect (Worker in workerd, event queued)\n');
    console.log('| request | p50 | p99 |\n|---|---|---|');
    console.log(
      `| GET /o/p/:token, ${tracking.pixel.n} one at a time | **${ms(tracking.pixel.p50)}** | ${ms(tracking.pixel.p99)} |`,
    );
    console.log(
      `| GET /o/c/:token → 302, ${tracking.redirect.n} one at a time | **${ms(tracking.redirect.p50)}** | ${ms(tracking.redirect.p99)} |`,
    );
    console.log(
      `| both mixed, ${tracking.concurrent.requests.toLocaleString('en-US')} at concurrency ${tracking.concurrent.concurrency}: ${tracking.concurrent.perSecond.toFixed(0)} requests/s | ${ms(tracking.concurrent.latency.p50)} | ${ms(tracking.concurrent.latency.p99)} |`,
    );
    console.log(`\ndatabase round trips during all of them (counted at the proxy): ${tracking.databaseMessages}`);

    const scheduler = await benchScheduler(stack.connection, stack.client.id);
    const held = (counts: Record<string, number>) =>
      Object.entries(counts)
        .map(([reason, count]) => `${reason} ${count}`)
        .join(', ') || 'none';
    console.log(
      `\n## Outreach scheduler: ${scheduler.due.toLocaleString('en-US')} approved emails due now over ${scheduler.mailboxes} mailboxes (dev outbox, PGlite, no spacing)\n`,
    );
    console.log('| run | sent | time | per second | held |\n|---|---|---|---|---|');
    console.log(
      `| first: up to the day's global cap (2,000) | ${scheduler.sending.sent.toLocaleString('en-US')} | ${scheduler.sending.seconds.toFixed(1)} s | **${scheduler.sending.perSecond.toFixed(0)} emails/s** | ${held(scheduler.sending.held)} |`,
    );
    console.log(
      `| next: every cap reached, ${(scheduler.due - scheduler.sending.sent).toLocaleString('en-US')} still due | ${scheduler.capped.sent} | ${(scheduler.capped.seconds * 1000).toFixed(0)} ms | | ${held(scheduler.capped.held)} |`,
    );
  } finally {
    await stack.close();
  }
}

if (runs('translation')) {
  const translation = await benchTranslation({
    databaseUrl: process.env.BENCH_DATABASE_URL || undefined,
    samples: Number(process.env.BENCH_TRANSLATION_SAMPLES || 500),
  });
  console.log(
    `\n## Dictionary lookup at ${translation.entries.toLocaleString('en-US')} entries (${translation.database})\n`,
  );
  console.log(
    'lookupTerm as the translation step calls it: one service transaction (role, the lookup, the usage_count update), one at a time after a warm-up; "in the database" is EXPLAIN ANALYZE of the query that answers, with the index its plan reads.\n',
  );
  console.log('| term | looked up | found | p50 | p99 | in the database | index |\n|---|---|---|---|---|---|---|');
  for (const lookup of translation.lookups)
    console.log(
      `| ${lookup.label} | \`${lookup.term}\` | ${lookup.found ?? '—'} | **${ms(lookup.latency.p50)}** | ${ms(lookup.latency.p99)} | ${ms(lookup.executionMs)} | ${lookup.index} |`,
    );
}
