import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Connection, connect } from '../../../scripts/lib/database';
import { verifyPassword } from '../../../worker/features/accounts/password';
import { authenticate, changePassword, type RequestOrigin, signIn } from '../../../worker/features/accounts/sessions';
import { MAX_ACCOUNT_FAILURES, MAX_IP_FAILURES } from '../../../worker/features/accounts/sign-in-throttle';
import type { ActiveSession } from '../../../worker/platform/env';
import { AppError } from '../../../worker/platform/errors';
import { startTestDatabase, type TestDatabase } from '../../support/database';
import { insertClient } from '../../support/fixtures';

/**
 * The sign-in throttle (5 failures per account, 20 per IP, in 15 minutes) under bursts of
 * parallel attempts on a real server: each attempt its own connection and transaction, as
 * requests to different Worker isolates are. A password is "checked" when PBKDF2 runs on
 * it; the throttle holds when no more wrong passwords are checked than the limit allows,
 * however many arrive at once.
 */

vi.mock('../../../worker/features/accounts/password', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../worker/features/accounts/password')>();
  return { ...actual, verifyPassword: vi.fn(actual.verifyPassword) };
});
const checks = vi.mocked(verifyPassword);

const PASSWORD = 'correct horse battery staple'; // insertClient's
const BURST = 100;

let database: TestDatabase;
/** A pool wider than a burst, so every attempt of it runs on its own connection at once. */
let wide: Connection;

beforeAll(async () => {
  database = await startTestDatabase();
  wide = await connect(database.databaseUrl, { maxConnections: BURST + 10 });
  // Open the connections before the bursts, so an attempt's place in line depends on the
  // order it was sent, not on how fast its connection happened to be set up.
  await Promise.all(Array.from({ length: BURST + 10 }, () => wide.access.service((tx) => tx.execute(sql`select 1`))));
});
afterAll(async () => {
  await wide?.close();
  await database?.close();
});
beforeEach(() => {
  checks.mockClear();
});

let ipCounter = 0;
/** A fresh address per attempt unless told, so only the limit under test joins in. */
const from = (ip = `198.51.${Math.floor(++ipCounter / 250) % 250}.${(ipCounter % 250) + 1}`): RequestOrigin => ({
  ip,
  userAgent: 'burst test',
  now: new Date(),
});

/** How many of the passwords checked so far were not `right`. */
const wrongChecked = (right = PASSWORD) => checks.mock.calls.filter(([password]) => password !== right).length;

const attemptsOf = async (email: string) =>
  (
    await database.access.service((tx) =>
      tx.execute<{ succeeded: boolean }>(
        sql`select succeeded from sign_in_attempts where email = ${email.toLowerCase()} order by attempted_at`,
      ),
    )
  ).rows.map((row) => row.succeeded);

