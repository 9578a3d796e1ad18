import { neonConfig, Pool } from '@neondatabase/serverless';
import { drizzle } from 'drizzle-orm/neon-serverless';
import ws from 'ws';
import * as schema from '../../schema';
import { type Database, type DatabaseAccess, databaseAccess } from '../../worker/platform/db';
import { type ProxyStats, type RunningProxy, startWebSocketProxy } from '../stack/websocket-proxy';
import { isNeonHost } from './config';

/**
 * Node processes (CLI, tests, benchmarks) reach Postgres the way the Worker does: the Neon
 * driver over WebSocket. Neon hosts speak it natively; any other server is reached through
 * a WebSocket proxy started in this process, shared by the connections to that address.
 */
interface SharedProxy {
  proxy: Promise<RunningProxy>;
  users: number;
}
const proxies = new Map<string, SharedProxy>();
const proxyAddresses = new Map<string, string>();

neonConfig.webSocketConstructor = ws;
neonConfig.wsProxy = (host, port) => proxyAddresses.get(`${host}:${port}`) ?? `${host}/v2`;

async function acquireProxy(host: string, port: number) {
  const key = `${host}:${port}`;
  let shared = proxies.get(key);
  if (!shared) {
    shared = { proxy: startWebSocketProxy({ port: 0, upstream: { host, port } }), users: 0 };
    proxies.set(key, shared);
  }
  shared.users++;
  const proxy = await shared.proxy;
  const address = `127.0.0.1:${proxy.port}/v1`;
  proxyAddresses.set(key, address);
  const owner = shared;
  return {
    address,
    stats: () => proxy.stats(),
    async release() {
      if (--owner.users > 0) return;
      proxies.delete(key);
      proxyAddresses.delete(key);
      await proxy.close();
    },
  };
}

export interface Connection {
  /** Where it connects (the Worker's DATABASE_URL for the same database). */
  databaseUrl: string;
  /** The owner connection: migrations and seeding. Application work goes through `access`. */
  db: Database;
  access: DatabaseAccess;
  /** The WebSocket proxy in front of this database (`host:port/path`); undefined for Neon. */
  wsProxy: string | undefined;
  /** What went through that proxy so far (shared by connections to the same server). */
  proxyStats(): ProxyStats | undefined;
  close(): Promise<void>;
}

export async function connect(databaseUrl: string, options: { maxConnections?: number } = {}): Promise<Connection> {
  const url = new URL(databaseUrl);
  let proxy: Awaited<ReturnType<typeof acquireProxy>> | undefined;
  if (!isNeonHost(url.hostname)) {
    proxy = await acquireProxy(url.hostname, Number(url.port || 5432));
    neonConfig.useSecureWebSocket = false;
    neonConfig.forceDisablePgSSL = true;
    neonConfig.pipelineConnect = false;
  }
  const pool = new Pool({ connectionString: databaseUrl, max: options.maxConnections ?? 10 });
  const access = databaseAccess(pool);
  return {
    databaseUrl,
    db: drizzle(pool, { schema }),
    access,
    wsProxy: proxy?.address,
    proxyStats: () => proxy?.stats(),
    async close() {
      await access.close();
      await proxy?.release();
    },
  };
}
