import { describe, expect, it } from 'vitest';
import { customWindow, MAX_CUSTOM_DAYS, rollingWindow } from '../../../worker/features/insights/period';
import { DAY_MS } from '../../../worker/features/insights/window';

const TORONTO = 'America/Toronto';
const now = new Date('2026-12-15T17:00:00.000Z');
const iso = (date: Date) => date.toISOString();

/** The window of a custom period that should be accepted. */
function accepted(from: string, to: string, timeZone = TORONTO, at = now) {
  const result = customWindow(from, to, timeZone, at);
  if (!result.ok) throw new Error(`${from}…${to} refused: ${result.problem}`);
  return { start: iso(result.window.start), end: iso(result.window.end), hours: hoursOf(result.window) };
}
const hoursOf = (window: { start: Date; end: Date }) => (window.end.getTime() - window.start.getTime()) / 3_600_000;

describe('rollingWindow: the Insights screen’s rolling periods', () => {
  it('ends now and starts 7, 28 or 84 days before', () => {
    for (const [key, days] of [
      ['week', 7],
      ['4w', 28],
      ['12w', 84],
    ] as const) {
      const window = rollingWindow(key, now);
      expect(iso(window.end)).toBe(iso(now));
      expect(now.getTime() - window.start.getTime()).toBe(days * DAY_MS);
    }
  });
});

describe('customWindow: the days the reader picked, as they see them', () => {
  it('covers one whole local day, from local midnight to the next', () => {
    expect(accepted('2026-06-10', '2026-06-10')).toEqual({
      start: '2026-06-10T04:00:00.000Z',
      end: '2026-06-11T04:00:00.000Z',
      hours: 24,
    });
    expect(accepted('2026-01-10', '2026-01-12')).toEqual({
      start: '2026-01-10T05:00:00.000Z',
      end: '2026-01-13T05:00:00.000Z',
      hours: 72,
    });
  });

  it('is 23 hours on the day Toronto springs forward (2026-03-08)', () => {
    expect(accepted('2026-03-08', '2026-03-08')).toEqual({
      start: '2026-03-08T05:00:00.000Z',
      end: '2026-03-09T04:00:00.000Z',
      hours: 23,
    });
  });

  it('is 25 hours on the day Toronto falls back (2026-11-01)', () => {
    expect(accepted('2026-11-01', '2026-11-01')).toEqual({
      start: '2026-11-01T04:00:00.000Z',
      end: '2026-11-02T05:00:00.000Z',
      hours: 25,
    });
  });

  it('follows a far-east zone’s day (Kiritimati, 14 hours ahead of UTC)', () => {
    expect(accepted('2026-05-10', '2026-05-10', 'Pacific/Kiritimati')).toEqual({
      start: '2026-05-09T10:00:00.000Z',
      end: '2026-05-10T10:00:00.000Z',
      hours: 24,
    });
  });

  it('cuts the end at now when the last day is today or later', () => {
    expect(accepted('2026-12-14', '2026-12-15')).toEqual({
      start: '2026-12-14T05:00:00.000Z',
      end: iso(now),
      hours: 36,
    });
    expect(accepted('2026-12-01', '2027-01-31').end).toBe(iso(now));
  });

  it('accepts today, which has started', () => {
    expect(accepted('2026-12-15', '2026-12-15')).toEqual({
      start: '2026-12-15T05:00:00.000Z',
      end: iso(now),
      hours: 12,
    });
  });

  it('refuses a period that starts in the future', () => {
    expect(customWindow('2026-12-16', '2026-12-20', TORONTO, now)).toEqual({ ok: false, problem: 'future' });
    // Already the 16th in Kiritimati, where the day has begun.
    expect(customWindow('2026-12-16', '2026-12-16', 'Pacific/Kiritimati', now).ok).toBe(true);
  });

  it('refuses a last day before the first', () => {
    expect(customWindow('2026-10-10', '2026-10-09', TORONTO, now)).toEqual({ ok: false, problem: 'order' });
  });

  it('refuses dates that do not exist or are not dates', () => {
    for (const [from, to] of [
      ['2026-02-30', '2026-03-05'],
      ['2026-02-01', '2026-02-30'],
      ['2026-13-01', '2026-13-02'],
      ['2026-02-29', '2026-03-01'],
      ['2026-1-05', '2026-01-06'],
      ['yesterday', '2026-01-06'],
    ]) {
      expect(customWindow(from!, to!, TORONTO, now), `${from}…${to}`).toEqual({ ok: false, problem: 'date' });
    }
    expect(customWindow('2024-02-29', '2024-02-29', TORONTO, now).ok).toBe(true);
  });

  it(`accepts up to ${MAX_CUSTOM_DAYS} days and refuses one more`, () => {
    expect(accepted('2025-01-01', '2026-01-01').hours).toBe(366 * 24);
    expect(accepted('2024-01-01', '2024-12-31').hours).toBe(366 * 24);
    expect(customWindow('2025-01-01', '2026-01-02', TORONTO, now)).toEqual({ ok: false, problem: 'length' });
  });

  it('still accepts a year and a day that gained the fall-back hour', () => {
    // Starts in summer time, ends in winter time: 366 days and one hour.
    expect(accepted('2025-11-01', '2026-11-01').hours).toBe(366 * 24 + 1);
    expect(customWindow('2025-10-31', '2026-11-01', TORONTO, now)).toEqual({ ok: false, problem: 'length' });
  });
});
