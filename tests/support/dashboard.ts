import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Miniflare } from 'miniflare';
import type { Client } from '../../schema';
import { createClient, parseNewClient } from '../../worker/features/accounts/clients';
import { hashPassword } from '../../worker/features/accounts/password';
import type { TestDatabase } from './database';

/**
 * Calling the dashboard API (/api/app) of a Worker under test as a browser does: same
 * origin, JSON, the session cookie. For worker-lane tests that need a signed-in client.
 */

export const WORKER_ORIGIN = 'http://localhost';
export const FOREIGN_ORIGIN = 'https://evil.example';
/** The password of every account made by clientWithPassword. */
export const TEST_PASSWORD = 'tuyau-bleu-2026';

export type WorkerResponse = Awaited<ReturnType<Miniflare['dispatchFetch']>>;

export interface CallOptions {
  token?: string | undefined;
  body?: unknown;
  /** null: no Origin header at all. */
  origin?: string | null;
  headers?: Record<string, string>;
  /** The CF-Connecting-IP; a fresh one per request unless told. */
  ip?: string;
  /** The origin the request goes to (default WORKER_ORIGIN), e.g. APP_URL's. */
  base?: string;
}

export interface ErrorBody {
  error: {
    code: string;
    message: string;
    requestId: string;
    details?: { fields?: Record<string, string[]>; retryAfterSeconds?: number };
  };
}

let ipCounter = 0;
/** A fresh IP per request, so the per-IP sign-in throttle never joins in. */
const freshIp = () => `203.0.${Math.floor(++ipCounter / 250) % 250}.${(ipCounter % 250) + 1}`;

export function dashboardCall(worker: Miniflare, method: string, path: string, options: CallOptions = {}) {
  const base = options.base ?? WORKER_ORIGIN;
  const headers: Record<string, string> = {
    'CF-Connecting-IP': options.ip ?? freshIp(),
    'User-Agent': 'Mozilla/5.0 (dashboard test)',
    ...options.headers,
  };
  if (options.origin !== null) headers.Origin = options.origin ?? base;
  if (options.token !== undefined) headers.Cookie = `avenir_session=${options.token}`;
  if (options.body !== undefined) headers['Content-Type'] ??= 'application/json';
  const body =
    options.body === undefined
      ? undefined
      : typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body);
  return worker.dispatchFetch(`${base}${path}`, { method, headers, body });
}

let accountCounter = 0;

export interface SignedInClient {
  client: Client;
  token: string;
  /** Calls the dashboard API with this client's session. */
  call(method: string, path: string, options?: Omit<CallOptions, 'token'>): Promise<WorkerResponse>;
}

/**
 * A client account whose password is TEST_PASSWORD and final (as if chosen at first
 * sign-in), for tests that sign in; `fields` as client:create takes them.
 */
export async function clientWithPassword(database: TestDatabase, fields: Record<string, unknown>): Promise<Client> {
  const { client } = await createClient(database.access, parseNewClient({ passwordIsFinal: true, ...fields }));
  const hash = await hashPassword(TEST_PASSWORD);
  await database.access.service((tx) =>
    tx.execute(sql`update clients set password_hash = ${hash} where id = ${client.id}`),
  );
  return client;
}

/** A new client account with a final password, signed in through POST /api/app/session. */
export async function signedInClient(
  database: TestDatabase,
  worker: Miniflare,
  fields: { isTest?: boolean } = {},
): Promise<SignedInClient> {
  const n = ++accountCounter;
  const client = await clientWithPassword(database, {
    businessName: `Entreprise ${n}`,
    email: `owner${n}-${randomUUID().slice(0, 8)}@example.ca`,
    ...fields,
  });
  const response = await dashboardCall(worker, 'POST', '/api/app/session', {
    body: { email: client.email, password: TEST_PASSWORD },
  });
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`);
  const token = /avenir_session=([^;]*)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
  if (!token) throw new Error('sign-in set no session cookie');
  return {
    client,
    token,
    call: (method, path, options = {}) => dashboardCall(worker, method, path, { ...options, token }),
  };
}
