/**
 * `npm run train:triage`: trains the offline engine's intent and urgency models on the
 * labelled lead files, prints their leave-one-file-out validation (for each file: trained on
 * all the others, rules alone against rules with the model on it), then trains on all of them
 * and writes the weights to worker/features/triage/model/weights.ts.
 *
 * `--no-lofo` skips the validation; `--check` writes nothing and exits 1 when the weights
 * module is not what training gives now.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type LabelledLead, parseLabelledLeads } from '../worker/features/triage/evaluation';
import {
  BLEND,
  combineTriage,
  encodeModel,
  PRUNE_BELOW,
  rulePass,
  TRAINING,
  trainTriageModels,
} from '../worker/features/triage/model';
import { readMessage } from '../worker/features/triage/normalize';

/** The labelled files, by the short name the table gives them. */
export const LABELLED_FILES: ReadonlyArray<readonly [string, string]> = [
  ['dev', 'tests/fixtures/leads-dev.jsonl'],
  ['heldout', 'tests/fixtures/triage-heldout.jsonl'],
  ['blind-a', 'tests/fixtures/triage-blind-a.jsonl'],
  ['blind-b', 'tests/fixtures/triage-blind-b.jsonl'],
  ['blind-c', 'tests/fixtures/triage-blind-c.jsonl'],
  ['blind-d', 'tests/fixtures/triage-blind-d.jsonl'],
];

const root = new URL('..', import.meta.url);
const output = fileURLToPath(new URL('worker/features/triage/model/weights.ts', root));
const args = process.argv.slice(2);

const files = LABELLED_FILES.map(([name, path]) => ({
  name,
  path,
  leads: parseLabelledLeads(readFileSync(new URL(path, root), 'utf8')),
}));

if (!args.includes('--no-lofo') && !args.includes('--check')) validate();

const started = performance.now();
const models = trainTriageModels(
  files.flatMap((file) => file.leads),
  TRAINING,
);
const source = weightsModule(files.map((file) => `${file.path} (${file.leads.length})`));
if (args.includes('--check')) {
  const current = readFileSync(output, 'utf8');
  if (current !== source) {
    console.error(`${output} is not what training gives now: run npm run train:triage`);
    process.exit(1);
  }
  console.log('weights are current');
} else {
  writeFileSync(output, source);
  const kb = (Buffer.byteLength(source) / 1024).toFixed(0);
  console.log(
    `\nTrained on ${files.reduce((n, f) => n + f.leads.length, 0)} leads in ${(performance.now() - started).toFixed(0)} ms`,
  );
  console.log(`Wrote ${output} (${kb} KB)`);
}

function validate(): void {
  const rate = (hits: number, n: number) => (n === 0 ? 0 : hits / n).toFixed(3);
  console.log('Leave-one-file-out: trained on every other file, measured on this one (intent / urgency)\n');
  console.log(
    `  ${'held out'.padEnd(9)} ${'n'.padStart(4)}   ${'rules alone'.padEnd(13)} ${'rules + model'.padEnd(13)}`,
  );
  const total = { n: 0, rules: [0, 0], combined: [0, 0] };
  for (const held of files) {
    const models = trainTriageModels(
      files.filter((file) => file !== held).flatMap((file) => file.leads),
      TRAINING,
    );
    const rules = [0, 0];
    const combined = [0, 0];
    for (const lead of held.leads) {
      const text = readMessage(lead.message);
      const pass = rulePass(text);
      const both = combineTriage(text, models, BLEND, pass);
      score(rules, lead, pass.intent.intent, pass.urgency.urgency);
      score(combined, lead, both.intent, both.urgency.urgency);
    }
    const n = held.leads.length;
    console.log(
      `  ${held.name.padEnd(9)} ${String(n).padStart(4)}   ${rate(rules[0]!, n)} / ${rate(rules[1]!, n)}   ${rate(combined[0]!, n)} / ${rate(combined[1]!, n)}`,
    );
    total.n += n;
    for (const i of [0, 1]) {
      total.rules[i]! += rules[i]!;
      total.combined[i]! += combined[i]!;
    }
  }
  const { n } = total;
  console.log(
    `  ${'all'.padEnd(9)} ${String(n).padStart(4)}   ${rate(total.rules[0]!, n)} / ${rate(total.rules[1]!, n)}   ${rate(total.combined[0]!, n)} / ${rate(total.combined[1]!, n)}`,
  );
  console.log('\n  Only blind-d was never used to write rules: on the others, "rules alone" is flattered.');
}

function score(counts: number[], lead: LabelledLead, intent: string, urgency: string): void {
  if (intent === lead.intent) counts[0]! += 1;
  if (urgency === lead.urgency) counts[1]! += 1;
}

function weightsModule(sources: readonly string[]): string {
  const literal = (text: string) => {
    if (/['"\\]/.test(text.replace(/[\t\n]/g, ''))) throw new Error('a feature name with a quote or a backslash');
    return `'${text.replace(/\t/g, '\\t').replace(/\n/g, '\\n')}'`;
  };
  // As the formatter lays it out: on one line when it fits in 120 columns, else one item a line.
  const list = (key: string, items: readonly string[]) => {
    const line = `  ${key}: [${items.join(', ')}],`;
    return line.length <= 120 ? line : [`  ${key}: [`, ...items.map((item) => `    ${item},`), '  ],'].join('\n');
  };
  const model = (name: string, type: string, encoded: ReturnType<typeof encodeModel>) =>
    [
      `export const ${name}: EncodedModel<${type}> = {`,
      list(
        'classes',
        encoded.classes.map((c) => `'${c}'`),
      ),
      list('bias', encoded.bias.map(String)),
      `  rows: ${literal(encoded.rows)},`,
      '};',
    ].join('\n');
  return [
    '/**',
    ' * GENERATED by `npm run train:triage` (scripts/train-triage.ts): do not edit. Logistic-regression',
    ' * weights (hundredths) of the offline triage models, trained with model/config.ts on:',
    ...sources.map((source) => ` *   ${source}`),
    ' */',
    "import type { IntentKey, Urgency } from '../../../../schema/vocabulary';",
    "import type { EncodedModel } from './linear';",
    '',
    model('INTENT_WEIGHTS', 'IntentKey', encodeModel(models.intent, PRUNE_BELOW)),
    '',
    model('URGENCY_WEIGHTS', 'Urgency', encodeModel(models.urgency, PRUNE_BELOW)),
    '',
  ].join('\n');
}
