import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { excerpt } from '../../../worker/features/home/excerpt';
import { homeLinks } from '../../../worker/features/home/links';
import { homePeriods, minutesBetween } from '../../../worker/features/home/periods';
import { homeQuery } from '../../../worker/features/home/query';
import { INVALID_TIME_ZONE } from '../../../worker/platform/http/time-zone';
import { startOfLocalDay, timeZoneNamed } from '../../../worker/platform/local-time';

const at = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString();

describe('timeZoneNamed', () => {
  it('knows the IANA names browsers send, in their canonical spelling', () => {
    expect(timeZoneNamed('America/Toronto')).toBe('America/Toronto');
    expect(timeZoneNamed('asia/tokyo')).toBe('Asia/Tokyo');
    expect(timeZoneNamed('UTC')).toBe('UTC');
  });

  it('refuses what names no time zone', () => {
    expect(timeZoneNamed('Mars/Olympus_Mons')).toBeNull();
    expect(timeZoneNamed('')).toBeNull();
    expect(timeZoneNamed('America/Toronto; drop table leads')).toBeNull();
  });
});

describe('startOfLocalDay', () => {
  it('is local midnight: 05:00 UTC in Toronto in winter, 04:00 in summer', () => {
    expect(iso(startOfLocalDay('America/Toronto', at('2026-01-15T18:00:00Z')))).toBe('2026-01-15T05:00:00.000Z');
    expect(iso(startOfLocalDay('America/Toronto', at('2026-07-15T18:00:00Z')))).toBe('2026-07-15T04:00:00.000Z');
  });

  it('takes the day from the local clock, not from UTC', () => {
    // 02:00 UTC on the 16th is still the evening of the 15th in Toronto.
    expect(iso(startOfLocalDay('America/Toronto', at('2026-01-16T02:00:00Z')))).toBe('2026-01-15T05:00:00.000Z');
    // and already the morning of the 16th in Tokyo.
    expect(iso(startOfLocalDay('Asia/Tokyo', at('2026-01-15T16:00:00Z')))).toBe('2026-01-15T15:00:00.000Z');
  });

  it('counts days back across a change of offset (Toronto springs forward on 2026-03-08)', () => {
    const now = at('2026-03-10T15:00:00Z');
    expect(iso(startOfLocalDay('America/Toronto', now))).toBe('2026-03-10T04:00:00.000Z');
    expect(iso(startOfLocalDay('America/Toronto', now, 6))).toBe('2026-03-04T05:00:00.000Z');
  });

  it('is midnight on the days the clocks change at 2 a.m., both ways', () => {
    expect(iso(startOfLocalDay('America/Toronto', at('2026-03-08T15:00:00Z')))).toBe('2026-03-08T05:00:00.000Z');
    expect(iso(startOfLocalDay('America/Toronto', at('2026-11-01T15:00:00Z')))).toBe('2026-11-01T04:00:00.000Z');
  });

  it('is the instant the clocks jump when they skip midnight (Santiago, 2026-09-06)', () => {
    // Chile springs forward from 00:00 to 01:00: the day starts at 04:00 UTC, local 01:00.
    expect(iso(startOfLocalDay('America/Santiago', at('2026-09-06T15:00:00Z')))).toBe('2026-09-06T04:00:00.000Z');
  });

  it('is the later midnight when the clocks fall back across it (Santiago, 2026-04-05)', () => {
    // Chile falls back from 00:00 to 23:00 on the 4th: the hour before midnight is lived twice,
    // and the 5th starts after the second one, at 04:00 UTC.
    expect(iso(startOfLocalDay('America/Santiago', at('2026-04-05T15:00:00Z')))).toBe('2026-04-05T04:00:00.000Z');
  });

  it('handles offsets that are not whole hours', () => {
    expect(iso(startOfLocalDay('Asia/Kathmandu', at('2026-01-15T12:00:00Z')))).toBe('2026-01-14T18:15:00.000Z');
    expect(iso(startOfLocalDay('America/St_Johns', at('2026-01-15T12:00:00Z')))).toBe('2026-01-15T03:30:00.000Z');
  });
});

