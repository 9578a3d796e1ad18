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
      { status: 'spam' },
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
