import { neonConfig, Pool } from '@neondatabase/serverless';
import { sql } from 'drizzle-orm';
import { drizzle, type NeonDatabase } from 'drizzle-orm/neon-serverless';
import * as schema from '../schema';

export type Database = NeonDatabase<typeof schema>;
/** What tenant and service work receives: a Drizzle handle inside one transaction. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

export interface DatabaseAccess {
  /** Runs `work` in a transaction that sees only `clientId`'s rows (row-level security). */
  tenant<T>(clientId: string, work: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Runs `work` in a transaction with the service role: jobs, internal staff, health. */
  service<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Closes the pool's connections; call once the request or batch is done. */
  close(): Promise<void>;
}

export interface DriverSettings {
  DATABASE_URL: string;
  DATABASE_WS_PROXY?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Points the Neon driver at a WebSocket proxy for databases that are not Neon. The setting
 * is global to the isolate, as the Env it comes from is.
 */
export function configureDriver(settings: DriverSettings): void {
  if (!settings.DATABASE_WS_PROXY) return;
  const proxy = settings.DATABASE_WS_PROXY;
  neonConfig.wsProxy = () => proxy;
  neonConfig.useSecureWebSocket = false;
  neonConfig.forceDisablePgSSL = true;
  // Pipelining sends the password before the server asks; only Neon's proxy expects that.
  neonConfig.pipelineConnect = false;
}

/** Database access for one request or one batch of background work. */
export function openDatabase(settings: DriverSettings): DatabaseAccess {
  configureDriver(settings);
  return databaseAccess(new Pool({ connectionString: settings.DATABASE_URL }));
}

export function databaseAccess(pool: Pool): DatabaseAccess {
  const db = drizzle(pool, { schema });
  // Transaction-scoped settings only (is_local = true): Neon's pooler runs in transaction
  // mode and does not keep session state between transactions.
  return {
    tenant(clientId, work) {
      if (!UUID.test(clientId)) throw new TypeError(`not a client uuid: ${clientId}`);
      return db.transaction(async (tx) => {
        await tx.execute(
          sql`select set_config('role', 'avenir_tenant', true), set_config('app.client_id', ${clientId}, true)`,
        );
        return work(tx);
      });
    },
    service(work) {
      return db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('role', 'avenir_service', true)`);
        return work(tx);
      });
    },
    close: () => pool.end(),
  };
}

/** The constraint a unique violation (SQLSTATE 23505) broke, looking through Drizzle's wrapper. */
export function violatedUniqueConstraint(error: unknown): string | undefined {
  for (let current = error; current instanceof Error; current = current.cause) {
    const pgError = current as Error & { code?: string; constraint?: string };
    if (pgError.code === '23505') return pgError.constraint;
  }
  return undefined;
}
