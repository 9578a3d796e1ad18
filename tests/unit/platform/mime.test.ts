import { describe, expect, it } from 'vitest';
import {
  buildMimeMessage,
  canEncodeAddress,
  escapeHtml,
  messageIdFor,
  textToHtml,
} from '../../../worker/platform/mail/mime';
import { MailError, type OutgoingMail } from '../../../worker/platform/mail/port';

const date = new Date(Date.UTC(2025, 6, 1, 9, 5, 3));
const messageId = '<reply=3Alead-42@renovationscote.ca>';

function mail(overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  return {
    from: { email: 'bonjour@renovationscote.ca', name: 'Rénovations Côté' },
    to: { email: 'marie@example.ca', name: 'Marie Tremblay' },
    subject: 'Votre soumission — Rénovations Côté',
    text: 'Bonjour Marie,\n\nMerci pour votre message.',
    html: '<p>Bonjour Marie,</p><p>Merci pour votre message.</p>',
    idempotencyKey: 'reply:lead-42',
    ...overrides,
  };
}

/** Headers (unfolded) and the decoded parts of a message this module built. */
function parse(message: string) {
  const [head = '', ...rest] = message.split('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const field of head.replace(/\r\n[ \t]/g, ' ').split('\r\n')) {
    const colon = field.indexOf(':');
    headers.set(field.slice(0, colon).toLowerCase(), field.slice(colon + 1).trim());
  }
  const boundary = /boundary="([^"]+)"/.exec(headers.get('content-type') ?? '')?.[1] ?? '';
  const body = rest.join('\r\n\r\n');
  const parts = body
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((part) => {
      const [partHead = '', partBody = ''] = part.replace(/^\r\n/, '').split('\r\n\r\n');
      return { head: partHead, base64: partBody, text: Buffer.from(partBody, 'base64').toString('utf8') };
    });
  return { headers, boundary, body, parts };
}

/** RFC 2047 decoding of B-encoded UTF-8 words; whitespace between two words is dropped. */
function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?UTF-8\?B\?([^?]*)\?=/gi, (_, b64: string) => Buffer.from(b64, 'base64').toString('utf8'));
}

