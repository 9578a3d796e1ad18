import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** Where the worker lane's bundle is written. */
export const WORKER_BUILD_DIR = path.resolve('.wrangler/test-build');

/**
 * Global setup of the worker lane: bundle the Worker once with wrangler's own build (the
 * one `wrangler deploy` uploads), so the tests run what production runs.
 */
export default function buildWorker(): void {
  execFileSync(path.resolve('node_modules/.bin/wrangler'), ['deploy', '--dry-run', '--outdir', WORKER_BUILD_DIR], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', WRANGLER_LOG: 'error' },
  });
}
