/**
 * Just enough RFC 5322 / MIME writing for the demo sites' answers to their contact forms:
 * header encoded-words (RFC 2047), quoted-printable and base64 bodies, multipart/alternative,
 * CRLF line endings throughout. Writes only; the Worker reads with postal-mime.
 */
import { randomBytes } from 'node:crypto';

export type Charset = 'utf-8' | 'iso-8859-1' | 'us-ascii';
export type TransferEncoding = 'quoted-printable' | 'base64' | '7bit' | '8bit';

export interface MimePart {
  type: 'text/plain' | 'text/html';
  content: string;
}

export interface MimeMessage {
  headers: [string, string][];
  /** One part (that type alone) or two (multipart/alternative, text first). */
  parts: MimePart[];
  charset: Charset;
  encoding: TransferEncoding;
}

const CRLF = '\r\n';

/** The bytes of a string in a charset; a character ISO-8859-1 lacks becomes "?" (as old PHP mailers did). */
export function encodeCharset(text: string, charset: Charset): Buffer {
  if (charset === 'utf-8') return Buffer.from(text, 'utf8');
  const max = charset === 'us-ascii' ? 0x7f : 0xff;
  return Buffer.from(Array.from(text, (char) => (char.codePointAt(0)! <= max ? char.codePointAt(0)! : 0x3f)));
}

const isPlainAscii = (text: string) => /^[\x20-\x7e]*$/.test(text);

/** RFC 2047 Q encoded-words, each at most 75 characters, split between characters (never inside one). */
export function encodedWords(text: string, charset: Charset = 'utf-8'): string[] {
  const label = charset.toUpperCase();
  const prefix = `=?${label}?Q?`;
  const words: string[] = [];
  let current = '';
  for (const char of text) {
    const encoded = /[A-Za-z0-9!*+\-/]/.test(char)
      ? char
      : char === ' '
        ? '_'
        : [...encodeCharset(char, charset)]
            .map((byte) => `=${byte.toString(16).toUpperCase().padStart(2, '0')}`)
            .join('');
    if (prefix.length + current.length + encoded.length + 2 > 75) {
      words.push(`${prefix}${current}?=`);
      current = '';
    }
    current += encoded;
  }
  words.push(`${prefix}${current}?=`);
  return words;
}

/** An unstructured header value (Subject): as is when it is short ASCII, else encoded-words folded on CRLF + space. */
export function unstructured(text: string, charset: Charset = 'utf-8'): string {
  const clean = text.replace(/[\r\n\t]+/g, ' ');
  if (isPlainAscii(clean) && clean.length <= 900) return clean;
  return encodedWords(clean, charset).join(`${CRLF} `);
}

/** `Name <address>`, the name bare, quoted or encoded as it needs. */
export function mailbox(address: string, name?: string | null, charset: Charset = 'utf-8'): string {
  if (!name) return address;
  const clean = name.replace(/[\r\n\t]+/g, ' ').trim();
  if (!isPlainAscii(clean)) return `${encodedWords(clean, charset).join(`${CRLF} `)} <${address}>`;
  if (/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~ -]+$/.test(clean)) return `${clean} <${address}>`;
  return `"${clean.replace(/["\\]/g, '\\$&')}" <${address}>`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (value: number) => String(value).padStart(2, '0');

/** RFC 5322 date-time in UTC: `Wed, 14 Jan 2026 15:02:07 +0000`. */
export function rfc5322Date(date: Date): string {
  return `${DAYS[date.getUTCDay()]}, ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()} ${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`;
}

/** `<random@domain>` for a Message-ID header. */
export const messageId = (domain: string) =>
  `<${randomBytes(12).toString('hex')}.${Date.now().toString(36)}@${domain}>`;

/** Lines split on any newline, for a body written with \n. */
const lines = (text: string) => text.replace(/\r\n?/g, '\n').split('\n');

/** Quoted-printable (RFC 2045 §6.7) of the text's bytes in a charset: lines of at most 76 characters, soft breaks with "=". */
export function quotedPrintable(text: string, charset: Charset): string {
  return lines(text)
    .map((line) => {
      const bytes = encodeCharset(line, charset);
      const tokens: string[] = [];
      bytes.forEach((byte, index) => {
        const last = index === bytes.length - 1;
        const literal = (byte >= 33 && byte <= 126 && byte !== 61) || ((byte === 32 || byte === 9) && !last);
        tokens.push(literal ? String.fromCharCode(byte) : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`);
      });
      const out: string[] = [];
      let current = '';
      for (const token of tokens) {
        if (current.length + token.length > 75) {
          out.push(`${current}=`);
          current = '';
        }
        current += token;
      }
      out.push(current);
      return out.join(CRLF);
    })
    .join(CRLF);
}

/** Base64 of the text's bytes (its newlines made CRLF first), in lines of 76. */
export function base64Body(text: string, charset: Charset): string {
  const encoded = encodeCharset(lines(text).join(CRLF), charset).toString('base64');
  return (encoded.match(/.{1,76}/g) ?? ['']).join(CRLF);
}

function encodeBody(text: string, charset: Charset, encoding: TransferEncoding): string {
  switch (encoding) {
    case 'quoted-printable':
      return quotedPrintable(text, charset);
    case 'base64':
      return base64Body(text, charset);
    default:
      return lines(text).join(CRLF);
  }
}

function partHeaders(part: MimePart, charset: Charset, encoding: TransferEncoding): string[] {
  return [`Content-Type: ${part.type}; charset=${charset}`, `Content-Transfer-Encoding: ${encoding}`];
}

/**
 * The raw message, CRLF throughout, as bytes (8bit bodies are the charset's own bytes; every
 * other encoding is ASCII). Headers come in the order given, then MIME-Version and the body's.
 */
export function buildMessage(message: MimeMessage): Buffer {
  const { charset, encoding, parts } = message;
  const head = message.headers.map(([name, value]) => `${name}: ${value}`);
  head.push('MIME-Version: 1.0');
  let body: string;
  if (parts.length === 1) {
    head.push(...partHeaders(parts[0]!, charset, encoding));
    body = encodeBody(parts[0]!.content, charset, encoding);
  } else {
    const boundary = `----=_Part_${randomBytes(8).toString('hex')}`;
    head.push(`Content-Type: multipart/alternative; boundary="${boundary}"`);
    body = [
      'This is a multi-part message in MIME format.',
      ...parts.flatMap((part) => [
        `--${boundary}`,
        ...partHeaders(part, charset, encoding),
        '',
        encodeBody(part.content, charset, encoding),
      ]),
      `--${boundary}--`,
    ].join(CRLF);
  }
  const text = `${head.join(CRLF)}${CRLF}${CRLF}${body}${CRLF}`;
  return encoding === '8bit' ? encodeCharset(text, charset) : Buffer.from(text, 'ascii');
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** A simple HTML version of a plain text: one <p> per paragraph, <br> per line, "> " lines as a blockquote. */
export function htmlOf(text: string, title: string, lang: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((paragraph) => {
      const rows = paragraph.split('\n');
      if (rows.every((row) => row.startsWith('>'))) {
        return `<blockquote style="margin:0 0 0 .8ex;border-left:1px solid #ccc;padding-left:1ex">${rows.map((row) => escapeHtml(row.replace(/^> ?/, ''))).join('<br>\n')}</blockquote>`;
      }
      return `<p>${rows.map(escapeHtml).join('<br>\n')}</p>`;
    })
    .join('\n');
  return `<!DOCTYPE html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n</head>\n<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222">\n${paragraphs}\n</body>\n</html>`;
}