describe('buildMimeMessage', () => {
  it('writes every line with CRLF and no line longer than 78 characters', () => {
    const long = 'Un très long texte '.repeat(40);
    const message = buildMimeMessage(mail({ subject: `${long} fin`, text: long, html: `<p>${long}</p>` }), {
      date,
      messageId,
    });
    expect(message).not.toMatch(/[^\r]\n/);
    expect(message).not.toMatch(/\r(?!\n)/);
    expect(message.endsWith('\r\n')).toBe(true);
    for (const line of message.split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
  });

  it('encodes a French subject and display name as encoded-words that round-trip', () => {
    const { headers } = parse(buildMimeMessage(mail(), { date, messageId }));
    const subject = headers.get('subject') ?? '';
    expect(subject).toMatch(/^=\?UTF-8\?B\?/);
    expect(decodeWords(subject)).toBe('Votre soumission — Rénovations Côté');
    expect(decodeWords(headers.get('from') ?? '')).toBe('Rénovations Côté <bonjour@renovationscote.ca>');
    expect(headers.get('to')).toBe('"Marie Tremblay" <marie@example.ca>');
  });

  it('splits long non-ASCII subjects into encoded-words of at most 75 characters without cutting a character', () => {
    const subject = 'Réponse à votre demande de soumission pour la rénovation complète de la cuisine — été 2025 ✓';
    const message = buildMimeMessage(mail({ subject }), { date, messageId });
    const header = message.split('\r\n\r\n')[0] ?? '';
    const words = header.match(/=\?UTF-8\?B\?[^?]*\?=/g) ?? [];
    expect(words.length).toBeGreaterThan(2);
    for (const word of words) {
      expect(word.length).toBeLessThanOrEqual(75);
      // Each word decodes on its own to valid UTF-8: no replacement characters.
      expect(decodeWords(word)).not.toContain('\uFFFD');
    }
    expect(decodeWords(parse(message).headers.get('subject') ?? '')).toBe(subject);
  });

  it('keeps a plain ASCII subject readable, folded at spaces', () => {
    const subject = 'Your quote request for the kitchen renovation at 12 Maple Street, Gatineau, next week';
    const { headers } = parse(buildMimeMessage(mail({ subject }), { date, messageId }));
    expect(headers.get('subject')).toBe(subject);
  });

  it('writes Date, Message-ID, MIME-Version and Reply-To when set', () => {
    const message = buildMimeMessage(mail({ replyTo: { email: 'info@renovationscote.ca', name: 'Service "Côté"' } }), {
      date,
      messageId,
    });
    const { headers } = parse(message);
    expect(headers.get('date')).toBe('Tue, 01 Jul 2025 09:05:03 +0000');
    expect(headers.get('message-id')).toBe(messageId);
    expect(headers.get('mime-version')).toBe('1.0');
    expect(decodeWords(headers.get('reply-to') ?? '')).toBe('Service "Côté" <info@renovationscote.ca>');
    expect(buildMimeMessage(mail(), { date, messageId })).not.toMatch(/^Reply-To:/m);
  });

  it('quotes ASCII display names with their quotes and backslashes escaped', () => {
    const { headers } = parse(
      buildMimeMessage(mail({ to: { email: 'a@example.ca', name: 'Smith, John "JJ" \\ Jr' } }), { date, messageId }),
    );
    expect(headers.get('to')).toBe('"Smith, John \\"JJ\\" \\\\ Jr" <a@example.ca>');
  });

  it('has a text/plain then a text/html part, base64 in 76-character lines, decoding to the originals', () => {
    const text = 'Bonjour Marie,\n\nMerci — nous vous rappelons demain.\n'.repeat(10);
    const html = '<p>Bonjour Marie,</p><p>Merci — nous vous rappelons demain.</p>'.repeat(10);
    const { headers, parts } = parse(buildMimeMessage(mail({ text, html }), { date, messageId }));
    expect(headers.get('content-type')).toMatch(/^multipart\/alternative; boundary="/);
    expect(parts).toHaveLength(2);
    expect(parts[0]?.head).toBe('Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64');
    expect(parts[1]?.head).toBe('Content-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64');
    // Text is sent in canonical form: CRLF line breaks.
    expect(parts[0]?.text.trimEnd()).toBe(text.replaceAll('\n', '\r\n').trimEnd());
    expect(parts[1]?.text.trimEnd()).toBe(html);
    for (const part of parts) {
      const lines = part.base64.trimEnd().split('\r\n');
      expect(lines.slice(0, -1).every((line) => line.length === 76)).toBe(true);
      expect(lines.at(-1)?.length).toBeLessThanOrEqual(76);
    }
  });

  it('derives the boundary from the Message-ID: same mail, same bytes; another id, another boundary', () => {
    const first = buildMimeMessage(mail(), { date, messageId });
    expect(buildMimeMessage(mail(), { date, messageId })).toBe(first);
    const other = parse(buildMimeMessage(mail(), { date, messageId: '<reply=3Alead-43@renovationscote.ca>' }));
    const { boundary, body } = parse(first);
    expect(boundary).toMatch(/^=_/);
    expect(other.boundary).not.toBe(boundary);
    expect(body.trimEnd().endsWith(`--${boundary}--`)).toBe(true);
  });

  it.each([
    ['subject', mail({ subject: 'Hello\r\nBcc: victim@example.com' })],
    ['subject with a bare LF', mail({ subject: 'Hello\nBcc: victim@example.com' })],
    ['display name', mail({ to: { email: 'a@example.ca', name: 'Marie\r\nBcc: victim@example.com' } })],
    ['email', mail({ to: { email: 'a@example.ca\r\nBcc: victim@example.com' } })],
    ['reply-to email', mail({ replyTo: { email: 'a@example.ca\nBcc: victim@example.com' } })],
  ])('rejects a line break in the %s (header injection), for good', (_, injected) => {
    expect(refusal(injected)).toMatchObject({ name: 'MailError', retryable: false });
  });

  it('offers one-click unsubscribe (RFC 8058) with a mailto beside the https link', () => {
    const { headers } = parse(
      buildMimeMessage(
        mail({
          listUnsubscribe: 'https://app.avenir.test/u/abc.def',
          listUnsubscribeMailto: 'unsub+abc@in.avenir.test',
        }),
        { date, messageId },
      ),
    );
    expect(headers.get('list-unsubscribe')).toBe(
      '<https://app.avenir.test/u/abc.def>, <mailto:unsub+abc@in.avenir.test?subject=unsubscribe>',
    );
    expect(headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(
      refusal(mail({ listUnsubscribe: 'https://a.test/u', listUnsubscribeMailto: 'x@a.test>, <https://evil.test' })),
    ).toMatchObject({ retryable: false });
  });

  it('threads a follow-up under the message it follows (In-Reply-To, References)', () => {
    const first = '<outreach=3Aa-1@avenir.test>';
    const second = '<outreach=3Aa-2@avenir.test>';
    const { headers } = parse(
      buildMimeMessage(mail({ thread: { inReplyTo: second, references: [first] } }), { date, messageId }),
    );
    expect(headers.get('in-reply-to')).toBe(second);
    expect(headers.get('references')).toBe(`${first} ${second}`);
    expect(refusal(mail({ thread: { inReplyTo: '<a@b>\r\nBcc: x@evil.test', references: [] } }))).toMatchObject({
      retryable: false,
    });
  });

  it('rejects an address that would smuggle in a second recipient, for good', () => {
    expect(refusal(mail({ to: { email: 'a@example.ca,victim@example.com' } }))).toMatchObject({ retryable: false });
  });

  it.each([',', ';', '<', '>', '(', ')', '"', '[', ']'])(
    'rejects an address with %j, naming the header, not the value',
    (char) => {
      const error = refusal(mail({ to: { email: `secret${char}x@example.ca` } }));
      expect(error).toMatchObject({ retryable: false, message: 'To address cannot be written in a mail header' });
    },
  );

  it('writes an internationalised domain in punycode in To and Reply-To, every header ASCII', () => {
    const message = buildMimeMessage(
      mail({
        to: { email: 'emilie@exemple-québec.ca', name: 'Émilie' },
        replyTo: { email: 'info@rénovations.ca' },
      }),
      { date, messageId },
    );
    const { headers } = parse(message);
    expect(decodeWords(headers.get('to') ?? '')).toBe('Émilie <emilie@xn--exemple-qubec-khb.ca>');
    expect(headers.get('reply-to')).toBe('<info@xn--rnovations-b7a.ca>');
    expect(message.split('\r\n\r\n')[0]).toMatch(/^[\x20-\x7e\r\n]*$/);
  });

  it('refuses, for good, an address with letters beyond ASCII before the @ (no SMTPUTF8)', () => {
    expect(refusal(mail({ to: { email: 'émilie@exemple-québec.ca' } }))).toMatchObject({ retryable: false });
    expect(refusal(mail({ replyTo: { email: 'émilie@example.ca' } }))).toMatchObject({ retryable: false });
  });

  it('says which addresses a header can carry', () => {
    expect(canEncodeAddress({ email: 'emilie@exemple-québec.ca', name: 'Émilie' })).toBe(true);
    expect(canEncodeAddress({ email: 'émilie@example.ca' })).toBe(false);
    expect(canEncodeAddress({ email: 'a@example.ca', name: 'Jean\nDupont' })).toBe(false);
  });
});

/** The error buildMimeMessage throws for `input`. */
function refusal(input: OutgoingMail): MailError {
  try {
    buildMimeMessage(input, { date, messageId });
  } catch (error) {
    if (error instanceof MailError) return error;
    throw error;
  }
  throw new Error('built a message it should have refused');
}

describe('messageIdFor', () => {
  it('wraps the key and domain in angle brackets', () => {
    expect(messageIdFor('reply-lead_42', 'renovationscote.ca')).toBe('<reply-lead_42@renovationscote.ca>');
  });

  it('escapes characters a Message-ID cannot hold, keeping distinct keys distinct', () => {
    const colon = messageIdFor('reply:42', 'Example.CA');
    const slash = messageIdFor('reply/42', 'example.ca');
    expect(colon).toBe('<reply=3A42@example.ca>');
    expect(slash).toBe('<reply=2F42@example.ca>');
    expect(messageIdFor('a b<c>@d', 'example.ca')).toBe('<a=20b=3Cc=3E=40d@example.ca>');
  });

  it('converts an internationalised domain to punycode and refuses a non-domain', () => {
    expect(messageIdFor('k', 'rénovations.ca')).toBe('<k@xn--rnovations-b7a.ca>');
    expect(() => messageIdFor('k', 'example.ca>\r\nBcc: x')).toThrow(TypeError);
    expect(() => messageIdFor('', 'example.ca')).toThrow(TypeError);
  });
});

describe('escapeHtml and textToHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;',
    );
  });

  it('escapes a script tag instead of passing it through', () => {
    const html = textToHtml('Hi <script>alert(1)</script>');
    expect(html).toBe('<p>Hi &lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(html).not.toContain('<script>');
  });

  it('makes paragraphs on blank lines and <br> on single line breaks', () => {
    expect(textToHtml('Bonjour Marie,\r\n\r\nMerci.\nÀ bientôt,\n\n\nJean')).toBe(
      '<p>Bonjour Marie,</p>\n<p>Merci.<br>\nÀ bientôt,</p>\n<p>Jean</p>',
    );
  });

  it('links an http(s) URL that stands on its own line, with the href escaped', () => {
    const html = textToHtml('Book a time:\nhttps://cal.example.ca/book?a=1&b="x"\nSee you.');
    expect(html).toBe(
      '<p>Book a time:<br>\n<a href="https://cal.example.ca/book?a=1&amp;b=&quot;x&quot;">https://cal.example.ca/book?a=1&amp;b=&quot;x&quot;</a><br>\nSee you.</p>',
    );
  });

  it('leaves URLs inside a sentence and non-http schemes as text', () => {
    expect(textToHtml('Go to https://example.ca today')).toBe('<p>Go to https://example.ca today</p>');
    expect(textToHtml('javascript:alert(1)')).toBe('<p>javascript:alert(1)</p>');
  });
});
