import type { Miniflare } from 'miniflare';
import type { Client } from '../../schema';
import { createClient, parseNewClient } from '../../worker/features/accounts';
import { embeddedDatabaseUrl } from '../lib/config';
import { type Connection, connect } from '../lib/database';
import { migrateDatabase } from '../lib/migrate';
import { buildWorker, startWorker } from '../lib/worker';
import { openEmbeddedDatabase } from '../stack/embedded-database';
import { startPostgresWireServer } from '../stack/postgres-wire-server';

export interface BenchStack {
  worker: Miniflare;
  connection: Connection;
  databaseUrl: string;
  client: Client;
  close(): Promise<void>;
}

export const BENCH_SITE = 'https://bench.example';

/**
 * The local stack as `npm start` runs it, in one process: in-memory PGlite behind the wire
 * server and WebSocket proxy, the bundled Worker in workerd with rate limits lifted, and
 * the queue consumer only when asked for.
 */
export async function startBenchStack(
  options: { extraOrigins?: string[]; queueConsumer?: boolean; vars?: Record<string, string> } = {},
): Promise<BenchStack> {
  buildWorker();
  const { db: pglite } = await openEmbeddedDatabase({});
  const server = await startPostgresWireServer({ db: pglite, port: 0 });
  const databaseUrl = embeddedDatabaseUrl(server.port);
  const connection = await connect(databaseUrl);
  await migrateDatabase(connection);
  const { client } = await createClient(
    connection.access,
    parseNewClient({
      businessName: 'Bench',
      email: 'bench@example.ca',
      allowedOrigins: [BENCH_SITE, ...(options.extraOrigins ?? [])],
    }),
  );
  const unlimited = { simple: { limit: 1_000_000_000, period: 60 as const } };
  // Without the queue consumer, intake figures are the intake's own, as in production,
  // where the consumer runs in other invocations.
  const worker = await startWorker(
    { DATABASE_URL: databaseUrl, DATABASE_WS_PROXY: connection.wsProxy, ...options.vars },
    {
      ratelimits: { IP_RATE_LIMIT: unlimited, KEY_RATE_LIMIT: unlimited },
      ...(options.queueConsumer ? {} : { queueConsumers: false as const }),
    },
  );
  return {
    worker,
    connection,
    databaseUrl,
    client,
    async close() {
      await worker.dispose();
      await connection.close();
      await server.close();
      await pglite.close();
    },
  };
}
