import { type ChildNode, type Element, isTag, isText } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import PostalMime, { type Address, type Attachment, type Email, type Mailbox } from 'postal-mime';

/**
 * One message as Email Routing hands it to email(), read by postal-mime (the MIME parser
 * Cloudflare documents for Email Workers) into a bounded record the features use: who, what
 * it says in plain text (and that text without the quoted history below a reply), whether
 * a machine sent it, whether it is a delivery failure. Attachments are counted, never kept.
 * Nothing here knows what a feature does with the message.
 */

/** Email Routing itself accepts up to 25 MiB; a reply to a contact form is a few KB, so 5 MiB is generous. */
export const INBOUND_MAX_RAW_BYTES = 5 * 1024 * 1024;
/** Enough for any reply a person writes; what a feature stores or sends to a model stays small. */
export const INBOUND_MAX_TEXT_CHARS = 20_000;
/** The HTML is kept only as evidence (never rendered by Avenir), so a small bound suffices. */
export const INBOUND_MAX_HTML_CHARS = 100_000;
/**
 * HTML read for its text: the HTML that is kept, no more (Gmail itself clips a message at
 * 102 KB). htmlparser2's cost grows with the square of the nesting depth, so this bound is
 * also what keeps a hostile message (100 KB of nested <div>) to a few tens of milliseconds.
 */
const HTML_TO_TEXT_MAX_CHARS = INBOUND_MAX_HTML_CHARS;
/** Message-IDs are stored and compared; RFC 5322 lines stop at 998, real ids at well under 250. */
const ID_MAX_CHARS = 500;
/** A long thread's References; the last ones name the closest parents, the ones a thread lookup needs. */
const REFERENCES_MAX = 50;
const DIAGNOSTIC_MAX_CHARS = 1000;
/** A delivery report's blocks: one for the message, one per recipient. Past this, a report is not plausible. */
const REPORT_BLOCKS_MAX = 50;

export interface InboundMessage {
  /** Without angle brackets. */
  messageId: string | null;
  /** The SMTP envelope (MAIL FROM, RCPT TO), lower-cased. */
  envelopeFrom: string;
  envelopeTo: string;
  /** The From header; the address lower-cased so features can compare it. */
  from: { address: string | null; name: string | null };
  replyTo: string | null;
  subject: string;
  /** ISO 8601, or null when the Date header is missing or unreadable. */
  date: string | null;
  inReplyTo: string | null;
  /** Oldest first, as in the header; at most the last 50. */
  references: string[];
  /** The plain text: the text part, else the HTML part's text (quoted blocks as "> " lines); bounded. */
  text: string;
  /** `text` without what it quotes ("On … wrote:", "De : … Envoyé : …", "> …") or its signature; may be empty. */
  newText: string;
  /** As sent, bounded; never rendered by Avenir. */
  html: string | null;
  /** Files the sender attached (inline signature images and a report's own parts are not counted). */
  attachments: number;
  rawSize: number;
  /** The text or the HTML was cut to its bound. */
  truncated: boolean;
  /** Whether a machine sent it, and each sign that says so ("auto-submitted: auto-replied", "sender: …"). */
  auto: { submitted: boolean; reasons: string[] };
  /** A delivery status notification; `action` is "failed" for a bounce, "delayed" for a warning. */
  bounce: null | { status: string | null; action: string | null; recipient: string | null; diagnostic: string | null };
}

export class InboundTooLarge extends Error {
  override readonly name = 'InboundTooLarge';
}

export interface InboundInput {
  raw: ReadableStream<Uint8Array> | ArrayBuffer | Uint8Array | string;
  /** What Email Routing says the message weighs; checked first, but the bytes are counted regardless. */
  rawSize?: number;
  envelopeFrom: string;
  envelopeTo: string;
}

