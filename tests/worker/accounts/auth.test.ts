import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../schema';
import { startWorker } from '../../../scripts/lib/worker';
import { createClient, parseNewClient } from '../../../worker/features/accounts/clients';
import { hashPassword } from '../../../worker/features/accounts/password';
import {
  type CallOptions,
  dashboardCall,
  type ErrorBody,
  FOREIGN_ORIGIN,
  WORKER_ORIGIN,
  type WorkerResponse,
} from '../../support/dashboard';
import { startTestDatabase, type TestDatabase } from '../../support/database';

/**
 * The dashboard's accounts (/api/app) in the real runtime: the bundled Worker in workerd,
 * the database through the Neon driver, as in production.
 */

const APP_URL = 'https://app.avenir.example';
const PASSWORD = 'tuyau-bleu-2026';

let database: TestDatabase;
let worker: Miniflare;

beforeAll(async () => {
  database = await startTestDatabase();
  worker = await startWorker({ DATABASE_URL: database.databaseUrl, DATABASE_WS_PROXY: database.wsProxy, APP_URL });
});
afterAll(async () => {
  await worker?.dispose();
  await database?.close();
});

/** A request as the dashboard in a browser sends it: same origin, JSON, the session cookie. */
const call = (method: string, path: string, options: CallOptions = {}) => dashboardCall(worker, method, path, options);

const errorOf = async (response: WorkerResponse) => ((await response.json()) as ErrorBody).error;

const cookieToken = (response: WorkerResponse) =>
  /avenir_session=([^;]*)/.exec(response.headers.get('set-cookie') ?? '')?.[1];

const rows = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  (await database.access.service((tx) => tx.execute<T>(query))).rows;

let accountCounter = 0;
/** A client account; its password is final (no change needed) unless `oneTime` is set. */
async function account(fields: Record<string, unknown> = {}, oneTime = false) {
  const n = ++accountCounter;
  const created = await createClient(
    database.access,
    parseNewClient({
      businessName: `Entreprise ${n}`,
      email: `owner${n}-${randomUUID().slice(0, 8)}@example.ca`,
      passwordIsFinal: !oneTime,
      ...fields,
    }),
  );
  if (!oneTime) {
    // A known password instead of the generated one, as if chosen at first sign-in.
    await setPassword(created.client, PASSWORD);
  }
  return { client: created.client, password: oneTime ? created.oneTimePassword : PASSWORD };
}

async function setPassword(client: Client, password: string) {
  const hash = await hashPassword(password);
  await rows(sql`update clients set password_hash = ${hash} where id = ${client.id}`);
}

async function signIn(email: string, password: string, options: CallOptions = {}) {
  return call('POST', '/api/app/session', { body: { email, password }, ...options });
}

