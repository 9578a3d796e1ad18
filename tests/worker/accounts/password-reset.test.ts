import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../schema';
import { startWorker } from '../../../scripts/lib/worker';
import {
  type CallOptions,
  clientWithPassword,
  dashboardCall,
  type ErrorBody,
  FOREIGN_ORIGIN,
  TEST_PASSWORD,
  type WorkerResponse,
} from '../../support/dashboard';
import { startTestDatabase, type TestDatabase } from '../../support/database';

/**
 * "Forgot password" in the real runtime: POST /api/app/session/forgot-password mails a
 * single-use link through the dev outbox after answering, POST
 * /api/app/session/reset-password uses it. The bundled Worker in workerd, the database
 * through the Neon driver.
 */

const APP_URL = 'https://app.avenir.example';
const NEW_PASSWORD = 'un-tout-nouveau-mot-de-passe';

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

const call = (method: string, path: string, options: CallOptions = {}) => dashboardCall(worker, method, path, options);
const errorOf = async (response: WorkerResponse) => ((await response.json()) as ErrorBody).error;
const cookieToken = (response: WorkerResponse) =>
  /avenir_session=([^;]*)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
const rows = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  (await database.access.service((tx) => tx.execute<T>(query))).rows;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let counter = 0;
async function account(fields: Record<string, unknown> = {}): Promise<Client> {
  const n = ++counter;
  return clientWithPassword(database, {
    businessName: `Plomberie ${n}`,
    email: `owner${n}-${randomUUID().slice(0, 8)}@example.ca`,
    ...fields,
  });
}
const unknownEmail = () => `nobody-${randomUUID().slice(0, 8)}@example.ca`;

const forgot = (email: string, options: CallOptions & { language?: string } = {}) =>
  call('POST', '/api/app/session/forgot-password', {
    body: { email, ...(options.language ? { language: options.language } : {}) },
    ...options,
  });
const reset = (token: string, password: string, options: CallOptions = {}) =>
  call('POST', '/api/app/session/reset-password', { body: { token, password }, ...options });
const signIn = (email: string, password: string) => call('POST', '/api/app/session', { body: { email, password } });

async function tokenFor(client: Client, password = TEST_PASSWORD) {
  const response = await signIn(client.email, password);
  expect(response.status).toBe(200);
  return cookieToken(response)!;
}

interface OutboxMail {
  subject: string;
  text_body: string;
  html_body: string;
}
const outboxFor = (email: string) =>
  rows<OutboxMail & Record<string, unknown>>(
    sql`select subject, text_body, html_body from dev_outbox where to_address like ${`%<${email}>`} order by created_at`,
  );