export async function readInbound(input: InboundInput): Promise<InboundMessage> {
  if ((input.rawSize ?? 0) > INBOUND_MAX_RAW_BYTES) throw new InboundTooLarge(`${input.rawSize} bytes`);
  const bytes = await readRaw(input.raw);
  const email = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer' });
  const envelopeFrom = envelopeAddress(input.envelopeFrom);
  const envelopeTo = envelopeAddress(input.envelopeTo);
  const from = mailboxOf(email.from ?? email.sender);
  const body = bodyText(email);
  const html = email.html ? repairC1(bounded(email.html, INBOUND_MAX_HTML_CHARS)) : null;
  const text = bounded(body.text, INBOUND_MAX_TEXT_CHARS);
  const bounce = await bounceOf(email, { from: from.address, envelopeFrom, envelopeTo, text });
  return {
    messageId: messageIds(email.messageId)[0] ?? null,
    envelopeFrom,
    envelopeTo,
    from,
    replyTo: (email.replyTo ?? []).map(mailboxOf).find((mailbox) => mailbox.address)?.address ?? null,
    subject: repairC1(squash(email.subject ?? '')),
    date: isoDate(email.date),
    inReplyTo: messageIds(email.inReplyTo)[0] ?? null,
    references: messageIds(email.references).slice(-REFERENCES_MAX),
    text,
    newText: withoutQuotes(text),
    html,
    attachments: countAttachments(email),
    rawSize: bytes.byteLength,
    truncated: body.cut || text.length < body.text.length || (html !== null && html.length < (email.html ?? '').length),
    auto: automatic(email, { from: from.address, envelopeFrom, bounce }),
    bounce,
  };
}

// ---------------------------------------------------------------------------------------
// The raw bytes

/** The raw bytes, read within the budget whatever rawSize claimed: a stream is cut off, not read to its end. */
async function readRaw(raw: InboundInput['raw']): Promise<Uint8Array> {
  const bytes =
    typeof raw === 'string'
      ? new TextEncoder().encode(raw)
      : raw instanceof ArrayBuffer
        ? new Uint8Array(raw)
        : raw instanceof Uint8Array
          ? raw
          : await readStream(raw);
  if (bytes.byteLength > INBOUND_MAX_RAW_BYTES) throw new InboundTooLarge(`${bytes.byteLength} bytes`);
  return bytes;
}

async function readStream(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > INBOUND_MAX_RAW_BYTES) {
      // Tell the sender's side to stop; a failure to cancel changes nothing for us.
      await reader.cancel().catch(() => undefined);
      throw new InboundTooLarge(`more than ${INBOUND_MAX_RAW_BYTES} bytes`);
    }
    chunks.push(value);
  }
  return concat(chunks, size);
}