/** Signs in and returns the session token from the cookie. */
async function tokenFor(who: { client: Client; password: string }) {
  const response = await signIn(who.client.email, who.password);
  expect(response.status).toBe(200);
  return cookieToken(response)!;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('POST /api/app/session signs in', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and stores only its hash', async () => {
    const owner = await account();
    const response = await signIn(owner.client.email.toUpperCase(), owner.password);
    expect(response.status).toBe(200);

    const setCookie = response.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^avenir_session=[A-Za-z0-9_-]{43}; Max-Age=2592000; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(setCookie).not.toContain('Secure'); // plain http here
    expect(response.headers.get('cache-control')).toBe('no-store');

    const body = (await response.json()) as { client: Record<string, unknown>; mustChangePassword: boolean };
    expect(body.mustChangePassword).toBe(false);
    expect(body.client).toMatchObject({ id: owner.client.id, businessName: owner.client.businessName });
    expect(body.client.apiKey).toBe(owner.client.apiKey);
    expect(JSON.stringify(body)).not.toMatch(/pbkdf2|password_?hash|token_?hash/i);

    const token = cookieToken(response)!;
    const stored = await rows<{ token_hash: string; ip: string; user_agent: string; expires_in_days: number }>(
      sql`select token_hash, host(ip) as ip, user_agent,
        round(extract(epoch from expires_at - created_at) / 86400)::int as expires_in_days
        from sessions where client_id = ${owner.client.id}`,
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).toBe(sha256(token));
    expect(stored[0]).toMatchObject({ user_agent: 'Mozilla/5.0 (dashboard test)', expires_in_days: 30 });
    expect(stored[0]!.ip).toMatch(/^203\.0\./);
    const anywhere = await rows<{ n: number }>(
      sql`select count(*)::int as n from sessions s where s::text like ${`%${token}%`}`,
    );
    expect(anywhere[0]!.n).toBe(0);

    const [client] = await rows<{ recent: boolean }>(
      sql`select last_login_at > now() - interval '1 minute' as recent from clients where id = ${owner.client.id}`,
    );
    expect(client!.recent).toBe(true);
  });

  it('marks the cookie Secure over https', async () => {
    const owner = await account();
    const response = await signIn(owner.client.email, owner.password, { base: 'https://localhost' });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/; Secure/);
  });

  it('answers a wrong password and an unknown email the same 401', async () => {
    const owner = await account();
    const wrong = await signIn(owner.client.email, 'not-the-password');
    const unknown = await signIn(`nobody-${randomUUID()}@example.ca`, 'not-the-password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const [a, b] = [await errorOf(wrong), await errorOf(unknown)];
    expect({ ...a, requestId: '' }).toEqual({ ...b, requestId: '' });
    expect(a.code).toBe('invalid_credentials');
    const attempts = await rows<{ succeeded: boolean }>(
      sql`select succeeded from sign_in_attempts where email = ${owner.client.email}`,
    );
    expect(attempts).toEqual([{ succeeded: false }]);
  });

  it('refuses a body without an email or password with 422 and per-field messages, in French when asked', async () => {
    const response = await call('POST', '/api/app/session', { body: { email: 42 } });
    expect(response.status).toBe(422);
    const error = await errorOf(response);
    expect(error.code).toBe('invalid_request');
    expect(error.details!.fields).toEqual({
      email: ['Enter your email address.'],
      password: ['Enter your password.'],
    });

    const french = await call('POST', '/api/app/session', {
      body: { email: '', password: '' },
      headers: { 'Accept-Language': 'fr-CA,fr;q=0.9,en;q=0.5' },
    });
    expect(french.status).toBe(422);
    expect((await errorOf(french)).details!.fields).toEqual({
      email: ['Entrez votre adresse courriel.'],
      password: ['Entrez votre mot de passe.'],
    });
  });

  it('locks an account for its sixth attempt after five failures, with Retry-After, even with the right password', async () => {
    const owner = await account();
    for (let i = 0; i < 5; i++) expect((await signIn(owner.client.email, `wrong-${i}`)).status).toBe(401);
    const locked = await signIn(owner.client.email, 'wrong-again');
    expect(locked.status).toBe(429);
    expect((await errorOf(locked)).code).toBe('too_many_attempts');
    const retryAfter = Number(locked.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);

    const right = await signIn(owner.client.email, owner.password);
    expect(right.status).toBe(429);
    expect(right.headers.get('set-cookie')).toBeNull();

    // Once the failures leave the window, the right password opens a session again.
    await rows(sql`update sign_in_attempts set attempted_at = attempted_at - interval '15 minutes'
      where email = ${owner.client.email}`);
    expect((await signIn(owner.client.email, owner.password)).status).toBe(200);
  });

  it('refuses the 21st attempt from an IP after 20 failures across accounts', async () => {
    const ip = '203.0.113.99';
    for (let i = 0; i < 20; i++) {
      const response = await signIn(`spray-${i}-${randomUUID()}@example.ca`, 'Summer2026!', { ip });
      expect(response.status, `attempt ${i + 1}`).toBe(401);
    }
    const owner = await account();
    const refused = await signIn(owner.client.email, owner.password, { ip });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // The same account from another address is not affected.
    expect((await signIn(owner.client.email, owner.password)).status).toBe(200);
  });
});

describe('POST /api/app/session under concurrent attempts', () => {
  it('checks 5 of 30 wrong passwords sent at once, then refuses the right one', async () => {
    const owner = await account();
    const responses = await Promise.all(Array.from({ length: 30 }, (_, i) => signIn(owner.client.email, `wrong-${i}`)));
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([...Array(5).fill(401), ...Array(25).fill(429)]);
    for (const response of responses.filter((r) => r.status === 429)) {
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    }
    expect((await signIn(owner.client.email, owner.password)).status).toBe(429);
    const attempts = await rows<{ succeeded: boolean }>(
      sql`select succeeded from sign_in_attempts where email = ${owner.client.email}`,
    );
    expect(attempts).toEqual(Array(5).fill({ succeeded: false }));
  });

  it('checks 20 of 40 failures sent at once from one IP', async () => {
    const ip = '203.0.113.98';
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => signIn(`burst-${i}-${randomUUID()}@example.ca`, 'Summer2026!', { ip })),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([...Array(20).fill(401), ...Array(20).fill(429)]);
  });
});

