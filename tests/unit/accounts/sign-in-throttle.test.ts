import { describe, expect, it } from 'vitest';
import { shouldTouchSession } from '../../../worker/features/accounts/session-activity';
import { type Attempt, attemptTime, decideThrottle } from '../../../worker/features/accounts/sign-in-throttle';

const now = new Date('2026-11-25T12:00:00Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const failure = (minutes: number): Attempt => ({ at: minutesAgo(minutes), succeeded: false });
const success = (minutes: number): Attempt => ({ at: minutesAgo(minutes), succeeded: true });

describe('sign-in throttle per account', () => {
  it('allows up to 4 recent failures and refuses at 5', () => {
    const four = [failure(1), failure(2), failure(3), failure(4)];
    expect(decideThrottle({ accountAttempts: four, ipFailures: [], now })).toEqual({ allowed: true });
    expect(decideThrottle({ accountAttempts: [...four, failure(10)], ipFailures: [], now })).toEqual({
      allowed: false,
      retryAfterSeconds: 5 * 60, // the failure of 10 minutes ago leaves the 15-minute window in 5
    });
  });

  it('waits for the oldest of the 5 newest failures, whatever order they come in', () => {
    const attempts = [failure(2), failure(14), failure(1), failure(6), failure(3), failure(13)];
    // Newest five: 1, 2, 3, 6, 13 minutes ago; the one of 13 minutes leaves in 2 minutes.
    expect(decideThrottle({ accountAttempts: attempts, ipFailures: [], now })).toEqual({
      allowed: false,
      retryAfterSeconds: 120,
    });
  });

  it('ignores failures older than 15 minutes', () => {
    const attempts = [failure(1), failure(2), failure(3), failure(4), failure(15), failure(20)];
    expect(decideThrottle({ accountAttempts: attempts, ipFailures: [], now }).allowed).toBe(true);
  });

  it('forgives failures before a successful sign-in', () => {
    const attempts = [failure(1), success(2), failure(3), failure(4), failure(5), failure(6)];
    expect(decideThrottle({ accountAttempts: attempts, ipFailures: [], now }).allowed).toBe(true);
  });

  it('counts failures stamped after now: attempts let through just before, by a clock a little ahead', () => {
    const ahead = (ms: number): Attempt => ({ at: new Date(now.getTime() + ms), succeeded: false });
    const attempts = [ahead(1), ahead(2), ahead(3), failure(1), ahead(40)];
    expect(decideThrottle({ accountAttempts: attempts, ipFailures: [], now })).toEqual({
      allowed: false,
      retryAfterSeconds: 14 * 60, // the oldest of them, a minute ago, leaves the window in 14 minutes
    });
    expect(decideThrottle({ accountAttempts: [], ipFailures: Array(20).fill(ahead(5).at), now }).allowed).toBe(false);
  });

  it('forgives only the failures recorded before the success, as attemptTime orders them', () => {
    // A success stamped 2 ms ahead of this clock, then five failures recorded after it.
    let attempts: Attempt[] = [{ at: new Date(now.getTime() + 2), succeeded: true }];
    for (let i = 0; i < 4; i++) {
      attempts = [...attempts, { at: attemptTime(attempts, now), succeeded: false }];
      expect(decideThrottle({ accountAttempts: attempts, ipFailures: [], now }).allowed).toBe(true);
    }
    attempts = [...attempts, { at: attemptTime(attempts, now), succeeded: false }];
    expect(decideThrottle({ accountAttempts: attempts, ipFailures: [], now }).allowed).toBe(false);
  });

  it('never answers a retry of less than one second', () => {
    const edge = new Date(now.getTime() - 15 * 60_000 + 200);
    const attempts = [failure(1), failure(2), failure(3), failure(4), { at: edge, succeeded: false }];
    expect(decideThrottle({ accountAttempts: attempts, ipFailures: [], now })).toEqual({
      allowed: false,
      retryAfterSeconds: 1,
    });
  });
});

describe('sign-in throttle per IP', () => {
  const failures = (count: number) => Array.from({ length: count }, (_, i) => minutesAgo(i * 0.5 + 0.5));

  it('allows 19 failures from one address and refuses at 20', () => {
    expect(decideThrottle({ accountAttempts: [], ipFailures: failures(19), now }).allowed).toBe(true);
    const refused = decideThrottle({ accountAttempts: [], ipFailures: failures(20), now });
    // The 20th newest failure was 10 minutes ago: it leaves the window in 5.
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 300 });
  });

  it('is not reset by a success on some account', () => {
    const refused = decideThrottle({ accountAttempts: [success(0.1)], ipFailures: failures(25), now });
    expect(refused.allowed).toBe(false);
  });

  it('answers the longer wait when both limits are hit', () => {
    const account = [failure(1), failure(2), failure(3), failure(4), failure(14)];
    const refused = decideThrottle({ accountAttempts: account, ipFailures: failures(20), now });
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 300 });
  });
});

describe('the time an attempt is recorded at', () => {
  it('is now when every attempt before it is older', () => {
    expect(attemptTime([failure(1), success(3)], now)).toEqual(now);
    expect(attemptTime([], now)).toEqual(now);
  });

  it('is just after the newest attempt it was decided against, when a clock behind or the same millisecond would put it before', () => {
    const newest = new Date(now.getTime() + 5);
    expect(attemptTime([failure(2), { at: newest, succeeded: true }, failure(1)], now)).toEqual(
      new Date(newest.getTime() + 1),
    );
    expect(attemptTime([{ at: now, succeeded: false }], now)).toEqual(new Date(now.getTime() + 1));
  });
});

describe('session activity', () => {
  it('refreshes last_seen_at at most once a minute', () => {
    expect(shouldTouchSession(new Date(now.getTime() - 59_999), now)).toBe(false);
    expect(shouldTouchSession(new Date(now.getTime() - 60_000), now)).toBe(true);
    expect(shouldTouchSession(minutesAgo(30), now)).toBe(true);
  });
});
