import { eq, sql } from 'drizzle-orm';
import {
  emailTemplates,
  outreachEmails,
  outreachMailboxes,
  outreachTracking,
  prospectCandidates,
  prospectOutreachLog,
} from '../../../schema';
import type { Transaction } from '../../platform/db';
import type { SentMail } from '../../platform/mail/port';
import { type EmailMetadata, metadataOf } from './approval';
import { refreshCampaignMetrics, refreshIndustryPerformance, refreshTemplatePerformance } from './metrics';
import { suppress } from './suppression';

/**
 * What happens to an outreach email after it is approved, each step in the caller's
 * transaction with the figures it moves: sent (the outreach log, the follow-ups' dates,
 * the prospect contacted), replied, bounced, unsubscribed. A reply, a bounce or an
 * unsubscribe ends the sequence: its steps not yet sent are cancelled.
 */

type EmailRow = typeof outreachEmails.$inferSelect;

async function industryOf(tx: Transaction, prospectId: string | null): Promise<string | null> {
  if (!prospectId) return null;
  const [row] = await tx
    .select({ industry: prospectCandidates.industry })
    .from(prospectCandidates)
    .where(eq(prospectCandidates.id, prospectId));
  return row?.industry ?? null;
}

async function track(
  tx: Transaction,
  email: Pick<EmailRow, 'id' | 'clientId' | 'prospectId' | 'campaignId'>,
  action: (typeof outreachTracking.$inferInsert)['action'],
  metadata: Record<string, unknown>,
  at = new Date(),
) {
  await tx.insert(outreachTracking).values({
    emailId: email.id,
    clientId: email.clientId,
    prospectId: email.prospectId,
    campaignId: email.campaignId,
    action,
    timestamp: at,
    metadata,
  });
}

const mergeMetadata = (patch: Partial<EmailMetadata> & Record<string, unknown>) =>
  sql`${outreachEmails.metadata} || ${JSON.stringify(patch)}::jsonb`;

export async function recordSent(tx: Transaction, email: EmailRow, sent: SentMail, now: Date): Promise<void> {
  const [log] = await tx
    .insert(prospectOutreachLog)
    .values({
      prospectId: email.prospectId!,
      subject: email.subject,
      emailBody: email.content,
      sentAt: now,
      status: 'sent',
      metadata: { emailId: email.id, campaignId: email.campaignId, step: email.followUpSequence },
    })
    .returning({ id: prospectOutreachLog.id });
  await tx
    .update(outreachEmails)
    .set({
      status: 'sent',
      sentAt: now,
      threadId: sent.threadId,
      gmailMessageId: sent.provider === 'gmail' ? sent.providerMessageId : null,
      metadata: mergeMetadata({ messageId: sent.messageId, provider: sent.provider, logId: log!.id }),
      updatedAt: now,
    })
    .where(eq(outreachEmails.id, email.id));
  if (email.followUpSequence === 1) {
    // The follow-ups' days count from the first email, as the schedule says.
    await tx.execute(sql`
      update outreach_emails
         set scheduled_for = ${now}::timestamptz + make_interval(days => (metadata->>'afterDays')::int), updated_at = now()
       where campaign_id = ${email.campaignId} and prospect_id = ${email.prospectId}
         and follow_up_sequence > 1 and status in ('pending', 'approved')`);
    if (email.templateId) {
      await tx
        .update(emailTemplates)
        .set({ usageCount: sql`${emailTemplates.usageCount} + 1` })
        .where(eq(emailTemplates.id, email.templateId));
    }
  }
  if (email.senderEmail) {
    await tx
      .update(outreachMailboxes)
      .set({ firstSentAt: sql`coalesce(${outreachMailboxes.firstSentAt}, ${now})` })
      .where(eq(outreachMailboxes.email, email.senderEmail));
  }
  if (email.prospectId) {
    await tx
      .update(prospectCandidates)
      .set({ contacted: true, updatedAt: now })
      .where(eq(prospectCandidates.id, email.prospectId));
  }
  await track(tx, email, 'sent', { provider: sent.provider, step: email.followUpSequence }, now);
  await refreshCampaignMetrics(tx, email.campaignId);
  await refreshIndustryPerformance(tx, await industryOf(tx, email.prospectId));
  await refreshTemplatePerformance(tx, email.templateId);
}

/** The sequence's steps not yet sent will not go: this prospect in this campaign, or (an unsubscribe, a bounce) this address anywhere. */
export async function cancelSequence(
  tx: Transaction,
  email: Pick<EmailRow, 'campaignId' | 'prospectId' | 'prospectEmail'>,
  reason: 'replied' | 'bounced' | 'unsubscribed' | 'suppressed',
): Promise<number> {
  const everywhere = reason !== 'replied' && email.prospectEmail;
  const scope = everywhere
    ? sql`prospect_email = ${email.prospectEmail}`
    : sql`campaign_id = ${email.campaignId} and prospect_id = ${email.prospectId}`;
  const result = await tx.execute(sql`
    update outreach_emails
       set status = 'cancelled', metadata = metadata || ${JSON.stringify({ cancelled: reason })}::jsonb, updated_at = now()
     where ${scope} and status in ('pending', 'approved') and claimed_at is null`);
  return result.rowCount ?? 0;
}