describe('homePeriods', () => {
  it('starts the week six local days before today', () => {
    const periods = homePeriods('America/Toronto', at('2026-12-01T15:00:00Z'));
    expect(iso(periods.today)).toBe('2026-12-01T05:00:00.000Z');
    expect(iso(periods.week)).toBe('2026-11-25T05:00:00.000Z');
  });
});

describe('minutesBetween', () => {
  it('counts whole minutes, rounded down, never below zero', () => {
    expect(minutesBetween(at('2026-01-01T10:00:00Z'), at('2026-01-01T10:59:59Z'))).toBe(59);
    expect(minutesBetween(at('2026-01-01T10:00:00Z'), at('2026-01-02T10:00:00Z'))).toBe(1440);
    expect(minutesBetween(at('2026-01-01T10:00:01Z'), at('2026-01-01T10:00:00Z'))).toBe(0);
  });
});

describe('excerpt', () => {
  it('keeps a short message whole, on one line', () => {
    expect(excerpt('Hello,\n\n  can you come   today?')).toBe('Hello, can you come today?');
  });

  it('cuts a long one at a word, with an ellipsis, within the length', () => {
    const text = 'Il y a de l’eau qui coule du plafond de la salle de bain du sous-sol, juste à côté du panneau.';
    const cut = excerpt(text, 40);
    expect(cut).toBe('Il y a de l’eau qui coule du plafond de…');
    expect(Array.from(cut).length).toBeLessThanOrEqual(40);
  });

  it('never cuts an emoji in half, and cuts one long word where it must', () => {
    const cut = excerpt('🔥'.repeat(50), 10);
    expect(cut).toBe(`${'🔥'.repeat(9)}…`);
    expect(excerpt('a'.repeat(30), 10)).toBe(`${'a'.repeat(9)}…`);
  });
});

describe('homeLinks', () => {
  const periods = { today: at('2026-12-01T05:00:00Z'), week: at('2026-11-25T05:00:00Z') };
  const links = homeLinks(periods);
  const params = (query: string) => Object.fromEntries(new URLSearchParams(query));

  it('sends urgent leads to the inbox’s High filter, longest waiting first', () => {
    expect(links.urgent).toEqual({ screen: 'inbox', query: 'urgency=High&sort=oldest' });
  });

  it('names the start of today and of the week as instants the inbox’s `from` reads', () => {
    expect(links.newToday.screen).toBe('inbox');
    expect(params(links.newToday.query)).toEqual({ from: '2026-12-01T05:00:00.000Z' });
    expect(links.autoRepliesToday).toEqual({
      screen: 'activity',
      query: 'action=replied&from=2026-12-01T05%3A00%3A00.000Z',
    });
    expect(params(links.autoRepliesWeek.query)).toEqual({ action: 'replied', from: '2026-11-25T05:00:00.000Z' });
    expect(params(links.firstHumanAction.query)).toEqual({ from: '2026-11-25T05:00:00.000Z', sort: 'oldest' });
  });
});

describe('homeQuery', () => {
  it('defaults to Toronto and answers with the canonical name', () => {
    expect(v.parse(homeQuery, {})).toEqual({ tz: 'America/Toronto' });
    expect(v.parse(homeQuery, { tz: 'europe/paris' })).toEqual({ tz: 'Europe/Paris' });
  });

  it('refuses an unknown zone in the reader’s language', () => {
    const french = v.safeParse(homeQuery, { tz: 'Europe/Atlantis' }, { lang: 'fr' });
    expect(french.success).toBe(false);
    expect(french.issues?.[0]?.message).toBe(INVALID_TIME_ZONE.fr);
    const english = v.safeParse(homeQuery, { tz: 'x'.repeat(101) }, { lang: 'en' });
    expect(english.issues?.[0]?.message).toBe(INVALID_TIME_ZONE.en);
  });
});
