/** The instants an analysis compares, without I/O. */

export const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;
/** The weekly series always shows at least this many windows (the confidence trajectory's 12 weeks). */
export const MIN_WEEKS = 12;
/** Anomalies compare the period with the mean of this many periods before it. */
export const ANOMALY_PERIODS = 8;
/** The volume term's baseline: the pace of the 28 days before the period. */
export const BASELINE_DAYS = 28;

/** The period analysed: [start, end). */
export interface AnalysisWindow {
  start: Date;
  end: Date;
}

export interface WindowBounds {
  start: Date;
  end: Date;
  /** The period of equal length just before: [previousStart, start). */
  previousStart: Date;
  /** Where the anomalies' history starts: ANOMALY_PERIODS periods before `start`. */
  anomalyStart: Date;
  /** Where the volume baseline starts: BASELINE_DAYS before `start`. */
  baselineStart: Date;
  /** The period's length in days (fractional for a custom period that is not whole days). */
  days: number;
  /** How many 7-day windows the weekly series holds, counted back from `end`. */
  weeks: number;
  /** The first instant of the oldest weekly window. */
  seriesStart: Date;
}

export function windowBounds({ start, end }: AnalysisWindow): WindowBounds {
  const length = end.getTime() - start.getTime();
  if (!(length > 0)) throw new RangeError('an analysis period must end after it starts');
  const weeks = Math.max(MIN_WEEKS, Math.ceil(length / WEEK_MS));
  return {
    start,
    end,
    previousStart: new Date(start.getTime() - length),
    anomalyStart: new Date(start.getTime() - ANOMALY_PERIODS * length),
    baselineStart: new Date(start.getTime() - BASELINE_DAYS * DAY_MS),
    days: length / DAY_MS,
    weeks,
    seriesStart: new Date(end.getTime() - weeks * WEEK_MS),
  };
}

/** The first instant of weekly window `index` (0 the newest) counted back from `end`. */
export const weekStart = (end: Date, index: number): Date => new Date(end.getTime() - (index + 1) * WEEK_MS);
