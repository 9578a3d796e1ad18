import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { type Client, clients, passwordResets, sessions, signInAttempts } from '../../../schema';
import type { Language } from '../../../schema/vocabulary';
import { type DatabaseAccess, openDatabase, type Transaction } from '../../platform/db';
import type { Env } from '../../platform/env';
import { AppError, bilingual } from '../../platform/errors';
import { loggableError } from '../../platform/http/error-envelope';
import { textToHtml } from '../../platform/mail/mime';
import type { Address, Mailer } from '../../platform/mail/port';
import { appUrlFromEnv, mailerFromEnv, senderFromEnv } from '../../platform/wiring';
import { checkNewPassword, newPasswordMessage } from './new-password';
import { hashPassword } from './password';
import { composeResetMail, resetLink } from './reset-mail';
import {
  decideResetThrottle,
  MAX_RESETS_PER_EMAIL_PER_DAY,
  MAX_RESETS_PER_IP,
  RESET_DAY_MS,
  RESET_WINDOW_MS,
} from './reset-throttle';
import { hashSessionToken, isWellFormedSessionToken, newSessionToken } from './session-token';
import type { RequestOrigin } from './sessions';
import { type LockNamespaces, lockEmailAndNetwork, throttledNetwork, underThrottleLocks } from './throttle-locks';

/**
 * "Forgot password": a single-use link by mail, then a new password through it.
 *
 * Asking for a link answers the same whatever the email: the request is throttled and
 * recorded (password_resets) with the same statements whether or not an account has the
 * email, and the mail goes out after the answer (the route hands `mailPasswordReset` to
 * `waitUntil`), so neither the answer nor its timing says who has an account. The link
 * carries 32 random bytes (the session token's format); only their SHA-256 is stored.
 *
 * Using the link sets the password, clears the one-time-password flag, retires the
 * account's other links, ends every session of the account and opens a new one, in one
 * service transaction: the link's row is service-only, so the account's row is changed
 * there too, which keeps "link used" and "password changed" one fact.
 */

// Apart from the sign-in throttle's: asking for links and guessing passwords are counted,
// and locked, separately.
const RESET_LOCKS: LockNamespaces = { email: 'avenir.password_reset.email', ip: 'avenir.password_reset.ip' };

/** A link made for an account: what its mail needs. The token exists only here and in the mail. */
export interface IssuedReset {
  id: string;
  accountId: string;
  token: string;
}

export type ResetRequestResult =
  | { ok: true; reset: IssuedReset | null }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

type Admission =
  | { allowed: true; id: string; accountId: string | null }
  | { allowed: false; retryAfterSeconds: number };

/** `email`'s account, as a subquery: NULL when none has it. */
const accountWithEmail = (email: string) =>
  sql`(select ${clients.id} from ${clients} where lower(${clients.email}) = ${email} limit 1)`;

/** An account's links that still work stop working now (only the newest one may). */
const retireLinks = (tx: Transaction, account: ReturnType<typeof sql> | string) =>
  tx
    .update(passwordResets)
    .set({ expiresAt: sql`least(${passwordResets.expiresAt}, now())` })
    .where(
      and(
        sql`${passwordResets.accountId} = ${account}`,
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, sql`now()`),
      ),
    );

/**
 * Whether a link may be asked for `email` now; if so, the request is recorded, with the
 * token's hash when an account has the email. The decision and the record are one step
 * under the email's and the IP's locks, as for sign-in; refused requests are not recorded,
 * so hammering does not push the limit further out.
 */
