import { asciiDomain, mailAddress } from '../../../schema/lead-form';
import { bytesToBase64 } from '../encoding';
import { type Address, MailError, type OutgoingMail } from './port';

/**
 * RFC 5322 / MIME messages for the mail adapters, built by hand because a Worker has no
 * mail library and the format needs only a page of rules: CRLF everywhere, ASCII-only
 * headers (RFC 2047 encoded-words for display names and subjects, punycode for domains),
 * base64 bodies wrapped at 76 characters. A value no header can carry is refused with a
 * MailError that is not retryable: the same value fails the same way on every retry. No
 * SMTPUTF8 (RFC 6531): an address with letters beyond ASCII before the @ is refused too.
 */

const CRLF = '\r\n';
/** RFC 5322 allows 998; 78 is the line length every mail client is comfortable with. */
const MAX_HEADER_LINE = 76;
const BASE64_LINE = 76;

export interface MimeOptions {
  date: Date;
  /** The full Message-ID, angle brackets included: see `messageIdFor`. */
  messageId: string;
}

export function buildMimeMessage(mail: OutgoingMail, options: MimeOptions): string {
  assertMessageId(options.messageId);
  const boundary = boundaryFor(options.messageId);
  const headers = [
    addressHeader('From', mail.from),
    addressHeader('To', mail.to),
    ...(mail.replyTo ? [addressHeader('Reply-To', mail.replyTo)] : []),
    textHeader('Subject', mail.subject),
    `Date: ${rfc5322Date(options.date)}`,
    `Message-ID: ${options.messageId}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    ...(mail.thread ? threadHeaders(mail.thread) : []),
    ...(mail.listUnsubscribe ? listUnsubscribeHeaders(mail.listUnsubscribe, mail.listUnsubscribeMailto) : []),
  ];
  return [
    ...headers,
    '',
    `--${boundary}`,
    ...bodyPart('text/plain', mail.text),
    `--${boundary}`,
    ...bodyPart('text/html', mail.html),
    `--${boundary}--`,
    '',
  ].join(CRLF);
}

/**
 * `<key@domain>` for a mail's idempotency key, so every retry of one mail carries the same
 * Message-ID. Characters outside [A-Za-z0-9_-] are written `=XX` (UTF-8 bytes in hex), which
 * keeps distinct keys distinct; the domain is normalised to lower-case ASCII (punycode).
 */
export function messageIdFor(idempotencyKey: string, domain: string): string {
  if (idempotencyKey === '') throw new TypeError('An idempotency key is required for a Message-ID');
  const local = [...new TextEncoder().encode(idempotencyKey)]
    .map((byte) => {
      const char = String.fromCharCode(byte);
      return /[A-Za-z0-9_-]/.test(char) ? char : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
  return `<${local}@${normalizeDomain(domain)}>`;
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * The HTML part of a plain-text mail: paragraphs on blank lines, `<br>` on single line
 * breaks, and a line that is only an http(s) URL (a booking link) made clickable.
 */
export function textToHtml(text: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
  return paragraphs.map((paragraph) => `<p>${paragraph.split('\n').map(lineToHtml).join('<br>\n')}</p>`).join('\n');
}

function lineToHtml(line: string): string {
  const trimmed = line.trim();
  if (/^https?:\/\/\S+$/i.test(trimmed)) {
    const href = escapeHtml(trimmed);
    return `<a href="${href}">${href}</a>`;
  }
  return escapeHtml(line);
}

// --- headers ---------------------------------------------------------------------------

/**
 * RFC 2369 and RFC 8058: an https URL, in ASCII, and optionally a mailto address after it
 * (RFC 8058 has the POST go to the https one); on lines of their own, never folded into another header.
 */
function listUnsubscribeHeaders(url: string, mailto?: string): string[] {
  if (!/^https?:\/\/[\x21-\x7e]+$/.test(url) || url.includes('>')) {
    throw new MailError('The unsubscribe link is not a plain http(s) URL', false);
  }
  if (mailto !== undefined && !/^[\x21-\x3b\x3d\x3f-\x7e]+@[A-Za-z0-9.-]+$/.test(mailto)) {
    throw new MailError('The unsubscribe address is not a plain ASCII address', false);
  }
  const targets = [`<${url}>`, ...(mailto ? [`<mailto:${mailto}?subject=unsubscribe>`] : [])];
  return [`List-Unsubscribe: ${targets.join(', ')}`, 'List-Unsubscribe-Post: List-Unsubscribe=One-Click'];
}

/** In-Reply-To and References (RFC 5322 §3.6.4): Message-IDs as sent, folded one per line. */
function threadHeaders(thread: NonNullable<OutgoingMail['thread']>): string[] {
  const ids = [...thread.references, thread.inReplyTo].filter((id, index, all) => all.indexOf(id) === index);
  for (const id of ids) {
    if (!/^<[\x21-\x3d\x3f-\x7e]+@[\x21-\x3d\x3f-\x7e]+>$/.test(id)) throw unencodable('A Message-ID');
  }
  const references = thread.references.includes(thread.inReplyTo)
    ? thread.references
    : [...thread.references, thread.inReplyTo];
  return [`In-Reply-To: ${thread.inReplyTo}`, `References: ${references.join(`${CRLF} `)}`];
}

/** Refused for good; the message names the header, never the value (it may be a visitor's words). */
const unencodable = (what: string) => new MailError(`${what} cannot be written in a mail header`, false);

function assertNoLineBreak(value: string, what: string): void {
  // A CR or LF in a header value would end the header and let the value write its own
  // (a Bcc, say): refuse rather than strip, since the value is already wrong upstream.
  if (/[\r\n]/.test(value)) throw unencodable(`${what} with a line break`);
}

/**
 * Whether an address can go into a header: its email is one mail carries (schema/lead-form.ts
 * `mailAddress`, the syntax the intake and settings accept) and its name holds no line break.
 */
export const canEncodeAddress = (address: Address): boolean =>
  mailAddress(address.email) !== null && !/[\r\n]/.test(address.name ?? '');

function addressHeader(header: string, address: Address): string {
  assertNoLineBreak(address.email, `${header} address`);
  // Commas, angle brackets, quotes or spaces in an address would add recipients or break
  // the header's structure: only the dot-atom syntax the intake accepts gets through, with
  // its domain in punycode.
  const email = mailAddress(address.email);
  if (!email) throw unencodable(`${header} address`);
  assertNoLineBreak(address.name ?? '', `${header} display name`);
  const angleAddr = `<${email}>`;
  const displayName = address.name?.trim();
  if (!displayName) return `${header}: ${angleAddr}`;
  const quoted = `"${displayName.replace(/[\\"]/g, '\\$&')}"`;
  const fitsQuoted = isPlainAscii(displayName) && `${header}: ${quoted}`.length <= MAX_HEADER_LINE;
  return foldHeader(header, [...(fitsQuoted ? [quoted] : encodedWords(displayName)), angleAddr]);
}

