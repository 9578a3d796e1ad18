/** Random identifiers and secrets handed to clients. */

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
// No 0/O, 1/l/I: a one-time password gets read off a screen and typed.
const UNAMBIGUOUS = 'abcdefghjkmnpqrstuvwxyz23456789';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Uniform random characters from `alphabet` (rejection sampling, no modulo bias). */
export function randomString(length: number, alphabet: string): string {
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
      if (byte < limit && out.length < length) out += alphabet[byte % alphabet.length];
    }
  }
  return out;
}

/** Publishable widget key; `pk_test_` for test and demo clients. 143 bits of randomness. */
export const newWidgetKey = (isTest: boolean) => `pk_${isTest ? 'test' : 'live'}_${randomString(24, BASE62)}`;

/** A one-time password like `k7mq-2hxv-9tdr-wzpa` (≈ 79 bits). */
export const newOneTimePassword = () => Array.from({ length: 4 }, () => randomString(4, UNAMBIGUOUS)).join('-');

/** ASCII slug of a business name: "Plomberie Tremblay & Fils" → "plomberie-tremblay-fils". */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/** Public client identifier: readable and unique, e.g. "plomberie-tremblay-x7k2". */
export function newPublicClientId(businessName: string): string {
  const slug = slugify(businessName) || 'client';
  return `${slug}-${randomString(4, LOWER_ALNUM)}`;
}

/** The part of a key safe to log: enough to tell keys apart, useless to an attacker. */
export const keyPrefix = (key: string) => key.slice(0, 12);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string is a uuid, checked before it reaches a uuid column (a malformed one would be a 500). */
export const isUuid = (value: string): boolean => UUID.test(value);
