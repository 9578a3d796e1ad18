import { base64ToBytes, bytesToBase64Url } from '../../platform/encoding';
import { isUuid } from '../../platform/identifiers';
import { hmacHex, sameText } from '../../platform/signing';

/**
 * The tokens in an outreach email's links: `o` the open pixel, `c` a click (the link's
 * address travels inside the token, signed, so the redirect needs no lookup and can only
 * ever go where the email pointed), `u` the unsubscribe link. Each names its email and is
 * signed with INBOUND_TOKEN_SECRET, domain-separated from the reply addresses' signatures.
 * They never expire: an unsubscribe link must work for at least 60 days, and a link in an
 * old email should still lead where it said.
 */

export type TrackingToken =
  | { kind: 'open'; emailId: string }
  | { kind: 'click'; emailId: string; url: string }
  | { kind: 'unsubscribe'; emailId: string };

const CODE = { open: 'o', click: 'c', unsubscribe: 'u' } as const;
/** 24 hex characters: 96 bits, beyond guessing at any request rate. */
const MAC_LENGTH = 24;
/** A link longer than this is not tracked (kept as written): a URL of that size is not a link a person clicks. */
export const MAX_TRACKED_URL_LENGTH = 2_000;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

const toBase64Url = (text: string) => bytesToBase64Url(encoder.encode(text));

function fromBase64Url(text: string): string | null {
  try {
    return decoder.decode(base64ToBytes(text.replaceAll('-', '+').replaceAll('_', '/')));
  } catch {
    return null;
  }
}

const compactId = (id: string) => id.toLowerCase().replaceAll('-', '');
const expandId = (hex: string) =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

const signed = (secret: string, code: string, id: string, payload: string) =>
  hmacHex(secret, `avenir-outreach:${code}:${id}:${payload}`, MAC_LENGTH);

/** Whether a link may be tracked: http(s) and short enough to travel in a token. */
export function isTrackableUrl(url: string): boolean {
  if (url.length > MAX_TRACKED_URL_LENGTH) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}

export async function signTrackingToken(secret: string, token: TrackingToken): Promise<string> {
  if (!isUuid(token.emailId)) throw new TypeError(`a tracking token names an email by its uuid, not ${token.emailId}`);
  if (token.kind === 'click' && !isTrackableUrl(token.url)) throw new TypeError('only http(s) links are tracked');
  const code = CODE[token.kind];
  const id = compactId(token.emailId);
  const payload = token.kind === 'click' ? toBase64Url(token.url) : '';
  const mac = await signed(secret, code, id, payload);
  return payload ? `${code}.${id}.${payload}.${mac}` : `${code}.${id}.${mac}`;
}

const SHAPE = /^([ocu])\.([0-9a-f]{32})\.(?:([A-Za-z0-9_-]{1,2800})\.)?([0-9a-f]{24})$/;

/** What a token stands for, or null: malformed, altered, or signed with another secret. */
export async function readTrackingToken(secret: string, text: string): Promise<TrackingToken | null> {
  const match = SHAPE.exec(text);
  if (!match) return null;
  const [, code, id, payload = '', mac] = match;
  if (!sameText(mac!, await signed(secret, code!, id!, payload))) return null;
  const emailId = expandId(id!);
  if (code === 'o') return payload ? null : { kind: 'open', emailId };
  if (code === 'u') return payload ? null : { kind: 'unsubscribe', emailId };
  const url = fromBase64Url(payload);
  return url && isTrackableUrl(url) ? { kind: 'click', emailId, url } : null;
}
