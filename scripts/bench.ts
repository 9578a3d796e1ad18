/**
 * `npm run bench`: the product's figures on this machine, printed as the tables the README
 * quotes. Nothing here asserts a time; the README records what was measured and where.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchOfflineEngine, benchPostToEnriched } from './bench/enrichment';
import { benchIntake } from './bench/intake';
import { startBenchStack } from './bench/stack';
import { widgetSizes } from './bench/widget';
import { benchWidgetLoad } from './bench/widget-load';
import { hasChromium } from './lib/browser';
import { ms } from './lib/stats';
import { startThirdPartySite } from './lib/third-party-site';

/** Labelled messages to time the triage on: the shared dev file beside the repository, else the held-out fixture. */
const DEV_LEADS = [process.env.AVENIR_DEV_LEADS, '../shared/leads-dev.jsonl', 'tests/fixtures/triage-heldout.jsonl']
  .filter((file): file is string => Boolean(file))
  .map((file) => path.resolve(file))
  .find((file) => existsSync(file))!;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB (${bytes.toLocaleString('en-US')} B)`;

console.log(`# Avenir benchmarks\n\n${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, Node ${process.version}\n`);

// The widget first: `wrangler deploy --dry-run` inside startBenchStack runs the build.
const site = await startThirdPartySite();
const stack = await startBenchStack({ extraOrigins: [site.origin] });
try {
  console.log('## Widget size (what a page downloads)\n');
  console.log('| script | raw | gzip | what it is |\n|---|---|---|---|');
  for (const size of widgetSizes(path.resolve('dist/public/widget.js'))) {
    console.log(`| ${size.name} | ${kb(size.bytes)} | ${kb(size.gzipBytes)} | ${size.what} |`);
  }

  if (hasChromium()) {
    const load = await benchWidgetLoad(stack.worker, stack.client.apiKey, 20);
    console.log('\n## Widget: time to an interactive form (headless Chromium, cold cache, 20 loads)\n');
    console.log('| from | p50 | p99 |\n|---|---|---|');
    console.log(`| widget.js requested | ${ms(load.fromScriptRequest.p50)} | ${ms(load.fromScriptRequest.p99)} |`);
    console.log(`| navigation start | ${ms(load.fromNavigation.p50)} | ${ms(load.fromNavigation.p99)} |`);
  } else {
    console.log('\n(widget load time skipped: no Chromium at /usr/bin/chromium)');
  }

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
} finally {
  await stack.close();
  await site.close();
}

const offline = benchOfflineEngine(DEV_LEADS, 3);
console.log('\n## Offline triage engine (language, intent, urgency, tone, confidence, summary)\n');
console.log(
  `${offline.leadsPerSecond.toFixed(0)} leads/s on one core (${offline.n} triages of ${path.basename(DEV_LEADS)})`,
);

const pipeline = await startBenchStack({ queueConsumer: true });
try {
  const enriched = await benchPostToEnriched(pipeline, 50);
  console.log('\n## POST /api/lead → enriched (offline engine, reply and notification in the outbox, job completed)\n');
  console.log('| measure | p50 | p99 |\n|---|---|---|');
  console.log(
    `| POST → job completed, ${enriched.total.n} leads one after another | ${ms(enriched.total.p50)} | ${ms(enriched.total.p99)} |`,
  );
  console.log(`| of which the job itself (claim → completed) | ${ms(enriched.job.p50)} | ${ms(enriched.job.p99)} |`);
} finally {
  await pipeline.close();
}
