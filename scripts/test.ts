/**
 * `npm test`: runs every test lane this machine can run, one after the other, names the
 * lanes it skipped and why, and ends with one line of totals. Arguments go to vitest as
 * they are (`npm test -- tests/unit/password.test.ts`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHROMIUM_PATH, hasChromium } from './lib/browser';

interface Lane {
  name: string;
  /** Why the lane cannot run on this machine, or null when it can. */
  skipReason: () => string | null;
}

const LANES: Lane[] = [
  { name: 'unit', skipReason: () => null },
  { name: 'db', skipReason: () => null },
  { name: 'worker', skipReason: () => null },
  {
    name: 'postgres',
    skipReason: () =>
      process.env.TEST_DATABASE_URL ? null : 'TEST_DATABASE_URL is not set (CI starts a local PostgreSQL: see .ci/run)',
  },
  {
    name: 'e2e',
    skipReason: () => (hasChromium() ? null : `no Chromium at ${CHROMIUM_PATH} (apt-get install chromium; CI does)`),
  },
];

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

interface Report {
  testResults: { assertionResults: { status: string }[] }[];
}

const extraArgs = process.argv.slice(2);
const reportDir = mkdtempSync(path.join(os.tmpdir(), 'avenir-test-'));

function runLane(lane: Lane): { tally: Tally; ok: boolean } {
  const reportFile = path.join(reportDir, `${lane.name}.json`);
  console.log(`\n── ${lane.name} lane ──`);
  const run = spawnSync(
    path.resolve('node_modules/.bin/vitest'),
    [
      'run',
      '--project',
      lane.name,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${reportFile}`,
      ...(extraArgs.length > 0 ? ['--passWithNoTests', ...extraArgs] : []),
    ],
    { stdio: 'inherit' },
  );
  const tally: Tally = { passed: 0, failed: 0, skipped: 0 };
  try {
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
    for (const test of report.testResults.flatMap((file) => file.assertionResults)) {
      if (test.status === 'passed') tally.passed++;
      else if (test.status === 'failed') tally.failed++;
      else tally.skipped++;
    }
  } catch {
    console.error(`npm test: the ${lane.name} lane wrote no report (vitest failed before running its tests)`);
  }
  return { tally, ok: run.status === 0 };
}

const results = new Map<string, ReturnType<typeof runLane>>();
for (const lane of LANES) if (lane.skipReason() === null) results.set(lane.name, runLane(lane));
rmSync(reportDir, { recursive: true, force: true });

console.log('\nlanes');
for (const lane of LANES) {
  const result = results.get(lane.name);
  if (!result) console.log(`  ${lane.name.padEnd(9)} skipped: ${lane.skipReason()}`);
  else {
    const { passed, failed, skipped } = result.tally;
    console.log(
      `  ${lane.name.padEnd(9)} ${passed} passed, ${failed} failed, ${skipped} skipped${result.ok ? '' : '  ✗'}`,
    );
  }
}
const total = [...results.values()].reduce(
  (sum, { tally }) => ({
    passed: sum.passed + tally.passed,
    failed: sum.failed + tally.failed,
    skipped: sum.skipped + tally.skipped,
  }),
  { passed: 0, failed: 0, skipped: 0 },
);
console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit([...results.values()].every((result) => result.ok) ? 0 : 1);
