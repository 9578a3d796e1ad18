import { sql } from 'drizzle-orm';
import type { LEAD_EMAIL_KINDS, SentEmailKind } from '../../../schema';
import { repairText } from '../../../schema/lead-form';
import type { AiEngineName, ReplyDraft } from '../ai/port';
import type { DatabaseAccess, Transaction } from '../db';
import { canEncodeAddress, messageIdFor, textToHtml } from './mime';
import { type Address, MailError, type Mailer, type SentMail } from './port';

/** How long a claimed email may stay unsent before another delivery may try again. */
const SEND_LEASE_SECONDS = 120;

export interface LeadEmail {
  kind: (typeof LEAD_EMAIL_KINDS)[number];
  leadId: string;
  clientId: string;
  from: Address;
  to: Address;
  replyTo?: Address | undefined;
  draft: ReplyDraft;
  /** Which engine wrote the words; null for fixed templates. */
  engine: AiEngineName | null;
  isTest: boolean;
}

export type SendOutcome = 'sent' | 'already_sent' | 'in_flight' | 'failed';

/** One try at the provider, for whoever keeps the mailer's figures (the learning log). */
export type SendAttempt = { email: LeadEmail; elapsedMs: number } & (
  | { sent: true; provider: SentMail['provider'] }
  | { sent: false; provider: Mailer['provider']; reason: string }
);

/** Called in the transaction that records the attempt's result, so both are kept or neither. */
export type SendObserver = (tx: Transaction, attempt: SendAttempt) => Promise<void>;

const ACTION: Record<LeadEmail['kind'], 'replied' | 'notified'> = { reply: 'replied', notification: 'notified' };

/**
 * A header phrase (a subject, a display name) on one line. Names and subjects hold no line
 * break since the intake and settings refuse them, but rows stored before then, or a subject
 * an AI wrote, may: a break there means a space, and a mail is not lost for it.
 */
const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ');

const phrased = (address: Address): Address =>
  address.name === undefined ? address : { ...address, name: oneLine(address.name) };

/** Whether this lead's email of this kind went out already (so its words need not be written again). */
export async function wasSent(db: DatabaseAccess, leadId: string, kind: LeadEmail['kind']): Promise<boolean> {
  const rows = await db.service((tx) =>
    tx.execute(sql`select 1 from sent_emails where lead_id = ${leadId} and kind = ${kind} and status = 'sent'`),
  );
  return rows.rows.length > 0;
}

/** An email sent once per `sendKey`, whatever the deliveries of the message that sends it. */
interface OnceEmail {
  sendKey: string;
  kind: SentEmailKind;
  clientId: string;
  leadId: string | null;
  from: Address;
  to: Address;
  replyTo?: Address | undefined;
  subject: string;
  text: string;
  html: string;
  listUnsubscribe?: string | undefined;
  engine: AiEngineName | null;
}

/** Called in the transaction that records a sent email (with the provider's answer) or a failed one. */
interface SendHooks {
  sent?(tx: Transaction, sent: SentMail, elapsedMs: number): Promise<void>;
  failed?(tx: Transaction, reason: string, elapsedMs: number): Promise<void>;
}

/**
 * The send-once claim: the sent_emails row of `sendKey` is claimed before sending, so a
 * second delivery of the same queue message finds it taken. A retryable failure is thrown
 * for the queue to retry; a permanent one is recorded and returned.
 */
