import { bytesToHex } from './encoding';

/**
 * HMAC-SHA-256 signatures for the tokens Avenir hands out (reply addresses, tracking and
 * unsubscribe links): a token names a row and proves Avenir wrote it, without a database
 * lookup. Keys are imported once per secret: the tracking routes sign and check on every
 * request.
 */

const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

function keyFor(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    keys.set(secret, key);
  }
  return key;
}

/** The signature of `message` under `secret`, as lower-case hex cut to `length` characters. */
export async function hmacHex(secret: string, message: string, length: number): Promise<string> {
  const signature = await crypto.subtle.sign('HMAC', await keyFor(secret), encoder.encode(message));
  return bytesToHex(new Uint8Array(signature)).slice(0, length);
}

/** Compares without leaking, through timing, how much of a forged signature was right. */
export function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index++) difference |= a.charCodeAt(index) ^ b.charCodeAt(index);
  return difference === 0;
}
