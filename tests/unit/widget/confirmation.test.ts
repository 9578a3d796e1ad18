import { describe, expect, it } from 'vitest';
import { accentFor, BRAND, contrastWithWhite } from '../../../widget/accent';
import { confirmation, STRINGS } from '../../../widget/i18n';
import { promisesEmailCopy } from '../../../worker/features/intake/email-copy';

describe('the accent colour', () => {
  it('measures white text as WCAG 2 does', () => {
    expect(contrastWithWhite([0, 0, 0])).toBeCloseTo(21, 5);
    expect(contrastWithWhite([255, 255, 255])).toBeCloseTo(1, 5);
    // Known pairs: #767676 is the lightest grey that passes 4.5:1, #777777 fails it.
    expect(contrastWithWhite([0x76, 0x76, 0x76])).toBeGreaterThanOrEqual(4.5);
    expect(contrastWithWhite([0x77, 0x77, 0x77])).toBeLessThan(4.5);
  });

  it('takes the page’s link colour when white text on it is readable', () => {
    expect(accentFor('rgb(26, 94, 32)')).toBe('rgb(26, 94, 32)'); // a dark green
    expect(accentFor('rgb(11, 87, 208)')).toBe('rgb(11, 87, 208)'); // the dashboard's blue
    expect(accentFor('rgb(118, 118, 118)')).toBe('rgb(118, 118, 118)'); // 4.54:1, just enough
  });

  it('falls back to the brand for a pale link colour', () => {
    expect(accentFor('rgb(255, 235, 59)')).toBe(BRAND); // #ffeb3b, 1.2:1
    expect(accentFor('rgb(119, 119, 119)')).toBe(BRAND); // 4.48:1, just short
    expect(accentFor('rgb(255, 255, 255)')).toBe(BRAND);
  });

  it('falls back to the brand for links no site styled, and colours it cannot judge', () => {
    expect(accentFor('rgb(0, 0, 238)')).toBe(BRAND); // the browser's own link blue
    expect(accentFor('rgba(0, 0, 0, 0.5)')).toBe(BRAND); // see-through: depends on what is behind
    expect(accentFor('oklch(0.4 0.1 150)')).toBe(BRAND);
    expect(accentFor('')).toBe(BRAND); // the host is not in a page
  });

  it('has a brand colour that passes itself', () => {
    expect(contrastWithWhite([0x0f, 0x5c, 0x5c])).toBeGreaterThan(7);
  });
});

describe('the thank-you note', () => {
  it('thanks the visitor by first name and says the business will answer', () => {
    expect(confirmation(STRINGS.en, '  Sarah Mitchell ', 'Plomberie Tremblay', false)).toEqual([
      'Thank you, Sarah!',
      'Plomberie Tremblay will get back to you soon.',
    ]);
    expect(confirmation(STRINGS.fr, 'Marie-Ève Gagnon', 'Plomberie Tremblay', false)).toEqual([
      'Merci, Marie-Ève\u202f!',
      'Plomberie Tremblay vous répondra sous peu.',
    ]);
  });

  it('promises a copy by email only when the server said a reply will go', () => {
    expect(confirmation(STRINGS.en, 'Sarah', 'Plomberie Tremblay', true)).toEqual([
      'Thank you, Sarah!',
      'Plomberie Tremblay will get back to you soon.',
      'We have sent you a copy by email.',
    ]);
    expect(confirmation(STRINGS.fr, 'Sarah', 'Plomberie Tremblay', true)[2]).toBe(
      'Nous vous avons envoyé une copie par courriel.',
    );
    // An older server that does not say: no promise.
    expect(confirmation(STRINGS.en, 'Sarah', 'Plomberie Tremblay', undefined)).toHaveLength(2);
  });

  it('speaks for the business when its name could not be loaded', () => {
    expect(confirmation(STRINGS.en, 'Sarah', '', false)[1]).toBe('We will get back to you soon.');
    expect(confirmation(STRINGS.fr, 'Sarah', '', false)[1]).toBe('Nous vous répondrons sous peu.');
  });
});

describe('the promise of a copy (the intake’s emailCopy)', () => {
  it('holds only for a client that replies automatically, a lead no check set aside, and an address', () => {
    expect(promisesEmailCopy({ autoReply: true, spam: false, email: 'sarah@example.com' })).toBe(true);
    expect(promisesEmailCopy({ autoReply: false, spam: false, email: 'sarah@example.com' })).toBe(false);
    expect(promisesEmailCopy({ autoReply: true, spam: true, email: 'sarah@example.com' })).toBe(false);
    expect(promisesEmailCopy({ autoReply: true, spam: false, email: '' })).toBe(false);
  });
});
