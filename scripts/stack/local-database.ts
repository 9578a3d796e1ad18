import path from 'node:path';
import { embeddedDatabaseUrl, isNeonHost, type StackConfig } from '../lib/config';
import { openEmbeddedDatabase } from './embedded-database';
import { startPostgresWireServer } from './postgres-wire-server';
import { startWebSocketProxy } from './websocket-proxy';

export interface LocalDatabase {
  databaseUrl: string;
  /** What the Worker's DATABASE_WS_PROXY must be; undefined for Neon. */
  wsProxy: string | undefined;
  /** One line for the console: which database this is. */
  description: string;
  close(): Promise<void>;
}

/**
 * The database the local Worker talks to: the embedded PGlite (default) or DATABASE_URL,
 * with the WebSocket proxy the Neon driver needs in front of anything that is not Neon.
 */
export async function startLocalDatabase(config: StackConfig): Promise<LocalDatabase> {
  if (config.databaseUrl) return fronted(config.databaseUrl, config.wsPort);

  const dataDir = path.join(config.dataDir, 'pglite');
  const embedded = await openEmbeddedDatabase({ dataDir, command: 'npm start' });
  const closeDb = () => embedded.close();
  const server = await startPostgresWireServer({
    db: embedded.db,
    port: config.pgPort,
    portEnvName: 'AVENIR_PG_PORT',
  }).catch(async (error: unknown) => {
    await closeDb();
    throw error;
  });
  await embedded.announce(server.port);
  const front = await fronted(embeddedDatabaseUrl(server.port), config.wsPort).catch(async (error: unknown) => {
    await server.close();
    await closeDb();
    throw error;
  });
  return {
    ...front,
    description: `embedded PGlite in ${path.relative(process.cwd(), dataDir) || dataDir}, on 127.0.0.1:${server.port}`,
    async close() {
      await front.close();
      await server.close();
      await closeDb();
    },
  };
}

async function fronted(databaseUrl: string, wsPort: number): Promise<LocalDatabase> {
  const url = new URL(databaseUrl);
  const where = `${url.hostname}:${url.port || 5432}${url.pathname}`;
  if (isNeonHost(url.hostname)) {
    return { databaseUrl, wsProxy: undefined, description: `Neon at ${where}`, close: async () => {} };
  }
  const proxy = await startWebSocketProxy({
    port: wsPort,
    upstream: { host: url.hostname, port: Number(url.port || 5432) },
    portEnvName: 'AVENIR_WS_PORT',
  });
  return {
    databaseUrl,
    wsProxy: `127.0.0.1:${proxy.port}/v1`,
    description: `Postgres at ${where}`,
    close: proxy.close,
  };
}