async function admitRequest(tx: Transaction, email: string, tokenHash: string, origin: RequestOrigin) {
  await lockEmailAndNetwork(tx, RESET_LOCKS, email, origin.ip);
  const now = origin.now.getTime();
  const emailRequests = await tx
    .select({ at: passwordResets.createdAt })
    .from(passwordResets)
    .where(and(eq(passwordResets.email, email), gt(passwordResets.createdAt, new Date(now - RESET_DAY_MS))))
    .orderBy(desc(passwordResets.createdAt))
    .limit(MAX_RESETS_PER_EMAIL_PER_DAY);
  const ipRequests = origin.ip
    ? await tx
        .select({ at: passwordResets.createdAt })
        .from(passwordResets)
        .where(
          and(
            sql`${passwordResets.requestedIp} <<= ${throttledNetwork(origin.ip)}`,
            gt(passwordResets.createdAt, new Date(now - RESET_WINDOW_MS)),
          ),
        )
        .orderBy(desc(passwordResets.createdAt))
        .limit(MAX_RESETS_PER_IP)
    : [];
  const decision = decideResetThrottle({
    emailRequests: emailRequests.map((row) => row.at),
    ipRequests: ipRequests.map((row) => row.at),
    now: origin.now,
  });
  if (!decision.allowed) return decision;

  // The same two statements whether or not an account has the email: the account is a
  // subquery of each, never a separate read whose absence would skip them.
  const account = accountWithEmail(email);
  await retireLinks(tx, account);
  const [row] = await tx
    .insert(passwordResets)
    .values({
      accountId: account,
      email,
      tokenHash: sql`case when ${account} is null then null else ${tokenHash}::text end`,
      requestedIp: origin.ip,
      createdAt: origin.now,
    })
    .returning({ id: passwordResets.id, accountId: passwordResets.accountId });
  return { allowed: true, id: row!.id, accountId: row!.accountId } satisfies Admission;
}

/**
 * Records a request for a reset link for `rawEmail` and, when an account has it, makes the
 * link (returned for its mail); or says how long to wait when the email or the IP asked too
 * often. The caller answers the same in both accepted cases.
 */
export async function requestPasswordReset(
  db: DatabaseAccess,
  rawEmail: string,
  origin: RequestOrigin,
): Promise<ResetRequestResult> {
  const email = rawEmail.trim().toLowerCase();
  // Made for every request, known email or not, so both cost the same.
  const token = newSessionToken();
  const tokenHash = await hashSessionToken(token);
  const admission: Admission = await underThrottleLocks(db, (tx) => admitRequest(tx, email, tokenHash, origin));
  if (!admission.allowed) return { ok: false, reason: 'throttled', retryAfterSeconds: admission.retryAfterSeconds };
  return { ok: true, reset: admission.accountId ? { id: admission.id, accountId: admission.accountId, token } : null };
}

/** What sending a reset mail needs. */
export interface ResetMailDeps {
  db: DatabaseAccess;
  mailer: Mailer;
  /** The address mail goes out from (senderFromEnv). */
  sender: Address;
  /** The dashboard's origin (appUrlFromEnv). */
  appUrl: string;
}

/**
 * Sends the link of `reset` to its account, in `language` (the screen it was asked from)
 * or else the account's. Sending the same reset twice sends one mail (its idempotency key).
 */
export async function sendPasswordResetMail(
  deps: ResetMailDeps,
  reset: IssuedReset,
  language: Language | undefined,
): Promise<void> {
  const [account] = await deps.db.tenant(reset.accountId, (tx) =>
    tx
      .select({ businessName: clients.businessName, email: clients.email, language: clients.language })
      .from(clients)
      .where(eq(clients.id, reset.accountId)),
  );
  // The account was deleted since (its links with it): nobody to write to.
  if (!account) return;
  const mail = composeResetMail({
    language: language ?? account.language,
    businessName: account.businessName,
    email: account.email,
    link: resetLink(deps.appUrl, reset.token),
  });
  await deps.mailer.send({
    from: { email: deps.sender.email, name: 'Avenir' },
    to: { email: account.email, name: account.businessName.replace(/\s*[\r\n]+\s*/g, ' ') },
    subject: mail.subject,
    text: mail.body,
    html: textToHtml(mail.body),
    idempotencyKey: `password-reset-${reset.id}`,
  });
}

/**
 * `sendPasswordResetMail` after the answer (the route's `waitUntil`), with its own database
 * access, since the request's is closed once it has answered. A failure is logged, never
 * the link: the person can ask again.
 */
export async function mailPasswordReset(env: Env, reset: IssuedReset, language: Language | undefined): Promise<void> {
  const db = openDatabase(env);
  try {
    const deps = { db, mailer: mailerFromEnv(env, db), sender: senderFromEnv(env), appUrl: appUrlFromEnv(env) };
    await sendPasswordResetMail(deps, reset, language);
  } catch (error) {
    console.error(`password reset mail ${reset.id} not sent: ${loggableError(error)}`);
  } finally {
    await db.close();
  }
}

const INVALID_LINK = bilingual(
  'This link has expired or was already used. Ask for a new one.',
  'Ce lien a expiré ou a déjà servi. Demandez-en un nouveau.',
);

