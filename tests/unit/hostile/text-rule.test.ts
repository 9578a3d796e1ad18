import { describe, expect, it } from 'vitest';
import {
  asciiDomain,
  checkLeadFields,
  checkReceivedLead,
  emailIssue,
  isText,
  isVisible,
  leadErrorMessage,
  mailAddress,
  repairText,
} from '../../../schema/lead-form';
import { parseSubmission } from '../../../worker/features/intake/submission';

/**
 * The one text rule of every edge and the address syntax mail can carry (schema/lead-form.ts),
 * against what a hostile or broken client sends: characters the database cannot store, line
 * breaks that would end a mail header, values nobody can see, addresses mail cannot carry.
 */

const LONE_HIGH = '\ud800';
const LONE_LOW = '\udc00';
const valid = { name: 'Julie Tremblay', email: 'julie.tremblay@example.ca', message: 'Allo, une question.' };
const received = (fields: Record<string, unknown>) =>
  checkReceivedLead({ ...valid, ...fields }, { requireConsent: false });

describe('isText: what the database can store', () => {
  it.each([
    ['a null byte', 'a\u0000b'],
    ['another control character', 'a\u0001b'],
    ['DEL', 'a\u007fb'],
    ['a lone high surrogate', `Julie ${LONE_HIGH}`],
    ['a lone low surrogate', `${LONE_LOW}Julie`],
    ['a pair in the wrong order', `${LONE_LOW}${LONE_HIGH}`],
    ['a high surrogate at the very end', `emoji cut in half ${'😀'.slice(0, 1)}`],
  ])('refuses %s', (_, value) => {
    expect(isText(value)).toBe(false);
    expect(isText(value, true)).toBe(false);
  });

  it('keeps what people write: accents, emoji, right-to-left text, tabs and line breaks', () => {
    for (const value of ['Élodie Côté', 'زينب 👩🏽‍🔧 Ünal', 'a\tb', 'ligne 1\r\nligne 2', '\u202Eevil', '']) {
      expect(isText(value), JSON.stringify(value)).toBe(true);
    }
  });

  it('refuses a line break in a single-line value only', () => {
    for (const value of ['Jean\nDupont', 'Jean\rDupont', 'Jean\r\nBcc: x@example.ca']) {
      expect(isText(value)).toBe(true);
      expect(isText(value, true)).toBe(false);
    }
  });

  it('repairs what it refuses with U+FFFD, for headers nobody can correct', () => {
    expect(repairText(`Mozilla\u0000/5.0 ${LONE_HIGH}x 😀`)).toBe('Mozilla\uFFFD/5.0 \uFFFDx 😀');
    expect(isText(repairText(`a${LONE_LOW}\u0001`))).toBe(true);
  });

  it('counts zero-width characters, marks alone and blank fillers as nothing to see', () => {
    for (const value of ['\u200b\u200c\u200d', '\u2060\ufeff', '\u3164', ' \u00a0\u200b ', '\u0301']) {
      expect(isVisible(value), JSON.stringify(value)).toBe(false);
    }
    expect(isVisible('\u200bJ')).toBe(true);
    expect(isVisible('李')).toBe(true);
  });
});

