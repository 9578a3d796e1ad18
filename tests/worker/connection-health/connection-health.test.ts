import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SettingsView } from '../../../schema/app-api';
import type { ConnectionHealthView, StaffConnectionRow } from '../../../schema/connection-health-api';
import { startWorker } from '../../../scripts/lib/worker';
import { type ErrorBody, type SignedInClient, signedInClient } from '../../support/dashboard';
import { startTestDatabase, type TestDatabase } from '../../support/database';

/**
 * Connection health in the real runtime: what the intake logs of each request (its site,
 * a key rotated away), what the client reads of its own form, "allow this site", and the
 * staff's list, with one client's problems never in another's view.
 */

let database: TestDatabase;
let worker: Miniflare;
let staff: SignedInClient;

beforeAll(async () => {
  database = await startTestDatabase();
  worker = await startWorker(
    { DATABASE_URL: database.databaseUrl, DATABASE_WS_PROXY: database.wsProxy },
    { queueConsumers: false, ratelimits: { KEY_RATE_LIMIT: { simple: { limit: 100_000, period: 60 } } } },
  );
  staff = await signedInClient(database, worker);
  await database.access.service((tx) =>
    tx.execute(sql`update clients set is_internal = true where id = ${staff.client.id}`),
  );
});
afterAll(async () => {
  await worker?.dispose();
  await database?.close();
});

let ip = 0;
/** A visitor's browser on `site`: its own IP each time, so the per-IP limit never joins in. */
const visitor = (site: string) => ({
  Origin: site,
  'CF-Connecting-IP': `198.51.100.${(ip++ % 250) + 1}`,
  'User-Agent': 'Mozilla/5.0 (visitor)',
});

const loadForm = (key: string, site: string) =>
  worker.dispatchFetch(`http://localhost/api/widget/config?key=${encodeURIComponent(key)}`, {
    headers: visitor(site),
  });

const sendLead = (key: string, site: string) =>
  worker.dispatchFetch('http://localhost/api/lead', {
    method: 'POST',
    headers: { ...visitor(site), 'Content-Type': 'text/plain;charset=UTF-8' },
    body: JSON.stringify({
      key,
      name: 'Julie Tremblay',
      email: 'julie@example.ca',
      message: 'Bonjour, une soumission pour un drain de fondation svp.',
      language: 'fr',
      idempotencyKey: randomUUID(),
      elapsedMs: 12_000,
      website: '',
    }),
  });

/** A signed-in client whose form is allowed on `site`. */
async function clientOn(site: string): Promise<SignedInClient> {
  const client = await signedInClient(database, worker);
  await database.access.service((tx) =>
    tx.execute(sql`update clients set allowed_origins = array[${site}]::text[] where id = ${client.client.id}`),
  );
  return client;
}

const healthOf = async (client: SignedInClient) => {
  const response = await client.call('GET', '/api/app/connection-health');
  expect(response.status).toBe(200);
  return (await response.json()) as ConnectionHealthView;
};

/** The intake logs off the answer's path (waitUntil): wait until `count` rows are there. */
async function logged(clientId: string, count: number) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const result = await database.access.service((tx) =>
      tx.execute<{ origin: string | null; response_status: number; api_key: string }>(
        sql`select origin, response_status, api_key from integration_logs where client_id = ${clientId} order by created_at`,
      ),
    );
    if (result.rows.length >= count) return result.rows;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`fewer than ${count} integration log rows for ${clientId}`);
}