function concat(chunks: readonly Uint8Array[], size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

// ---------------------------------------------------------------------------------------
// Headers and addresses

const squash = (value: string) => value.replace(/\s+/g, ' ').trim();

/** A field's leading keyword, lower-cased: "auto-replied; owner-email=…" → "auto-replied", "failed (bad mailbox)" → "failed". */
function keywordOf(value: string | null | undefined): string | null {
  return value?.split(/[\s;(]/, 1)[0]?.toLowerCase() || null;
}

/** A header's value as postal-mime unfolded it, whitespace runs squashed; the first one wins, as postal-mime's own fields do. */
function header(email: Email, key: string): string | null {
  const value = email.headers.find((entry) => entry.key === key)?.value;
  return value ? squash(value) || null : null;
}

/** `<>` is the null sender (bounces); brackets are not part of the address. */
const envelopeAddress = (value: string) =>
  value
    .trim()
    .replace(/^<(.*)>$/, '$1')
    .trim()
    .toLowerCase();

function mailboxOf(address: Address | undefined): InboundMessage['from'] {
  // A group ("Équipe: a@x, b@x;") speaks through its first member.
  const mailbox: Mailbox | undefined = address?.group ? address.group[0] : address;
  if (!mailbox) return { address: null, name: null };
  const name = repairC1(squash(mailbox.name || (address?.group ? address.name : '')));
  return { address: mailbox.address.trim().toLowerCase() || null, name: name || null };
}

/** The ids of a Message-ID, In-Reply-To or References header, without brackets (or, from a broken client, bare). */
function messageIds(value: string | undefined): string[] {
  if (!value) return [];
  const bracketed = [...value.matchAll(/<([^<>\s]+)>/g)].map((match) => match[1]!);
  const ids = bracketed.length > 0 ? bracketed : value.split(/[\s,]+/).filter((token) => token.includes('@'));
  return ids.map((id) => id.slice(0, ID_MAX_CHARS));
}

/** postal-mime gives ISO when the Date header parses, the raw value when it does not. */
function isoDate(value: string | undefined): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

// ---------------------------------------------------------------------------------------
// The text

/** Cut at `max` characters, never between the two halves of a surrogate pair (an emoji). */
function bounded(value: string, max: number): string {
  if (value.length <= max) return value;
  const code = value.charCodeAt(max - 1);
  return value.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
}

/**
 * What a text part says when the sender's tool wrote the message in HTML only: the
 * client that can show HTML never shows it. Only short text parts are tested.
 */
const HTML_ONLY_NOTICE =
  /html|view (this|the) (message|e-?mail)|(web )?browser|navigateur|(afficher|visualiser|consulter|lire) (ce|le) (message|courriel)/i;
const HTML_ONLY_NOTICE_MAX_CHARS = 300;

/** The text part, unless it is empty or only says to read the HTML; then the HTML part's text. */
function bodyText(email: Email): { text: string; cut: boolean } {
  const plain = repairC1(normalizeLines(email.text ?? '')).trim();
  const placeholder = plain === '' || (plain.length <= HTML_ONLY_NOTICE_MAX_CHARS && HTML_ONLY_NOTICE.test(plain));
  if (!email.html || !placeholder) return { text: plain, cut: false };
  const cut = email.html.length > HTML_TO_TEXT_MAX_CHARS;
  return { text: repairC1(htmlToText(email.html.slice(0, HTML_TO_TEXT_MAX_CHARS))), cut };
}

const normalizeLines = (value: string) => value.replace(/\r\n?/g, '\n');

/**
 * Windows-1252's characters for the C1 control codes (U+0080–U+009F) where it has them.
 * Node 20's TextDecoder decodes windows-1252 as ISO-8859-1, leaving ’ € œ as C1 controls
 * (workerd decodes it right); and mail labelled ISO-8859-1 routinely carries Windows-1252 bytes,
 * which is why WHATWG makes the two labels one. C1 controls never occur in real text.
 */
const WINDOWS_1252_C1 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const C1 = /[\u0080-\u009f]/g;

function repairC1(value: string): string {
  return value.replace(C1, (char) => WINDOWS_1252_C1[char.charCodeAt(0) - 0x80]!);
}

/** Elements whose content a reader never sees. */
const HIDDEN = new Set(['head', 'script', 'style', 'template', 'noscript', 'title', 'object', 'iframe', 'svg']);
/** Elements that stand apart from what surrounds them by a blank line. */
const PARAGRAPHS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'ul', 'ol', 'hr', 'pre', 'blockquote']);
/** Elements that start a line of their own. */
const LINES = new Set([
  'div',
  'li',
  'tr',
  'dd',
  'dt',
  'dl',
  'section',
  'article',
  'header',
  'footer',
  'address',
  'center',
  'form',
  'figure',
  'figcaption',
  'main',
  'nav',
  'aside',
]);
const CELLS = new Set(['td', 'th']);

interface TextLine {
  /** How many blockquotes deep: written as that many ">" so withoutQuotes sees a quote as in a plain-text reply. */
  quote: number;
  text: string;
  pre: boolean;
}

/** Plain text written line by line, from the walk of an HTML tree. */
class TextWriter {
  private readonly lines: TextLine[] = [];
  private current: TextLine = { quote: 0, text: '', pre: false };
  quote = 0;
  pre = 0;

  write(text: string): void {
    if (this.pre > 0) {
      text.split(/\r?\n/).forEach((part, index) => {
        if (index > 0) this.newline();
        this.append(part);
      });
    } else {
      const collapsed = text.replace(/\s+/g, ' ');
      if (collapsed !== ' ' || this.current.text !== '') this.append(collapsed);
    }
  }

