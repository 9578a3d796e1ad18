import { describe, expect, it } from 'vitest';
import { parseNewClient } from '../../../worker/features/accounts/clients';
import { AppError } from '../../../worker/platform/errors';

/**
 * A client's fields (client:create, POST /api/app/clients, the settings) hold what mail and
 * the public widget config carry again: one-line names, addresses mail can carry, links of
 * a documented maximum length.
 */

const base = { businessName: 'Plomberie Tremblay', email: 'owner@plomberie.example' };

function refusedFields(input: Record<string, unknown>, language: 'en' | 'fr' = 'en'): Record<string, string[]> {
  try {
    parseNewClient({ ...base, ...input }, language);
  } catch (error) {
    if (error instanceof AppError && error.code === 'invalid_client') {
      return (error.details as { fields: Record<string, string[]> }).fields;
    }
    throw error;
  }
  throw new Error('accepted what it should have refused');
}

describe('a client’s fields', () => {
  it('refuses a business name with a line break, which would end the From and Subject headers', () => {
    for (const businessName of ['Plomberie\nTremblay', 'Plomberie\r\nBcc: x@example.ca', 'Plomberie\u0000']) {
      expect(refusedFields({ businessName }).businessName, JSON.stringify(businessName)).toBeDefined();
    }
    expect(refusedFields({ businessName: 'Plomberie\nTremblay' }, 'fr').businessName![0]).toMatch(/une ligne/);
  });

  it('takes a business name of zero-width characters as missing', () => {
    expect(refusedFields({ businessName: '\u200b\u200d' }).businessName![0]).toMatch(/required/);
  });

  it('refuses a booking link past 2,000 characters, with spaces or a line break inside', () => {
    const long = `https://cal.example/${'a'.repeat(64 * 1024)}`;
    expect(refusedFields({ bookingLink: long }).bookingLink![0]).toMatch(/at most 2000 characters/);
    for (const bookingLink of [
      'https://cal.example/a b',
      'https://cal.example/a\nBcc: x',
      'https://cal.example/\u0000',
    ]) {
      expect(refusedFields({ bookingLink }).bookingLink, bookingLink).toBeDefined();
    }
  });

  it('refuses an allowed origin past 2,000 characters and more than 50 origins', () => {
    expect(
      refusedFields({ allowedOrigins: [`https://a.example/${'x'.repeat(2_000)}`] })['allowedOrigins.0'],
    ).toBeDefined();
    const many = Array.from({ length: 51 }, (_, i) => `https://site${i}.example`);
    expect(refusedFields({ allowedOrigins: many }).allowedOrigins).toBeDefined();
  });

  it('refuses an email mail cannot carry, by the intake’s own rule', () => {
    for (const email of [
      'a,b@example.ca',
      'owner@example.ca\nBcc: x@example.ca',
      'émile@example.ca',
      'Owner <o@example.ca>',
    ]) {
      expect(refusedFields({ email }).email, email).toBeDefined();
    }
  });

  it('still accepts what it accepted, and an internationalised domain', () => {
    const parsed = parseNewClient({
      ...base,
      email: '  Owner+Leads@Plomberie.example ',
      bookingLink: ' https://cal.example/tremblay?week=1 ',
      industry: 'Plomberie',
      allowedOrigins: ['https://plomberie-tremblay.example/contact'],
    });
    expect(parsed).toMatchObject({
      email: 'owner+leads@plomberie.example',
      bookingLink: 'https://cal.example/tremblay?week=1',
      allowedOrigins: ['https://plomberie-tremblay.example'],
    });
    expect(parseNewClient({ ...base, email: 'proprio@rénovations-côté.ca' }).email).toBe('proprio@rénovations-côté.ca');
  });
});