describe('connection health', () => {
  it('logs the site of each request, names the unlisted one the form is loaded on, and allows it in one click', async () => {
    const home = 'https://toitures-laval.example';
    const shop = 'https://boutique.toitures-laval.example';
    const owner = await clientOn(home);
    const key = owner.client.apiKey;

    expect((await sendLead(key, home)).status).toBe(201);
    for (let n = 0; n < 3; n++) expect((await loadForm(key, shop)).status).toBe(403);
    const rows = await logged(owner.client.id, 4);
    expect(rows.map((row) => [row.origin, row.response_status])).toEqual([
      [home, 201],
      [shop, 403],
      [shop, 403],
      [shop, 403],
    ]);
    // The key's prefix only, as before.
    expect(rows.every((row) => row.api_key === key.slice(0, 12))).toBe(true);

    const health = await healthOf(owner);
    expect(health.status).toBe('problems');
    expect(health.problems).toEqual([
      expect.objectContaining({ kind: 'refused_origin', origin: shop, count: 3, key: `refused_origin:${shop}` }),
    ]);
    expect(health.sites).toEqual([
      expect.objectContaining({ origin: home, allowed: true, accepted: 1 }),
      expect.objectContaining({
        origin: shop,
        allowed: false,
        accepted: 0,
        refused: expect.objectContaining({ origin_not_allowed: 3 }),
      }),
    ]);
    expect(health.lastLeadAt).not.toBeNull();

    const allow = () =>
      owner.call('POST', '/api/app/settings/allowed-origins', { body: { origin: `${shop}/contact` } });
    const [first, second] = await Promise.all([allow(), allow()]);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(((await second.json()) as SettingsView).allowedOrigins).toEqual([home, shop]);
    expect((await healthOf(owner)).sites.find((site) => site.origin === shop)?.allowed).toBe(true);
  });

  it('keeps only a real web origin of what a request claims: no free text reaches the log or the email', async () => {
    const owner = await clientOn('https://plomberie-rive-sud.example');
    const key = owner.client.apiKey;
    const claims = [
      'null',
      'Votre compte est suspendu, appelez le 514-555-0100',
      'https://x.example/path',
      'javascript:alert(1)',
    ];
    for (const claim of claims) expect((await loadForm(key, claim)).status).toBe(403);
    const rows = await logged(owner.client.id, claims.length);
    expect(rows.map((row) => row.origin)).toEqual([null, null, null, null]);
    // Refusals from no site are not a site to allow.
    expect((await healthOf(owner)).problems.filter((problem) => problem.kind === 'refused_origin')).toEqual([]);
  });

  it('refuses a site that is not a web origin, in the client’s language, and changes nothing', async () => {
    const owner = await clientOn('https://clinique.example');
    const response = await owner.call('POST', '/api/app/settings/allowed-origins', {
      body: { origin: 'javascript:alert(1)' },
      headers: { 'Accept-Language': 'fr-CA' },
    });
    expect(response.status).toBe(422);
    expect(((await response.json()) as ErrorBody).error.message).toMatch(/URL|origine|site/i);
    const settings = (await (await owner.call('GET', '/api/app/settings')).json()) as SettingsView;
    expect(settings.allowedOrigins).toEqual(['https://clinique.example']);
  });

  it('ties requests signed with a rotated-away key to their client, and leaves guessed keys unlogged', async () => {
    const site = 'https://plomberie-rive-sud.example';
    const owner = await clientOn(site);
    const oldKey = owner.client.apiKey;
    // Rotated before any request read it: no isolate has it cached, so it is refused at once.
    const rotated = await owner.call('POST', '/api/app/settings/widget-key');
    expect(rotated.status).toBe(200);
    for (let n = 0; n < 2; n++) expect((await loadForm(oldKey, site)).status).toBe(401);
    expect((await sendLead(oldKey, site)).status).toBe(401);
    const rows = await logged(owner.client.id, 3);
    expect(rows.map((row) => [row.api_key, row.response_status, row.origin])).toEqual([
      [oldKey.slice(0, 12), 401, site],
      [oldKey.slice(0, 12), 401, site],
      [oldKey.slice(0, 12), 401, site],
    ]);
    expect((await healthOf(owner)).problems).toEqual([
      expect.objectContaining({ kind: 'old_key', keyPrefix: oldKey.slice(0, 12), count: 3 }),
    ]);

    const before = await database.access.service((tx) =>
      tx.execute<{ n: number }>(sql`select count(*)::int as n from integration_logs`),
    );
    const guessed = `pk_live_${'x'.repeat(24)}`;
    expect((await sendLead(guessed, site)).status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = await database.access.service((tx) =>
      tx.execute<{ n: number }>(sql`select count(*)::int as n from integration_logs`),
    );
    expect(after.rows[0]!.n).toBe(before.rows[0]!.n);
  });

  it('shows a client only its own form, and staff every client with the neediest first', async () => {
    const broken = await clientOn('https://broken.example');
    const fine = await clientOn('https://fine.example');
    for (let n = 0; n < 4; n++) await loadForm(broken.client.apiKey, 'https://copy-of-broken.example');
    expect((await sendLead(fine.client.apiKey, 'https://fine.example')).status).toBe(201);
    await logged(broken.client.id, 4);
    await logged(fine.client.id, 1);

    const fineView = await healthOf(fine);
    expect(fineView.problems).toEqual([]);
    expect(JSON.stringify(fineView)).not.toContain('broken.example');

    // A client is not staff.
    expect((await fine.call('GET', '/api/app/staff/connections')).status).toBe(403);

    const response = await staff.call('GET', '/api/app/staff/connections');
    expect(response.status).toBe(200);
    const { clients } = (await response.json()) as { clients: StaffConnectionRow[] };
    const ids = clients.map((row) => row.clientId);
    expect(ids).toContain(fine.client.id);
    expect(ids).not.toContain(staff.client.id);
    const brokenRow = clients.find((row) => row.clientId === broken.client.id)!;
    expect(brokenRow.need).toBe(3);
    expect(ids.indexOf(broken.client.id)).toBeLessThan(ids.indexOf(fine.client.id));
    expect(clients[0]!.need).toBe(3);
  });
});
