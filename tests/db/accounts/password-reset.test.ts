import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../../worker/features/accounts/password';
import {
  type IssuedReset,
  type ResetMailDeps,
  requestPasswordReset,
  resetPassword,
  sendPasswordResetMail,
} from '../../../worker/features/accounts/password-reset';
import {
  MAX_RESETS_PER_EMAIL,
  MAX_RESETS_PER_EMAIL_PER_DAY,
  MAX_RESETS_PER_IP,
} from '../../../worker/features/accounts/reset-throttle';
import { pruneAuthRecords } from '../../../worker/features/accounts/retention';
import type { RequestOrigin } from '../../../worker/features/accounts/sessions';
import { AppError } from '../../../worker/platform/errors';
import { createOutboxMailer } from '../../../worker/platform/mail/outbox';
import { startTestDatabase, type TestDatabase } from '../../support/database';
import { failure } from '../../support/errors';
import { insertClient } from '../../support/fixtures';

/**
 * The "forgot password" services against a real Postgres engine: the request log that is
 * also the throttle, the hashed single-use link, its mail through the dev outbox, the reset
 * itself, the table's row-level security and its retention.
 */

let database: TestDatabase;
const rows = async <T extends Record<string, unknown>>(query: ReturnType<typeof sql>) =>
  (await database.access.service((tx) => tx.execute<T>(query))).rows;

