import { startOfLocalDay } from '../../platform/local-time';

/** The home's periods in the reader's time zone, without I/O. */

/** Days in the home's week: today and the six days before it, in the reader's time zone. */
export const WEEK_DAYS = 7;

/** Where the home's two periods start: today, and the week (today and the six days before). */
export interface HomePeriods {
  today: Date;
  week: Date;
}

export const homePeriods = (timeZone: string, now: Date): HomePeriods => ({
  today: startOfLocalDay(timeZone, now),
  week: startOfLocalDay(timeZone, now, WEEK_DAYS - 1),
});

/** Whole minutes from `from` to `to`, rounded down; 0 when `to` is not later. */
export const minutesBetween = (from: Date, to: Date): number =>
  Math.max(0, Math.floor((to.getTime() - from.getTime()) / 60_000));
