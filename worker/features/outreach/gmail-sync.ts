import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { inboundMessages, outreachEmails, outreachMailboxes } from '../../../schema';
import type { DatabaseAccess, Transaction } from '../../platform/db';
import type { AddedMessage, GmailHistoryReader, RawGmailMessage } from '../../platform/mail/gmail-history';
import { type InboundMessage, InboundTooLarge, readInbound } from '../../platform/mail/inbound';
import { MailError } from '../../platform/mail/port';
import { applyInboundToEmail } from './inbound-effects';
import type { SendingLimits } from './sending-rules';

/**
 * Replies and bounces that reach the Gmail account outreach sends from, rather than the
 * reply address: a person who writes to the sender, a bounce (it goes to the envelope
 * sender, the account). Gmail's history says what was added since the last read; each new
 * message not sent by the account is read, tied to the outreach email it answers (its
 * Gmail thread, else the Message-IDs it names) and handled as inbound mail is
 * (inbound-effects.ts). Each Gmail message is handled once, kept in inbound_messages as
 * the inbound router keeps its deliveries; where the read stopped moves on only once the
 * batch is handled, so a failed run is read again, not lost.
 */

export interface GmailSyncDeps {
  db: DatabaseAccess;
  reader: GmailHistoryReader;
  /** The Gmail account's address: its outreach_mailboxes row keeps where the read stopped. */
  mailbox: string;
  limits: SendingLimits;
  /** Messages read per run, default 100. */
  maxMessages?: number;
  now?: () => Date;
}

export interface GmailSyncResult {
  mailbox: string;
  /** `started`: the first read only notes where the mailbox stands; `restarted`: Gmail no longer kept where the last read stopped. */
  state: 'started' | 'restarted' | 'read';
  historyId: string;
  /** False when messages were left for the next run. */
  complete: boolean;
  /** Messages Gmail added since the last read. */
  added: number;
  handled: { gmailId: string; emailId: string; outcome: Record<string, unknown> }[];
  /** Messages left alone, by why: the account's own, about no outreach email, seen before, deleted since, unreadable. */
  skipped: Record<SkipReason, number>;
}

type SkipReason = 'own' | 'unrelated' | 'duplicate' | 'gone' | 'unreadable' | 'failed';

/** The account's own messages: what it sent, and drafts. */
const OWN_LABELS = new Set(['SENT', 'DRAFT']);
/** Messages read per run: each costs a Gmail call; the rest wait for the next run, ten minutes on. */
const DEFAULT_MAX_MESSAGES = 100;
/** Message-IDs looked up per message: the ones it answers, and a bounce's quote of the original. */
const MAX_IDS = 20;

/** The mailbox's row, made the way the scheduler makes it on a first send. */
async function mailboxRow(db: DatabaseAccess, mailbox: string) {
  return db.service(async (tx) => {
    // The scheduler makes this row on its first send; a sync that runs first makes it the same way.
    await tx
      .insert(outreachMailboxes)
      .values({ email: mailbox, nextSendAt: new Date(0) })
      .onConflictDoNothing();
    const [row] = await tx
      .select({ id: outreachMailboxes.id, historyId: outreachMailboxes.gmailHistoryId })
      .from(outreachMailboxes)
      .where(eq(outreachMailboxes.email, mailbox));
    return row!;
  });
}

/**
 * Notes where the account's history stands before its first outreach email goes (the
 * scheduler's job calls it), so the first read starts before that send: a bounce that comes
 * back within minutes is read, not skipped as "before the first read". Once per mailbox.
 */
export async function startGmailHistory(
  deps: Pick<GmailSyncDeps, 'db' | 'reader' | 'mailbox'>,
): Promise<string | null> {
  const mailbox = deps.mailbox.trim().toLowerCase();
  const box = await mailboxRow(deps.db, mailbox);
  if (box.historyId) return null;
  const historyId = await deps.reader.currentHistoryId();
  await moveHistory(deps.db, box.id, null, historyId);
  return historyId;
}