beforeAll(async () => {
  database = await startTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

let ipCounter = 0;
/** A fresh address per request unless told, so only the limit under test joins in. */
const from = (ip = `198.51.${Math.floor(++ipCounter / 250) % 250}.${(ipCounter % 250) + 1}`): RequestOrigin => ({
  ip,
  userAgent: 'reset test',
  now: new Date(),
});

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const APP_URL = 'https://app.avenir.example';
const deps = (): ResetMailDeps => ({
  db: database.access,
  mailer: createOutboxMailer(database.access),
  sender: { email: 'replies@avenir.local' },
  appUrl: APP_URL,
});

/** Asks for a link for `email` and expects one to be made. */
async function issue(email: string, origin = from()): Promise<IssuedReset> {
  const result = await requestPasswordReset(database.access, email, origin);
  if (!result.ok || !result.reset) throw new Error(`no link was made: ${JSON.stringify(result)}`);
  return result.reset;
}

const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.ca`;

describe('asking for a reset link', () => {
  it('records a known email with the hash of a fresh token, valid 30 minutes, and an unknown one without', async () => {
    const client = await insertClient(database.access, { email: uniqueEmail('known') });
    const known = await requestPasswordReset(database.access, `  ${client.email.toUpperCase()} `, from('192.0.2.7'));
    const unknownEmail = uniqueEmail('nobody');
    const unknown = await requestPasswordReset(database.access, unknownEmail, from('192.0.2.8'));
    expect(unknown).toEqual({ ok: true, reset: null });
    expect(known.ok).toBe(true);
    const reset = known.ok ? known.reset! : null!;
    expect(reset.accountId).toBe(client.id);
    expect(reset.token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const [row] = await rows<
      Record<string, unknown>
    >(sql`select account_id, email, token_hash, host(requested_ip) as ip,
        round(extract(epoch from expires_at - created_at) / 60)::int as minutes, used_at
        from password_resets where id = ${reset.id}`);
    expect(row).toEqual({
      account_id: client.id,
      email: client.email,
      token_hash: sha256(reset.token),
      ip: '192.0.2.7',
      minutes: 30,
      used_at: null,
    });
    const anywhere = await rows<{ n: number }>(
      sql`select count(*)::int as n from password_resets r where r::text like ${`%${reset.token}%`}`,
    );
    expect(anywhere[0]!.n).toBe(0);
    const [none] = await rows<Record<string, unknown>>(
      sql`select account_id, token_hash, host(requested_ip) as ip from password_resets where email = ${unknownEmail}`,
    );
    expect(none).toEqual({ account_id: null, token_hash: null, ip: '192.0.2.8' });
  });

  it('retires the earlier unused link of the account when a new one is asked for', async () => {
    const client = await insertClient(database.access, { email: uniqueEmail('twice') });
    const first = await issue(client.email);
    const second = await issue(client.email);
    const live = await rows<{ id: string }>(
      sql`select id from password_resets where account_id = ${client.id} and used_at is null and expires_at > now()`,
    );
    expect(live.map((row) => row.id)).toEqual([second.id]);
    const error = await resetPassword(
      database.access,
      { token: first.token, password: 'un-mot-de-passe-neuf' },
      from(),
      'en',
    ).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).details).toEqual({
      fields: { token: ['This link has expired or was already used. Ask for a new one.'] },
    });
  });

  it('is service-only: a tenant can neither read nor write a link, not even its own', async () => {
    const client = await insertClient(database.access, { email: uniqueEmail('rls') });
    await issue(client.email);
    const read = await failure(() =>
      database.access.tenant(client.id, (tx) => tx.execute(sql`select * from password_resets`)),
    );
    expect(read.code).toBe('42501');
    const write = await failure(() =>
      database.access.tenant(client.id, (tx) =>
        tx.execute(
          sql`insert into password_resets (account_id, email, token_hash) values (${client.id}, 'x@example.ca', 'x')`,
        ),
      ),
    );
    expect(write.code).toBe('42501');
    const [policy] = await rows<{ relrowsecurity: boolean }>(
      sql`select relrowsecurity from pg_class where relname = 'password_resets'`,
    );
    expect(policy!.relrowsecurity).toBe(true);
  });

  it('refuses a link without an account, or an account without a link', async () => {
    const client = await insertClient(database.access, { email: uniqueEmail('check') });
    for (const values of [
      sql`(null, 'a@example.ca', 'hash-without-account')`,
      sql`(${client.id}, 'b@example.ca', null)`,
    ]) {
      const error = await failure(() =>
        rows(sql`insert into password_resets (account_id, email, token_hash) values ${values}`),
      );
      expect(error).toMatchObject({ code: '23514', constraint: 'password_resets_token_check' });
    }
  });
});

describe('the reset throttle', () => {
  it(`lets ${MAX_RESETS_PER_EMAIL} requests for an email through in 15 minutes, known or not, then says when to retry`, async () => {
    const client = await insertClient(database.access, { email: uniqueEmail('limit') });
    for (const email of [client.email, uniqueEmail('unknown-limit')]) {
      for (let i = 0; i < MAX_RESETS_PER_EMAIL; i++) {
        expect((await requestPasswordReset(database.access, email, from())).ok, `${email} #${i + 1}`).toBe(true);
      }
      const refused = await requestPasswordReset(database.access, email, from());
      expect(refused.ok).toBe(false);
      if (!refused.ok) {
        expect(refused.retryAfterSeconds).toBeGreaterThan(14 * 60);
        expect(refused.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
      }
      // Refusals are not recorded.
      const [count] = await rows<{ n: number }>(
        sql`select count(*)::int as n from password_resets where email = ${email}`,
      );
      expect(count!.n).toBe(MAX_RESETS_PER_EMAIL);
      await rows(
        sql`update password_resets set created_at = created_at - interval '15 minutes' where email = ${email}`,
      );
      expect((await requestPasswordReset(database.access, email, from())).ok).toBe(true);
    }
  });

  it(`allows at most ${MAX_RESETS_PER_EMAIL_PER_DAY} requests for an email in a day`, async () => {
    const email = uniqueEmail('daily');
    await rows(sql`insert into password_resets (email, created_at)
      select ${email}, now() - make_interval(hours => 2 + n) from generate_series(1, ${MAX_RESETS_PER_EMAIL_PER_DAY}) n`);
    const refused = await requestPasswordReset(database.access, email, from());
    expect(refused.ok).toBe(false);
    // The oldest of the ten, 12 hours ago, leaves the day in 12 hours.
    if (!refused.ok) expect(Math.round(refused.retryAfterSeconds / 3600)).toBe(12);
  });

  it(`refuses the request after ${MAX_RESETS_PER_IP} from one IPv6 /64, across emails`, async () => {
    const network = '2001:db8:1234:5678';
    for (let i = 0; i < MAX_RESETS_PER_IP; i++) {
      const result = await requestPasswordReset(
        database.access,
        uniqueEmail(`spray${i}`),
        from(`${network}::${i + 1}`),
      );
      expect(result.ok, `request ${i + 1}`).toBe(true);
    }
    const client = await insertClient(database.access, { email: uniqueEmail('after-spray') });
    const refused = await requestPasswordReset(database.access, client.email, from(`${network}:ffff::1`));
    expect(refused.ok).toBe(false);
    // Another /64 is not affected.
    expect((await requestPasswordReset(database.access, client.email, from('2001:db8:1234:9999::1'))).ok).toBe(true);
  });

  it('counts apart from sign-in failures', async () => {
    const client = await insertClient(database.access, { email: uniqueEmail('apart') });
    await rows(sql`insert into sign_in_attempts (email, ip, succeeded)
      select ${client.email}, '192.0.2.200', false from generate_series(1, 30)`);
    expect((await requestPasswordReset(database.access, client.email, from('192.0.2.200'))).ok).toBe(true);
  });
});

