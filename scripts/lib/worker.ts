import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Miniflare } from 'miniflare';
import { unstable_getMiniflareWorkerOptions } from 'wrangler';

/** Where the Worker bundle for tests and benchmarks is written. */
export const WORKER_BUILD_DIR = path.resolve('.wrangler/test-build');

/**
 * Bundles the Worker with wrangler's own build (the one `wrangler deploy` uploads, custom
 * build step included), so tests and benchmarks run what production runs.
 */
export function buildWorker(): void {
  execFileSync(path.resolve('node_modules/.bin/wrangler'), ['deploy', '--dry-run', '--outdir', WORKER_BUILD_DIR], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', WRANGLER_LOG: 'error' },
  });
}

/** Variables and secrets for the Worker (worker/platform/env.ts); unset ones are left out. */
export interface WorkerBindings {
  DATABASE_URL: string;
  DATABASE_WS_PROXY?: string | undefined;
  [name: string]: string | undefined;
}

export interface WorkerOverrides {
  ratelimits?: Record<string, { simple: { limit: number; period: 10 | 60 } }>;
  /** false: queue messages are sent but nothing consumes them. */
  queueConsumers?: false;
}

/**
 * The bundled Worker in workerd, configured from wrangler.toml (queues, crons, limits,
 * assets) with the given database.
 */
export async function startWorker(bindings: WorkerBindings, overrides: WorkerOverrides = {}): Promise<Miniflare> {
  const { workerOptions } = unstable_getMiniflareWorkerOptions('wrangler.toml');
  const vars = Object.fromEntries(Object.entries(bindings).filter(([, value]) => value !== undefined)) as Record<
    string,
    string
  >;
  const worker = new Miniflare({
    ...workerOptions,
    name: 'avenir',
    modules: true,
    scriptPath: path.join(WORKER_BUILD_DIR, 'index.js'),
    bindings: { ...workerOptions.bindings, ...vars },
    // Serves /cdn-cgi/handler/email, as wrangler dev does, to drive the email() entry point.
    unsafeTriggerHandlers: true,
    ...(overrides.ratelimits ? { ratelimits: { ...workerOptions.ratelimits, ...overrides.ratelimits } } : {}),
    ...(overrides.queueConsumers === false ? { queueConsumers: {} } : {}),
  } as ConstructorParameters<typeof Miniflare>[0]);
  await worker.ready;
  return worker;
}