async function sendOnce(db: DatabaseAccess, mailer: Mailer, email: OnceEmail, hooks: SendHooks): Promise<SendOutcome> {
  const messageId = messageIdFor(email.sendKey, email.from.email.split('@')[1] ?? 'avenir.local');
  type Claim = { claimed: true; id: string } | { claimed: false; outcome: 'already_sent' | 'in_flight' };
  const claim = await db.service(async (tx): Promise<Claim> => {
    const claimed = await tx.execute<{ id: string }>(sql`
      insert into sent_emails (client_id, lead_id, kind, send_key, status, to_email, subject, text_body, html_body,
        message_id, engine, lease_expires_at)
      values (${email.clientId}, ${email.leadId}, ${email.kind}, ${email.sendKey}, 'sending', ${email.to.email},
        ${email.subject}, ${email.text}, ${email.html}, ${messageId}, ${email.engine},
        now() + make_interval(secs => ${SEND_LEASE_SECONDS}))
      on conflict (send_key) do update set status = 'sending', attempts = sent_emails.attempts + 1,
        subject = excluded.subject, text_body = excluded.text_body, html_body = excluded.html_body,
        engine = excluded.engine, error = null, lease_expires_at = excluded.lease_expires_at
      where sent_emails.status = 'failed' or (sent_emails.status = 'sending' and sent_emails.lease_expires_at < now())
      returning id`);
    if (claimed.rows[0]) return { claimed: true, id: claimed.rows[0].id };
    const current = await tx.execute<{ status: string }>(
      sql`select status from sent_emails where send_key = ${email.sendKey}`,
    );
    return { claimed: false, outcome: current.rows[0]?.status === 'sent' ? 'already_sent' : 'in_flight' };
  });
  if (!claim.claimed) return claim.outcome;

  const replyTo = email.replyTo && phrased(email.replyTo);
  const started = performance.now();
  try {
    const sent = await mailer.send({
      from: phrased(email.from),
      to: phrased(email.to),
      // Reply-To is a convenience: one no header can carry (a lead's address stored before the
      // intake checked it) is left out, and the mail, which names the address, still goes.
      replyTo: replyTo && canEncodeAddress(replyTo) ? replyTo : undefined,
      subject: oneLine(email.subject),
      text: email.text,
      html: email.html,
      listUnsubscribe: email.listUnsubscribe,
      idempotencyKey: email.sendKey,
    });
    const elapsed = performance.now() - started;
    await db.service(async (tx) => {
      await tx.execute(sql`update sent_emails set status = 'sent', provider = ${sent.provider},
        provider_message_id = ${sent.providerMessageId}, thread_id = ${sent.threadId}, message_id = ${sent.messageId},
        sent_at = now(), lease_expires_at = null where id = ${claim.id}`);
      await hooks.sent?.(tx, sent, elapsed);
    });
    return 'sent';
  } catch (error) {
    const elapsed = performance.now() - started;
    const reason = error instanceof Error ? error.message : String(error);
    await db.service(async (tx) => {
      // Cut where it may split an emoji: repaired, so the record of a failure cannot fail too.
      await tx.execute(sql`update sent_emails set status = 'failed', error = ${repairText(reason.slice(0, 2_000))},
        lease_expires_at = null where id = ${claim.id}`);
      await hooks.failed?.(tx, reason, elapsed);
    });
    if (error instanceof MailError && !error.retryable) return 'failed';
    throw error;
  }
}

/**
 * Sends a lead's email at most once per (lead, kind), and records it in the lead's
 * timeline (`replied`, `notified`) in the transaction that marks it sent.
 */
export function sendLeadEmail(
  db: DatabaseAccess,
  mailer: Mailer,
  email: LeadEmail,
  observe: SendObserver,
): Promise<SendOutcome> {
  return sendOnce(
    db,
    mailer,
    {
      sendKey: `${email.kind}-${email.leadId}`,
      kind: email.kind,
      clientId: email.clientId,
      leadId: email.leadId,
      from: email.from,
      to: email.to,
      replyTo: email.replyTo,
      subject: email.draft.subject,
      text: email.draft.body,
      html: textToHtml(email.draft.body),
      engine: email.engine,
    },
    {
      async sent(tx, sent, elapsedMs) {
        await tx.execute(sql`insert into lead_actions (lead_id, client_id, action_type, performed_by, is_test, metadata)
          values (${email.leadId}, ${email.clientId}, ${ACTION[email.kind]}, 'system', ${email.isTest},
            ${JSON.stringify({ provider: sent.provider, messageId: sent.messageId, to: email.to.email })}::jsonb)`);
        await observe(tx, { email, elapsedMs, sent: true, provider: sent.provider });
      },
      failed: (tx, reason, elapsedMs) =>
        observe(tx, { email, elapsedMs, sent: false, provider: mailer.provider, reason }),
    },
  );
}

/** An email to the client about itself (the Monday digest), sent once per `sendKey`. */
export interface ClientEmail {
  kind: Exclude<SentEmailKind, LeadEmail['kind']>;
  sendKey: string;
  clientId: string;
  from: Address;
  to: Address;
  subject: string;
  text: string;
  /** Every user-supplied string in it already escaped. */
  html: string;
  /** The one-click "turn off" URL of a recurring email (List-Unsubscribe). */
  listUnsubscribe?: string;
  engine: AiEngineName | null;
}

export const sendClientEmail = (db: DatabaseAccess, mailer: Mailer, email: ClientEmail): Promise<SendOutcome> =>
  sendOnce(db, mailer, { ...email, leadId: null }, {});

/** Why this lead's emails of these kinds failed (the reason sendLeadEmail recorded), for the job's record. */
export async function failedSends(
  db: DatabaseAccess,
  leadId: string,
  kinds: readonly LeadEmail['kind'][],
): Promise<{ kind: SentEmailKind; error: string }[]> {
  const rows = await db.service((tx) =>
    tx.execute<{ kind: SentEmailKind; error: string | null }>(
      sql`select kind, error from sent_emails where lead_id = ${leadId} and status = 'failed'
        and kind in (${sql.join(
          kinds.map((kind) => sql`${kind}`),
          sql`, `,
        )}) order by kind`,
    ),
  );
  return rows.rows.map((row) => ({ kind: row.kind, error: row.error ?? 'failed' }));
}