  /** A <br>: the line ends here, even an empty one. */
  newline(): void {
    this.lines.push(this.current.text === '' ? this.fresh() : this.current);
    this.current = this.fresh();
  }

  /** A block's edge: the line ends here unless nothing was written on it. */
  endLine(): void {
    if (this.current.text.trim() !== '') this.newline();
  }

  endParagraph(): void {
    this.endLine();
    const last = this.lines.at(-1);
    if (last && last.text.trim() !== '') this.lines.push(this.fresh());
  }

  result(): string {
    this.endLine();
    const rendered = this.lines.map((line, index) => {
      const text = line.pre ? line.text.trimEnd() : squash(line.text);
      // A blank line is quoted only inside a quote: when the lines on both sides of it are.
      const quote = text === '' ? Math.min(this.neighbourQuote(index, -1), this.neighbourQuote(index, 1)) : line.quote;
      const prefix = '>'.repeat(quote);
      return prefix ? `${prefix}${text ? ' ' : ''}${text}` : text;
    });
    // Blank lines (quoted or not) come one at a time.
    return rendered
      .filter((line, index) => !/^>*$/.test(line) || !/^>*$/.test(rendered[index - 1] ?? ''))
      .join('\n')
      .trim();
  }

  /** The quote depth of the nearest line with text before (-1) or after (1) this one; 0 at either end. */
  private neighbourQuote(index: number, direction: -1 | 1): number {
    for (let at = index + direction; at >= 0 && at < this.lines.length; at += direction) {
      if (this.lines[at]!.text.trim() !== '') return this.lines[at]!.quote;
    }
    return 0;
  }

  private append(text: string): void {
    if (this.current.text === '') this.current = this.fresh();
    this.current.text += text;
  }

  private fresh(): TextLine {
    return { quote: this.quote, text: '', pre: this.pre > 0 };
  }
}

type Step = { enter: ChildNode } | { leave: Element };

/**
 * An HTML body's text, as a reader sees it: scripts, styles and the head dropped, entities
 * decoded, blocks on their own lines, quoted blocks as "> " lines. Walked with an explicit
 * stack: a hostile message nested thousands deep would overflow a recursive walk.
 */
export function htmlToText(html: string): string {
  const writer = new TextWriter();
  const steps: Step[] = parseDocument(html, { decodeEntities: true })
    .children.map((node): Step => ({ enter: node }))
    .reverse();
  for (let step = steps.pop(); step; step = steps.pop()) {
    if ('leave' in step) {
      leave(writer, step.leave.name);
    } else if (isText(step.enter)) {
      writer.write(step.enter.data);
    } else if (isTag(step.enter) && !HIDDEN.has(step.enter.name)) {
      enter(writer, step.enter.name);
      steps.push({ leave: step.enter });
      for (let index = step.enter.children.length - 1; index >= 0; index--) {
        steps.push({ enter: step.enter.children[index]! });
      }
    }
  }
  return writer.result();
}

function enter(writer: TextWriter, name: string): void {
  if (name === 'br') writer.newline();
  else if (PARAGRAPHS.has(name)) writer.endParagraph();
  else if (LINES.has(name)) writer.endLine();
  else if (CELLS.has(name)) writer.write(' ');
  if (name === 'blockquote') writer.quote++;
  if (name === 'pre') writer.pre++;
}

/** Out of a quote first: the line written inside keeps its ">", the blank line after it does not. */
function leave(writer: TextWriter, name: string): void {
  if (name === 'blockquote') writer.quote--;
  if (name === 'pre') writer.pre--;
  if (PARAGRAPHS.has(name)) writer.endParagraph();
  else if (LINES.has(name)) writer.endLine();
}

// ---------------------------------------------------------------------------------------
// The reply without its quote

/**
 * Lines that introduce the quoted message, each client its own way: Gmail, Apple Mail,
 * Thunderbird, Outlook.com ("On Tue, Dec 1, 2026 at 10:02 AM Marie <m@x> wrote:") and the
 * same in French ("Le mar. 1 déc. 2026 à 10 h 02, Marie <m@x> a écrit :"). Each names a date,
 * so a digit is required: a sentence that starts with "On" or "Le" is not cut.
 */