/** The mails `email` has received, once there are `count` (the mail leaves after the answer). */
async function mailsTo(email: string, count = 1): Promise<OutboxMail[]> {
  for (const started = Date.now(); Date.now() - started < 15_000; ) {
    const mails = await outboxFor(email);
    if (mails.length >= count) return mails;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no mail to ${email} in time`);
}

const linkPattern = new RegExp(`${APP_URL.replaceAll('.', '\\.')}/app/reset-password#token=([A-Za-z0-9_-]{43})`);
/** The token of the link in a mail. */
const tokenIn = (mail: OutboxMail) => linkPattern.exec(mail.text_body)?.[1];

/** Asks for a link for `client` and returns the token its mail carries. */
async function linkFor(client: Client, mailsBefore = 0): Promise<string> {
  expect((await forgot(client.email)).status).toBe(202);
  const mails = await mailsTo(client.email, mailsBefore + 1);
  return tokenIn(mails[mailsBefore]!)!;
}

describe('POST /api/app/session/forgot-password', () => {
  it('answers the same 202 for an email with an account and one without, and mails only the first', async () => {
    const owner = await account({ businessName: 'Toitures Côté', language: 'fr' });
    const nobody = unknownEmail();
    const none = await forgot(nobody);
    const known = await forgot(owner.email.toUpperCase());
    for (const response of [none, known]) {
      expect(response.status).toBe(202);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('set-cookie')).toBeNull();
    }
    expect(await none.text()).toBe(await known.text());

    const [mail, ...more] = await mailsTo(owner.email);
    expect(more).toEqual([]);
    expect(mail!.subject).toBe('Réinitialisez votre mot de passe Avenir');
    expect(mail!.text_body).toMatch(/^Bonjour Toitures Côté,\n\n/);
    expect(mail!.text_body).toContain('Le lien expire dans 30 minutes');
    expect(mail!.text_body).toContain(
      'Si vous n’avez rien demandé, ignorez ce courriel : votre mot de passe reste inchangé.',
    );
    const token = tokenIn(mail!)!;
    expect(token).toBeTruthy();
    expect(mail!.html_body).toContain(`href="${APP_URL}/app/reset-password#token=${token}"`);
    expect(await outboxFor(nobody)).toEqual([]);

    // The link works.
    expect((await reset(token, NEW_PASSWORD)).status).toBe(200);
  });

  it('writes in the language of the screen it was asked from', async () => {
    const owner = await account({ language: 'fr' });
    expect((await forgot(owner.email, { language: 'en' })).status).toBe(202);
    const [mail] = await mailsTo(owner.email);
    expect(mail!.subject).toBe('Reset your Avenir password');
    expect(mail!.text_body).toContain('If you did not ask for this, ignore this email: your password is unchanged.');
  });

  it('stores only the hash of the token: no table but the dev outbox holds it', async () => {
    const owner = await account();
    const token = await linkFor(owner);
    const [stored] = await rows<{ token_hash: string }>(
      sql`select token_hash from password_resets where account_id = ${owner.id}`,
    );
    expect(stored!.token_hash).toBe(sha256(token));
    const tables = await rows<{ table_name: string }>(sql`select table_name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'dev_outbox'`);
    const holding: string[] = [];
    for (const { table_name } of tables) {
      const [found] = await rows<{ n: number }>(
        sql`select count(*)::int as n from ${sql.identifier(table_name)} t where t::text like ${`%${token}%`}`,
      );
      if (found!.n > 0) holding.push(table_name);
    }
    expect(holding).toEqual([]);
  });

  it('refuses a body without a valid email with 422 and field messages, in French when asked', async () => {
    const missing = await call('POST', '/api/app/session/forgot-password', { body: {} });
    expect(missing.status).toBe(422);
    expect((await errorOf(missing)).details!.fields).toEqual({ email: ['Enter your email address.'] });
    const french = await call('POST', '/api/app/session/forgot-password', {
      body: { email: 'pas une adresse', language: 'es' },
      headers: { 'Accept-Language': 'fr-CA,fr;q=0.9' },
    });
    expect(french.status).toBe(422);
    expect((await errorOf(french)).details!.fields).toEqual({
      email: ['Entrez une adresse courriel valide.'],
      language: ['la langue doit être en ou fr'],
    });
  });

  it('lets 3 requests for an email through in 15 minutes, then answers 429 with Retry-After, account or not', async () => {
    const owner = await account();
    const nobody = unknownEmail();
    const refusals: ErrorBody['error'][] = [];
    for (const email of [owner.email, nobody]) {
      for (let i = 0; i < 3; i++) expect((await forgot(email)).status, `${email} #${i + 1}`).toBe(202);
      const refused = await forgot(email);
      expect(refused.status).toBe(429);
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(14 * 60);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      refusals.push(await errorOf(refused));
    }
    const [forOwner, forNobody] = refusals.map((error) => ({ code: error.code, message: error.message }));
    expect(forOwner).toEqual(forNobody);
    expect(forOwner).toEqual({
      code: 'rate_limited',
      message: 'Too many requests for a reset link. Try again in 15 minutes.',
    });
    const french = await forgot(owner.email, { headers: { 'Accept-Language': 'fr' } });
    expect(french.status).toBe(429);
    expect((await errorOf(french)).message).toBe(
      'Trop de demandes de lien de réinitialisation. Réessayez dans 15 minutes.',
    );
    // Three mails, not four.
    expect(await mailsTo(owner.email, 3)).toHaveLength(3);
  });

  it('answers 429 to the 21st request from one IP, whatever the emails', async () => {
    const ip = '203.0.113.77';
    for (let i = 0; i < 20; i++) expect((await forgot(unknownEmail(), { ip })).status, `request ${i + 1}`).toBe(202);
    const owner = await account();
    const refused = await forgot(owner.email, { ip });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // The same email from elsewhere is not affected.
    expect((await forgot(owner.email)).status).toBe(202);
  });
});

describe('POST /api/app/session/reset-password', () => {
  it('sets the new password, ends every session, signs in, and works once', async () => {
    const owner = await account();
    const phone = await tokenFor(owner);
    const laptop = await tokenFor(owner);
    const other = await account();
    const otherSession = await tokenFor(other);
    const token = await linkFor(owner);

    const response = await reset(token, NEW_PASSWORD);
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(
      /^avenir_session=[A-Za-z0-9_-]{43}; Max-Age=2592000; Path=\/; HttpOnly; SameSite=Lax$/,
    );
    const body = (await response.json()) as { client: { id: string }; mustChangePassword: boolean };
    expect(body).toMatchObject({ client: { id: owner.id }, mustChangePassword: false });
    expect(JSON.stringify(body)).not.toMatch(/pbkdf2|password_?hash|token_?hash/i);

    const fresh = cookieToken(response)!;
    expect((await call('GET', '/api/app/me', { token: fresh })).status).toBe(200);
    expect((await call('GET', '/api/app/me', { token: phone })).status).toBe(401);
    expect((await call('GET', '/api/app/me', { token: laptop })).status).toBe(401);
    // Only the link's own account changed.
    expect((await call('GET', '/api/app/me', { token: otherSession })).status).toBe(200);
    expect((await signIn(other.email, TEST_PASSWORD)).status).toBe(200);

    expect((await signIn(owner.email, TEST_PASSWORD)).status).toBe(401);
    expect((await signIn(owner.email, NEW_PASSWORD)).status).toBe(200);

    const again = await reset(token, 'encore-un-autre-mot-de-passe');
    expect(again.status).toBe(422);
    expect(again.headers.get('set-cookie')).toBeNull();
    expect(await errorOf(again)).toMatchObject({
      code: 'invalid_request',
      message: 'This link has expired or was already used. Ask for a new one.',
      details: { fields: { token: ['This link has expired or was already used. Ask for a new one.'] } },
    });
    expect((await signIn(owner.email, NEW_PASSWORD)).status).toBe(200);
  });

  it('clears the one-time password flag', async () => {
    const owner = await account();
    await rows(sql`update clients set must_change_password = true where id = ${owner.id}`);
    const token = await linkFor(owner);
    const response = await reset(token, NEW_PASSWORD);
    expect(response.status).toBe(200);
    const me = await call('GET', '/api/app/me', { token: cookieToken(response)! });
    expect(((await me.json()) as { mustChangePassword: boolean }).mustChangePassword).toBe(false);
  });

  it('refuses an expired link, and an earlier link once a newer one was asked for, in French when asked', async () => {
    const owner = await account();
    const first = await linkFor(owner);
    const second = await linkFor(owner, 1);
    const superseded = await reset(first, NEW_PASSWORD, { headers: { 'Accept-Language': 'fr-CA' } });
    expect(superseded.status).toBe(422);
    expect(await errorOf(superseded)).toMatchObject({
      code: 'invalid_request',
      message: 'Ce lien a expiré ou a déjà servi. Demandez-en un nouveau.',
      details: { fields: { token: ['Ce lien a expiré ou a déjà servi. Demandez-en un nouveau.'] } },
    });
    await rows(
      sql`update password_resets set expires_at = now() - interval '1 second' where token_hash = ${sha256(second)}`,
    );
    const expired = await reset(second, NEW_PASSWORD);
    expect(expired.status).toBe(422);
    expect((await errorOf(expired)).details!.fields).toEqual({
      token: ['This link has expired or was already used. Ask for a new one.'],
    });
    expect((await signIn(owner.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('answers an unknown or malformed token like a used one', async () => {
    for (const token of ['A'.repeat(43), 'not-a-token', '']) {
      const response = await reset(token, NEW_PASSWORD);
      expect(response.status, JSON.stringify(token)).toBe(422);
      const error = await errorOf(response);
      expect(error.code).toBe('invalid_request');
      expect(Object.keys(error.details!.fields!)).toEqual(['token']);
    }
  });

  it('holds the new password to the rules of a password change, and keeps the link working', async () => {
    const owner = await account();
    const token = await linkFor(owner);
    const short = await reset(token, 'court', { headers: { 'Accept-Language': 'fr' } });
    expect(short.status).toBe(422);
    expect((await errorOf(short)).details!.fields).toEqual({ password: ['Utilisez au moins 10 caractères.'] });
    const email = await reset(token, owner.email);
    expect((await errorOf(email)).details!.fields).toEqual({
      password: ['Your password cannot be your email address.'],
    });
    expect((await reset(token, NEW_PASSWORD)).status).toBe(200);
  });
});

describe('CSRF on the reset routes', () => {
  it('refuses both from a foreign origin, and a form post without an Origin, like sign-in', async () => {
    const owner = await account();
    const token = await linkFor(owner);
    const forgotForeign = await forgot(owner.email, { origin: FOREIGN_ORIGIN });
    const resetForeign = await reset(token, NEW_PASSWORD, { origin: FOREIGN_ORIGIN });
    const form = await call('POST', '/api/app/session/reset-password', {
      body: `token=${token}&password=${NEW_PASSWORD}`,
      origin: null,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    for (const response of [forgotForeign, resetForeign, form]) {
      expect(response.status).toBe(403);
      expect((await errorOf(response)).code).toBe('csrf');
      expect(response.headers.get('set-cookie')).toBeNull();
    }
    // Nothing was asked for, nothing changed: one mail, and the link still works.
    expect(await outboxFor(owner.email)).toHaveLength(1);
    expect((await reset(token, NEW_PASSWORD)).status).toBe(200);
  });
});

describe('the daily retention', () => {
  it('deletes reset requests whose link ended over a day ago', async () => {
    const email = unknownEmail();
    await rows(sql`insert into password_resets (email, created_at, expires_at) values
      (${email}, now() - interval '26 hours', now() - interval '25 hours 30 minutes'),
      (${email}, now() - interval '1 hour', now() - interval '30 minutes')`);
    const result = await (await worker.getWorker()).scheduled({ cron: '30 8 * * *', scheduledTime: new Date() });
    expect(result.outcome).toBe('ok');
    const kept = await rows<{ hours: number }>(
      sql`select round(extract(epoch from now() - created_at) / 3600)::int as hours from password_resets where email = ${email}`,
    );
    expect(kept).toEqual([{ hours: 1 }]);
  });
});
