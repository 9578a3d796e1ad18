/**
 * How the demo businesses answer an outreach email that reaches their mailbox: each has one
 * way (`outreachAnswer` in catalogue.json), the ways real recipients have. A person replies,
 * an out-of-office answers by itself, a dead address bounces (RFC 3464), a person clicks
 * "Unsubscribe" in their mail app (the RFC 8058 one-click POST), Apple Mail Privacy
 * Protection fetches the images on delivery, a security gateway opens every link at once, a
 * person reads and clicks a link. Pure: a received email in, the steps to take out (what to
 * post to the Worker's inbound handler, which URL to fetch, and when). Every URL and
 * address the steps use comes from the email itself; the runner checks they stay local.
 */
import { buildMessage, mailbox, messageId, rfc5322Date, unstructured } from './mime';
import type { ReplyingBusiness, ReplyLanguage } from './replies';

export const OUTREACH_ANSWERS = [
  'reply',
  'out_of_office',
  'bounce',
  'unsubscribe',
  'apple_mail',
  'scanner',
  'reads',
] as const;
export type OutreachAnswer = (typeof OUTREACH_ANSWERS)[number];

/** An outreach email as the business's mail server received it (the dev outbox's columns). */
export interface ReceivedOutreach {
  messageId: string;
  /** `Name <address>` or the address. */
  from: string;
  to: string;
  replyTo: string | null;
  subject: string;
  text: string;
  html: string;
  /** The raw message's headers, for List-Unsubscribe. */
  rawMime: string;
}

export type AnswerStep =
  /** A message to the Worker's inbound handler (`?from=&to=`). */
  | { afterMs: number; kind: 'mail'; envelopeFrom: string; to: string; raw: Buffer }
  /** A request to one of the email's URLs (its pixel, a link, its unsubscribe address). */
  | {
      afterMs: number;
      kind: 'fetch';
      url: string;
      method: 'GET' | 'HEAD' | 'POST';
      headers: Record<string, string>;
      body?: string;
    };

const DESKTOP_BROWSER =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const THUNDERBIRD = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Thunderbird/128.5.0';
/** What Apple's proxy sends when it fetches a message's images for Mail Privacy Protection. */
const APPLE_PROXY = 'Mozilla/5.0';
const GATEWAY = 'Mozilla/5.0 (compatible; Proofpoint URL Defense scanner)';

/** The address of `Name <address>`, or the value itself. */
export const addressOf = (value: string) => (/<([^>]+)>/.exec(value)?.[1] ?? value).trim();
const nameOf = (value: string) => /^\s*"?([^"<]+?)"?\s*</.exec(value)?.[1]?.trim() ?? null;
const firstName = (value: string) => nameOf(value)?.split(/\s+/)[0] ?? null;