/** An unstructured header (Subject): folded at spaces when it is plain ASCII, else encoded. */
function textHeader(name: string, value: string): string {
  assertNoLineBreak(value, name);
  const words = value.split(' ');
  const foldable =
    isPlainAscii(value) &&
    !value.includes('=?') &&
    words.every((word, index) => word !== '' || index === 0) &&
    words.every((word) => ` ${word}`.length <= MAX_HEADER_LINE - name.length - 1);
  return foldHeader(name, foldable ? words : encodedWords(value));
}

/** Joins tokens with single spaces, breaking lines before a token that would pass the limit. */
function foldHeader(name: string, tokens: string[]): string {
  const lines: string[] = [];
  let line = `${name}:`;
  let lineHasToken = false;
  for (const token of tokens) {
    if (lineHasToken && line.length + 1 + token.length > MAX_HEADER_LINE) {
      lines.push(line);
      line = '';
    }
    line += ` ${token}`;
    lineHasToken = true;
  }
  lines.push(line);
  return lines.join(CRLF);
}

function isPlainAscii(value: string): boolean {
  return /^[\x20-\x7e]*$/.test(value);
}

/**
 * RFC 2047 `=?UTF-8?B?…?=` words for a value, each at most 75 characters and short enough
 * that "Reply-To: " plus one word stays within a line; never splits a character's bytes.
 */
function encodedWords(value: string): string[] {
  const maxBytes = 36; // 48 base64 characters: 60-character words
  const encoder = new TextEncoder();
  const words: string[] = [];
  let chunk: number[] = [];
  for (const char of value) {
    const bytes = encoder.encode(char);
    if (chunk.length + bytes.length > maxBytes && chunk.length > 0) {
      words.push(`=?UTF-8?B?${bytesToBase64(chunk)}?=`);
      chunk = [];
    }
    chunk.push(...bytes);
  }
  if (chunk.length > 0 || words.length === 0) words.push(`=?UTF-8?B?${bytesToBase64(chunk)}?=`);
  return words;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Tue, 01 Jul 2025 09:05:00 +0000": RFC 5322 section 3.3, in UTC. */
function rfc5322Date(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new TypeError('Invalid Date header');
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${WEEKDAYS[date.getUTCDay()]}, ${two(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`
  );
}

function assertMessageId(messageId: string): void {
  if (!/^<[\x21-\x3b\x3d\x3f-\x7e]+@[\x21-\x3b\x3d\x3f-\x7e]+>$/.test(messageId)) {
    throw new TypeError(`Not a Message-ID: ${JSON.stringify(messageId)}`);
  }
}

/** The sender's domain as a Message-ID carries it: lower-case ASCII (punycode), by the intake's own rule. */
function normalizeDomain(domain: string): string {
  const host = asciiDomain(domain.trim());
  // The sender's domain is configuration, not a visitor's input: a bug to fix, not to retry.
  if (!host) throw new TypeError(`Not a domain: ${JSON.stringify(domain)}`);
  return host;
}

// --- bodies ----------------------------------------------------------------------------

/**
 * A boundary from the Message-ID, so the same mail is byte-for-byte the same message. It
 * starts with "=_", which base64 text can never contain, so it cannot collide with a body.
 */
function boundaryFor(messageId: string): string {
  // FNV-1a, twice with different offsets: 64 bits of spread, no crypto needed for this.
  const fnv = (seed: number) => {
    let hash = seed;
    for (let i = 0; i < messageId.length; i++) {
      hash ^= messageId.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
    return hash.toString(16).padStart(8, '0');
  };
  return `=_avenir_${fnv(0x811c9dc5)}${fnv(0x01000193)}`;
}

function bodyPart(mediaType: 'text/plain' | 'text/html', content: string): string[] {
  const base64 = bytesToBase64(new TextEncoder().encode(content.replace(/\r?\n/g, CRLF)));
  const lines: string[] = [];
  for (let i = 0; i < base64.length; i += BASE64_LINE) lines.push(base64.slice(i, i + BASE64_LINE));
  return [`Content-Type: ${mediaType}; charset=UTF-8`, 'Content-Transfer-Encoding: base64', '', ...lines];
}
