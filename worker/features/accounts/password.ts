/**
 * Password hashing with PBKDF2-SHA-256 through WebCrypto, the same code in Node and in
 * workerd. Cloudflare refuses more than 100,000 PBKDF2 iterations in production while
 * `wrangler dev` does not, so the cap is enforced here and tested.
 */

import { base64ToBytes, bytesToBase64 } from '../../platform/encoding';

export const PBKDF2_MAX_ITERATIONS = 100_000;
const ITERATIONS = PBKDF2_MAX_ITERATIONS;
const SALT_BYTES = 16;
const HASH_BITS = 256;
const SCHEME = 'pbkdf2_sha256';

const encoder = new TextEncoder();

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(password.normalize('NFC')), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, HASH_BITS);
  return new Uint8Array(bits);
}

/** `pbkdf2_sha256$<iterations>$<salt>$<hash>`, base64. */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const hash = await derive(password, salt, ITERATIONS);
  return [SCHEME, ITERATIONS, bytesToBase64(salt), bytesToBase64(hash)].join('$');
}

export interface ParsedHash {
  iterations: number;
  salt: Uint8Array<ArrayBuffer>;
  hash: Uint8Array;
}

export function parsePasswordHash(stored: string): ParsedHash {
  const [scheme, iterations, salt, hash] = stored.split('$');
  const count = Number(iterations);
  if (scheme !== SCHEME || !salt || !hash || !Number.isInteger(count) || count < 1) {
    throw new Error('unrecognised password hash format');
  }
  if (count > PBKDF2_MAX_ITERATIONS) {
    throw new Error(
      `password hash uses ${count} PBKDF2 iterations; Cloudflare allows at most ${PBKDF2_MAX_ITERATIONS}`,
    );
  }
  return { iterations: count, salt: base64ToBytes(salt), hash: base64ToBytes(hash) };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parsePasswordHash(stored);
  const candidate = await derive(password, parsed.salt, parsed.iterations);
  return constantTimeEqual(candidate, parsed.hash);
}

function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}
