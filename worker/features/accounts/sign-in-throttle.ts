/**
 * Sign-in throttling, decided from the recent attempts in `sign_in_attempts`. Per account,
 * 5 failures in 15 minutes stop password guessing against one person; per IP, 20 failures
 * in 15 minutes stop one machine spraying a common password across many accounts. A refusal
 * says how long until the oldest failure it counted leaves the window.
 *
 * The decision is only as good as the attempts it sees: the caller decides and records
 * each attempt in turn (sessions.ts: under locks on the account and the IP, the attempt
 * recorded as a failure before its password is checked), so concurrent attempts each see
 * the ones let through before them. Two rules here follow from that: an attempt stamped
 * after `now` still counts (another request's clock, or `attemptTime`, put it there), and
 * an attempt is stamped after every attempt on the account that it was decided against,
 * so "before a success" means "let through before it" whatever the requests' clocks say.
 */

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_ACCOUNT_FAILURES = 5;
export const MAX_IP_FAILURES = 20;

export interface Attempt {
  at: Date;
  succeeded: boolean;
}

export interface ThrottleInput {
  /** Recent attempts on the email being signed in to, any order. */
  accountAttempts: readonly Attempt[];
  /** Recent failed attempts from the request's IP, on any account, any order. */
  ipFailures: readonly Date[];
  now: Date;
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Seconds until fewer than `limit` of `failures` lie in the window (`windowMs` long, 15
 * minutes unless told) ending at `now`, or 0 when there are already fewer. Failures stamped
 * after `now` are in the window: they were let through already, by a clock a little ahead
 * of this one. The password-reset throttle (reset-throttle.ts) counts its requests with it too.
 */
export function secondsUntilBelow(
  failures: readonly Date[],
  limit: number,
  now: Date,
  windowMs: number = THROTTLE_WINDOW_MS,
): number {
  const inWindow = failures
    .map((at) => at.getTime())
    .filter((at) => at > now.getTime() - windowMs)
    .sort((a, b) => b - a);
  // The oldest of the `limit` newest failures: once it leaves, one more attempt is allowed.
  const oldestCounted = inWindow[limit - 1];
  if (oldestCounted === undefined) return 0;
  return Math.max(1, Math.ceil((oldestCounted + windowMs - now.getTime()) / 1000));
}

/** Whether a sign-in attempt may go ahead now. */
export function decideThrottle({ accountAttempts, ipFailures, now }: ThrottleInput): ThrottleDecision {
  // A successful sign-in forgives the account's earlier failures (not the IP's: one valid
  // account must not let a machine reset its own counter).
  const newestFirst = [...accountAttempts].sort((a, b) => b.at.getTime() - a.at.getTime());
  const lastSuccess = newestFirst.findIndex((attempt) => attempt.succeeded);
  const accountFailures = (lastSuccess === -1 ? newestFirst : newestFirst.slice(0, lastSuccess)).map(
    (attempt) => attempt.at,
  );
  const retryAfterSeconds = Math.max(
    secondsUntilBelow(accountFailures, MAX_ACCOUNT_FAILURES, now),
    secondsUntilBelow(ipFailures, MAX_IP_FAILURES, now),
  );
  return retryAfterSeconds === 0 ? { allowed: true } : { allowed: false, retryAfterSeconds };
}

/**
 * When to stamp an attempt let through at `now` after `accountAttempts` (those it was
 * decided against): `now`, or just after the newest of them when a clock behind or the
 * same millisecond would put it before. Attempts on an account are then stamped in the
 * order they were let through, which is what `decideThrottle` means by "before a success":
 * an attempt that waited its turn behind a successful sign-in is not forgiven by it.
 */
export function attemptTime(accountAttempts: readonly Attempt[], now: Date): Date {
  const newest = Math.max(...accountAttempts.map((attempt) => attempt.at.getTime()));
  return newest >= now.getTime() ? new Date(newest + 1) : now;
}