async function until(condition: () => Promise<boolean>, timeoutMs = 20_000) {
  for (const started = Date.now(); !(await condition()); ) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** What a password change answered: 'changed', or the code of the error it threw. */
const outcome = (work: Promise<void>) =>
  work.then(
    () => 'changed',
    (error: unknown) => {
      if (error instanceof AppError) return error.code;
      throw error;
    },
  );

function tally(outcomes: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const key of outcomes) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

describe('the account limit under a burst', () => {
  it('checks 5 of 99 wrong passwords sent at once and refuses the right one sent once the account is locked', async () => {
    const owner = await insertClient(wide.access);
    const wrong = Array.from({ length: BURST - 1 }, (_, i) =>
      signIn(wide.access, { email: owner.email, password: `wrong-${i}` }, from()),
    );
    // The right password joins the burst as soon as 5 failures are on record: while those
    // checks may still be running and the rest of the burst is still queueing.
    await until(async () => (await attemptsOf(owner.email)).filter((ok) => !ok).length >= MAX_ACCOUNT_FAILURES);
    const right = signIn(wide.access, { email: owner.email.toUpperCase(), password: PASSWORD }, from());
    const results = await Promise.all([...wrong, right]);

    const reasons = results.map((result) => (result.ok ? 'signed_in' : result.reason));
    expect(tally(reasons)).toEqual({ invalid_credentials: MAX_ACCOUNT_FAILURES, throttled: BURST - 5 });
    expect(wrongChecked()).toBe(MAX_ACCOUNT_FAILURES);
    expect(results.at(-1)).toMatchObject({ ok: false, reason: 'throttled' });
    for (const result of results) {
      if (!result.ok && result.reason === 'throttled') expect(result.retryAfterSeconds).toBeGreaterThan(14 * 60);
    }
    // Only the checked attempts are recorded: hammering a locked account does not extend its lock.
    expect(await attemptsOf(owner.email)).toEqual(Array(MAX_ACCOUNT_FAILURES).fill(false));
  });

  it('lets at most 4 failures before and 5 after a success through, with the right one last in a single burst', async () => {
    const owner = await insertClient(wide.access);
    const results = await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        signIn(wide.access, { email: owner.email, password: i === BURST - 1 ? PASSWORD : `wrong-${i}` }, from()),
      ),
    );
    const rightOne = results.at(-1)!;
    const attempts = await attemptsOf(owner.email);
    const failuresChecked = results.filter((result) => !result.ok && result.reason === 'invalid_credentials').length;
    expect(wrongChecked()).toBe(failuresChecked);
    expect(attempts.filter((ok) => !ok)).toHaveLength(failuresChecked);
    if (rightOne.ok) {
      // The right password came through before the account was locked: it forgives the
      // failures before it (never more than 4), and the limit starts again after it.
      const success = attempts.indexOf(true);
      expect(success).toBeLessThan(MAX_ACCOUNT_FAILURES);
      expect(attempts.length - success - 1).toBeLessThanOrEqual(MAX_ACCOUNT_FAILURES);
    } else {
      expect(rightOne).toMatchObject({ reason: 'throttled' });
      expect(failuresChecked).toBe(MAX_ACCOUNT_FAILURES);
    }
  });

  it('shares the limit between sign-ins and password changes made at the same time', async () => {
    const owner = await insertClient(wide.access);
    const session = await sessionOf(owner.email);
    const outcomes = await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        i % 2 === 0
          ? signIn(wide.access, { email: owner.email, password: `wrong-${i}` }, from()).then((result) =>
              result.ok ? 'signed_in' : result.reason,
            )
          : outcome(
              changePassword(
                wide.access,
                session,
                { currentPassword: `wrong-${i}`, newPassword: 'chosen-by-the-thief' },
                from(),
                'en',
              ),
            ),
      ),
    );
    const counts = tally(outcomes);
    expect((counts.invalid_credentials ?? 0) + (counts.wrong_password ?? 0)).toBe(MAX_ACCOUNT_FAILURES);
    expect((counts.throttled ?? 0) + (counts.too_many_attempts ?? 0)).toBe(BURST - MAX_ACCOUNT_FAILURES);
    expect(wrongChecked()).toBe(MAX_ACCOUNT_FAILURES);
  });
});

describe('the IP limit under a burst', () => {
  it('checks 20 of 100 passwords sprayed at once from one address over as many accounts', async () => {
    const ip = '203.0.113.201';
    const accounts = await Promise.all(Array.from({ length: 5 }, () => insertClient(wide.access)));
    const emails = Array.from(
      { length: BURST },
      (_, i) => accounts[i]?.email ?? `spray-${i}-${randomUUID()}@example.ca`,
    );
    const results = await Promise.all(
      emails.map((email) => signIn(wide.access, { email, password: 'Summer2026!' }, from(ip))),
    );
    const reasons = results.map((result) => (result.ok ? 'signed_in' : result.reason));
    expect(tally(reasons)).toEqual({ invalid_credentials: MAX_IP_FAILURES, throttled: BURST - MAX_IP_FAILURES });
    expect(checks).toHaveBeenCalledTimes(MAX_IP_FAILURES);

    // The address stays locked, even for a right password; the account from elsewhere is not.
    const owner = accounts[0]!;
    expect(await signIn(wide.access, { email: owner.email, password: PASSWORD }, from(ip))).toMatchObject({
      ok: false,
      reason: 'throttled',
    });
    expect((await signIn(wide.access, { email: owner.email, password: PASSWORD }, from())).ok).toBe(true);
  });

  it('does not count successful sign-ins from one address as failures', async () => {
    const ip = '203.0.113.202';
    const owner = await insertClient(wide.access);
    for (let i = 0; i < MAX_IP_FAILURES + 5; i++) {
      const result = await signIn(wide.access, { email: owner.email, password: PASSWORD }, from(ip));
      expect(result.ok, `sign-in ${i + 1}`).toBe(true);
    }
    expect(await attemptsOf(owner.email)).toEqual(Array(MAX_IP_FAILURES + 5).fill(true));
    const wrong = await signIn(wide.access, { email: owner.email, password: 'not-it' }, from(ip));
    expect(wrong).toEqual({ ok: false, reason: 'invalid_credentials' });
  });
});