describe('the reset mail', () => {
  const outboxFor = (email: string) =>
    rows<{ to_address: string; from_address: string; subject: string; text_body: string; html_body: string }>(
      sql`select to_address, from_address, subject, text_body, html_body from dev_outbox where to_address like ${`%<${email}>`}`,
    );

  it("is written in the screen's language when told, else the account's, with the link in its fragment", async () => {
    const client = await insertClient(database.access, {
      email: uniqueEmail('mail'),
      businessName: 'Toitures Côté & Fils <Sherbrooke>',
      language: 'fr',
    });
    const reset = await issue(client.email);
    await sendPasswordResetMail(deps(), reset, undefined);
    await sendPasswordResetMail(deps(), reset, undefined); // the same reset: one mail
    const [mail, ...others] = await outboxFor(client.email);
    expect(others).toEqual([]);
    const link = `${APP_URL}/app/reset-password#token=${reset.token}`;
    expect(mail!.subject).toBe('Réinitialisez votre mot de passe Avenir');
    expect(mail!.from_address).toBe('Avenir <replies@avenir.local>');
    expect(mail!.to_address).toBe(`Toitures Côté & Fils <Sherbrooke> <${client.email}>`);
    expect(mail!.text_body).toContain('Bonjour Toitures Côté & Fils <Sherbrooke>,');
    expect(mail!.text_body).toContain(`(${client.email})`);
    expect(mail!.text_body).toContain(`\n${link}\n`);
    expect(mail!.text_body).toContain('expire dans 30 minutes');
    expect(mail!.text_body).toContain('votre mot de passe reste inchangé');
    expect(mail!.html_body).toContain(`<a href="${link}">${link}</a>`);
    expect(mail!.html_body).toContain('Toitures Côté &amp; Fils &lt;Sherbrooke&gt;');
    expect(mail!.html_body).not.toContain('<Sherbrooke>');

    const english = await issue(client.email);
    await sendPasswordResetMail(deps(), english, 'en');
    const mails = await outboxFor(client.email);
    const second = mails.find((row) => row.subject === 'Reset your Avenir password')!;
    expect(second.text_body).toMatch(/^Hello Toitures Côté & Fils <Sherbrooke>,\n\n/);
    expect(second.text_body).toContain('expires in 30 minutes');
    expect(second.text_body).toContain('If you did not ask for this, ignore this email: your password is unchanged.');
    expect(second.text_body).toContain(english.token);
  });
});

