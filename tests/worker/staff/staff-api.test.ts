import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientList } from '../../../schema/app-api';
import { startWorker } from '../../../scripts/lib/worker';
import { createClient, parseNewClient } from '../../../worker/features/accounts/clients';
import { CLIENT_LIST_LIMIT } from '../../../worker/features/staff/staff';
import {
  dashboardCall,
  type ErrorBody,
  type SignedInClient,
  signedInClient,
  type WorkerResponse,
} from '../../support/dashboard';
import { startTestDatabase, type TestDatabase } from '../../support/database';

/**
 * What internal (Avenir staff) accounts see across clients: GET /api/app/clients, in the
 * real runtime, next to client accounts that must never see it.
 */

let database: TestDatabase;
let worker: Miniflare;
let staff: SignedInClient;
let customer: SignedInClient;

const json = async <T>(response: WorkerResponse) => (await response.json()) as T;
const errorOf = async (response: WorkerResponse) => (await json<ErrorBody>(response)).error;

/** A client created straight in the database, as `client:create` does. */
async function client(businessName: string, email: string) {
  return (await createClient(database.access, parseNewClient({ businessName, email }))).client;
}

async function list(who: SignedInClient, query = '') {
  const response = await who.call('GET', `/api/app/clients${query}`);
  expect(response.status).toBe(200);
  return json<ClientList>(response);
}

beforeAll(async () => {
  database = await startTestDatabase();
  worker = await startWorker(
    { DATABASE_URL: database.databaseUrl, DATABASE_WS_PROXY: database.wsProxy },
    { queueConsumers: false },
  );
  staff = await signedInClient(database, worker);
  // The session reads is_internal on every request, so this makes the signed-in account staff.
  await database.access.service((tx) =>
    tx.execute(sql`update clients set is_internal = true where id = ${staff.client.id}`),
  );
  customer = await signedInClient(database, worker);
});
afterAll(async () => {
  await worker?.dispose();
  await database?.close();
});

describe('GET /api/app/clients', () => {
  it('lists every client, newest first, with what the staff screen shows and nothing secret', async () => {
    const tag = randomUUID().slice(0, 8);
    const older = await client(`Plomberie ${tag}`, `plombier-${tag}@example.ca`);
    const newer = await client(`Toitures ${tag}`, `toits-${tag}@example.ca`);
    const { clients, limit, truncated } = await list(staff);
    expect(limit).toBe(CLIENT_LIST_LIMIT);
    expect(truncated).toBe(false);
    const ids = clients.map((row) => row.id);
    // Every tenant, not only the staff account's own: the list is read as the service role.
    expect(ids).toEqual(expect.arrayContaining([staff.client.id, customer.client.id, older.id, newer.id]));
    expect(ids.indexOf(newer.id)).toBeLessThan(ids.indexOf(older.id));
    const times = clients.map((row) => Date.parse(row.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const row = clients.find((item) => item.id === newer.id);
    expect(row).toEqual({
      id: newer.id,
      clientId: newer.clientId,
      businessName: `Toitures ${tag}`,
      email: `toits-${tag}@example.ca`,
      language: 'en',
      isTest: false,
      isInternal: false,
      createdAt: newer.createdAt.toISOString(),
      lastLoginAt: null,
    });
    expect(clients.find((item) => item.id === staff.client.id)).toMatchObject({
      isInternal: true,
      lastLoginAt: expect.any(String),
    });
    const text = JSON.stringify(clients);
    expect(text).not.toMatch(/pbkdf2|passwordHash|password_hash|apiKey|pk_(live|test)_/i);
  });

  it('searches business names and emails, case-insensitively, wildcards taken literally', async () => {
    const tag = randomUUID().slice(0, 8);
    const bakery = await client(`Boulangerie Élan ${tag}`, `pain-${tag}@example.ca`);
    const percent = await client(`Rabais 100%_${tag}`, `rabais-${tag}@example.ca`);
    const byEmail = await client(`Garage ${tag}`, `Garage-${tag}@Exemple.QC.ca`);

    const ids = async (q: string) => (await list(staff, `?q=${encodeURIComponent(q)}`)).clients.map((row) => row.id);
    expect(await ids(`boulangerie élan ${tag}`.toUpperCase())).toEqual([bakery.id]);
    expect(await ids(`pain-${tag}`)).toEqual([bakery.id]);
    expect(await ids(`exemple.qc.ca`)).toContain(byEmail.id);
    expect(await ids(`exemple.qc.ca`)).not.toContain(bakery.id);
    // % and _ are letters here, not LIKE's wildcards.
    expect(await ids(`100%_${tag}`)).toEqual([percent.id]);
    expect(await ids(`100__${tag}`)).toEqual([]);
    expect(await ids('%')).toEqual([percent.id]);
    // Blank is no filter.
    expect((await ids('   ')).length).toBeGreaterThanOrEqual(5);
    expect(await ids(`nothing-matches-${tag}`)).toEqual([]);
  });

  it(`answers at most ${CLIENT_LIST_LIMIT} clients and says the list was cut`, async () => {
    const tag = randomUUID().slice(0, 8);
    await database.access.service((tx) =>
      tx.execute(sql`
        insert into clients (client_id, api_key, business_name, email, password_hash)
        select 'bulk-' || ${tag} || '-' || n, 'pk_test_' || substr(md5(${tag} || n), 1, 24),
          'Bulk ' || ${tag} || ' ' || n, 'bulk' || n || '-' || ${tag} || '@example.ca', 'x'
        from generate_series(1, ${CLIENT_LIST_LIMIT + 5}) as n`),
    );
    const all = await list(staff, `?q=${tag}`);
    expect(all.clients).toHaveLength(CLIENT_LIST_LIMIT);
    expect(all.truncated).toBe(true);
    const some = await list(staff, `?q=${encodeURIComponent(`Bulk ${tag} 10`)}`);
    // 10, 100..105
    expect(some.clients).toHaveLength(7);
    expect(some.truncated).toBe(false);
  });

  it('refuses an overlong or repeated search with 422', async () => {
    const long = await staff.call('GET', `/api/app/clients?q=${'a'.repeat(201)}`, {
      headers: { 'Accept-Language': 'fr-CA' },
    });
    expect(long.status).toBe(422);
    expect((await errorOf(long)).details?.fields?.q?.[0]).toMatch(/200 caractères/);
    expect((await staff.call('GET', '/api/app/clients?q=a&q=b')).status).toBe(422);
  });

  it('is 403 for a client account and 401 without a session', async () => {
    const forbidden = await customer.call('GET', '/api/app/clients');
    expect(forbidden.status).toBe(403);
    expect((await errorOf(forbidden)).code).toBe('forbidden');

    const anonymous = await dashboardCall(worker, 'GET', '/api/app/clients');
    expect(anonymous.status).toBe(401);
    expect((await errorOf(anonymous)).code).toBe('unauthenticated');
  });

  it('still lists every client while the staff account views one client’s dashboard', async () => {
    const switched = await staff.call('POST', '/api/app/switch', { body: { clientId: customer.client.id } });
    expect(switched.status).toBe(200);
    try {
      // Searched for: the bulk clients above push both past the first page.
      const ids = async (email: string) =>
        (await list(staff, `?q=${encodeURIComponent(email)}`)).clients.map((row) => row.id);
      expect(await ids(staff.client.email)).toEqual([staff.client.id]);
      expect(await ids(customer.client.email)).toEqual([customer.client.id]);
    } finally {
      expect((await staff.call('DELETE', '/api/app/switch')).status).toBe(204);
    }
  });
});