/** The email's own tracked URLs: its pixel, its links through the redirect, its unsubscribe page. */
export function urlsOf(received: ReceivedOutreach): {
  pixel: string | null;
  links: string[];
  unsubscribe: string | null;
} {
  const hrefs = [...received.html.matchAll(/\b(?:href|src)="([^"]+)"/g)].map((match) =>
    match[1]!.replace(/&amp;/g, '&'),
  );
  return {
    pixel: hrefs.find((url) => /\/o\/p\/[^/?#]+/.test(url)) ?? null,
    links: [...new Set(hrefs.filter((url) => /\/o\/c\/[^/?#]+/.test(url)))],
    unsubscribe: oneClickUrl(received.rawMime) ?? hrefs.find((url) => /\/u\/[^/?#]+/.test(url)) ?? null,
  };
}

/** The https (or local http) address of `List-Unsubscribe`, unfolded. */
export function oneClickUrl(rawMime: string): string | null {
  const head = rawMime.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const header = /^List-Unsubscribe:((?:.*)(?:\r?\n[ \t].*)*)/im.exec(head)?.[1]?.replace(/\r?\n[ \t]/g, ' ');
  return header ? ([...header.matchAll(/<(https?:[^>]+)>/g)][0]?.[1] ?? null) : null;
}

const languageOf = (business: ReplyingBusiness): ReplyLanguage => (business.languages[0] === 'en' ? 'en' : 'fr');
const domainOf = (business: ReplyingBusiness) => `${business.slug}.test`;

/** The lines of the email, quoted as a mail app quotes what it answers. */
function quoted(received: ReceivedOutreach, language: ReplyLanguage, at: Date): string {
  const when = at.toISOString().slice(0, 10);
  const intro = language === 'fr' ? `Le ${when}, ${received.from} a écrit :` : `On ${when}, ${received.from} wrote:`;
  return [intro, ...received.text.split(/\r?\n/).map((line) => `> ${line}`)].join('\n');
}

function inReplyTo(received: ReceivedOutreach): [string, string][] {
  const id = received.messageId.startsWith('<') ? received.messageId : `<${received.messageId}>`;
  return [
    ['In-Reply-To', id],
    ['References', id],
  ];
}

function personalReply(business: ReplyingBusiness, received: ReceivedOutreach, at: Date): Buffer {
  const language = languageOf(business);
  const sender = firstName(received.from);
  const body =
    language === 'fr'
      ? `Bonjour${sender ? ` ${sender}` : ''},\n\nOui, ça m'intéresse. On reçoit pas mal de demandes par le site et on n'arrive pas toujours à répondre vite, surtout en saison. Pouvez-vous m'appeler jeudi après-midi au ${business.phone} ?\n\nMerci,\n${business.businessName}`
      : `Hi${sender ? ` ${sender}` : ''},\n\nYes, I'd like to hear more. We get a fair number of requests through the site and we don't always answer quickly, especially in the busy season. Could you call me Thursday afternoon at ${business.phone}?\n\nThanks,\n${business.businessName}`;
  return buildMessage({
    headers: [
      ['Date', rfc5322Date(at)],
      ['From', mailbox(business.email ?? `info@${domainOf(business)}`, business.businessName)],
      ['To', received.replyTo!],
      ['Subject', unstructured(`${language === 'fr' ? 'RE' : 'Re'}: ${received.subject}`)],
      ['Message-ID', messageId(domainOf(business))],
      ...inReplyTo(received),
      ['Content-Language', language === 'fr' ? 'fr-CA' : 'en-CA'],
    ],
    parts: [{ type: 'text/plain', content: `${body}\n\n${quoted(received, language, at)}` }],
    charset: 'utf-8',
    encoding: 'quoted-printable',
  });
}

function outOfOffice(business: ReplyingBusiness, received: ReceivedOutreach, at: Date): Buffer {
  const language = languageOf(business);
  const body =
    language === 'fr'
      ? `Bonjour,\n\nJe suis absent du bureau jusqu'au lundi suivant et je n'ai pas accès à mes courriels. Pour une urgence, appelez au ${business.phone}.\n\nMerci,\n${business.businessName}`
      : `Hello,\n\nI am out of the office until next Monday with no access to email. For anything urgent, please call ${business.phone}.\n\nThank you,\n${business.businessName}`;
  return buildMessage({
    headers: [
      ['Date', rfc5322Date(at)],
      ['From', mailbox(business.email ?? `info@${domainOf(business)}`, business.businessName)],
      ['To', received.replyTo!],
      [
        'Subject',
        unstructured(`${language === 'fr' ? 'Réponse automatique' : 'Automatic reply'}: ${received.subject}`),
      ],
      ['Message-ID', messageId(domainOf(business))],
      ...inReplyTo(received),
      ['Auto-Submitted', 'auto-replied'],
      ['X-Auto-Response-Suppress', 'All'],
    ],
    parts: [{ type: 'text/plain', content: body }],
    charset: 'utf-8',
    encoding: 'quoted-printable',
  });
}

/** An RFC 3464 report from the business's mail server: the mailbox does not exist (5.1.1). */
function deadAddress(business: ReplyingBusiness, received: ReceivedOutreach, at: Date): Buffer {
  const recipient = addressOf(received.to);
  const mx = `mx.${domainOf(business)}`;
  const boundary = `dsn-${received.messageId.replace(/[^A-Za-z0-9]/g, '').slice(0, 24)}`;
  const lines = [
    `Date: ${rfc5322Date(at)}`,
    `From: Mail Delivery System <MAILER-DAEMON@${mx}>`,
    `To: ${received.replyTo}`,
    'Subject: Undelivered Mail Returned to Sender',
    `Message-ID: ${messageId(mx)}`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=us-ascii',
    '',
    `This is the mail system at host ${mx}.`,
    '',
    "I'm sorry to have to inform you that your message could not be delivered to one or more recipients.",
    '',
    `<${recipient}>: host ${mx} said: 550 5.1.1 <${recipient}>: Recipient address rejected: User unknown in local recipient table`,
    '',
    `--${boundary}`,
    'Content-Type: message/delivery-status',
    '',
    `Reporting-MTA: dns; ${mx}`,
    `Arrival-Date: ${rfc5322Date(at)}`,
    '',
    `Final-Recipient: rfc822; ${recipient}`,
    `Original-Recipient: rfc822; ${recipient}`,
    'Action: failed',
    'Status: 5.1.1',
    `Remote-MTA: dns; ${mx}`,
    `Diagnostic-Code: smtp; 550 5.1.1 <${recipient}>: Recipient address rejected: User unknown in local recipient table`,
    '',
    `--${boundary}`,
    'Content-Type: text/rfc822-headers',
    '',
    `Message-ID: ${received.messageId}`,
    `From: ${received.from}`,
    `To: ${received.to}`,
    `Subject: ${unstructured(received.subject)}`,
    '',
    `--${boundary}--`,
    '',
  ];
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

const reader = (language: ReplyLanguage) => ({
  'accept-language': language === 'fr' ? 'fr-CA,fr;q=0.9,en;q=0.8' : 'en-CA,en;q=0.9',
});

/**
 * What the business does with the email, step by step. Nothing when the email gives no
 * address to answer to, and no step for a URL the email does not carry.
 */
export function answerOutreach(
  business: ReplyingBusiness & { outreachAnswer?: OutreachAnswer },
  received: ReceivedOutreach,
  at: Date,
): AnswerStep[] {
  const answer = business.outreachAnswer;
  if (!answer || !received.replyTo) return [];
  const language = languageOf(business);
  const replyTo = addressOf(received.replyTo);
  const own = business.email ?? `info@${domainOf(business)}`;
  const urls = urlsOf(received);
  const fetchStep = (
    afterMs: number,
    url: string | null,
    method: 'GET' | 'HEAD' | 'POST',
    headers: Record<string, string>,
    body?: string,
  ): AnswerStep[] => (url ? [{ afterMs, kind: 'fetch', url, method, headers, ...(body ? { body } : {}) }] : []);
  const withReplyTo = { ...received, replyTo };

  switch (answer) {
    case 'reply':
      // Read, then answered a little later, as a person does.
      return [
        ...fetchStep(15_000, urls.pixel, 'GET', { 'user-agent': THUNDERBIRD, ...reader(language) }),
        {
          afterMs: 30_000,
          kind: 'mail',
          envelopeFrom: own,
          to: replyTo,
          raw: personalReply(business, withReplyTo, at),
        },
      ];
    case 'out_of_office':
      return [
        { afterMs: 2_000, kind: 'mail', envelopeFrom: own, to: replyTo, raw: outOfOffice(business, withReplyTo, at) },
      ];
    case 'bounce':
      return [
        {
          afterMs: 1_000,
          kind: 'mail',
          // Wrangler's local handler wants a sender; the report's own From, as Postfix's MAILER-DAEMON.
          envelopeFrom: `MAILER-DAEMON@mx.${domainOf(business)}`,
          to: replyTo,
          raw: deadAddress(business, withReplyTo, at),
        },
      ];
    case 'unsubscribe':
      // The mail app's Unsubscribe button: RFC 8058's POST, no page, no sign-in.
      return fetchStep(
        12_000,
        urls.unsubscribe,
        'POST',
        { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'Mozilla/5.0 (compatible; GoogleMail)' },
        'List-Unsubscribe=One-Click',
      );
    case 'apple_mail':
      return fetchStep(1_000, urls.pixel, 'GET', { 'user-agent': APPLE_PROXY });
    case 'scanner':
      // A gateway opens the image and every link, the unsubscribe page included, on arrival:
      // none of it is a person, and the unsubscribe page's GET must unsubscribe no one.
      return [
        ...fetchStep(500, urls.pixel, 'GET', { 'user-agent': GATEWAY }),
        ...urls.links.flatMap((url) => fetchStep(700, url, 'HEAD', { 'user-agent': GATEWAY })),
        ...urls.links.flatMap((url) => fetchStep(900, url, 'GET', { 'user-agent': GATEWAY })),
        ...fetchStep(1_100, urls.unsubscribe, 'GET', { 'user-agent': GATEWAY }),
      ];
    case 'reads':
      return [
        ...fetchStep(15_000, urls.pixel, 'GET', { 'user-agent': DESKTOP_BROWSER, ...reader(language) }),
        ...fetchStep(25_000, urls.links[0] ?? null, 'GET', { 'user-agent': DESKTOP_BROWSER, ...reader(language) }),
      ];
  }
}
