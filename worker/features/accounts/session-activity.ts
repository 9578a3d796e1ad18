/**
 * `sessions.last_seen_at` says when a session was last used (for a future "your sessions"
 * list). Writing it on every request would turn each dashboard read into a write, so it is
 * refreshed at most once a minute.
 */

export const TOUCH_INTERVAL_MS = 60 * 1000;

/** Whether a session last seen at `lastSeenAt` should have that time refreshed at `now`. */
export const shouldTouchSession = (lastSeenAt: Date, now: Date): boolean =>
  now.getTime() - lastSeenAt.getTime() >= TOUCH_INTERVAL_MS;
