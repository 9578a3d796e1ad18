import { describe, expect, it } from 'vitest';
import { fraction, labelStride, linePath, niceCeiling, showsLabel, ticks } from '../../../dashboard/charts/scale';
import {
  formatChange,
  formatConfidence,
  formatCount,
  formatDays,
  formatPoints,
  formatScore,
  formatShare,
} from '../../../dashboard/insights-format';
import {
  customProblem,
  insightsApiPath,
  isDay,
  periodFromSearch,
  periodSearch,
  samePeriod,
} from '../../../dashboard/insights-period';
import { isPending, retryTime } from '../../../dashboard/insights-refresh';
import { screenLink } from '../../../dashboard/router';
import type { InsightsRefreshView } from '../../../schema/app-api';

/** Intl's spaces, spelled out so a failure shows which one is wrong. */
const NBSP = '\u00a0';

describe('the insights period in the URL', () => {
  it('reads each period, and falls back to this week on anything else', () => {
    expect(periodFromSearch('')).toEqual({ key: 'week' });
    expect(periodFromSearch('?period=4w')).toEqual({ key: '4w' });
    expect(periodFromSearch('?period=12w&from=2026-01-01')).toEqual({ key: '12w' });
    expect(periodFromSearch('?period=year')).toEqual({ key: 'week' });
    expect(periodFromSearch('?period=custom&from=2026-10-01&to=2026-10-31')).toEqual({
      key: 'custom',
      from: '2026-10-01',
      to: '2026-10-31',
    });
  });

  it('leaves out a custom day that is not a real date', () => {
    expect(periodFromSearch('?period=custom&from=2026-02-30&to=2026-13-01')).toEqual({
      key: 'custom',
      from: '',
      to: '',
    });
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-1-05')).toBe(false);
  });

  it('writes a bare URL for this week and round-trips the others', () => {
    expect(periodSearch({ key: 'week' })).toBe('');
    expect(periodSearch({ key: '12w' })).toBe('?period=12w');
    const custom = { key: 'custom', from: '2026-10-01', to: '2026-10-31' } as const;
    expect(periodSearch(custom)).toBe('?period=custom&from=2026-10-01&to=2026-10-31');
    expect(periodFromSearch(periodSearch(custom))).toEqual(custom);
    expect(samePeriod({ key: '4w' }, periodFromSearch('?period=4w'))).toBe(true);
    expect(samePeriod({ key: '4w' }, { key: '12w' })).toBe(false);
  });

  it('asks the API with the period and the time zone, and not at all for a custom period not yet chosen', () => {
    expect(insightsApiPath({ key: 'week' }, 'America/Toronto')).toBe('/insights?period=week&tz=America%2FToronto');
    expect(insightsApiPath({ key: 'custom', from: '2026-10-01', to: '2026-10-31' }, undefined)).toBe(
      '/insights?period=custom&from=2026-10-01&to=2026-10-31',
    );
    expect(insightsApiPath({ key: 'custom', from: '2026-10-01', to: '' }, 'UTC')).toBeNull();
  });

  it('says why a custom period cannot be asked for', () => {
    expect(customProblem({ key: '4w' })).toBeNull();
    expect(customProblem({ key: 'custom', from: '', to: '2026-10-31' })).toBe('incomplete');
    expect(customProblem({ key: 'custom', from: '2026-11-01', to: '2026-10-31' })).toBe('reversed');
    expect(customProblem({ key: 'custom', from: '2026-10-31', to: '2026-10-31' })).toBeNull();
  });
});

