import { describe, expect, it } from 'vitest';
import { normalizeWebsite } from '../../../worker/features/prospects/website';

describe('normalizeWebsite', () => {
  it.each([
    ['https://www.Plomberie-Tremblay.ca/contact?utm=x#form', 'https://plomberie-tremblay.ca'],
    ['plomberie-tremblay.ca', 'https://plomberie-tremblay.ca'],
    ['  http://WWW.toitures-laval.com/  ', 'http://toitures-laval.com'],
    ['https://clinique.example.ca:8443/a', 'https://clinique.example.ca:8443'],
    ['https://example.ca:443/', 'https://example.ca'],
    ['https://example.ca./', 'https://example.ca'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeWebsite(input)).toBe(expected);
  });

  it.each([
    '',
    'not a url',
    'mailto:info@example.ca',
    'ftp://example.ca',
    'https://localhost',
    'javascript:alert(1)',
    'https://user:pw@example.ca',
  ])('rejects %j', (input) => {
    expect(normalizeWebsite(input)).toBeNull();
  });
});
