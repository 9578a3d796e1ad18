import { sql } from 'drizzle-orm';
import type { SentEmailKind } from '../../../schema';
import { repairText } from '../../../schema/lead-form';
import type { AiEngineName, ReplyDraft } from '../ai/port';
import type { DatabaseAccess, Transaction } from '../db';
import { canEncodeAddress, messageIdFor, textToHtml } from './mime';
import { type Address, MailError, type Mailer, type SentMail } from './port';

/** How long a claimed email may stay unsent before another delivery may try again. */
const SEND_LEASE_SECONDS = 120;

export interface LeadEmail {
  kind: SentEmailKind;
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

const ACTION: Record<SentEmailKind, 'replied' | 'notified'> = { reply: 'replied', notification: 'notified' };

/**
 * A header phrase (a subject, a display name) on one line. Names and subjects hold no line
 * break since the intake and settings refuse them, but rows stored before then, or a subject
 * an AI wrote, may: a break there means a space, and a mail is not lost for it.
 */
const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, ' ');

const phrased = (address: Address): Address =>
  address.name === undefined ? address : { ...address, name: oneLine(address.name) };

/** Whether this lead's email of this kind went out already (so its words need not be written again). */
export async function wasSent(db: DatabaseAccess, leadId: string, kind: SentEmailKind): Promise<boolean> {
  const rows = await db.service((tx) =>
    tx.execute(sql`select 1 from sent_emails where lead_id = ${leadId} and kind = ${kind} and status = 'sent'`),
  );
  return rows.rows.length > 0;
}

/**
 * Sends a lead's email at most once per (lead, kind): the sent_emails row is claimed before
 * sending, so a second delivery of the same queue message finds it taken. A retryable
 * failure is thrown for the queue to retry; a permanent one is recorded and returned.
 */
export async function sendLeadEmail(
  db: DatabaseAccess,
  mailer: Mailer,
  email: LeadEmail,
  observe: SendObserver,
): Promise<SendOutcome> {
  const idempotencyKey = `${email.kind}-${email.leadId}`;
  const messageId = messageIdFor(idempotencyKey, email.from.email.split('@')[1] ?? 'avenir.local');
  const html = textToHtml(email.draft.body);
  type Claim = { claimed: true; id: string } | { claimed: false; outcome: 'already_sent' | 'in_flight' };
  const claim = await db.service(async (tx): Promise<Claim> => {
    const claimed = await tx.execute<{ id: string }>(sql`
      insert into sent_emails (client_id, lead_id, kind, status, to_email, subject, text_body, html_body, message_id,
        engine, lease_expires_at)
      values (${email.clientId}, ${email.leadId}, ${email.kind}, 'sending', ${email.to.email}, ${email.draft.subject},
        ${email.draft.body}, ${html}, ${messageId}, ${email.engine}, now() + make_interval(secs => ${SEND_LEASE_SECONDS}))
      on conflict (lead_id, kind) do update set status = 'sending', attempts = sent_emails.attempts + 1,
        subject = excluded.subject, text_body = excluded.text_body, html_body = excluded.html_body,
        engine = excluded.engine, error = null, lease_expires_at = excluded.lease_expires_at
      where sent_emails.status = 'failed' or (sent_emails.status = 'sending' and sent_emails.lease_expires_at < now())
      returning id`);
    if (claimed.rows[0]) return { claimed: true, id: claimed.rows[0].id };
    const current = await tx.execute<{ status: string }>(
      sql`select status from sent_emails where lead_id = ${email.leadId} and kind = ${email.kind}`,
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
      subject: oneLine(email.draft.subject),
      text: email.draft.body,
      html,
      idempotencyKey,
    });
    const elapsed = performance.now() - started;
    await db.service(async (tx) => {
      await tx.execute(sql`update sent_emails set status = 'sent', provider = ${sent.provider},
        provider_message_id = ${sent.providerMessageId}, thread_id = ${sent.threadId}, message_id = ${sent.messageId},
        sent_at = now(), lease_expires_at = null where id = ${claim.id}`);
      await tx.execute(sql`insert into lead_actions (lead_id, client_id, action_type, performed_by, is_test, metadata)
        values (${email.leadId}, ${email.clientId}, ${ACTION[email.kind]}, 'system', ${email.isTest},
          ${JSON.stringify({ provider: sent.provider, messageId: sent.messageId, to: email.to.email })}::jsonb)`);
      await observe(tx, { email, elapsedMs: elapsed, sent: true, provider: sent.provider });
    });
    return 'sent';
  } catch (error) {
    const elapsed = performance.now() - started;
    const reason = error instanceof Error ? error.message : String(error);
    await db.service(async (tx) => {
      // Cut where it may split an emoji: repaired, so the record of a failure cannot fail too.
      await tx.execute(sql`update sent_emails set status = 'failed', error = ${repairText(reason.slice(0, 2_000))},
        lease_expires_at = null where id = ${claim.id}`);
      await observe(tx, { email, elapsedMs: elapsed, sent: false, provider: mailer.provider, reason });
    });
    if (error instanceof MailError && !error.retryable) return 'failed';
    throw error;
  }
}

/** Why this lead's emails of these kinds failed (the reason sendLeadEmail recorded), for the job's record. */
export async function failedSends(
  db: DatabaseAccess,
  leadId: string,
  kinds: readonly SentEmailKind[],
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