/** The answer to a link that is unknown, expired, superseded or used: `fields.token` says which field. */
export const invalidResetLink = (language: Language) =>
  new AppError('invalid_request', INVALID_LINK, { fields: { token: [INVALID_LINK[language]] } });

/** The answer to an email or an IP that asked for links too often; the route adds Retry-After. */
export function tooManyResetRequests(retryAfterSeconds: number): AppError {
  return new AppError(
    'rate_limited',
    bilingual(
      `Too many requests for a reset link. Try again in ${waitText(retryAfterSeconds, 'en')}.`,
      `Trop de demandes de lien de réinitialisation. Réessayez dans ${waitText(retryAfterSeconds, 'fr')}.`,
    ),
    { retryAfterSeconds },
  );
}

const UNITS: Record<Language, Record<'second' | 'minute' | 'hour', [one: string, many: string]>> = {
  en: { second: ['second', 'seconds'], minute: ['minute', 'minutes'], hour: ['hour', 'hours'] },
  fr: { second: ['seconde', 'secondes'], minute: ['minute', 'minutes'], hour: ['heure', 'heures'] },
};

/** "45 seconds", "15 minutes", "23 hours": a wait a person reads, rounded up. */
export function waitText(seconds: number, language: Language): string {
  const [count, unit] =
    seconds < 60
      ? [seconds, 'second' as const]
      : seconds < 2 * 60 * 60
        ? [Math.ceil(seconds / 60), 'minute' as const]
        : [Math.ceil(seconds / 3600), 'hour' as const];
  const [one, many] = UNITS[language][unit];
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * Sets a new password through a reset link and opens a session for the account: the link
 * is checked (known, unused, unexpired), the new password held to the rules of a password
 * change, then, in one transaction, the link is used (a second use, or a concurrent one,
 * finds it used), the account's other links retired, the password set and the one-time
 * password flag cleared, every session of the account ended and a new one opened. A reset
 * is a successful sign-in for the throttle, so it forgives the account's earlier failures.
 */
export async function resetPassword(
  db: DatabaseAccess,
  input: { token: string; password: string },
  origin: RequestOrigin,
  language: Language,
): Promise<{ token: string; account: Client }> {
  if (!isWellFormedSessionToken(input.token)) throw invalidResetLink(language);
  const tokenHash = await hashSessionToken(input.token);
  const live = and(isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, sql`now()`));
  const [link] = await db.service((tx) =>
    tx
      .select({ id: passwordResets.id, accountId: clients.id, email: clients.email })
      .from(passwordResets)
      .innerJoin(clients, eq(clients.id, passwordResets.accountId))
      .where(and(eq(passwordResets.tokenHash, tokenHash), live)),
  );
  if (!link) throw invalidResetLink(language);

  // Checked before the link is used, so a refused password leaves it working.
  const issue = checkNewPassword(input.password, { email: link.email });
  if (issue) {
    const text = bilingual(newPasswordMessage(issue, 'en'), newPasswordMessage(issue, 'fr'));
    throw new AppError('invalid_request', text, { fields: { password: [text[language]] } });
  }

  const passwordHash = await hashPassword(input.password);
  const sessionToken = newSessionToken();
  const sessionHash = await hashSessionToken(sessionToken);
  const account = await db.service(async (tx) => {
    const [used] = await tx
      .update(passwordResets)
      .set({ usedAt: sql`now()` })
      .where(and(eq(passwordResets.id, link.id), live))
      .returning({ id: passwordResets.id });
    // Used or expired since it was read (a second tab, a double click): nothing changes.
    if (!used) return null;
    await retireLinks(tx, link.accountId);
    const [client] = await tx
      .update(clients)
      .set({ passwordHash, mustChangePassword: false, lastLoginAt: origin.now, updatedAt: sql`now()` })
      .where(eq(clients.id, link.accountId))
      .returning();
    if (!client) return null;
    await tx
      .update(sessions)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(sessions.clientId, link.accountId), isNull(sessions.revokedAt)));
    await tx
      .insert(sessions)
      .values({ clientId: link.accountId, tokenHash: sessionHash, ip: origin.ip, userAgent: origin.userAgent });
    await tx
      .insert(signInAttempts)
      .values({ email: client.email.toLowerCase(), ip: origin.ip, succeeded: true, attemptedAt: origin.now });
    return client;
  });
  if (!account) throw invalidResetLink(language);
  return { token: sessionToken, account };
}
