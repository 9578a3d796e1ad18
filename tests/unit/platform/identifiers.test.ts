import { describe, expect, it } from 'vitest';
import {
  keyPrefix,
  newOneTimePassword,
  newPublicClientId,
  newWidgetKey,
  randomString,
  slugify,
} from '../../../worker/platform/identifiers';

describe('identifiers', () => {
  it('slugs French business names to ASCII', () => {
    expect(slugify('Plomberie Tremblay & Fils')).toBe('plomberie-tremblay-fils');
    expect(slugify('Rénovations Côté-Lévesque inc.')).toBe('renovations-cote-levesque-inc');
    expect(slugify('   ---   ')).toBe('');
  });

  it('gives public client ids a readable slug and a random suffix', () => {
    const id = newPublicClientId('Clinique Dentaire Élan');
    expect(id).toMatch(/^clinique-dentaire-elan-[a-z0-9]{4}$/);
    expect(newPublicClientId('!!!')).toMatch(/^client-[a-z0-9]{4}$/);
  });

  it('marks test widget keys so they are never mistaken for live ones', () => {
    expect(newWidgetKey(false)).toMatch(/^pk_live_[0-9A-Za-z]{24}$/);
    expect(newWidgetKey(true)).toMatch(/^pk_test_[0-9A-Za-z]{24}$/);
  });

  it('makes one-time passwords without look-alike characters', () => {
    const password = newOneTimePassword();
    expect(password).toMatch(/^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){3}$/);
  });

  it('draws characters uniformly (no modulo bias)', () => {
    // With 200 symbols, `byte % 200` would make the first 56 twice as likely as the rest:
    // 43.75% of draws instead of 28%.
    const alphabet = Array.from({ length: 200 }, (_, i) => String.fromCharCode(0x100 + i)).join('');
    const favoured = new Set(alphabet.slice(0, 56));
    const draws = randomString(20_000, alphabet);
    const share = [...draws].filter((char) => favoured.has(char)).length / draws.length;
    expect(share).toBeGreaterThan(0.26);
    expect(share).toBeLessThan(0.3);
  });

  it('logs only a prefix of a key', () => {
    const key = newWidgetKey(false);
    expect(keyPrefix(key)).toHaveLength(12);
    expect(key.startsWith(keyPrefix(key))).toBe(true);
  });
});
