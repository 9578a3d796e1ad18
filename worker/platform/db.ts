import { neonConfig, Pool } from '@neondatabase/serverless';
import { sql } from 'drizzle-orm';
import { drizzle, type NeonDatabase } from 'drizzle-orm/neon-serverless';
import * as schema from '../../schema';
import type { Language } from '../../schema/vocabulary';
import { isUuid } from './identifiers';

export type Database = NeonDatabase<typeof schema>;
/** What tenant and service work receives: a Drizzle handle inside one transaction. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/**
 * Database functions that take their own role (and tenant) inside their one-statement
 * transaction (migration 0003): the hot paths that must cost a single round trip.
 */
export interface Procedures {
  avenir_resolve_widget_key: {
    args: [widgetKey: string];
    row: {
      id: string;
      business_name: string;
      language: Language;
      booking_link: string | null;
      allowed_origins: string[];
      require_consent: boolean;
      is_test: boolean;
    };
  };
  avenir_origin_is_allowed: { args: [origin: string]; row: { avenir_origin_is_allowed: boolean } };
  avenir_capture_lead: {
    args: [clientId: string, lead: Record<string, unknown>, request: Record<string, unknown>];
    row: { lead_id: string; created: boolean };
  };
  avenir_log_intake: { args: [clientId: string, request: Record<string, unknown>]; row: Record<string, never> };
  avenir_log_retired_key: {
    args: [widgetKey: string, request: Record<string, unknown>];
    row: { avenir_log_retired_key: boolean };
  };
}
export type ProcedureName = keyof Procedures;

export interface DatabaseAccess {
  /** Runs `work` in a transaction that sees only `clientId`'s rows (row-level security). */
  tenant<T>(clientId: string, work: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Runs `work` in a transaction with the service role: jobs, internal staff, health. */
  service<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Calls one of the `Procedures`: one statement, one round trip. */
  call<P extends ProcedureName>(procedure: P, ...args: Procedures[P]['args']): Promise<Procedures[P]['row'][]>;
  /** Closes the pool's connections; call once the request or batch is done. */
  close(): Promise<void>;
}

export interface DriverSettings {
  DATABASE_URL: string;
  DATABASE_WS_PROXY?: string;
}

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

/**
 * Database access for one request or one batch of background work. The pool is made on
 * the first query, so work that never queries costs nothing, and `close` then has nothing
 * to end.
 */
export function openDatabase(settings: DriverSettings): DatabaseAccess {
  let opened: DatabaseAccess | undefined;
  const open = () => {
    if (!opened) {
      configureDriver(settings);
      opened = databaseAccess(new Pool({ connectionString: settings.DATABASE_URL }));
    }
    return opened;
  };
  return {
    tenant: (clientId, work) => open().tenant(clientId, work),
    service: (work) => open().service(work),
    call: (procedure, ...args) => open().call(procedure, ...args),
    close: async () => opened?.close(),
  };
}

export function databaseAccess(pool: Pool): DatabaseAccess {
  const db = drizzle(pool, { schema });
  // Transaction-scoped settings only (is_local = true): Neon's pooler runs in transaction
  // mode and does not keep session state between transactions.
  return {
    tenant(clientId, work) {
      if (!isUuid(clientId)) throw new TypeError(`not a client uuid: ${clientId}`);
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
    async call(procedure, ...args) {
      const placeholders = args.map((_, i) => `$${i + 1}`).join(', ');
      const values = args.map((arg) => (typeof arg === 'object' && arg !== null ? JSON.stringify(arg) : arg));
      // The name is one of the Procedures keys, never user input.
      const result = await pool.query(`select * from ${procedure}(${placeholders})`, values);
      return result.rows;
    },
    close: () => pool.end(),
  };
}

/** The Postgres error inside `error` (Drizzle wraps it in its own), if there is one. */
function postgresError(error: unknown): (Error & { code: string; constraint?: string }) | undefined {
  for (let current = error; current instanceof Error; current = current.cause) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === 'string') return current as Error & { code: string; constraint?: string };
  }
  return undefined;
}

/** The constraint a unique violation (SQLSTATE 23505) broke. */
export function violatedUniqueConstraint(error: unknown): string | undefined {
  const pgError = postgresError(error);
  return pgError?.code === '23505' ? pgError.constraint : undefined;
}

/** Whether a statement gave up waiting for a lock (SQLSTATE 55P03, `lock_timeout`). */
export const isLockTimeout = (error: unknown): boolean => postgresError(error)?.code === '55P03';

/** Escapes LIKE's wildcards so a search for "a_b%" matches those characters. */
export const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
