import path from 'node:path';

/** Settings of the local stack, from the environment with embedded defaults. */
export interface StackConfig {
  /** Where the embedded database keeps its files. */
  dataDir: string;
  /** Port of the embedded Postgres wire server. */
  pgPort: number;
  /** Port of the WebSocket-to-Postgres proxy the Worker connects through. */
  wsPort: number;
  /** Port of the Worker (wrangler dev). */
  workerPort: number;
  /** An external Postgres instead of the embedded one. */
  databaseUrl: string | undefined;
}

function port(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new Error(`${name} must be a port number (0–65535), got "${raw}"`);
  }
  return value;
}

export function loadConfig(): StackConfig {
  return {
    dataDir: path.resolve(process.env.AVENIR_DATA_DIR ?? '.data'),
    pgPort: port('AVENIR_PG_PORT', 5433),
    wsPort: port('AVENIR_WS_PORT', 5488),
    workerPort: port('PORT', 8787),
    databaseUrl: process.env.DATABASE_URL || undefined,
  };
}

/** Connection string of the embedded database on a port (PGlite trusts every login). */
export const embeddedDatabaseUrl = (pgPort: number) => `postgres://postgres:postgres@127.0.0.1:${pgPort}/postgres`;

/** Neon speaks Postgres over WebSocket itself; every other server needs the proxy. */
export const isNeonHost = (host: string) => /\.neon\.(tech|build)$/.test(host);