const REPLY_HEADERS = [/^On\s.{4,300}\swrote\s*:$/i, /^Le\s.{4,300}\sa\s+écrit\s*:$/i];
/** Outlook, Zimbra, Gmail's forward: "-----Original Message-----", "----- Mail original -----". */
const SEPARATOR_HEADER =
  /^-{2,}\s*(original message|message d['’]origine|message original|mail original|forwarded message|message transféré)\s*-{2,}$/i;
/** Outlook's header block: "From: …" (or "De : …"), then "Sent:"/"Envoyé :" or its siblings within a few lines. */
const OUTLOOK_FROM = /^\*?(from|de)\s*:\*?\s*\S/i;
const OUTLOOK_NEXT = /^\*?(sent|envoyé|date|to|à|subject|objet|cc)\s*:/i;
/** A reply header wrapped by the client (Gmail wraps at 78 characters) spans at most this many lines. */
const HEADER_SPAN = 3;
const HEADER_START = /^(on|le)\s/i;
/** "-- " starts a signature (RFC 3676); many clients drop the trailing space. */
const SIGNATURE = /^--\s?$/;
/** Mobile clients' footers, dropped when they end what is left. */
const MOBILE_FOOTER =
  /^(sent from my \S+|envoyé de mon \S+|envoyé à partir de \S+|get outlook for \S+|obtenir outlook pour \S+|télécharger outlook pour \S+)/i;
/** What usually sits right above a reply header: Outlook's rule of underscores, a blank line. */
const SEPARATOR = /^\s*([_-]{5,})?\s*$/;

const isQuoted = (line: string) => /^\s*>/.test(line);

/** Where the reply's own words end: a signature, Outlook's header block, or a reply header (maybe wrapped). */
function endsOwnWords(lines: readonly string[], index: number): boolean {
  const line = lines[index]!.trim();
  if (SIGNATURE.test(lines[index]!.trimStart())) return true;
  if (OUTLOOK_FROM.test(line) && lines.slice(index + 1, index + 5).some((next) => OUTLOOK_NEXT.test(next.trim()))) {
    return true;
  }
  if (SEPARATOR_HEADER.test(line)) return true;
  if (!HEADER_START.test(line)) return false;
  for (let span = 1; span <= HEADER_SPAN && index + span <= lines.length; span++) {
    const next = lines[index + span - 1]!;
    // A wrapped header goes on in the next line; a blank, quoted or new header line is not its continuation.
    if (span > 1 && (next.trim() === '' || isQuoted(next) || HEADER_START.test(next.trim()))) return false;
    const joined = squash(lines.slice(index, index + span).join(' '));
    if (/\d/.test(joined) && REPLY_HEADERS.some((pattern) => pattern.test(joined))) return true;
  }
  return false;
}

/** A reply's own words: above its reply header or signature, without the lines it quotes. */
export function withoutQuotes(text: string): string {
  const lines = normalizeLines(text).split('\n');
  const kept: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    if (endsOwnWords(lines, index)) break;
    if (!isQuoted(lines[index]!)) kept.push(lines[index]!);
  }
  while (kept.length > 0 && (SEPARATOR.test(kept.at(-1)!) || MOBILE_FOOTER.test(kept.at(-1)!.trim()))) kept.pop();
  return kept.join('\n').trim();
}

// ---------------------------------------------------------------------------------------
// Attachments

/** A delivery or feedback report's machine-readable part and the copy of the message it returns. */
const REPORT_TYPES = new Set(['message/delivery-status', 'message/global-delivery-status', 'message/feedback-report']);
const RETURNED_TYPES = new Set(['message/rfc822', 'message/global', 'text/rfc822-headers', 'message/global-headers']);

const isReport = (email: Email) => email.attachments.some((attachment) => REPORT_TYPES.has(attachment.mimeType));

/** What the sender attached: not an image the HTML shows inline (a signature's logo), not a report's parts. */
function countAttachments(email: Email): number {
  const report = isReport(email);
  return email.attachments.filter(
    (attachment) =>
      !attachment.related &&
      !REPORT_TYPES.has(attachment.mimeType) &&
      !(report && RETURNED_TYPES.has(attachment.mimeType)),
  ).length;
}

// ---------------------------------------------------------------------------------------
// Machines

const MACHINE_SENDER =
  /^(no[-_.]?reply|do[-_.]?not[-_.]?reply|ne[-_.]?pas[-_.]?r[ée]pondre|mailer-daemon|postmaster|bounces?|auto-?reply|autoresponder)([+._-][^@]*)?@/i;
/** Headers whose presence alone says a machine wrote the message ("no" aside). */
const AUTO_HEADERS = ['x-autoreply', 'x-autorespond', 'x-autoresponse', 'x-autogenerated', 'x-auto-response-suppress'];
const BULK_PRECEDENCE = /^(bulk|junk|list|auto_reply)$/;

/** Whether a machine sent it, and by which signs (RFC 3834, the vendors' own headers, the sender). */
function automatic(
  email: Email,
  context: { from: string | null; envelopeFrom: string; bounce: InboundMessage['bounce'] },
): InboundMessage['auto'] {
  const reasons: string[] = [];
  // The keyword is what counts; parameters such as "; owner-email=…" only say who.
  const keyword = keywordOf(header(email, 'auto-submitted'));
  if (keyword && keyword !== 'no') reasons.push(`auto-submitted: ${keyword}`);
  for (const key of AUTO_HEADERS) {
    const value = header(email, key);
    if (value && !/^(no|false|none)$/i.test(value)) reasons.push(`${key}: ${value.slice(0, 100)}`);
  }
  const precedence = header(email, 'precedence')?.toLowerCase();
  if (precedence && BULK_PRECEDENCE.test(precedence)) reasons.push(`precedence: ${precedence}`);
  if (context.envelopeFrom === '') reasons.push('envelope: null sender');
  if (context.from && MACHINE_SENDER.test(context.from)) reasons.push(`sender: ${context.from}`);
  if (context.bounce) reasons.push(`delivery status: ${context.bounce.action ?? 'unknown'}`);
  return { submitted: reasons.length > 0, reasons };
}

// ---------------------------------------------------------------------------------------
// Bounces

const DAEMON_SENDER = /^(mailer-daemon|postmaster|mail-daemon)([+._-][^@]*)?@/i;
const DAEMON_NAME = /^mail delivery (subsystem|system)$/i;
/** The subjects of the common bounces that are not RFC 3464 reports (Gmail, Exim, Exchange, qmail, sendmail, French Outlook). */
const BOUNCE_SUBJECT =
  /undeliver|delivery status notification|mail delivery failed|delivery failure|failure notice|returned mail|returned to sender|non remis|remise impossible|échec de (la )?remise|message non distribué/i;
const DELAY_SUBJECT = /delay|warning|retard|différé/i;
const STATUS_CODE = /\b([245]\.\d{1,3}\.\d{1,3})\b/;
const SMTP_REPLY = /(?:^|\s)([45]\d\d[ :-](?:[245]\.\d{1,3}\.\d{1,3}\s)?[^\n]*)/m;
const EMAIL = /[a-z0-9._%+'-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/gi;

interface BounceContext {
  from: string | null;
  envelopeFrom: string;
  envelopeTo: string;
  text: string;
}

/** A delivery status notification: RFC 3464's report, or one of the common bounces written as plain prose. */
async function bounceOf(email: Email, context: BounceContext): Promise<InboundMessage['bounce']> {
  const report = email.attachments.find(
    (attachment) =>
      attachment.mimeType === 'message/delivery-status' || attachment.mimeType === 'message/global-delivery-status',
  );
  if (report) return reportedBounce(email, report);
  if (!isProseBounce(email, context)) return null;
  return proseBounce(email, context);
}

/** RFC 3464: a block of fields for the message, then one per recipient; the first failed recipient is the one reported. */
async function reportedBounce(email: Email, report: Attachment): Promise<NonNullable<InboundMessage['bounce']>> {
  const blocks = await reportBlocks(attachmentText(report.content));
  const recipients = blocks.filter((fields) => fields.has('final-recipient') || fields.has('original-recipient'));
  const fields =
    recipients.find((candidate) => candidate.get('action')?.toLowerCase().startsWith('failed')) ??
    recipients[0] ??
    blocks.find((candidate) => candidate.has('status')) ??
    new Map<string, string>();
  const recipient = fields.get('final-recipient') ?? fields.get('original-recipient');
  const status = fields.get('status');
  const diagnostic = fields.get('diagnostic-code');
  return {
    status: status ? (STATUS_CODE.exec(status)?.[1] ?? status) : null,
    action: keywordOf(fields.get('action')),
    recipient: recipient ? addressOfRecipient(recipient) : failedRecipient(email),
    diagnostic: diagnostic ? bounded(diagnostic, DIAGNOSTIC_MAX_CHARS) : null,
  };
}

/**
 * The report's blocks, each read as the header fields RFC 3464 says they are, by postal-mime
 * (folded Diagnostic-Code lines included). Field names lower-cased, the first of a name kept.
 */
async function reportBlocks(content: string): Promise<Map<string, string>[]> {
  const blocks = normalizeLines(content)
    .split(/\n[ \t]*\n/)
    .filter((block) => block.trim() !== '')
    .slice(0, REPORT_BLOCKS_MAX);
  return Promise.all(
    blocks.map(async (block) => {
      const parsed = await PostalMime.parse(`${block.trim()}\n\n`);
      const fields = new Map<string, string>();
      for (const entry of parsed.headers) {
        const value = squash(entry.value);
        if (value && !fields.has(entry.key)) fields.set(entry.key, value);
      }
      return fields;
    }),
  );
}

function attachmentText(content: Attachment['content']): string {
  return typeof content === 'string' ? content : new TextDecoder().decode(content);
}

/** "rfc822; Luc@Example.com" (or "rfc822;<luc@example.com>") → "luc@example.com". */
function addressOfRecipient(value: string): string | null {
  const address = value.includes(';') ? value.slice(value.indexOf(';') + 1) : value;
  return (
    address
      .trim()
      .replace(/^<(.*)>$/, '$1')
      .trim()
      .toLowerCase() || null
  );
}

/** Exim and Gmail name the failed recipients in a header of their own. */
function failedRecipient(email: Email): string | null {
  const value = header(email, 'x-failed-recipients');
  return value ? addressOfRecipient(value.split(',')[0]!) : null;
}

function isProseBounce(email: Email, context: BounceContext): boolean {
  if (header(email, 'x-failed-recipients')) return true;
  const name = email.from?.name ?? '';
  const fromDaemon =
    context.envelopeFrom === '' ||
    (context.from !== null && DAEMON_SENDER.test(context.from)) ||
    DAEMON_NAME.test(squash(name));
  return fromDaemon && BOUNCE_SUBJECT.test(email.subject ?? '');
}

/** Read from the prose: the first address that is neither side of this exchange, the first status and SMTP reply. */
function proseBounce(email: Email, context: BounceContext): NonNullable<InboundMessage['bounce']> {
  const ours = new Set([context.from, context.envelopeFrom, context.envelopeTo]);
  const mentioned = [...context.text.matchAll(EMAIL)].map((match) => match[0].toLowerCase());
  const diagnostic = SMTP_REPLY.exec(context.text)?.[1]?.trim();
  return {
    status: STATUS_CODE.exec(context.text)?.[1] ?? null,
    action: DELAY_SUBJECT.test(email.subject ?? '') ? 'delayed' : 'failed',
    recipient: failedRecipient(email) ?? mentioned.find((address) => !ours.has(address)) ?? null,
    diagnostic: diagnostic ? bounded(squash(diagnostic), DIAGNOSTIC_MAX_CHARS) : null,
  };
}