export async function syncGmailMailbox(deps: GmailSyncDeps): Promise<GmailSyncResult> {
  const mailbox = deps.mailbox.trim().toLowerCase();
  const now = deps.now ?? (() => new Date());
  const box = await mailboxRow(deps.db, mailbox);
  const result: GmailSyncResult = {
    mailbox,
    state: 'read',
    historyId: box.historyId ?? '',
    complete: true,
    added: 0,
    handled: [],
    skipped: { own: 0, unrelated: 0, duplicate: 0, gone: 0, unreadable: 0, failed: 0 },
  };

  if (!box.historyId) {
    // Nothing that came before the first read is read: outreach sent through Gmail starts now.
    result.historyId = await deps.reader.currentHistoryId();
    await moveHistory(deps.db, box.id, null, result.historyId);
    return { ...result, state: 'started' };
  }
  const batch = await deps.reader.messagesAddedSince(box.historyId);
  if (!batch) {
    // Gmail keeps a week or more of history; past that, what arrived in between is not read again.
    result.historyId = await deps.reader.currentHistoryId();
    await moveHistory(deps.db, box.id, box.historyId, result.historyId);
    return { ...result, state: 'restarted' };
  }

  result.added = batch.messages.length;
  result.historyId = batch.historyId;
  result.complete = batch.complete;
  let read = 0;
  for (const added of batch.messages) {
    if (added.labelIds.some((label) => OWN_LABELS.has(label))) {
      result.skipped.own++;
      continue;
    }
    if (read === (deps.maxMessages ?? DEFAULT_MAX_MESSAGES)) {
      // The next run reads from this message's history record on (ids are integers; "after" excludes the start).
      result.historyId = (BigInt(added.historyId) - 1n).toString();
      result.complete = false;
      break;
    }
    read++;
    const outcome = await handleMessage(deps, mailbox, added, now()).catch((error: unknown) =>
      settleFailure(deps.db, mailbox, added, error),
    );
    if ('skipped' in outcome) result.skipped[outcome.skipped]++;
    else result.handled.push({ gmailId: added.id, ...outcome });
  }
  await moveHistory(deps.db, box.id, box.historyId, result.historyId);
  return result;
}

type MessageOutcome = { skipped: SkipReason } | { emailId: string; outcome: Record<string, unknown> };

/**
 * One message that fails for good (Gmail refuses it, its effects cannot be written) is set
 * aside, kept in inbound_messages with its error, so the messages after it are still read;
 * a failure that may pass (Gmail down, rate-limited) stops the run, which reads it again.
 */
async function settleFailure(
  db: DatabaseAccess,
  mailbox: string,
  added: AddedMessage,
  error: unknown,
): Promise<MessageOutcome> {
  if (error instanceof MailError && error.retryable) throw error;
  const message = error instanceof Error ? error.message : String(error);
  console.warn(`Gmail message ${added.id} was set aside: ${message}`);
  await db.service((tx) =>
    tx
      .insert(inboundMessages)
      .values({
        dedupeKey: `gmail:${mailbox}:${added.id}`,
        recipient: mailbox,
        purpose: 'outreach',
        // No outreach email is known for it: the nil id says so.
        targetId: '00000000-0000-0000-0000-000000000000',
        subject: '',
        rawSize: 0,
        outcome: { failed: message.slice(0, 500) },
      })
      .onConflictDoNothing({ target: inboundMessages.dedupeKey }),
  );
  return { skipped: 'failed' };
}

async function handleMessage(
  deps: GmailSyncDeps,
  mailbox: string,
  added: AddedMessage,
  now: Date,
): Promise<MessageOutcome> {
  const dedupeKey = `gmail:${mailbox}:${added.id}`;
  const [seen] = await deps.db.service((tx) =>
    tx.select({ id: inboundMessages.id }).from(inboundMessages).where(eq(inboundMessages.dedupeKey, dedupeKey)),
  );
  if (seen) return { skipped: 'duplicate' };

  const gmail = await deps.reader.rawMessage(added.id);
  if (!gmail) return { skipped: 'gone' };
  let message: InboundMessage;
  try {
    message = await readInbound({
      raw: gmail.raw,
      // Gmail writes the envelope sender as Return-Path; "<>" is a bounce's null sender. Without
      // one, a placeholder that is no address: a missing header says nothing, "<>" says "machine".
      envelopeFrom: returnPathOf(gmail.raw) ?? 'unknown',
      envelopeTo: mailbox,
    });
  } catch (error) {
    if (!(error instanceof InboundTooLarge)) {
      console.warn(`Gmail message ${added.id} could not be parsed: ${(error as Error).message}`);
    }
    return { skipped: 'unreadable' };
  }
  return deps.db.service(async (tx): Promise<MessageOutcome> => {
    const email = await emailFor(tx, gmail, message);
    if (!email) return { skipped: 'unrelated' };
    const [row] = await tx
      .insert(inboundMessages)
      .values({
        dedupeKey,
        recipient: mailbox,
        purpose: 'outreach',
        targetId: email.id,
        messageId: message.messageId,
        fromAddress: message.from.address,
        subject: message.subject.slice(0, 500),
        rawSize: message.rawSize,
        autoSubmitted: message.auto.submitted,
        isBounce: message.bounce !== null,
      })
      .onConflictDoNothing({ target: inboundMessages.dedupeKey })
      .returning({ id: inboundMessages.id });
    // Another run handled it since the check above.
    if (!row) return { skipped: 'duplicate' };
    const outcome = await applyInboundToEmail(tx, email, message, {
      limits: deps.limits,
      at: arrival(gmail, email, now),
    });
    await tx.update(inboundMessages).set({ outcome }).where(eq(inboundMessages.id, row.id));
    return { emailId: email.id, outcome };
  });
}

