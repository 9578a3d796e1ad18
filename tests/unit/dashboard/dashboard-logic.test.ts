import { describe, expect, it } from 'vitest';
import { confidenceLevel } from '../../../dashboard/confidence';
import { formatDuration } from '../../../dashboard/i18n';
import { parseRoute } from '../../../dashboard/router';

describe('formatDuration: a wait as the home shows it', () => {
  it('reads minutes, hours and days the way each language writes them', () => {
    expect(formatDuration(0.4, 'en')).toBe('< 1 min');
    expect(formatDuration(12, 'fr')).toBe('12 min');
    expect(formatDuration(60, 'en')).toBe('1 h');
    expect(formatDuration(135, 'en')).toBe('2 h 15 min');
    expect(formatDuration(3 * 1440 + 4 * 60 + 5, 'en')).toBe('3 d 4 h');
    expect(formatDuration(3 * 1440 + 4 * 60 + 5, 'fr')).toBe('3 j 4 h');
    expect(formatDuration(2 * 1440, 'fr')).toBe('2 j');
  });

  it('rounds a median to the minute', () => {
    expect(formatDuration(19.6, 'en')).toBe('20 min');
  });
});

describe('confidenceLevel', () => {
  it('calls 0.8 sure, 0.5 likely and anything lower a guess', () => {
    expect([0.95, 0.8, 0.79, 0.5, 0.49, 0].map(confidenceLevel)).toEqual([
      'high',
      'high',
      'medium',
      'medium',
      'low',
      'low',
    ]);
  });
});

describe('parseRoute: the screen an address opens', () => {
  it('opens the home at /app and each screen at its path', () => {
    expect(parseRoute('/app')).toEqual({ name: 'home' });
    expect(parseRoute('/app/')).toEqual({ name: 'home' });
    expect(parseRoute('/app/inbox')).toEqual({ name: 'inbox' });
    expect(parseRoute('/app/settings/')).toEqual({ name: 'settings' });
    expect(parseRoute('/app/reset-password')).toEqual({ name: 'reset-password' });
  });

  it('keeps the inbox bookmarks made before the home existed (/app with filters)', () => {
    expect(parseRoute('/app', '?status=archived')).toEqual({ name: 'inbox' });
    expect(parseRoute('/app', '?')).toEqual({ name: 'home' });
  });

  it('reads a lead id, decoded, and sends an unknown path home', () => {
    expect(parseRoute('/app/leads/abc%20d')).toEqual({ name: 'lead', id: 'abc d' });
    expect(parseRoute('/app/nowhere')).toEqual({ name: 'home' });
  });
});

describe('parseRoute on a broken address', () => {
  it('does not throw on a malformed %-escape (the lead page then says the lead does not exist)', () => {
    expect(parseRoute('/app/leads/%E0%A4')).toEqual({ name: 'lead', id: '%E0%A4' });
  });
});