async function updateLog(tx: Transaction, email: EmailRow, set: Partial<typeof prospectOutreachLog.$inferInsert>) {
  const logId = metadataOf(email).logId;
  if (logId) await tx.update(prospectOutreachLog).set(set).where(eq(prospectOutreachLog.id, logId));
}

export interface ReplyFacts {
  from: string | null;
  subject: string;
  text: string;
  at: Date;
}

/** A person answered: the email is replied, the reply kept in the outreach log, the sequence stops. */
export async function recordReply(tx: Transaction, email: EmailRow, reply: ReplyFacts): Promise<'replied' | 'later'> {
  const [first] = await tx
    .update(outreachEmails)
    .set({
      status: 'replied',
      repliedAt: reply.at,
      metadata: mergeMetadata({
        reply: { from: reply.from, subject: reply.subject.slice(0, 300), at: reply.at.toISOString() },
      }),
      updatedAt: reply.at,
    })
    .where(sql`${outreachEmails.id} = ${email.id} and ${outreachEmails.repliedAt} is null`)
    .returning({ id: outreachEmails.id });
  await track(
    tx,
    email,
    'replied',
    { from: reply.from, subject: reply.subject.slice(0, 300), later: !first },
    reply.at,
  );
  if (!first) return 'later';
  await updateLog(tx, email, { status: 'replied', repliedAt: reply.at, replyContent: reply.text.slice(0, 10_000) });
  await cancelSequence(tx, email, 'replied');
  await refreshCampaignMetrics(tx, email.campaignId);
  await refreshIndustryPerformance(tx, await industryOf(tx, email.prospectId));
  await refreshTemplatePerformance(tx, email.templateId);
  return 'replied';
}

/** A delivery failed: a hard bounce (5.x.x) ends the sequence and suppresses the address; a soft one is noted. */
export async function recordBounce(
  tx: Transaction,
  email: EmailRow,
  bounce: { status: string | null; hard: boolean; at: Date; diagnostic?: string | null },
): Promise<void> {
  const note = { status: bounce.status, hard: bounce.hard, at: bounce.at.toISOString() };
  await track(tx, email, 'bounced', { ...note, diagnostic: bounce.diagnostic?.slice(0, 300) ?? null }, bounce.at);
  if (!bounce.hard) {
    await tx
      .update(outreachEmails)
      .set({ metadata: mergeMetadata({ softBounce: note }) })
      .where(eq(outreachEmails.id, email.id));
    return;
  }
  await tx
    .update(outreachEmails)
    .set({ status: 'bounced', metadata: mergeMetadata({ bounce: note }), updatedAt: bounce.at })
    .where(eq(outreachEmails.id, email.id));
  await updateLog(tx, email, { status: 'bounced' });
  if (email.prospectEmail)
    await suppress(tx, { address: email.prospectEmail, reason: 'hard_bounce', emailId: email.id });
  await cancelSequence(tx, email, 'bounced');
  await refreshCampaignMetrics(tx, email.campaignId);
}

/** The recipient asked to stop: the address is suppressed everywhere at once. Asking twice changes nothing. */
export async function recordUnsubscribe(
  tx: Transaction,
  email: EmailRow,
  via: 'one_click' | 'page' | 'mail',
  at = new Date(),
): Promise<'unsubscribed' | 'already'> {
  const [already] = await tx
    .select({ id: outreachTracking.id })
    .from(outreachTracking)
    .where(sql`${outreachTracking.emailId} = ${email.id} and ${outreachTracking.action} = 'unsubscribed'`)
    .limit(1);
  if (email.prospectEmail)
    await suppress(tx, { address: email.prospectEmail, reason: 'unsubscribed', emailId: email.id });
  if (already) return 'already';
  await track(tx, email, 'unsubscribed', { via }, at);
  await cancelSequence(tx, email, 'unsubscribed');
  await refreshCampaignMetrics(tx, email.campaignId);
  return 'unsubscribed';
}

/**
 * The prospect this email reached became a client, for `amountUsd` (what staff expect the
 * client to bring): the campaign's revenue counts it. Entered again, it replaces the
 * earlier figure; 0 takes it back.
 */
export async function recordConversion(
  tx: Transaction,
  email: EmailRow,
  conversion: { amountUsd: number; by: string; at?: Date },
): Promise<void> {
  await tx
    .delete(outreachTracking)
    .where(sql`${outreachTracking.emailId} = ${email.id} and ${outreachTracking.action} = 'converted'`);
  if (conversion.amountUsd > 0) {
    await track(tx, email, 'converted', { amountUsd: conversion.amountUsd, by: conversion.by }, conversion.at);
  }
  await refreshCampaignMetrics(tx, email.campaignId);
}
