import { secondsUntilBelow, THROTTLE_WINDOW_MS, type ThrottleDecision } from './sign-in-throttle';

/**
 * How often a password-reset link may be asked for, decided from the recent requests in
 * `password_resets` (every request is kept there, whether or not an account has the email,
 * so the decision says nothing about who has one). Per email, 3 in 15 minutes and 10 in a
 * day: a person who did not get the mail can ask again, but nobody can bury one inbox
 * under reset mail. Per IP (its /64 for IPv6), 20 in 15 minutes, the sign-in throttle's
 * figure: one machine cannot spray requests over many addresses. The caller decides and
 * records each request in turn, under the same locks as sign-in (throttle-locks.ts).
 */

export const RESET_WINDOW_MS = THROTTLE_WINDOW_MS;
export const MAX_RESETS_PER_EMAIL = 3;
export const RESET_DAY_MS = 24 * 60 * 60 * 1000;
export const MAX_RESETS_PER_EMAIL_PER_DAY = 10;
export const MAX_RESETS_PER_IP = 20;

export interface ResetThrottleInput {
  /** Recent requests for the email (the last day's, at least the newest 10), any order. */
  emailRequests: readonly Date[];
  /** Recent requests from the request's IP network, for any email, any order. */
  ipRequests: readonly Date[];
  now: Date;
}

/** Whether a reset link may be asked for now; a refusal says when the next one may be. */
export function decideResetThrottle({ emailRequests, ipRequests, now }: ResetThrottleInput): ThrottleDecision {
  const retryAfterSeconds = Math.max(
    secondsUntilBelow(emailRequests, MAX_RESETS_PER_EMAIL, now, RESET_WINDOW_MS),
    secondsUntilBelow(emailRequests, MAX_RESETS_PER_EMAIL_PER_DAY, now, RESET_DAY_MS),
    secondsUntilBelow(ipRequests, MAX_RESETS_PER_IP, now, RESET_WINDOW_MS),
  );
  return retryAfterSeconds === 0 ? { allowed: true } : { allowed: false, retryAfterSeconds };
}