describe('CSRF protection on /api/app mutations', () => {
  it('refuses a JSON sign-in from a foreign Origin with the JSON envelope', async () => {
    const owner = await account();
    const response = await signIn(owner.client.email, owner.password, { origin: FOREIGN_ORIGIN });
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    const error = await errorOf(response);
    expect(error.code).toBe('csrf');
    expect(error.requestId).toBeTruthy();
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('refuses a form post from another site, the classic CSRF, even without an Origin header', async () => {
    const owner = await account();
    const token = await tokenFor(owner);
    const form = `currentPassword=${owner.password}&newPassword=attacker-chose-this`;
    const headers = { 'Content-Type': 'application/x-www-form-urlencoded' };
    for (const origin of [FOREIGN_ORIGIN, null]) {
      const response = await call('POST', '/api/app/password', { token, body: form, origin, headers });
      expect(response.status, String(origin)).toBe(403);
      expect((await errorOf(response)).code).toBe('csrf');
    }
    expect((await call('GET', '/api/app/me', { token })).status).toBe(200); // password unchanged, session alive
  });

  it("lets the Worker's own origin and APP_URL through", async () => {
    const owner = await account();
    expect((await signIn(owner.client.email, owner.password, { origin: WORKER_ORIGIN })).status).toBe(200);
    expect((await signIn(owner.client.email, owner.password, { origin: APP_URL })).status).toBe(200);
    // A form-encoded body from the Worker's own origin passes the CSRF check (and then fails validation).
    const response = await call('POST', '/api/app/session', {
      body: 'email=x',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(response.status).toBe(422);
  });
});

describe('CORS on /api/app', () => {
  it("grants none, not even to a site a client's widget may post from", async () => {
    const site = 'https://plomberie-tremblay.example';
    await account({ allowedOrigins: [site] });
    const preflight = await call('OPTIONS', '/api/app/password', {
      origin: site,
      headers: { 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(preflight.status).not.toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const post = await call('POST', '/api/app/session', { origin: site, body: { email: 'a@b.c', password: 'x' } });
    expect(post.status).toBe(403);
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('GET /api/app/me', () => {
  it('shows the account and its settings to a valid cookie, never a password or token hash', async () => {
    const owner = await account({ language: 'fr', bookingLink: 'https://cal.example.ca/tremblay' });
    const token = await tokenFor(owner);
    const response = await call('GET', '/api/app/me', { token });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toMatch(/pbkdf2|password_?hash|token_?hash/i);
    expect(text).not.toContain(token);
    expect(JSON.parse(text)).toMatchObject({
      account: { id: owner.client.id, email: owner.client.email, language: 'fr' },
      client: {
        id: owner.client.id,
        businessName: owner.client.businessName,
        bookingLink: 'https://cal.example.ca/tremblay',
        apiKey: owner.client.apiKey,
      },
      isInternal: false,
      mustChangePassword: false,
      actingAs: null,
    });
  });

  it('answers 401 without a cookie, and 401 with a junk or unknown one, dropping that cookie', async () => {
    const none = await call('GET', '/api/app/me');
    expect(none.status).toBe(401);
    expect((await errorOf(none)).code).toBe('unauthenticated');
    for (const token of ['junk', 'A'.repeat(43)]) {
      const response = await call('GET', '/api/app/me', { token });
      expect(response.status).toBe(401);
      expect(response.headers.get('set-cookie')).toMatch(
        /^avenir_session=; Max-Age=0; Path=\/; HttpOnly; SameSite=Lax/,
      );
    }
  });

  it('answers 401 once the session has expired', async () => {
    const owner = await account();
    const token = await tokenFor(owner);
    expect((await call('GET', '/api/app/me', { token })).status).toBe(200);
    await rows(sql`update sessions set expires_at = now() - interval '1 second' where token_hash = ${sha256(token)}`);
    const response = await call('GET', '/api/app/me', { token });
    expect(response.status).toBe(401);
    expect((await errorOf(response)).code).toBe('unauthenticated');
  });

  it('refreshes last_seen_at at most once a minute', async () => {
    const owner = await account();
    const token = await tokenFor(owner);
    const seen = async () =>
      (
        await rows<{ at: string }>(
          sql`select last_seen_at::text as at from sessions where token_hash = ${sha256(token)}`,
        )
      )[0]!.at;
    await rows(
      sql`update sessions set last_seen_at = now() - interval '30 seconds' where token_hash = ${sha256(token)}`,
    );
    const recent = await seen();
    await call('GET', '/api/app/me', { token });
    expect(await seen()).toBe(recent);
    await rows(
      sql`update sessions set last_seen_at = now() - interval '10 minutes' where token_hash = ${sha256(token)}`,
    );
    const old = await seen();
    await call('GET', '/api/app/me', { token });
    expect(await seen()).not.toBe(old);
  });
});

describe('DELETE /api/app/session signs out', () => {
  it('revokes the session and clears the cookie; the same cookie is then refused', async () => {
    const owner = await account();
    const token = await tokenFor(owner);
    const response = await call('DELETE', '/api/app/session', { token });
    expect(response.status).toBe(204);
    expect(response.headers.get('set-cookie')).toMatch(/^avenir_session=; Max-Age=0; Path=\/; HttpOnly; SameSite=Lax/);
    const [session] = await rows<{ revoked: boolean }>(
      sql`select revoked_at is not null as revoked from sessions where token_hash = ${sha256(token)}`,
    );
    expect(session!.revoked).toBe(true);
    expect((await call('GET', '/api/app/me', { token })).status).toBe(401);
    expect((await call('DELETE', '/api/app/session', { token })).status).toBe(401);
  });

  it('refuses a sign-out from another site', async () => {
    const owner = await account();
    const token = await tokenFor(owner);
    const response = await call('DELETE', '/api/app/session', { token, origin: FOREIGN_ORIGIN });
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe('csrf');
    expect((await call('GET', '/api/app/me', { token })).status).toBe(200);
  });
});

describe('the one-time password', () => {
  it('must be replaced before anything but /me, the password change and sign-out answers', async () => {
    const staff = await account({ isInternal: true }, true);
    const response = await signIn(staff.client.email, staff.password);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { mustChangePassword: boolean }).mustChangePassword).toBe(true);
    const token = cookieToken(response)!;

    const me = await call('GET', '/api/app/me', { token });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { mustChangePassword: boolean }).mustChangePassword).toBe(true);
    const blocked = await call('DELETE', '/api/app/switch', { token });
    expect(blocked.status).toBe(403);
    expect((await errorOf(blocked)).code).toBe('password_change_required');

    const same = await call('POST', '/api/app/password', {
      token,
      body: { currentPassword: staff.password, newPassword: staff.password },
    });
    expect(same.status).toBe(422);
    expect((await errorOf(same)).details!.fields!.newPassword).toEqual([
      'Choose a new password, not the one-time password you received.',
    ]);

    const changed = await call('POST', '/api/app/password', {
      token,
      body: { currentPassword: staff.password, newPassword: 'un-vrai-mot-de-passe' },
    });
    expect(changed.status).toBe(204);
    expect((await call('DELETE', '/api/app/switch', { token })).status).toBe(204);
    const after = (await (await call('GET', '/api/app/me', { token })).json()) as { mustChangePassword: boolean };
    expect(after.mustChangePassword).toBe(false);
    expect((await signIn(staff.client.email, staff.password)).status).toBe(401);
    expect((await signIn(staff.client.email, 'un-vrai-mot-de-passe')).status).toBe(200);
  });
});

describe('POST /api/app/password', () => {
  it('revokes every other session of the account and keeps this one', async () => {
    const owner = await account();
    const here = await tokenFor(owner);
    const phone = await tokenFor(owner);
    const laptop = await tokenFor(owner);
    const other = await account();
    const otherToken = await tokenFor(other);

    const response = await call('POST', '/api/app/password', {
      token: here,
      body: { currentPassword: owner.password, newPassword: 'nouveau-mot-de-passe' },
    });
    expect(response.status).toBe(204);
    expect((await call('GET', '/api/app/me', { token: here })).status).toBe(200);
    expect((await call('GET', '/api/app/me', { token: phone })).status).toBe(401);
    expect((await call('GET', '/api/app/me', { token: laptop })).status).toBe(401);
    expect((await call('GET', '/api/app/me', { token: otherToken })).status).toBe(200); // another account
    expect((await signIn(owner.client.email, owner.password)).status).toBe(401);
    expect((await signIn(owner.client.email, 'nouveau-mot-de-passe')).status).toBe(200);
  });

  it('answers 401 when the current password is wrong, and changes nothing', async () => {
    const owner = await account();
    const token = await tokenFor(owner);
    const response = await call('POST', '/api/app/password', {
      token,
      body: { currentPassword: 'not-my-password', newPassword: 'nouveau-mot-de-passe' },
    });
    expect(response.status).toBe(401);
    expect((await errorOf(response)).code).toBe('wrong_password');
    expect((await call('GET', '/api/app/me', { token })).status).toBe(200);
    expect((await signIn(owner.client.email, owner.password)).status).toBe(200);
  });

  it('checks the new password against the rules, with field messages in the language asked for', async () => {
    const owner = await account();
    const token = await tokenFor(owner);
    const attempt = (newPassword: unknown, language = 'en') =>
      call('POST', '/api/app/password', {
        token,
        body: { currentPassword: owner.password, newPassword },
        headers: { 'Accept-Language': language },
      });

    const short = await attempt('court');
    expect(short.status).toBe(422);
    expect(await errorOf(short)).toMatchObject({
      code: 'invalid_request',
      details: { fields: { newPassword: ['Use at least 10 characters.'] } },
    });
    const french = await attempt('court', 'fr-CA');
    expect((await errorOf(french)).details!.fields).toEqual({ newPassword: ['Utilisez au moins 10 caractères.'] });
    const email = await attempt(owner.client.email, 'fr');
    expect((await errorOf(email)).details!.fields).toEqual({
      newPassword: ['Votre mot de passe ne peut pas être votre adresse courriel.'],
    });
    const long = await attempt('x'.repeat(201));
    expect((await errorOf(long)).details!.fields).toEqual({ newPassword: ['Use at most 200 characters.'] });
    const missing = await call('POST', '/api/app/password', { token, body: {}, headers: { 'Accept-Language': 'fr' } });
    expect(missing.status).toBe(422);
    expect((await errorOf(missing)).details!.fields).toEqual({
      currentPassword: ['Entrez votre mot de passe actuel.'],
      newPassword: ['Entrez un nouveau mot de passe.'],
    });
    // Nothing changed: the old password still opens a session.
    expect((await signIn(owner.client.email, owner.password)).status).toBe(200);
  });
});

describe('internal accounts', () => {
  let staff: { client: Client; password: string };
  let staffToken: string;
  let customer: { client: Client; password: string };

  beforeAll(async () => {
    staff = await account({ isInternal: true, businessName: 'Avenir' });
    staffToken = await tokenFor(staff);
    customer = await account({ businessName: 'Plomberie Tremblay', language: 'fr' });
  });

  const audit = (actor: string) =>
    rows<{ action: string; target_client_id: string | null; ip: string | null }>(
      sql`select action, target_client_id, host(ip) as ip from staff_audit where actor_client_id = ${actor} order by created_at, id`,
    );

  it("switch to a client's dashboard and back, each switch in the audit trail", async () => {
    const token = await tokenFor(staff);
    const switched = await call('POST', '/api/app/switch', {
      token,
      body: { clientId: customer.client.id },
      ip: '192.0.2.10',
    });
    expect(switched.status).toBe(200);
    expect(await switched.json()).toEqual({
      actingAs: { id: customer.client.id, clientId: customer.client.clientId, businessName: 'Plomberie Tremblay' },
    });
    const me = (await (await call('GET', '/api/app/me', { token })).json()) as Record<string, Record<string, unknown>>;
    expect(me.account!.id).toBe(staff.client.id);
    expect(me.client).toMatchObject({ id: customer.client.id, businessName: 'Plomberie Tremblay', language: 'fr' });
    expect(me.actingAs).toMatchObject({ id: customer.client.id });
    expect(me.isInternal).toBe(true);
    // Another session of the same staff account still sees its own dashboard.
    const elsewhere = (await (await call('GET', '/api/app/me', { token: staffToken })).json()) as {
      client: { id: string };
    };
    expect(elsewhere.client.id).toBe(staff.client.id);

    const back = await call('DELETE', '/api/app/switch', { token, ip: '192.0.2.10' });
    expect(back.status).toBe(204);
    const after = (await (await call('GET', '/api/app/me', { token })).json()) as { client: { id: string } };
    expect(after.client.id).toBe(staff.client.id);
    expect(await audit(staff.client.id)).toEqual([
      { action: 'switch_to', target_client_id: customer.client.id, ip: '192.0.2.10' },
      { action: 'switch_back', target_client_id: customer.client.id, ip: '192.0.2.10' },
    ]);
  });

  it('answers 404 for an unknown client and 422 for something that is not an id', async () => {
    const unknown = await call('POST', '/api/app/switch', { token: staffToken, body: { clientId: randomUUID() } });
    expect(unknown.status).toBe(404);
    expect((await errorOf(unknown)).code).toBe('client_not_found');
    const invalid = await call('POST', '/api/app/switch', { token: staffToken, body: { clientId: 'plomberie' } });
    expect(invalid.status).toBe(422);
    expect((await errorOf(invalid)).details!.fields).toEqual({ clientId: ['This is not a client id.'] });
  });

  it('refuses every staff action to a client account with 403', async () => {
    const token = await tokenFor(customer);
    const other = await account();
    for (const [method, path, body] of [
      ['POST', '/api/app/switch', { clientId: other.client.id }],
      ['DELETE', '/api/app/switch', undefined],
      ['POST', '/api/app/clients', { businessName: 'Sneaky', email: `sneaky-${randomUUID()}@example.ca` }],
    ] as const) {
      const response = await call(method, path, { token, body });
      expect(response.status, `${method} ${path}`).toBe(403);
      expect((await errorOf(response)).code).toBe('forbidden');
    }
    const me = (await (await call('GET', '/api/app/me', { token })).json()) as { client: { id: string } };
    expect(me.client.id).toBe(customer.client.id);
  });

  it('create a client with a one-time password that must be changed, audited; a duplicate email is 409', async () => {
    const email = `nouveau-${randomUUID().slice(0, 8)}@example.ca`;
    const response = await call('POST', '/api/app/clients', {
      token: staffToken,
      // passwordIsFinal is ignored: whoever reads the one-time password off a staff screen is not the owner.
      body: { businessName: 'Clinique Élan', email, language: 'fr', passwordIsFinal: true },
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { client: Record<string, unknown>; oneTimePassword: string };
    expect(created.client).toMatchObject({ businessName: 'Clinique Élan', email, language: 'fr', isInternal: false });
    expect(created.oneTimePassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(JSON.stringify(created)).not.toMatch(/pbkdf2|password_?hash/i);

    const firstSignIn = await signIn(email, created.oneTimePassword);
    expect(firstSignIn.status).toBe(200);
    expect(((await firstSignIn.json()) as { mustChangePassword: boolean }).mustChangePassword).toBe(true);
    expect(await audit(staff.client.id)).toContainEqual({
      action: 'create_client',
      target_client_id: created.client.id,
      ip: expect.stringMatching(/^203\.0\./),
    });

    const duplicate = await call('POST', '/api/app/clients', {
      token: staffToken,
      body: { businessName: 'Autre', email: email.toUpperCase() },
    });
    expect(duplicate.status).toBe(409);
    expect((await errorOf(duplicate)).code).toBe('email_taken');
  });

  it('refuses an invalid new client with 422 and its fields', async () => {
    const response = await call('POST', '/api/app/clients', {
      token: staffToken,
      body: { businessName: '', email: 'not-an-email' },
    });
    expect(response.status).toBe(422);
    const error = await errorOf(response);
    expect(Object.keys(error.details!.fields!).sort()).toEqual(['businessName', 'email']);
  });
});

describe('every endpoint', () => {
  const endpoints = [
    ['DELETE', '/api/app/session', undefined],
    ['GET', '/api/app/me', undefined],
    ['POST', '/api/app/password', { currentPassword: 'x', newPassword: 'yyyyyyyyyyyy' }],
    ['POST', '/api/app/switch', { clientId: randomUUID() }],
    ['DELETE', '/api/app/switch', undefined],
    ['POST', '/api/app/clients', { businessName: 'X', email: 'x@example.ca' }],
  ] as const;

  it.each(endpoints)('%s %s answers 401 without a session', async (method, path, body) => {
    const response = await call(method, path, { body });
    expect(response.status).toBe(401);
    expect((await errorOf(response)).code).toBe('unauthenticated');
  });

  it.each(endpoints.filter(([method]) => method !== 'GET'))(
    '%s %s answers 403 csrf from a foreign origin, session or not',
    async (method, path, body) => {
      const staff = await account({ isInternal: true });
      for (const token of [undefined, await tokenFor(staff)]) {
        const response = await call(method, path, { body, token, origin: FOREIGN_ORIGIN });
        expect(response.status).toBe(403);
        expect((await errorOf(response)).code).toBe('csrf');
      }
    },
  );
});

describe('tenant isolation', () => {
  it("never shows one client's settings to another client's session", async () => {
    const a = await account({ businessName: 'Alpha Toitures' });
    const b = await account({ businessName: 'Bêta Paysagement' });
    const [tokenA, tokenB] = [await tokenFor(a), await tokenFor(b)];
    const meA = await (await call('GET', '/api/app/me', { token: tokenA })).text();
    const meB = await (await call('GET', '/api/app/me', { token: tokenB })).text();
    expect(meA).toContain('Alpha Toitures');
    expect(meA).not.toContain('Bêta Paysagement');
    expect(meA).not.toContain(b.client.apiKey);
    expect(meB).toContain('Bêta Paysagement');
    expect(meB).not.toContain(a.client.id);
  });

  it('ignores a switch stored on the session of an account that is not internal', async () => {
    const a = await account();
    const b = await account({ businessName: 'Cible' });
    const token = await tokenFor(a);
    await rows(sql`update sessions set acting_client_id = ${b.client.id} where token_hash = ${sha256(token)}`);
    const me = (await (await call('GET', '/api/app/me', { token })).json()) as {
      client: { id: string };
      actingAs: unknown;
    };
    expect(me.client.id).toBe(a.client.id);
    expect(me.actingAs).toBeNull();
  });

  it('ends a switch when the account stops being internal', async () => {
    const staff = await account({ isInternal: true });
    const customer = await account();
    const token = await tokenFor(staff);
    expect((await call('POST', '/api/app/switch', { token, body: { clientId: customer.client.id } })).status).toBe(200);
    await rows(sql`update clients set is_internal = false where id = ${staff.client.id}`);
    const me = (await (await call('GET', '/api/app/me', { token })).json()) as { client: { id: string } };
    expect(me.client.id).toBe(staff.client.id);
  });
});

describe('the daily retention of sign-in records', () => {
  it('deletes attempts older than a day and sessions ended over 30 days ago, and keeps the rest', async () => {
    const owner = await account();
    const email = `retention-${randomUUID().slice(0, 8)}@example.ca`;
    await rows(sql`insert into sign_in_attempts (email, succeeded, attempted_at) values
      (${email}, false, now() - interval '25 hours'),
      (${email}, false, now() - interval '23 hours')`);
    const session = (label: string, ended: string) =>
      sql`(${owner.client.id}, ${`retention-${label}-${randomUUID()}`}, ${sql.raw(ended)})`;
    await rows(sql`insert into sessions (client_id, token_hash, revoked_at) values
      ${session('revoked-long-ago', "now() - interval '31 days'")},
      ${session('revoked-lately', "now() - interval '29 days'")},
      ${session('live', 'null')}`);
    await rows(sql`insert into sessions (client_id, token_hash, expires_at) values
      ${session('expired-long-ago', "now() - interval '31 days'")}`);

    const result = await (await worker.getWorker()).scheduled({ cron: '30 8 * * *', scheduledTime: new Date() });
    expect(result.outcome).toBe('ok');

    const attempts = await rows<{ age: string }>(
      sql`select (now() - attempted_at < interval '1 day')::text as age from sign_in_attempts where email = ${email}`,
    );
    expect(attempts).toEqual([{ age: 'true' }]);
    const kept = await rows<{ token_hash: string }>(
      sql`select token_hash from sessions where client_id = ${owner.client.id} and token_hash like 'retention-%' order by token_hash`,
    );
    expect(kept.map((row) => row.token_hash)).toEqual([
      expect.stringMatching(/^retention-live-/),
      expect.stringMatching(/^retention-revoked-lately-/),
    ]);
  });
});