describe('the insights figures in words', () => {
  it('writes shares and changes as each language does', () => {
    expect(formatShare(12.5, 'fr')).toBe(`12,5${NBSP}%`);
    expect(formatShare(12.5, 'en')).toBe('12.5%');
    expect(formatShare(40, 'fr')).toBe(`40${NBSP}%`);
    expect(formatChange(40, 'en')).toBe('+40%');
    expect(formatChange(-12.5, 'fr')).toBe(`-12,5${NBSP}%`);
    expect(formatChange(0, 'en')).toBe('0%');
    expect(formatPoints(3.2, 'fr')).toBe('+3,2');
  });

  it('groups thousands with the non-breaking space of Quebec French', () => {
    expect(formatCount(12345, 'fr')).toBe(`12${NBSP}345`);
    expect(formatCount(12345, 'en')).toBe('12,345');
  });

  it('keeps the one decimal of scores and confidences', () => {
    expect(formatScore(72.5, 'fr')).toBe('72,5');
    expect(formatScore(80, 'en')).toBe('80');
    expect(formatConfidence(0.845, 'fr')).toBe(`84,5${NBSP}%`);
  });

  it('writes a period by the days it covers, its end excluded', () => {
    const start = '2026-11-03T00:00:00Z';
    const end = '2026-11-10T00:00:00Z';
    expect(formatDays(start, end, 'en', 'UTC')).toBe('November 3–9, 2026');
    expect(formatDays(start, end, 'fr', 'UTC')).toBe('3–9 novembre 2026');
  });
});

describe('chart scales', () => {
  it('ends an axis at a round number at or above the largest value', () => {
    expect([0, 0.72, 1, 3, 7, 14, 20, 21, 260].map((value) => niceCeiling(value))).toEqual([
      1, 1, 1, 5, 10, 20, 20, 25, 500,
    ]);
    expect(niceCeiling(0.3, 0.1)).toBe(0.5);
  });

  it('ticks in round steps, whole ones for counts', () => {
    expect(ticks(20, { integer: true })).toEqual([0, 5, 10, 15, 20]);
    expect(ticks(25, { integer: true })).toEqual([0, 5, 10, 15, 20, 25]);
    expect(ticks(10, { integer: true })).toEqual([0, 2, 4, 6, 8, 10]);
    expect(ticks(2, { integer: true })).toEqual([0, 1, 2]);
    expect(ticks(1, { integer: true })).toEqual([0, 1]);
    expect(ticks(1)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('places a value on its scale without running past either end', () => {
    expect(fraction(5, 20)).toBe(0.25);
    expect(fraction(30, 20)).toBe(1);
    expect(fraction(-1, 20)).toBe(0);
    expect(fraction(3, 0)).toBe(0);
  });

  it('thins axis labels to those that fit, always keeping the newest', () => {
    expect(labelStride(13, 600, 46)).toBe(1);
    const stride = labelStride(13, 280, 46);
    expect(stride).toBe(3);
    const shown = Array.from({ length: 13 }, (_, index) => index).filter((index) => showsLabel(index, 13, stride));
    expect(shown).toEqual([0, 3, 6, 9, 12]);
  });

  it('breaks a line where a value is missing', () => {
    expect(linePath([{ x: 0, y: 10 }, { x: 10, y: 5 }, null, { x: 30, y: 2 }, { x: 40, y: 1.234 }])).toBe(
      'M0,10L10,5M30,2L40,1.23',
    );
    expect(linePath([null, null])).toBe('');
  });
});

describe('links and refresh limits', () => {
  it('opens the screen a recommendation names, with its filters', () => {
    expect(screenLink({ screen: 'inbox', query: 'urgency=High&intent=complaint' })).toBe(
      '/app/inbox?urgency=High&intent=complaint',
    );
    expect(screenLink({ screen: 'settings', query: '' })).toBe('/app/settings');
    expect(screenLink({ screen: 'activity', query: '?action=replied' })).toBe('/app/activity?action=replied');
  });

  const status: InsightsRefreshView = {
    state: 'idle',
    requestedAt: null,
    limit: 3,
    windowMinutes: 60,
    remaining: 0,
    retryAt: '2026-11-30T15:00:00.000Z',
  };

  it('follows a refresh while it is queued or running', () => {
    expect(isPending({ ...status, state: 'queued' })).toBe(true);
    expect(isPending({ ...status, state: 'running' })).toBe(true);
    expect(isPending({ ...status, state: 'failed' })).toBe(false);
    expect(isPending(status)).toBe(false);
  });

  it('tells when to come back from Retry-After, else from the status', () => {
    const now = Date.parse('2026-11-30T14:00:00Z');
    expect(retryTime(90, status, now)).toBe('2026-11-30T14:01:30.000Z');
    expect(retryTime(null, status, now)).toBe(status.retryAt);
    expect(retryTime(null, null, now)).toBeNull();
  });
});
