/**
 * `npm run eval -- FILE`: the offline triage engine measured on a labelled JSONL file (the
 * format of leads-dev.jsonl). Prints a per-field report and the misclassified lines, then, as
 * its last line, one JSON object: {"n":40,"language":0.98,"intent":0.8,"urgency":0.78}.
 *
 * `npm run eval -- --replies FILE`: the offline reply composer measured on a labelled reply
 * file (the format of tests/fixtures/replies-dev.jsonl): each failing reply's id and the
 * properties it lacks, then, last, {"n":47,"passed":45}.
 *
 * Exit code 2 when the file is missing, unreadable or has a malformed line.
 */
import { readFileSync } from 'node:fs';
import {
  evaluateTriage,
  LabelledLeadError,
  LabelledReplyError,
  measureReplies,
  parseLabelledLeads,
  parseLabelledReplies,
  triageOffline,
} from '../worker/features/triage';

const args = process.argv.slice(2).filter((argument) => argument !== '--');
const replies = args.includes('--replies');
const file = args.find((argument) => !argument.startsWith('--'));
if (!file) fail('usage: npm run eval -- [--replies] FILE.jsonl');

let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (error) {
  fail(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
}

if (replies) evaluateReplies(file, text);
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

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
