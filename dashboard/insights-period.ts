import { INSIGHTS_PERIODS, type InsightsPeriodKey } from '../schema/app-api';

/**
 * The period the Insights screen shows, as kept in its URL (`?period=4w`, or
 * `?period=custom&from=2026-10-01&to=2026-10-31`) so a view can be bookmarked or shared,
 * and as asked of the API. The stored weekly analysis (`week`) is the default and leaves
 * the URL bare.
 */
export type PeriodChoice =
  | { key: Exclude<InsightsPeriodKey, 'custom'> }
  | {
      key: 'custom';
      /** Days as the date inputs hold them (YYYY-MM-DD), both included; '' until chosen. */
      from: string;
      to: string;
    };

export const DEFAULT_PERIOD: PeriodChoice = { key: 'week' };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `value` is a real calendar day written YYYY-MM-DD (not 2026-02-30). */
export function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function periodFromSearch(search: string): PeriodChoice {
  const params = new URLSearchParams(search);
  const key = params.get('period');
  if (!INSIGHTS_PERIODS.includes(key as InsightsPeriodKey)) return DEFAULT_PERIOD;
  if (key !== 'custom') return { key: key as Exclude<InsightsPeriodKey, 'custom'> };
  // A half-typed or broken day stays out: the picker shows the field empty, not an error.
  const day = (name: string) => {
    const value = params.get(name) ?? '';
    return isDay(value) ? value : '';
  };
  return { key: 'custom', from: day('from'), to: day('to') };
}

/** The period's own query parameters, without `tz`: what the URL keeps. */
function periodParams(choice: PeriodChoice): URLSearchParams {
  const params = new URLSearchParams();
  if (choice.key === 'week') return params;
  params.set('period', choice.key);
  if (choice.key === 'custom') {
    if (choice.from) params.set('from', choice.from);
    if (choice.to) params.set('to', choice.to);
  }
  return params;
}

/** The screen's query string (with its `?`), or '' for the default period. */
export function periodSearch(choice: PeriodChoice): string {
  const query = periodParams(choice).toString();
  return query ? `?${query}` : '';
}

/**
 * What keeps a custom period from being asked for: a day not chosen yet, or the end before
 * the start. The API has the last word on the rest (how long a period may be).
 */
export type CustomProblem = 'incomplete' | 'reversed';

export function customProblem(choice: PeriodChoice): CustomProblem | null {
  if (choice.key !== 'custom') return null;
  if (!isDay(choice.from) || !isDay(choice.to)) return 'incomplete';
  return choice.from > choice.to ? 'reversed' : null;
}

/**
 * The API path of the period's insights (GET /api/app/insights), in the browser's time
 * zone so that "this week" and a custom day start at the client's midnight; null while
 * the custom period cannot be asked for.
 */
export function insightsApiPath(choice: PeriodChoice, timeZone: string | undefined): string | null {
  if (customProblem(choice)) return null;
  const params = periodParams(choice);
  params.set('period', choice.key);
  if (timeZone) params.set('tz', timeZone);
  return `/insights?${params}`;
}

/** Two choices ask for the same figures (a new object for the same period does not reload). */
export const samePeriod = (a: PeriodChoice, b: PeriodChoice) => periodSearch(a) === periodSearch(b);
