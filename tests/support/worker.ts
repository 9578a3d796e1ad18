import path from 'node:path';
import { Miniflare } from 'miniflare';
import { unstable_getMiniflareWorkerOptions } from 'wrangler';
import { WORKER_BUILD_DIR } from '../worker/build';

export interface WorkerBindings {
  DATABASE_URL: string;
  DATABASE_WS_PROXY?: string | undefined;
}

/**
 * The bundled Worker in workerd, configured from wrangler.toml (queues, crons, flags) with
 * the given database.
 */
export async function startWorker(bindings: WorkerBindings): Promise<Miniflare> {
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
  } as ConstructorParameters<typeof Miniflare>[0]);
  await worker.ready;
  return worker;
}
