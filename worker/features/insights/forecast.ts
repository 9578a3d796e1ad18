import type { Forecast } from '../../../schema/insights';
import { round } from './numbers';
import { DAY_MS } from './window';

/**
 * Next week's lead count, without I/O. The weekly totals are smoothed exponentially (simple
 * exponential smoothing, its factor chosen among SMOOTHING_GRID by the smallest squared error
 * of its own one-week-ahead forecasts over the history); the week is spread over its days by
 * the weekday profile of the same history (each day's share, with one lead added to every
 * weekday so a weekday never seen is not forecast at zero). The 80 % interval is the
 * expectation ± 1.28 standard deviations, the deviation taken from the history's
 * one-week-ahead errors and never below Poisson noise (√expected).
 */

export const SMOOTHING_GRID = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8] as const;
/** With fewer one-week-ahead errors than this, the factor is not fitted and no error is reported. */
const MIN_ERRORS = 4;
const DEFAULT_SMOOTHING = 0.5;
/** The normal quantile of an 80 % two-sided interval. */
export const INTERVAL_Z = 1.2816;
/** Fewer complete weeks of history than this: no forecast. */
export const MIN_FORECAST_WEEKS = 2;

export interface ForecastInput {
  /** The first instant of the forecast week. */
  end: Date;
  /** Leads per complete 7-day window of the history, the oldest first, the last ending at `end`. */
  weekly: readonly number[];
  /** Leads per 24-hour window counted back from `end` (index 0: the day before `end`), over the same weeks. */
  daily: readonly number[];
}

interface Smoothed {
  level: number;
  /** y(t) − forecast(t) for every week after the first. */
  errors: number[];
}

function smooth(series: readonly number[], alpha: number): Smoothed {
  let level = series[0] ?? 0;
  const errors: number[] = [];
  for (const value of series.slice(1)) {
    errors.push(value - level);
    level = alpha * value + (1 - alpha) * level;
  }
  return { level, errors };
}

const squared = (errors: readonly number[]) => errors.reduce((sum, error) => sum + error * error, 0);

/** The smoothing of `series` whose one-week-ahead errors are smallest (the default factor on a short history). */
export function bestSmoothing(series: readonly number[]): Smoothed & { alpha: number } {
  if (series.length - 1 < MIN_ERRORS) return { alpha: DEFAULT_SMOOTHING, ...smooth(series, DEFAULT_SMOOTHING) };
  let best: Smoothed & { alpha: number } = { alpha: DEFAULT_SMOOTHING, ...smooth(series, DEFAULT_SMOOTHING) };
  for (const alpha of SMOOTHING_GRID) {
    const candidate = smooth(series, alpha);
    if (squared(candidate.errors) < squared(best.errors)) best = { alpha, ...candidate };
  }
  return best;
}

/** Each day's share of a week, day 0 being the first day after `end` (same position in the 7-day cycle). */
export function weekdayShares(daily: readonly number[]): number[] {
  const totals = [0, 0, 0, 0, 0, 0, 0];
  daily.forEach((leads, back) => {
    // Day `back` before the end sits at position 6 − (back mod 7) of its week.
    totals[6 - (back % 7)]! += leads;
  });
  const sum = totals.reduce((a, b) => a + b, 0);
  return totals.map((count) => (count + 1) / (sum + 7));
}

export function forecastNextWeek({ end, weekly, daily }: ForecastInput): Forecast | null {
  if (weekly.length < MIN_FORECAST_WEEKS) return null;
  const { level, errors } = bestSmoothing(weekly);
  const expected = Math.max(0, level);
  const meanSquared = errors.length > 0 ? squared(errors) / errors.length : expected;
  const deviation = Math.sqrt(Math.max(meanSquared, expected));
  const shares = weekdayShares(daily);
  return {
    start: end.toISOString(),
    expected: Math.round(expected),
    low: Math.max(0, Math.floor(expected - INTERVAL_Z * deviation)),
    high: Math.ceil(expected + INTERVAL_Z * deviation),
    days: shares.map((share, day) => ({
      start: new Date(end.getTime() + day * DAY_MS).toISOString(),
      expected: round(expected * share, 1),
    })),
    weeks: weekly.length,
    backtestError:
      errors.length >= MIN_ERRORS
        ? round(errors.reduce((sum, error) => sum + Math.abs(error), 0) / errors.length, 1)
        : null,
  };
}
