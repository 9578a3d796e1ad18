/**
 * `npm run eval -- FILE`: the offline triage engine measured on a labelled JSONL file (the
 * format of leads-dev.jsonl). Prints a per-field report and the misclassified lines, then, as
 * its last line, one JSON object: {"n":40,"language":0.98,"intent":0.8,"urgency":0.78}.
 *
 * `npm run eval -- --replies FILE`: the offline reply composer measured on a labelled reply
 * file (the format of tests/fixtures/replies-dev.jsonl): each failing reply's id and the
 * properties it lacks, then, last, {"n":47,"passed":45}.
 *
 * `npm run eval -- --adaptation FILE`: per-client adaptation measured on a labelled file whose
 * lines also name their "client" and "receivedAt" (tests/fixtures/adaptation-clients.jsonl).
 * Per client, in time order, the engine's misses on the earlier half become that client's
 * corrections; the later half is scored without them (before), with them (after), and online
 * (each lead with every correction made before it, its own misses included once seen). Prints
 * each client and the whole, then, last,
 * {"n":160,"before":{"language","intent","urgency"},"after":{…},"online":{…}}.
 *
 * `npm run eval -- --sites [FOLDER]`: the site analyser measured on a demo-sites folder
 * (default scripts/demo-sites; tests/fixtures/heldout-sites is the set written blind to it):
 * each site crawled as discovery crawls it, against its hand-written truth. Prints each
 * disagreement and the per-field agreement, then, last,
 * {"sites":32,"fields":{"outcome":1,…},"emails":{"precision","recall"},"phones":{…}}.
 *
 * `npm run eval -- --tracking FILE`: outreach's open and click classifier measured on labelled
 * request shapes (tests/fixtures/tracking-blind-b.jsonl, written blind to it): person or
 * machine, machines counted as people, people missed, the machine's kind, the misses, then,
 * last, {"n":80,"accuracy":…,"machinesCountedAsPeople":…,"peopleMissed":…,"kindAccuracy":…}.
 *
 * `npm run eval -- --tones FILE`: the form tests' offline tone rules measured on labelled
 * answers (tests/fixtures/autoresponders-heldout.jsonl, written blind to them): accuracy,
 * per tone and per language, the misses, then, last, {"n":72,"accuracy":…,"en":…,"fr":…}.
 *
 * Exit code 2 when the file is missing, unreadable or has a malformed line.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { measureTone, parseToneCases } from '../worker/features/form-testing/tone-eval';
import { measureTracking, parseLabelledEvents } from '../worker/features/outreach';
import {
  type AdaptationReport,
  evaluateTriage,
  type FieldScores,
  LabelledLeadError,
  LabelledReplyError,
  measureAdaptation,
  measureReplies,
  parseClientLeads,
  parseLabelledLeads,
  parseLabelledReplies,
  triageOffline,
} from '../worker/features/triage';
import { measureDemoSites } from './lib/site-agreement';
import { DEMO_SITE_ROOT } from './stack/demo-sites';

const args = process.argv.slice(2).filter((argument) => argument !== '--');
const replies = args.includes('--replies');
const adaptation = args.includes('--adaptation');
const file = args.find((argument) => !argument.startsWith('--'));
if (args.includes('--tones')) {
  if (!file) fail('usage: npm run eval -- --tones FILE.jsonl');
  evaluateTones(file);
  process.exit(0);
}
if (args.includes('--tracking')) {
  if (!file) fail('usage: npm run eval -- --tracking FILE.jsonl');
  evaluateTracking(file);
  process.exit(0);
}
if (args.includes('--sites')) {
  await evaluateSites(file);
  process.exit(0);
}
if (!file || (replies && adaptation)) {
  fail('usage: npm run eval -- [--replies | --adaptation | --tones | --tracking] FILE.jsonl | --sites [FOLDER]');
}

let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (error) {
  fail(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
}

if (replies) evaluateReplies(file, text);
else if (adaptation) evaluateAdaptation(file, text);
else evaluateLeads(file, text);

function evaluateLeads(file: string, text: string): void {
  let leads: ReturnType<typeof parseLabelledLeads>;
  try {
    leads = parseLabelledLeads(text);
  } catch (error) {
    if (error instanceof LabelledLeadError) fail(`${file}: ${error.message}`);
    throw error;
  }

  const report = evaluateTriage(leads, triageOffline);
  const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;
  console.log(`Offline triage on ${file} (${report.n} leads)\n`);
  console.log(`  language  ${percent(report.language)}`);
  console.log(`  intent    ${percent(report.intent)}`);
  console.log(`  urgency   ${percent(report.urgency)}`);
  if (report.misses.length > 0) {
    console.log(`\nMisclassified (${report.misses.length}):`);
    for (const { lead, got, fields } of report.misses) {
      const diffs = fields.map((field) => `${field} ${got[field]} (expected ${lead[field]})`).join(', ');
      const message = lead.message.length > 100 ? `${lead.message.slice(0, 99)}…` : lead.message;
      console.log(`  line ${lead.line}: ${diffs}\n    ${message}`);
    }
  }
  console.log(
    JSON.stringify({ n: report.n, language: report.language, intent: report.intent, urgency: report.urgency }),
  );
}

function evaluateReplies(file: string, text: string): void {
  let labelled: ReturnType<typeof parseLabelledReplies>;
  try {
    labelled = parseLabelledReplies(text);
  } catch (error) {
    if (error instanceof LabelledReplyError) fail(`${file}: ${error.message}`);
    throw error;
  }

  const report = measureReplies(labelled);
  console.log(`Offline replies on ${file}: ${report.passed}/${report.n} pass every property\n`);
  for (const { labels, triage, failures } of report.replies) {
    if (failures.length === 0) continue;
    const properties = [...new Set(failures.map((failure) => failure.property))].join(', ');
    console.log(`  ${labels.id} (${triage.language}, ${triage.intent}, ${triage.urgency}): ${properties}`);
    for (const failure of failures) console.log(`    ${failure.property}: ${failure.detail}`);
  }
  console.log(JSON.stringify({ n: report.n, passed: report.passed }));
}

function evaluateAdaptation(file: string, text: string): void {
  let leads: ReturnType<typeof parseClientLeads>;
  try {
    leads = parseClientLeads(text);
  } catch (error) {
    if (error instanceof LabelledLeadError) fail(`${file}: ${error.message}`);
    throw error;
  }

  const started = performance.now();
  const report: AdaptationReport = measureAdaptation(leads, triageOffline);
  const elapsed = performance.now() - started;
  const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`.padStart(6);
  const row = (label: string, scores: FieldScores) =>
    `    ${label.padEnd(8)} language ${percent(scores.language)}  intent ${percent(scores.intent)}  urgency ${percent(scores.urgency)}`;
  console.log(`Per-client adaptation on ${file} (${leads.length} leads, ${report.clients.length} clients)\n`);
  for (const client of report.clients) {
    console.log(
      `  ${client.client}: ${client.earlier} earlier (${client.corrections} corrections), ${client.n} later scored` +
        ` (online: ${client.onlineCorrections} corrections by the last)`,
    );
    console.log(row('before', client.before));
    console.log(row('after', client.after));
    console.log(row('online', client.online));
  }
  console.log(`\n  All clients, ${report.n} later leads:`);
  console.log(row('before', report.before));
  console.log(row('after', report.after));
  console.log(row('online', report.online));
  console.log(`\n  ${elapsed.toFixed(0)} ms in all`);
  console.log(JSON.stringify({ n: report.n, before: report.before, after: report.after, online: report.online }));
}

function evaluateTones(file: string): void {
  let cases: ReturnType<typeof parseToneCases>;
  try {
    cases = parseToneCases(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`${file}: ${(error as Error).message}`);
  }
  const report = measureTone(cases);
  const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;
  console.log(`Offline tone rules on ${file} (${report.total} answers): ${percent(report.accuracy)}\n`);
  for (const [tone, figures] of Object.entries(report.perTone)) {
    console.log(
      `  ${tone.padEnd(13)} ${figures.support} answers, precision ${percent(figures.precision)}, recall ${percent(figures.recall)}`,
    );
  }
  for (const [language, figures] of Object.entries(report.perLanguage)) {
    console.log(`  ${language}            ${figures.correct}/${figures.total}`);
  }
  for (const miss of report.misses) console.log(`  miss ${miss.id}: ${miss.got} (expected ${miss.expected})`);
  console.log(
    JSON.stringify({
      n: report.total,
      accuracy: report.accuracy,
      en: report.perLanguage.en.accuracy,
      fr: report.perLanguage.fr.accuracy,
    }),
  );
}

function evaluateTracking(file: string): void {
  let events: ReturnType<typeof parseLabelledEvents>;
  try {
    events = parseLabelledEvents(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`${file}: ${(error as Error).message}`);
  }
  const report = measureTracking(events);
  const percent = (rate: number) => `${(rate * 100).toFixed(1)}%`;
  console.log(`Tracking classifier on ${file} (${report.n} requests)\n`);
  console.log(`  person or machine right   ${percent(report.accuracy)}`);
  console.log(`  machines counted as people ${percent(report.machinesCountedAsPeople)}`);
  console.log(`  people missed             ${percent(report.peopleMissed)}`);
  console.log(`  machine's kind right      ${percent(report.kindAccuracy)}`);
  for (const miss of report.misses) {
    console.log(
      `  miss ${miss.id}: ${miss.got} (expected ${miss.expected})${miss.reasons.length ? ` — ${miss.reasons.join(', ')}` : ''}`,
    );
  }
  const { n, accuracy, machinesCountedAsPeople, peopleMissed, kindAccuracy } = report;
  console.log(JSON.stringify({ n, accuracy, machinesCountedAsPeople, peopleMissed, kindAccuracy }));
}

async function evaluateSites(folder: string | undefined): Promise<void> {
  const root = folder ? path.resolve(folder) : DEMO_SITE_ROOT;
  if (!existsSync(path.join(root, 'catalogue.json')) || !existsSync(path.join(root, 'expected.json'))) {
    fail(`${root}: a demo-sites folder holds catalogue.json, expected.json and sites/`);
  }
  const report = await measureDemoSites(root);
  console.log(`Site analyser on ${path.relative(process.cwd(), root) || '.'} (${report.sites} sites)\n`);
  for (const comparison of report.comparisons) {
    for (const [field, verdict] of Object.entries(comparison.fields)) {
      if (verdict.agrees) continue;
      console.log(
        `  ${comparison.slug} ${field}: ${JSON.stringify(verdict.found)} (expected ${JSON.stringify(verdict.expected)})`,
      );
    }
  }
  const rates: Record<string, number> = {};
  console.log('');
  for (const [field, { compared, agreed }] of Object.entries(report.fields)) {
    rates[field] = compared === 0 ? 1 : agreed / compared;
    console.log(`  ${field.padEnd(15)} ${agreed}/${compared}`);
  }
  const pr = ({ precision, recall }: { precision: number; recall: number }) =>
    `precision ${(precision * 100).toFixed(1)}%, recall ${(recall * 100).toFixed(1)}%`;
  console.log(`  emails          ${pr(report.emails)}\n  phones          ${pr(report.phones)}`);
  console.log(JSON.stringify({ sites: report.sites, fields: rates, emails: report.emails, phones: report.phones }));
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
