/**
 * Dashboard session tokens. The cookie carries 32 random bytes; the database keeps only
 * their SHA-256, so a copy of the sessions table cannot be replayed as cookies. A plain
 * hash (no salt, no stretching) is enough because the token is random, not chosen by a person.
 */

import { bytesToBase64Url, bytesToHex } from '../../platform/encoding';

const TOKEN_BYTES = 32;
/** 32 bytes in unpadded base64url. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** A new session token for the cookie: 256 bits from the platform's CSPRNG, base64url. */
export const newSessionToken = (): string => bytesToBase64Url(crypto.getRandomValues(new Uint8Array(TOKEN_BYTES)));

/** Whether a cookie value could be a token at all, so junk never costs a database query. */
export const isWellFormedSessionToken = (value: string): boolean => TOKEN_PATTERN.test(value);

/** The hex SHA-256 of a token: what `sessions.token_hash` holds. */
export async function hashSessionToken(token: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token));
  return bytesToHex(new Uint8Array(digest));
}