describe('a lead the Worker receives', () => {
  it.each(['name', 'message'])('refuses a lone surrogate or a NUL in the %s as not_text', (field) => {
    expect(received({ [field]: `Bonjour ${LONE_HIGH}` })[field as 'name']).toBe('not_text');
    expect(received({ [field]: 'Bonjour\u0000' })[field as 'name']).toBe('not_text');
  });

  it('refuses a line break in a one-line field: the name, the email, the phone', () => {
    expect(received({ name: 'Jean\nDupont' }).name).toBe('not_text');
    expect(received({ phone: '514 555\r\n0199' }).phone).toBe('not_text');
    // The address's own shape check speaks first.
    expect(received({ email: 'julie@example.ca\r\nBcc: x@example.ca' }).email).toBe('invalid_email');
  });

  it('keeps line breaks in the message', () => {
    expect(received({ message: 'Bonjour,\r\n\r\nune question.' })).toEqual({});
  });

  it('takes a name or message of zero-width characters as missing', () => {
    expect(received({ name: '\u200b\u200b', message: '\u200d\ufeff' })).toEqual({
      name: 'required',
      message: 'required',
    });
  });

  it.each([',', ';', '<', '>', '(', ')', '"', '[', ']', ' ', '\\'])(
    'refuses an address with %j, which would break a header',
    (char) => {
      expect(received({ email: `julie${char}x@example.ca` }).email).toBe('invalid_email');
    },
  );

  it.each([
    'julie@exemple.ca,victim@example.com',
    'Julie <julie@example.ca>',
    'julie@[192.0.2.1]',
    'julie@192.0.2.1',
    'julie@example.ca.',
    '.julie@example.ca',
    'ju..lie@example.ca',
    'julie@exa%6dple.ca',
    'julie@ex\u200bample.ca',
    'julie@-example.ca',
    `${'a'.repeat(65)}@example.ca`,
    `julie@${'a'.repeat(64)}.ca`,
  ])('refuses %j', (email) => {
    expect(emailIssue(email)).toBe('invalid_email');
  });

  it('accepts what RFC 5322 dot-atoms allow, and internationalised domains', () => {
    for (const email of [
      "o'brien+devis@example.ca",
      'julie_tremblay@sous.domaine.example.ca',
      'JULIE@EXAMPLE.CA',
      'emilie@exemple-québec.ca',
      'info@пример.рф',
    ]) {
      expect(received({ email }), email).toEqual({});
    }
  });

  it('asks for another address when letters beyond ASCII come before the @ (no SMTPUTF8)', () => {
    expect(received({ email: 'émilie@exemple-québec.ca' }).email).toBe('email_not_ascii');
    expect(received({ email: 'josé.garcía@example.es' }).email).toBe('email_not_ascii');
    expect(leadErrorMessage('en', 'email', 'email_not_ascii')).toBe(
      'Please use an address without accents before the @.',
    );
    expect(leadErrorMessage('fr', 'email', 'email_not_ascii')).toBe(
      'Veuillez utiliser une adresse sans accents avant le @.',
    );
  });

  it('still accepts every lead the form accepted', () => {
    for (const fields of [
      valid,
      { ...valid, phone: '+1 (514) 555-0199 poste 12', consent: true },
      { ...valid, name: ` ${'é'.repeat(120)} `, message: 'Bonjour! 🚰🔧\n\nÀ bientôt.' },
      { ...valid, name: 'زينب 👩🏽‍🔧 Ünal' },
    ]) {
      expect(checkReceivedLead(fields, { requireConsent: false })).toEqual({});
      expect(checkLeadFields(fields, { requireConsent: false })).toEqual({});
    }
  });

  it('refuses a lone surrogate or a line break in the page and referrer', () => {
    for (const page of [`https://example.ca/${LONE_HIGH}`, 'https://example.ca/\r\nx']) {
      const parsed = parseSubmission(
        { ...valid, page, referrer: page },
        { requireConsent: false, fallbackLanguage: 'en' },
      );
      expect(parsed).toMatchObject({ ok: false, errors: { page: 'not_text', referrer: 'not_text' } });
    }
  });
});

describe('the address as mail headers carry it', () => {
  it('writes an internationalised domain in punycode (IDNA), lower-case', () => {
    expect(asciiDomain('exemple-québec.ca')).toBe('xn--exemple-qubec-khb.ca');
    expect(mailAddress('emilie@Exemple-Québec.CA')).toBe('emilie@xn--exemple-qubec-khb.ca');
    expect(mailAddress('Julie@Example.ca')).toBe('Julie@example.ca');
  });

  it('is null for what no header can carry', () => {
    for (const email of ['émilie@example.ca', 'a@b', '@example.ca', 'julie@', 'a,b@example.ca']) {
      expect(mailAddress(email), email).toBeNull();
    }
  });
});
