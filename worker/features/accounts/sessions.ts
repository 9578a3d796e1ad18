import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import { type Client, clients, sessions, signInAttempts } from '../../../schema';
import type { Language } from '../../../schema/vocabulary';
import type { DatabaseAccess, Transaction } from '../../platform/db';
import type { ActiveSession, RequestMeta } from '../../platform/env';
import { AppError, bilingual } from '../../platform/errors';
import { checkNewPassword, newPasswordMessage } from './new-password';
import { hashPassword, verifyPassword } from './password';
import { shouldTouchSession } from './session-activity';
import { hashSessionToken, isWellFormedSessionToken, newSessionToken } from './session-token';
import { attemptTime, decideThrottle, MAX_IP_FAILURES, THROTTLE_WINDOW_MS } from './sign-in-throttle';
import { type LockNamespaces, lockEmailAndNetwork, throttledNetwork, underThrottleLocks } from './throttle-locks';
import { UNKNOWN_ACCOUNT_PASSWORD_HASH } from './unknown-account';

/**
 * Dashboard accounts: signing in and out, recognising a session, changing the password.
 * Sessions and sign-in attempts are read and written with the service role (a sign-in
 * comes before any tenant is known, and a cookie is all a request has); the account's own
 * row is read and changed through its tenant transaction.
 */

/** Where and when a request came from, for the attempt log, the per-IP throttle and the session row. */
export type RequestOrigin = Pick<RequestMeta, 'ip' | 'userAgent'> & { now: Date };

export type SignInResult =
  | { ok: true; token: string; account: Client }
  | { ok: false; reason: 'invalid_credentials' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

// Enough rows for the decision: at most 5 failures are let through after the newest
// success, so the decision never needs more than the few newest rows.
const ACCOUNT_ATTEMPTS_READ = 50;

// The namespaces of the sign-in locks: accounts and IPs never share a lock, whatever their
// hashes, nor do they share one with the password-reset throttle's.
const SIGN_IN_LOCKS: LockNamespaces = { email: 'avenir.sign_in.account', ip: 'avenir.sign_in.ip' };

type Admission = { allowed: true; attemptId: string } | { allowed: false; retryAfterSeconds: number };

/** `admitAttempt` in its own transaction; a burst that waited too long is throttled, not queued. */
const admit = (db: DatabaseAccess, email: string, origin: RequestOrigin): Promise<Admission> =>
  underThrottleLocks(db, (tx) => admitAttempt(tx, email, origin));

/**
 * Whether `email` (from `ip`) may have a password checked now; if so, the attempt is
 * recorded, as a failure, before the check. The decision and the record are one step for
 * every attempt on the account and every attempt from the IP: transaction-scoped advisory
 * locks (released at commit; Neon's pooler keeps no session state) on the account, then on
 * the IP, always in that order so two attempts cannot deadlock. Each statement
 * after the locks reads what the previous holder committed (READ COMMITTED), so concurrent
 * attempts each see the ones let through before them, and the slow password check runs
 * after, outside the locks. Refused attempts are not recorded, so hammering a locked
 * account does not extend its lock.
 */
async function admitAttempt(tx: Transaction, email: string, origin: RequestOrigin): Promise<Admission> {
  await lockEmailAndNetwork(tx, SIGN_IN_LOCKS, email, origin.ip);
  const since = new Date(origin.now.getTime() - THROTTLE_WINDOW_MS);
  const accountAttempts = await tx
    .select({ at: signInAttempts.attemptedAt, succeeded: signInAttempts.succeeded })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, email), gt(signInAttempts.attemptedAt, since)))
    .orderBy(desc(signInAttempts.attemptedAt))
    .limit(ACCOUNT_ATTEMPTS_READ);
  const ipFailures = origin.ip
    ? await tx
        .select({ at: signInAttempts.attemptedAt })
        .from(signInAttempts)
        .where(
          and(
            sql`${signInAttempts.ip} <<= ${throttledNetwork(origin.ip)}`,
            eq(signInAttempts.succeeded, false),
            gt(signInAttempts.attemptedAt, since),
          ),
        )
        .orderBy(desc(signInAttempts.attemptedAt))
        .limit(MAX_IP_FAILURES)
    : [];
  const decision = decideThrottle({ accountAttempts, ipFailures: ipFailures.map((row) => row.at), now: origin.now });
  if (!decision.allowed) return decision;
  const [attempt] = await tx
    .insert(signInAttempts)
    .values({ email, ip: origin.ip, succeeded: false, attemptedAt: attemptTime(accountAttempts, origin.now) })
    .returning({ id: signInAttempts.id });
  return { allowed: true, attemptId: attempt!.id };
}

/** The attempt's password was right: it is no failure, and it forgives the account's earlier ones. */
const markSucceeded = (tx: Transaction, attemptId: string) =>
  tx.update(signInAttempts).set({ succeeded: true }).where(eq(signInAttempts.id, attemptId));

/**
 * Checks an email and password and opens a session. An unknown email and a wrong password
 * take the same time and give the same answer (both recorded as failures before the check,
 * nothing after it); refused (throttled) attempts are not recorded, so hammering a locked
 * account does not extend its lock.
 */
