import { describe, expect, it } from 'vitest';
import { checkLeadFields, leadErrorMessage } from '../../../schema/lead-form';
import { spamReason } from '../../../worker/features/intake/spam';
import { parseSubmission } from '../../../worker/features/intake/submission';
import { preferredLanguage } from '../../../worker/platform/http/request-meta';

const valid = { name: 'Julie Tremblay', email: 'julie.tremblay@example.ca', message: 'Allo, une question.' };

describe('lead form rules (shared by widget and Worker)', () => {
  it('accepts a plain valid lead, phone optional', () => {
    expect(checkLeadFields(valid, { requireConsent: false })).toEqual({});
    expect(checkLeadFields({ ...valid, phone: '+1 (514) 555-0199 poste 12' }, { requireConsent: false })).toEqual({});
  });

  it('names the first problem of each field', () => {
    expect(
      checkLeadFields(
        { name: '  ', email: 'julie@', phone: '12', message: 'x'.repeat(5_001) },
        { requireConsent: true },
      ),
    ).toEqual({
      name: 'required',
      email: 'invalid_email',
      phone: 'invalid_phone',
      message: 'too_long',
      consent: 'consent_required',
    });
  });

  it.each(['a@b', 'a b@c.ca', 'a@@c.ca', 'a@.ca', 'a@c.'])('rejects the email %s', (email) => {
    expect(checkLeadFields({ ...valid, email }, { requireConsent: false }).email).toBe('invalid_email');
  });

  it('counts length after trimming, in characters', () => {
    expect(checkLeadFields({ ...valid, name: ` ${'é'.repeat(120)} ` }, { requireConsent: false })).toEqual({});
  });

  it('speaks Quebec French and English', () => {
    expect(leadErrorMessage('fr', 'email', 'required')).toBe('Veuillez entrer votre adresse courriel.');
    expect(leadErrorMessage('en', 'consent', 'consent_required')).toBe('Please check the box to send your message.');
  });
});

describe('parseSubmission', () => {
  it('cleans fields and keeps the envelope', () => {
    const parsed = parseSubmission(
      {
        ...valid,
        name: '  Julie  ',
        language: 'fr',
        idempotencyKey: 'abc-12345',
        elapsedMs: 9000,
        test: true,
        extra: 1,
      },
      { requireConsent: false, fallbackLanguage: 'en' },
    );
    expect(parsed).toMatchObject({
      ok: true,
      submission: {
        name: 'Julie',
        language: 'fr',
        idempotencyKey: 'abc-12345',
        elapsedMs: 9000,
        test: true,
        consent: false,
      },
    });
  });

  it('falls back to the given language when the body has none we speak', () => {
    const parsed = parseSubmission(
      { ...valid, name: '', language: 'es' },
      { requireConsent: false, fallbackLanguage: 'fr' },
    );
    expect(parsed).toMatchObject({ ok: false, language: 'fr', errors: { name: 'required' } });
  });

  it('rejects a malformed idempotency key rather than storing it', () => {
    const parsed = parseSubmission(
      { ...valid, idempotencyKey: "x'; drop" },
      { requireConsent: false, fallbackLanguage: 'en' },
    );
    expect(parsed).toMatchObject({ ok: false, errors: { idempotencyKey: 'not_text' } });
  });

  it('reads Accept-Language', () => {
    expect(preferredLanguage('fr-CA,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(preferredLanguage('de-DE, en;q=0.5')).toBe('en');
    expect(preferredLanguage('de')).toBeNull();
    expect(preferredLanguage(undefined)).toBeNull();
  });
});

describe('spam signals', () => {
  it('flags a filled honeypot and a too-fast fill, not a slow human or an integration', () => {
    expect(spamReason({ honeypot: 'https://spam.example', elapsedMs: 60_000 })).toBe('honeypot');
    expect(spamReason({ honeypot: '', elapsedMs: 800 })).toBe('too_fast');
    expect(spamReason({ honeypot: '   ', elapsedMs: 15_000 })).toBeNull();
    expect(spamReason({})).toBeNull();
  });
});