type EmailRow = typeof outreachEmails.$inferSelect;

/**
 * When Gmail received it, not when this run saw it (up to ten minutes later); never before
 * the email was sent nor after now, whatever Gmail's clock says against ours.
 */
function arrival(gmail: RawGmailMessage, email: EmailRow, now: Date): Date {
  const received = gmail.receivedAt ?? now;
  const earliest = email.sentAt ?? received;
  return new Date(Math.min(now.getTime(), Math.max(received.getTime(), earliest.getTime())));
}

/**
 * The outreach email a message is about: the latest step sent in its Gmail thread, else
 * the one whose Message-ID it answers or, for a bounce Gmail did not thread (another
 * server's report), the one it quotes.
 */
async function emailFor(tx: Transaction, gmail: RawGmailMessage, message: InboundMessage): Promise<EmailRow | null> {
  const [inThread] = await tx
    .select()
    .from(outreachEmails)
    .where(and(eq(outreachEmails.threadId, gmail.threadId), isNotNull(outreachEmails.sentAt)))
    .orderBy(desc(outreachEmails.followUpSequence), desc(outreachEmails.sentAt))
    .limit(1);
  if (inThread) return inThread;

  const named = [
    message.inReplyTo,
    ...[...message.references].reverse(),
    ...(message.bounce ? quotedIds(gmail.raw) : []),
  ];
  const ids = [...new Set(named.filter((id): id is string => !!id && id !== message.messageId))]
    .slice(0, MAX_IDS)
    .map((id) => `<${id}>`);
  if (ids.length === 0) return null;
  const candidates = await tx
    .select()
    .from(outreachEmails)
    .where(and(inArray(sql<string>`${outreachEmails.metadata}->>'messageId'`, ids), isNotNull(outreachEmails.sentAt)));
  // The closest parent first: In-Reply-To, then References from the last.
  for (const id of ids) {
    const match = candidates.find((email) => (email.metadata as { messageId?: string }).messageId === id);
    if (match) return match;
  }
  return null;
}

/** Moves where the read stopped, unless another run moved it first (it is never moved back). */
async function moveHistory(db: DatabaseAccess, boxId: string, from: string | null, to: string): Promise<void> {
  if (from === to) return;
  await db.service((tx) =>
    tx
      .update(outreachMailboxes)
      .set({ gmailHistoryId: to, updatedAt: new Date() })
      .where(
        sql`${outreachMailboxes.id} = ${boxId} and ${outreachMailboxes.gmailHistoryId} is not distinct from ${from}`,
      ),
  );
}

/** The header block's Return-Path, lower-cased ("" for "<>"), or null when there is none. */
function returnPathOf(raw: Uint8Array): string | null {
  const text = new TextDecoder().decode(raw.subarray(0, HEADER_SCAN_BYTES));
  const end = text.search(/\r?\n\r?\n/);
  const match = /^return-path:[ \t]*<([^<>\s]*)>/im.exec(end === -1 ? text : text.slice(0, end));
  return match ? match[1]!.toLowerCase() : null;
}

/** Enough for any header block a server writes before the body. */
const HEADER_SCAN_BYTES = 64 * 1024;

/**
 * The Message-IDs a bounce quotes below its own headers: the returned message's, in its
 * message/rfc822 or text/rfc822-headers part (RFC 3462), which MIME keeps unencoded.
 */
function quotedIds(raw: Uint8Array): string[] {
  const text = new TextDecoder().decode(raw);
  const start = text.search(/\r?\n\r?\n/);
  if (start === -1) return [];
  const body = text.slice(start);
  return [...body.matchAll(/^message-id:[ \t]*(?:\r?\n[ \t]+)?<([^<>\s]+)>/gim)].map((match) => match[1]!);
}
