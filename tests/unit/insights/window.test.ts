import { describe, expect, it } from 'vitest';
import { DAY_MS, WEEK_MS, weekStart, windowBounds } from '../../../worker/features/insights/window';

const at = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();

describe('windowBounds: the instants an analysis compares', () => {
  const end = at('2026-11-30T05:00:00.000Z');

  it('compares a week with the week just before it', () => {
    const bounds = windowBounds({ start: new Date(end.getTime() - WEEK_MS), end });
    expect(iso(bounds.start)).toBe('2026-11-23T05:00:00.000Z');
    expect(iso(bounds.end)).toBe('2026-11-30T05:00:00.000Z');
    expect(iso(bounds.previousStart)).toBe('2026-11-16T05:00:00.000Z');
    expect(bounds.days).toBe(7);
  });

  it('takes the anomalies’ history over the 8 periods before, and the volume baseline over 28 days whatever the period', () => {
    const week = windowBounds({ start: new Date(end.getTime() - WEEK_MS), end });
    expect(iso(week.anomalyStart)).toBe(iso(new Date(week.start.getTime() - 8 * WEEK_MS)));
    expect(iso(week.baselineStart)).toBe('2026-10-26T05:00:00.000Z');

    const fourWeeks = windowBounds({ start: new Date(end.getTime() - 28 * DAY_MS), end });
    expect(iso(fourWeeks.previousStart)).toBe(iso(new Date(end.getTime() - 56 * DAY_MS)));
    expect(iso(fourWeeks.anomalyStart)).toBe(iso(new Date(fourWeeks.start.getTime() - 8 * 28 * DAY_MS)));
    expect(iso(fourWeeks.baselineStart)).toBe(iso(new Date(fourWeeks.start.getTime() - 28 * DAY_MS)));
  });

  it('always shows at least 12 weekly windows, more for a long period (ceil of days / 7)', () => {
    const weeksFor = (days: number) => windowBounds({ start: new Date(end.getTime() - days * DAY_MS), end }).weeks;
    expect(weeksFor(1)).toBe(12);
    expect(weeksFor(7)).toBe(12);
    expect(weeksFor(84)).toBe(12);
    expect(weeksFor(85)).toBe(13);
    expect(weeksFor(100)).toBe(15);
    expect(weeksFor(366)).toBe(53);
  });

  it('starts the weekly series that many weeks before the end', () => {
    const bounds = windowBounds({ start: new Date(end.getTime() - 100 * DAY_MS), end });
    expect(iso(bounds.seriesStart)).toBe(iso(new Date(end.getTime() - 15 * WEEK_MS)));
    const week = windowBounds({ start: new Date(end.getTime() - WEEK_MS), end });
    expect(iso(week.seriesStart)).toBe('2026-09-07T05:00:00.000Z');
  });

  it('counts a custom period that is not whole days in fractional days (a 23-hour DST day)', () => {
    const bounds = windowBounds({ start: at('2026-03-08T05:00:00Z'), end: at('2026-03-09T04:00:00Z') });
    expect(bounds.days).toBeCloseTo(23 / 24, 10);
    expect(iso(bounds.previousStart)).toBe('2026-03-07T06:00:00.000Z');
  });

  it('refuses an empty or reversed period', () => {
    expect(() => windowBounds({ start: end, end })).toThrow(RangeError);
    expect(() => windowBounds({ start: end, end: new Date(end.getTime() - DAY_MS) })).toThrow(RangeError);
    expect(() => windowBounds({ start: new Date(Number.NaN), end })).toThrow(RangeError);
  });
});

describe('weekStart', () => {
  it('counts windows back from the end, window 0 being the last seven days', () => {
    const end = at('2026-11-30T05:00:00.000Z');
    expect(iso(weekStart(end, 0))).toBe('2026-11-23T05:00:00.000Z');
    expect(iso(weekStart(end, 1))).toBe('2026-11-16T05:00:00.000Z');
    expect(iso(weekStart(end, 11))).toBe('2026-09-07T05:00:00.000Z');
  });
});
