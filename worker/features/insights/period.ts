import type { InsightsPeriodKey } from '../../../schema/app-api';
import { startOfLocalDate } from '../../platform/local-time';
import { type AnalysisWindow, DAY_MS } from './window';

/** The Insights screen's periods as instants, without I/O. */

/** The longest custom period, in days: a year and a day, so a whole leap year fits. */
export const MAX_CUSTOM_DAYS = 366;

const ROLLING_DAYS: Record<Exclude<InsightsPeriodKey, 'custom'>, number> = { week: 7, '4w': 28, '12w': 84 };

export const rollingWindow = (key: Exclude<InsightsPeriodKey, 'custom'>, now: Date): AnalysisWindow => ({
  start: new Date(now.getTime() - ROLLING_DAYS[key] * DAY_MS),
  end: now,
});

export type CustomWindow =
  | { ok: true; window: AnalysisWindow }
  | { ok: false; problem: 'date' | 'order' | 'future' | 'length' };

/**
 * From the first instant of `from` to the end of `to` (both calendar dates in `timeZone`),
 * cut at `now`: the days the reader picked, as they see them.
 */
export function customWindow(from: string, to: string, timeZone: string, now: Date): CustomWindow {
  const start = startOfLocalDate(timeZone, from);
  const last = startOfLocalDate(timeZone, to);
  if (!start || !last) return { ok: false, problem: 'date' };
  if (last < start) return { ok: false, problem: 'order' };
  if (start >= now) return { ok: false, problem: 'future' };
  // The calendar date after `to` (a 23- or 25-hour day is still one day), where its day ends.
  const dayAfter = startOfLocalDate(
    timeZone,
    new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10),
  );
  // The days asked for, whether or not they are all past (a 25-hour day is still one).
  if ((dayAfter!.getTime() - start.getTime()) / DAY_MS > MAX_CUSTOM_DAYS + 1 / 24)
    return { ok: false, problem: 'length' };
  const end = new Date(Math.min(now.getTime(), dayAfter!.getTime()));
  return { ok: true, window: { start, end } };
}