export async function signIn(
  db: DatabaseAccess,
  credentials: { email: string; password: string },
  origin: RequestOrigin,
): Promise<SignInResult> {
  const email = credentials.email.trim().toLowerCase();
  const [account] = await db.service((tx) =>
    tx.select().from(clients).where(sql`lower(${clients.email}) = ${email}`).limit(1),
  );
  const admission = await admit(db, email, origin);
  if (!admission.allowed) return { ok: false, reason: 'throttled', retryAfterSeconds: admission.retryAfterSeconds };

  const matches = await verifyPassword(credentials.password, account?.passwordHash ?? UNKNOWN_ACCOUNT_PASSWORD_HASH);
  if (!account || !matches) return { ok: false, reason: 'invalid_credentials' };

  const token = newSessionToken();
  const tokenHash = await hashSessionToken(token);
  await db.service(async (tx) => {
    await markSucceeded(tx, admission.attemptId);
    await tx.insert(sessions).values({ clientId: account.id, tokenHash, ip: origin.ip, userAgent: origin.userAgent });
  });
  await db.tenant(account.id, (tx) =>
    tx.update(clients).set({ lastLoginAt: origin.now }).where(eq(clients.id, account.id)),
  );
  return { ok: true, token, account: { ...account, lastLoginAt: origin.now } };
}

/**
 * The live session of a cookie's token, or null when it is unknown, expired or revoked.
 * An internal account's switch counts only while the account is still internal.
 */
export async function authenticate(db: DatabaseAccess, token: string, now: Date): Promise<ActiveSession | null> {
  if (!isWellFormedSessionToken(token)) return null;
  const tokenHash = await hashSessionToken(token);
  return db.service(async (tx) => {
    const [row] = await tx
      .select({
        id: sessions.id,
        accountId: sessions.clientId,
        accountEmail: clients.email,
        actingClientId: sessions.actingClientId,
        lastSeenAt: sessions.lastSeenAt,
        isInternal: clients.isInternal,
        mustChangePassword: clients.mustChangePassword,
      })
      .from(sessions)
      .innerJoin(clients, eq(clients.id, sessions.clientId))
      .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`)));
    if (!row) return null;
    if (shouldTouchSession(row.lastSeenAt, now)) {
      await tx.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, row.id));
    }
    return {
      id: row.id,
      accountId: row.accountId,
      accountEmail: row.accountEmail,
      clientId: row.isInternal && row.actingClientId ? row.actingClientId : row.accountId,
      isInternal: row.isInternal,
      mustChangePassword: row.mustChangePassword,
    };
  });
}

/** Ends a session on the server; its cookie is worthless from now on. */
export async function signOut(db: DatabaseAccess, sessionId: string): Promise<void> {
  await db.service((tx) =>
    tx
      .update(sessions)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt))),
  );
}

/**
 * Replaces the account's password after checking the current one, clears the one-time
 * password flag, and signs out every other session of the account (a password change is
 * what someone does when they think another device has their password). Wrong current
 * passwords count as failed attempts on the account, so a stolen session cannot be used
 * to guess the password without the sign-in throttle (the same admission as sign-in: the
 * attempt recorded as a failure before the check, marked succeeded after a right one).
 */
export async function changePassword(
  db: DatabaseAccess,
  session: ActiveSession,
  passwords: { currentPassword: string; newPassword: string },
  origin: RequestOrigin,
  language: Language,
): Promise<void> {
  const [account] = await db.tenant(session.accountId, (tx) =>
    tx
      .select({
        email: clients.email,
        passwordHash: clients.passwordHash,
        mustChangePassword: clients.mustChangePassword,
      })
      .from(clients)
      .where(eq(clients.id, session.accountId)),
  );
  if (!account) throw new AppError('unauthenticated');
  const email = account.email.toLowerCase();

  const issue = checkNewPassword(passwords.newPassword, {
    email: account.email,
    // While on a one-time password, the current password is that one-time password.
    oneTimePassword: account.mustChangePassword ? passwords.currentPassword : undefined,
  });
  if (issue) {
    const text = bilingual(newPasswordMessage(issue, 'en'), newPasswordMessage(issue, 'fr'));
    throw new AppError('invalid_request', text, { fields: { newPassword: [text[language]] } });
  }

  const admission = await admit(db, email, origin);
  if (!admission.allowed) throw tooManyAttempts(admission.retryAfterSeconds);
  if (!(await verifyPassword(passwords.currentPassword, account.passwordHash))) throw new AppError('wrong_password');
  await db.service((tx) => markSucceeded(tx, admission.attemptId));

  const passwordHash = await hashPassword(passwords.newPassword);
  await db.tenant(session.accountId, (tx) =>
    tx
      .update(clients)
      .set({ passwordHash, mustChangePassword: false, updatedAt: sql`now()` })
      .where(eq(clients.id, session.accountId)),
  );
  // After the new hash is stored, so a session opened with the old password in between
  // is revoked too.
  await db.service((tx) =>
    tx
      .update(sessions)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(sessions.clientId, session.accountId), ne(sessions.id, session.id), isNull(sessions.revokedAt))),
  );
}

/** The answer to a throttled password check; routes add the Retry-After header. */
export const tooManyAttempts = (retryAfterSeconds: number) =>
  new AppError(
    'too_many_attempts',
    bilingual(
      `Too many failed attempts. Try again in ${retryAfterSeconds} seconds.`,
      `Trop de tentatives infructueuses. Réessayez dans ${retryAfterSeconds} secondes.`,
    ),
    { retryAfterSeconds },
  );
