import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  activityQuery,
  decodeCursor,
  encodeCursor,
  leadListQuery,
  parseDateBound,
  urgencyRank,
} from '../../../worker/features/inbox/query';
import { escapeLike } from '../../../worker/platform/db';

const ID = '0b7e6a53-8a9f-4c55-9d1e-3f1b2a4c5d6e';

describe('keyset cursors', () => {
  it('round-trip through opaque base64url text', () => {
    const cursor = { sort: 'urgency', rank: 1, at: '2026-03-14T09:30:00.123456Z', id: ID } as const;
    const text = encodeCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(text, 'urgency')).toEqual(cursor);
  });

  it('are refused under another sort, or without the rank the urgency sort needs', () => {
    const newest = encodeCursor({ sort: 'newest', at: '2026-03-14T09:30:00.000001Z', id: ID });
    expect(decodeCursor(newest, 'oldest')).toBeNull();
    expect(decodeCursor(encodeCursor({ sort: 'urgency', at: '2026-03-14T09:30:00Z', id: ID }), 'urgency')).toBeNull();
  });

  it('are refused when tampered with or not ours', () => {
    for (const text of [
      '',
      'not base64!',
      btoa('{"sort":"newest"}'),
      encodeCursor({ sort: 'newest', at: 'x', id: ID }),
    ]) {
      expect(decodeCursor(text, 'newest')).toBeNull();
    }
    const notAUuid = encodeCursor({ sort: 'newest', at: '2026-03-14T09:30:00Z', id: "1' or 1=1" });
    expect(decodeCursor(notAUuid, 'newest')).toBeNull();
  });
});

describe('date bounds', () => {
  it('take a date-only `to` as the whole day', () => {
    expect(parseDateBound('2026-03-14', 'to')).toEqual({ at: new Date('2026-03-15T00:00:00Z'), inclusive: false });
    expect(parseDateBound('2026-03-14', 'from')).toEqual({ at: new Date('2026-03-14T00:00:00Z'), inclusive: true });
  });

  it('keep a date-time as given, and refuse dates that do not exist', () => {
    expect(parseDateBound('2026-03-14T09:30:00-04:00', 'to')?.at.toISOString()).toBe('2026-03-14T13:30:00.000Z');
    expect(parseDateBound('2026-02-31', 'from')).toBeNull();
    expect(parseDateBound('yesterday', 'from')).toBeNull();
    expect(parseDateBound('2026-03-14T09:30:00', 'from')).toBeNull(); // no offset: ambiguous
  });
});

describe('the inbox query string', () => {
  it('defaults to active, newest, 25 real leads', () => {
    expect(v.parse(leadListQuery, {})).toEqual({ status: 'active', test: false, sort: 'newest', limit: 25 });
  });

  it('reads every filter', () => {
    const parsed = v.parse(leadListQuery, {
      status: 'archived',
      tag: ' VIP ',
      urgency: 'High',
      intent: 'quote_request',
      language: 'fr',
      from: '2026-03-01',
      to: '2026-03-31',
      test: '1',
      q: ' toiture ',
      sort: 'urgency',
      limit: '100',
    });
    expect(parsed).toMatchObject({ tag: 'VIP', q: 'toiture', test: true, limit: 100, intent: 'quote_request' });
  });

  it('refuses values outside the vocabularies and limits, in the asked language', () => {
    for (const bad of [
      { status: 'junk' },
      { urgency: 'high' },
      { intent: 'Quote request' },
      { limit: '0' },
      { limit: '101' },
      { limit: 'ten' },
      { test: 'yes' },
      { from: '14/03/2026' },
    ]) {
      expect(v.safeParse(leadListQuery, bad).success).toBe(false);
    }
    const french = v.safeParse(leadListQuery, { limit: '500' }, { lang: 'fr' });
    expect(french.success).toBe(false);
    if (!french.success) expect(french.issues[0].message).toBe('Utilisez une limite de 1 à 100.');
  });

  it('refuses a repeated parameter rather than picking one', () => {
    expect(v.safeParse(leadListQuery, { status: ['active', 'deleted'] }).success).toBe(false);
  });

  it('of the activity log filters by action type', () => {
    expect(v.parse(activityQuery, { action: 'tagged' })).toEqual({ action: 'tagged', limit: 25 });
    expect(v.safeParse(activityQuery, { action: 'tag' }).success).toBe(false);
  });
});

describe('helpers', () => {
  it('rank urgencies High first and untriaged last', () => {
    expect((['Low', null, 'High', 'Medium'] as const).slice().sort((a, b) => urgencyRank(a) - urgencyRank(b))).toEqual([
      'High',
      'Medium',
      'Low',
      null,
    ]);
  });

  it('escape LIKE wildcards', () => {
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
  });
});

describe('dates and cursors name real, storable instants', () => {
  it('refuses days that do not exist, in dates and date-times alike', () => {
    for (const text of ['2026-02-31', '2026-02-31T00:00Z', '2026-13-01', '2026-04-31T10:00:00+02:00']) {
      expect(parseDateBound(text, 'from'), text).toBeNull();
    }
    expect(parseDateBound('2028-02-29T12:00Z', 'from')?.at.toISOString()).toBe('2028-02-29T12:00:00.000Z');
  });

  it('refuses hours, minutes and offsets no clock shows', () => {
    for (const text of ['2026-03-01T24:00Z', '2026-03-01T10:60Z', '2026-03-01T10:00:61Z', '2026-03-01T10:00+15:00']) {
      expect(parseDateBound(text, 'from'), text).toBeNull();
    }
  });

  it('refuses years Postgres and JSON cannot both write, after the offset', () => {
    for (const text of ['0000-01-01', '0000-12-31T23:00Z', '9999-12-31T23:00:00-05:00', '+010000-01-01']) {
      expect(parseDateBound(text, 'from'), text).toBeNull();
    }
    expect(parseDateBound('0001-01-01', 'from')?.at.toISOString()).toBe('0001-01-01T00:00:00.000Z');
    // The whole last day, without stepping into year 10000.
    expect(parseDateBound('9999-12-31', 'to')).toEqual({ at: new Date('9999-12-31T23:59:59.999Z'), inclusive: true });
  });

  it('refuses a cursor whose timestamp names no real instant', () => {
    const id = '00000000-0000-4000-8000-000000000001';
    expect(
      decodeCursor(encodeCursor({ sort: 'newest', at: '2026-03-01T10:00:00.000001Z', id }), 'newest'),
    ).not.toBeNull();
    for (const at of ['2026-02-31T10:00:00.000001Z', '0000-01-01T00:00:00.000000Z', '2026-03-01T25:00:00.000000Z']) {
      expect(decodeCursor(encodeCursor({ sort: 'newest', at, id }), 'newest'), at).toBeNull();
    }
  });
});
