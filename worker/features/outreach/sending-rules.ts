import type { Province } from '../../../schema/vocabulary';
import { DEFAULT_TIME_ZONE, localTime, localWeekday } from '../../platform/local-time';

/**
 * The safe limits of cold outreach, pure: how many a mailbox may send today (a new mailbox
 * warms up), whether now is within the prospect's business hours, how far apart two
 * messages of a mailbox go, and when a campaign's bounces say its list is bad. The figures
 * come from settings (limits.ts), each with a documented default.
 */

export interface SendingLimits {
  /** A warmed-up mailbox's messages a day. */
  mailboxDailyCap: number;
  /** A new mailbox's first day; each day after it may send `warmupStep` more, up to the cap. */
  warmupStart: number;
  warmupStep: number;
  /** Every mailbox together, under the provider's own limit (Workspace: 2,000 a day). */
  globalDailyCap: number;
  /** The prospect's local hours, [start, end): 9 to 17 by default, Monday to Friday. */
  windowStartHour: number;
  windowEndHour: number;
  /** Saturdays and Sundays too; off by default (a business day is Monday to Friday). */
  weekends: boolean;
  /** Seconds between two messages of one mailbox, and the random part added to each wait. */
  spacingSeconds: number;
  jitterSeconds: number;
  /** A campaign pauses itself when this share of its last `bounceWindow` sends bounced hard. */
  bounceThreshold: number;
  bounceWindow: number;
}

export const DEFAULT_SENDING_LIMITS: SendingLimits = {
  mailboxDailyCap: 50,
  warmupStart: 10,
  warmupStep: 5,
  globalDailyCap: 500,
  windowStartHour: 9,
  windowEndHour: 17,
  weekends: false,
  spacingSeconds: 90,
  jitterSeconds: 60,
  bounceThreshold: 0.05,
  bounceWindow: 50,
};

const DAY_MS = 86_400_000;

/** Today's cap for a mailbox that first sent at `firstSentAt` (null: never, so today is its first day). */
export function mailboxCapToday(limits: SendingLimits, firstSentAt: Date | null, now: Date): number {
  const days = firstSentAt ? Math.max(0, Math.floor((now.getTime() - firstSentAt.getTime()) / DAY_MS)) : 0;
  return Math.min(limits.mailboxDailyCap, limits.warmupStart + limits.warmupStep * days);
}

/** Where a prospect's business hours are kept, from its province; Eastern time when unknown. */
const PROVINCE_TIME_ZONES: Record<Province, string> = {
  AB: 'America/Edmonton',
  BC: 'America/Vancouver',
  MB: 'America/Winnipeg',
  NB: 'America/Moncton',
  NL: 'America/St_Johns',
  NS: 'America/Halifax',
  NT: 'America/Yellowknife',
  NU: 'America/Iqaluit',
  ON: 'America/Toronto',
  PE: 'America/Halifax',
  QC: 'America/Toronto',
  SK: 'America/Regina',
  YT: 'America/Whitehorse',
};

export const prospectTimeZone = (region: string | null): string =>
  (region && PROVINCE_TIME_ZONES[region.toUpperCase() as Province]) || DEFAULT_TIME_ZONE;

/** Whether `now` falls on a business day, within the window's hours, in `timeZone`. */
export function inSendingWindow(limits: SendingLimits, timeZone: string, now: Date): boolean {
  const weekday = localWeekday(timeZone, now.getTime());
  if (!limits.weekends && (weekday === 0 || weekday === 6)) return false;
  const { hour } = localTime(timeZone, now.getTime());
  return hour >= limits.windowStartHour && hour < limits.windowEndHour;
}

/** The next instant (to the quarter hour) the window is open in `timeZone`: when a held email goes. */
export function nextWindowOpening(limits: SendingLimits, timeZone: string, now: Date): Date {
  const quarter = 15 * 60_000;
  let instant = Math.ceil(now.getTime() / quarter) * quarter;
  for (let step = 0; step < 4 * 24 * 8; step++, instant += quarter) {
    if (inSendingWindow(limits, timeZone, new Date(instant))) return new Date(instant);
  }
  return new Date(instant);
}

/** The wait after a mailbox's message before its next one: the spacing, plus a random part so sends do not tick. */
export const spacingAfterSend = (limits: SendingLimits, random: () => number = Math.random): number =>
  limits.spacingSeconds + Math.floor(random() * (limits.jitterSeconds + 1));

/**
 * Whether a campaign's recent sends say its list is bad: of its last `bounceWindow` sends
 * (newest first, true for a hard bounce), more than the threshold bounced. Fewer than ten
 * sends say nothing yet.
 */
export function bounceBreakerTripped(limits: SendingLimits, recentHardBounces: readonly boolean[]): boolean {
  const window = recentHardBounces.slice(0, limits.bounceWindow);
  if (window.length < 10) return false;
  const bounced = window.filter(Boolean).length;
  return bounced / window.length > limits.bounceThreshold;
}
