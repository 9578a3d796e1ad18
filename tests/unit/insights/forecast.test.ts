import { describe, expect, it } from 'vitest';
import { bestSmoothing, forecastNextWeek, INTERVAL_Z, weekdayShares } from '../../../worker/features/insights/forecast';
import { DAY_MS } from '../../../worker/features/insights/window';

const end = new Date('2026-11-30T05:00:00.000Z');
/** `weeks` weeks of days (index 0 the day before `end`), `perDay(back)` leads each. */
const days = (weeks: number, perDay: (back: number) => number) =>
  Array.from({ length: weeks * 7 }, (_, back) => perDay(back));

describe('weekdayShares: the weekday profile of the history', () => {
  it('maps the first day after the end to the days 6, 13, 20… before it (same weekday)', () => {
    // Every lead came on the weekday of day 0 of the forecast week.
    const shares = weekdayShares(days(3, (back) => (back % 7 === 6 ? 10 : 0)));
    expect(shares[0]).toBeCloseTo(31 / 37, 12);
    for (const day of [1, 2, 3, 4, 5, 6]) expect(shares[day]).toBeCloseTo(1 / 37, 12);
  });

  it('maps the day just before the end to the last day of the forecast week', () => {
    const shares = weekdayShares(days(2, (back) => (back % 7 === 0 ? 5 : 0)));
    expect(shares[6]).toBeCloseTo(11 / 17, 12);
    expect(shares[0]).toBeCloseTo(1 / 17, 12);
  });

  it('adds one lead to every weekday, so a weekday never seen is not forecast at zero', () => {
    const none = weekdayShares([]);
    for (const share of none) expect(share).toBeCloseTo(1 / 7, 12);
    const one = weekdayShares([0, 0, 0, 1]);
    expect(one[3]).toBeCloseTo(2 / 8, 12);
    expect(one[0]).toBeCloseTo(1 / 8, 12);
  });

  it('always sums to one whole week', () => {
    const shares = weekdayShares(days(4, (back) => (back * 7) % 5));
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(shares).toHaveLength(7);
  });
});

describe('forecastNextWeek', () => {
  it('gives no forecast with less than two weeks of history', () => {
    expect(forecastNextWeek({ end, weekly: [], daily: [] })).toBeNull();
    expect(forecastNextWeek({ end, weekly: [9], daily: days(1, () => 1) })).toBeNull();
    expect(forecastNextWeek({ end, weekly: [7, 7], daily: days(2, () => 1) })).not.toBeNull();
  });

  it('forecasts a flat series at its level, with an interval around it', () => {
    const forecast = forecastNextWeek({ end, weekly: Array(12).fill(14), daily: days(12, () => 2) })!;
    expect(forecast.expected).toBe(14);
    // No error in the history: the interval is Poisson noise, ±1.28 √14.
    expect(forecast.low).toBe(Math.floor(14 - INTERVAL_Z * Math.sqrt(14)));
    expect(forecast.high).toBe(Math.ceil(14 + INTERVAL_Z * Math.sqrt(14)));
    expect(forecast.low).toBe(9);
    expect(forecast.high).toBe(19);
    expect(forecast.weeks).toBe(12);
    expect(forecast.backtestError).toBe(0);
  });

  it('starts the week at the end and lists its seven days, spread evenly for an even history', () => {
    const forecast = forecastNextWeek({ end, weekly: Array(12).fill(14), daily: days(12, () => 2) })!;
    expect(forecast.start).toBe('2026-11-30T05:00:00.000Z');
    expect(forecast.days.map((day) => day.start)).toEqual(
      Array.from({ length: 7 }, (_, day) => new Date(end.getTime() + day * DAY_MS).toISOString()),
    );
    expect(forecast.days.map((day) => day.expected)).toEqual([2, 2, 2, 2, 2, 2, 2]);
  });

  it('spreads the week by the weekday pattern of the history', () => {
    // Every lead of the history came on the weekday the forecast week starts on.
    const forecast = forecastNextWeek({
      end,
      weekly: Array(12).fill(14),
      daily: days(12, (back) => (back % 7 === 6 ? 14 : 0)),
    })!;
    expect(forecast.expected).toBe(14);
    // (168 + 1) / (168 + 7) × 14, and (0 + 1) / 175 × 14 on the other days.
    expect(forecast.days[0]!.expected).toBe(13.5);
    expect(forecast.days.slice(1).map((day) => day.expected)).toEqual([0.1, 0.1, 0.1, 0.1, 0.1, 0.1]);
  });

  it('never forecasts below zero, and forecasts nothing after weeks of nothing', () => {
    const quiet = forecastNextWeek({ end, weekly: [0, 0, 0, 0, 0, 0], daily: days(6, () => 0) })!;
    expect(quiet).toMatchObject({ expected: 0, low: 0, high: 0 });
    const fading = forecastNextWeek({ end, weekly: [6, 0, 0, 0, 1, 0], daily: days(6, () => 0) })!;
    expect(fading.low).toBe(0);
    expect(fading.high).toBeGreaterThanOrEqual(fading.expected);
    expect(fading.days.every((day) => day.expected >= 0)).toBe(true);
  });

  it('widens the interval when the history misses its own forecasts by more than Poisson noise', () => {
    const steady = forecastNextWeek({ end, weekly: Array(8).fill(10), daily: days(8, () => 0) })!;
    const erratic = forecastNextWeek({ end, weekly: [0, 20, 0, 20, 0, 20, 0, 20], daily: days(8, () => 0) })!;
    expect(steady.high - steady.low).toBeLessThan(erratic.high - erratic.low);
    expect(erratic.low).toBeLessThanOrEqual(erratic.expected);
    expect(erratic.high).toBeGreaterThanOrEqual(erratic.expected);
  });

  it('reports the mean absolute one-week-ahead error only from four errors (five weeks) on', () => {
    // The level stays at 10 until the jump, whatever the factor: errors 0, 0, 0, 4.
    const five = forecastNextWeek({ end, weekly: [10, 10, 10, 10, 14], daily: days(5, () => 0) })!;
    expect(five.backtestError).toBe(1);
    // Every factor ties, so the default 0.5 is kept: level 0.5 × 14 + 0.5 × 10.
    expect(five.expected).toBe(12);
    // The errors' mean square (4) is below Poisson noise (12): √12 is the deviation.
    expect(five.low).toBe(Math.floor(12 - INTERVAL_Z * Math.sqrt(12)));
    expect(five.high).toBe(Math.ceil(12 + INTERVAL_Z * Math.sqrt(12)));

    const four = forecastNextWeek({ end, weekly: [10, 10, 10, 14], daily: days(4, () => 0) })!;
    expect(four.backtestError).toBeNull();
    expect(four.weeks).toBe(4);
  });
});

describe('bestSmoothing', () => {
  it('smooths hard (small factor) a series that only jitters around its level', () => {
    const fit = bestSmoothing([10, 0, 10, 0, 10, 0, 10, 0, 10, 0]);
    expect(fit.alpha).toBe(0.2);
    expect(fit.errors).toHaveLength(9);
  });

  it('follows closely (large factor) a series that moved to a new level', () => {
    expect(bestSmoothing([0, 0, 0, 0, 10, 10, 10, 10, 10, 10]).alpha).toBe(0.8);
  });

  it('keeps the default factor on a history too short to fit it', () => {
    // Four weeks: three errors. A fit would pick 0.8 for this step.
    const fit = bestSmoothing([0, 0, 10, 10]);
    expect(fit.alpha).toBe(0.5);
    expect(fit.level).toBe(7.5);
    expect(fit.errors).toEqual([0, 10, 5]);
  });
});