describe('the password change of a stolen session under a burst', () => {
  it('checks 5 of 100 wrong current passwords sent at once, changes nothing, and locks sign-in too', async () => {
    const owner = await insertClient(wide.access);
    const session = await sessionOf(owner.email);
    checks.mockClear();
    const outcomes = await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        outcome(
          changePassword(
            wide.access,
            session,
            { currentPassword: `guess-${i}`, newPassword: 'chosen-by-the-thief' },
            from(),
            'en',
          ),
        ),
      ),
    );
    expect(tally(outcomes)).toEqual({ wrong_password: MAX_ACCOUNT_FAILURES, too_many_attempts: BURST - 5 });
    expect(checks).toHaveBeenCalledTimes(MAX_ACCOUNT_FAILURES);

    // The right current password is refused too while the account is locked, and so is sign-in.
    await expect(
      outcome(
        changePassword(
          wide.access,
          session,
          { currentPassword: PASSWORD, newPassword: 'chosen-by-the-owner' },
          from(),
          'en',
        ),
      ),
    ).resolves.toBe('too_many_attempts');
    expect(await signIn(wide.access, { email: owner.email, password: PASSWORD }, from())).toMatchObject({
      reason: 'throttled',
    });
    const [stored] = (
      await database.access.service((tx) =>
        tx.execute<{ password_hash: string }>(sql`select password_hash from clients where id = ${owner.id}`),
      )
    ).rows;
    expect(stored!.password_hash).toBe(owner.passwordHash);
  });

  it('does not count a right current password as a failure', async () => {
    const owner = await insertClient(wide.access);
    const session = await sessionOf(owner.email);
    await changePassword(
      wide.access,
      session,
      { currentPassword: PASSWORD, newPassword: 'a-new-password-2026' },
      from(),
      'en',
    );
    expect(await attemptsOf(owner.email)).toEqual([true, true]); // the sign-in, then the change
  });
});

/** Signs in with the right password and returns the session, as a thief who stole its cookie holds it. */
async function sessionOf(email: string): Promise<ActiveSession> {
  const result = await signIn(wide.access, { email, password: PASSWORD }, from());
  if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
  const session = await authenticate(wide.access, result.token, new Date());
  if (!session) throw new Error('no session');
  return session;
}

describe('what a burst cannot do to everyone else', () => {
  it('answers "try again" after waiting 2 s for the account, rather than queueing forever', async () => {
    const { email } = await insertClient(database.access);
    // Another transaction holds the account's lock, as a long queue ahead would.
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const holding = wide.access.service(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('avenir.sign_in.account'), hashtext(${email}))`);
      await held;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = Date.now();
    const result = await signIn(wide.access, { email, password: PASSWORD }, from());
    const waited = Date.now() - started;
    release();
    await holding;
    expect(result).toEqual({ ok: false, reason: 'throttled', retryAfterSeconds: 5 });
    expect(waited).toBeLessThan(10_000);
    expect(checks).not.toHaveBeenCalled();
  });

  it('counts the failures of an IPv6 subscriber on its /64, whatever address it picks', async () => {
    const accounts = await Promise.all(
      Array.from({ length: MAX_IP_FAILURES + 1 }, () => insertClient(database.access)),
    );
    const results = [];
    for (const [n, account] of accounts.entries()) {
      results.push(
        await signIn(wide.access, { email: account.email, password: 'wrong' }, from(`2001:db8:5:7::${n + 1}`)),
      );
    }
    expect(
      results.slice(0, MAX_IP_FAILURES).every((result) => !result.ok && result.reason === 'invalid_credentials'),
    ).toBe(true);
    expect(results.at(-1)).toMatchObject({ ok: false, reason: 'throttled' });
    // Another /64 is another subscriber.
    const elsewhere = await signIn(
      wide.access,
      { email: accounts[0]!.email, password: PASSWORD },
      from('2001:db8:5:8::1'),
    );
    expect(elsewhere.ok).toBe(true);
  });
});