describe('resetting the password through the link', () => {
  it('sets the password, clears the one-time flag, ends every session and opens one, once', async () => {
    const client = await insertClient(database.access, { email: uniqueEmail('reset'), mustChangePassword: true });
    await rows(sql`insert into sessions (client_id, token_hash) values
      (${client.id}, ${`old-a-${randomUUID()}`}), (${client.id}, ${`old-b-${randomUUID()}`})`);
    await rows(
      sql`insert into sign_in_attempts (email, succeeded) select ${client.email}, false from generate_series(1, 5)`,
    );
    const reset = await issue(client.email);

    const done = await resetPassword(
      database.access,
      { token: reset.token, password: 'un-mot-de-passe-neuf' },
      from(),
      'fr',
    );
    expect(done.account).toMatchObject({ id: client.id, mustChangePassword: false });
    expect(await verifyPassword('un-mot-de-passe-neuf', done.account.passwordHash)).toBe(true);
    const sessions = await rows<{ token_hash: string; revoked: boolean }>(
      sql`select token_hash, revoked_at is not null as revoked from sessions where client_id = ${client.id}`,
    );
    expect(sessions.filter((row) => !row.revoked).map((row) => row.token_hash)).toEqual([sha256(done.token)]);
    expect(sessions).toHaveLength(3);
    const [link] = await rows<{ used: boolean }>(
      sql`select used_at is not null as used from password_resets where id = ${reset.id}`,
    );
    expect(link!.used).toBe(true);
    // A reset is a successful sign-in: the earlier failures are forgiven.
    const [attempt] = await rows<{ succeeded: boolean }>(
      sql`select succeeded from sign_in_attempts where email = ${client.email} order by attempted_at desc limit 1`,
    );
    expect(attempt!.succeeded).toBe(true);

    const again = await resetPassword(
      database.access,
      { token: reset.token, password: 'encore-un-autre' },
      from(),
      'fr',
    ).catch((thrown: unknown) => thrown as AppError);
    expect(again).toMatchObject({
      code: 'invalid_request',
      details: { fields: { token: ['Ce lien a expiré ou a déjà servi. Demandez-en un nouveau.'] } },
    });
  });

  it('lets exactly one of two simultaneous uses of a link through', async () => {
    const client = await insertClient(database.access, { email: uniqueEmail('race') });
    const reset = await issue(client.email);
    const outcomes = await Promise.all(
      ['premier-mot-de-passe', 'second-mot-de-passe'].map((password) =>
        resetPassword(database.access, { token: reset.token, password }, from(), 'en').then(
          () => password,
          (error: unknown) => (error as AppError).code,
        ),
      ),
    );
    expect(outcomes.filter((outcome) => outcome === 'invalid_request')).toHaveLength(1);
    const winner = outcomes.find((outcome) => outcome !== 'invalid_request')!;
    const [row] = await rows<{ password_hash: string }>(sql`select password_hash from clients where id = ${client.id}`);
    expect(await verifyPassword(winner, row!.password_hash)).toBe(true);
  });

  it('keeps the link working when the new password breaks a rule', async () => {
    const client = await insertClient(database.access, { email: uniqueEmail('rules') });
    const reset = await issue(client.email);
    const refused = await resetPassword(
      database.access,
      { token: reset.token, password: client.email },
      from(),
      'en',
    ).catch((thrown: unknown) => thrown as AppError);
    expect(refused).toMatchObject({
      code: 'invalid_request',
      details: { fields: { password: ['Your password cannot be your email address.'] } },
    });
    await resetPassword(database.access, { token: reset.token, password: 'celui-ci-est-bon' }, from(), 'en');
  });

  it('refuses an expired link', async () => {
    const client = await insertClient(database.access, { email: uniqueEmail('expired') });
    const reset = await issue(client.email);
    await rows(sql`update password_resets set expires_at = now() - interval '1 second' where id = ${reset.id}`);
    const refused = await resetPassword(
      database.access,
      { token: reset.token, password: 'trop-tard-pour-ca' },
      from(),
      'en',
    ).catch((thrown: unknown) => thrown as AppError);
    expect(refused).toMatchObject({ code: 'invalid_request' });
  });
});

describe('the retention of reset links', () => {
  it('deletes requests whose link ended over a day ago, and keeps the rest', async () => {
    const email = uniqueEmail('retention');
    await rows(sql`insert into password_resets (email, created_at, expires_at) values
      (${email}, now() - interval '25 hours', now() - interval '24 hours 30 minutes'),
      (${email}, now() - interval '23 hours', now() - interval '22 hours 30 minutes'),
      (${email}, now(), now() + interval '30 minutes')`);
    const pruned = await pruneAuthRecords(database.access);
    expect(pruned.passwordResets).toBeGreaterThanOrEqual(1);
    const kept = await rows<{ hours: number }>(
      sql`select round(extract(epoch from now() - created_at) / 3600)::int as hours from password_resets
        where email = ${email} order by created_at`,
    );
    expect(kept).toEqual([{ hours: 23 }, { hours: 0 }]);
  });
});
