import { and, asc, eq, sql } from 'drizzle-orm';
import { outreachCampaigns, outreachEmails, outreachMailboxes } from '../../../schema';
import type { SchedulerRun } from '../../../schema/outreach-api';
import type { DatabaseAccess, Transaction } from '../../platform/db';
import { DEFAULT_TIME_ZONE, startOfLocalDay } from '../../platform/local-time';
import { MailError, type Mailer, type SentMail } from '../../platform/mail/port';
import { type ReplyAddressConfig, replyAddress } from '../../platform/mail/reply-address';
import { type EmailMetadata, metadataOf } from './approval';
import { checkBreaker } from './breaker';
import { settingsOf } from './campaigns';
import { missingIdentity } from './identification';
import { cancelSequence, recordSent } from './lifecycle';
import { outgoingMail, type TrackingConfig } from './outgoing';
import {
  inSendingWindow,
  mailboxCapToday,
  nextWindowOpening,
  prospectTimeZone,
  type SendingLimits,
  spacingAfterSend,
} from './sending-rules';
import { suppressionOf } from './suppression';

/**
 * The outreach scheduler: approved emails due now go out, one mailbox message at a time,
 * within every limit. Each email is claimed in a transaction that holds its mailbox's row
 * (so two runs never send from one mailbox at once, and its cap and spacing hold) and a
 * lock on the day's global count; the claim is taken before the provider is called and
 * never given back unless the provider said it sent nothing, so one row is sent at most
 * once, whatever runs, retries or redeliveries overlap.
 */

export interface SchedulerDeps {
  db: DatabaseAccess;
  mailer: Mailer;
  limits: SendingLimits;
  tracking: TrackingConfig;
  addresses: ReplyAddressConfig;
  now?: () => Date;
  random?: () => number;
}

/** The day caps count in: Quebec's calendar day, where the operator works. */
const CAP_TIME_ZONE = DEFAULT_TIME_ZONE;
/** Emails looked at per claim: enough to find one that may go when the first are held. */
const CANDIDATES_PER_CLAIM = 25;
/** A global lock's key: the day's total across mailboxes is counted under it. */
const GLOBAL_CAP_LOCK = 0x0a7e_0001;

type Claimed = {
  email: typeof outreachEmails.$inferSelect;
  campaign: typeof outreachCampaigns.$inferSelect;
};

type ClaimOutcome = { claimed: Claimed } | { stop: string; detail?: string; until?: Date } | { none: true };

async function claimOne(
  tx: Transaction,
  deps: SchedulerDeps,
  mailbox: string,
  now: Date,
  held: SchedulerRun['skipped'],
  heldIds: Set<string>,
): Promise<ClaimOutcome> {
  // A new mailbox may send at once: its row starts at the epoch, not at the database's clock.
  await tx
    .insert(outreachMailboxes)
    .values({ email: mailbox, nextSendAt: new Date(0) })
    .onConflictDoNothing();
  const [box] = await tx
    .select()
    .from(outreachMailboxes)
    .where(eq(outreachMailboxes.email, mailbox))
    .for('update', { skipLocked: true });
  if (!box) return { stop: 'mailbox_busy', detail: 'another run is sending from it' };
  if (box.nextSendAt > now) return { stop: 'spacing', until: box.nextSendAt };

  await tx.execute(sql`select pg_advisory_xact_lock(${GLOBAL_CAP_LOCK})`);
  const dayStart = startOfLocalDay(CAP_TIME_ZONE, now);
  const [counts] = (
    await tx.execute<{ global: number; mailbox: number }>(sql`
      select count(*)::int as global,
             count(*) filter (where sender_email = ${mailbox})::int as mailbox
        from outreach_emails where claimed_at >= ${dayStart}`)
  ).rows;
  if (counts!.global >= deps.limits.globalDailyCap) return { stop: 'global_daily_cap', detail: `${counts!.global}` };
  const cap = mailboxCapToday(deps.limits, box.firstSentAt, now);
  if (counts!.mailbox >= cap) return { stop: 'mailbox_daily_cap', detail: `${counts!.mailbox}/${cap}` };

  const due = await tx
    .select({ email: outreachEmails, campaign: outreachCampaigns })
    .from(outreachEmails)
    .innerJoin(outreachCampaigns, eq(outreachCampaigns.id, outreachEmails.campaignId))
    .where(
      and(
        eq(outreachEmails.senderEmail, mailbox),
        eq(outreachEmails.status, 'approved'),
        sql`${outreachEmails.claimedAt} is null`,
        sql`${outreachEmails.scheduledFor} <= ${now}`,
        eq(outreachEmails.missingEmail, false),
        eq(outreachCampaigns.status, 'active'),
      ),
    )
    .orderBy(asc(outreachEmails.scheduledFor), asc(outreachEmails.followUpSequence))
    .limit(CANDIDATES_PER_CLAIM)
    .for('update', { of: outreachEmails, skipLocked: true });
  if (due.length === 0) return { none: true };

  const campaignCounts = new Map<string, number>();
  const hold = (emailId: string, reason: string, detail?: string) => {
    if (heldIds.has(emailId)) return;
    heldIds.add(emailId);
    held.push({ emailId, reason, ...(detail ? { detail } : {}) });
  };
  for (const candidate of due) {
    const { email, campaign } = candidate;
    const settings = settingsOf(campaign.metadata);
    if (missingIdentity(settings.identity).length > 0) {
      hold(email.id, 'identification_missing', missingIdentity(settings.identity).join(', '));
      continue;
    }
    let sentToday = campaignCounts.get(campaign.id);
    if (sentToday === undefined) {
      const [row] = (
        await tx.execute<{ count: number }>(
          sql`select count(*)::int as count from outreach_emails where campaign_id = ${campaign.id} and claimed_at >= ${dayStart}`,
        )
      ).rows;
      sentToday = row!.count;
      campaignCounts.set(campaign.id, sentToday);
    }
    if (sentToday >= settings.dailyCap) {
      hold(email.id, 'campaign_daily_cap', `${sentToday}/${settings.dailyCap}`);
      continue;
    }
    const timeZone = prospectTimeZone(metadataOf(email).region ?? null);
    if (!inSendingWindow(deps.limits, timeZone, now)) {
      hold(
        email.id,
        'outside_window',
        `${timeZone} until ${nextWindowOpening(deps.limits, timeZone, now).toISOString()}`,
      );
      continue;
    }
    const suppressed = await suppressionOf(tx, email.prospectEmail!);
    if (suppressed) {
      await cancelSequence(tx, email, 'suppressed');
      hold(email.id, suppressed);
      continue;
    }
    await tx.update(outreachEmails).set({ claimedAt: now }).where(eq(outreachEmails.id, email.id));
    const wait = spacingAfterSend(deps.limits, deps.random);
    await tx
      .update(outreachMailboxes)
      .set({ nextSendAt: new Date(now.getTime() + wait * 1000), updatedAt: now })
      .where(eq(outreachMailboxes.id, box.id));
    return { claimed: candidate };
  }
  return { none: true };
}

/** The messages a follow-up answers: its sequence's earlier steps as sent, oldest first. */
async function threadOf(tx: Transaction, email: typeof outreachEmails.$inferSelect) {
  if (email.followUpSequence === 1 || !email.prospectId) return null;
  const earlier = await tx
    .select({ metadata: outreachEmails.metadata, threadId: outreachEmails.threadId })
    .from(outreachEmails)
    .where(
      sql`${outreachEmails.campaignId} = ${email.campaignId} and ${outreachEmails.prospectId} = ${email.prospectId}
          and ${outreachEmails.followUpSequence} < ${email.followUpSequence} and ${outreachEmails.sentAt} is not null`,
    )
    .orderBy(asc(outreachEmails.followUpSequence));
  const ids = earlier.map((row) => (row.metadata as EmailMetadata).messageId).filter((id): id is string => !!id);
  if (ids.length === 0) return null;
  return { inReplyTo: ids.at(-1)!, references: ids, threadId: earlier[0]!.threadId };
}

async function send(deps: SchedulerDeps, claimed: Claimed, run: SchedulerRun): Promise<'sent' | 'retry' | 'failed'> {
  const { email, campaign } = claimed;
  const settings = settingsOf(campaign.metadata);
  const metadata = metadataOf(email);
  const thread = await deps.db.service((tx) => threadOf(tx, email));
  const mail = await outgoingMail(
    {
      emailId: email.id,
      to: email.prospectEmail!,
      mailbox: email.senderEmail ?? settings.mailbox,
      subject: email.subject,
      plain: email.content,
      html: metadata.html ?? '',
      language: metadata.language ?? 'fr',
      identity: settings.identity,
      publishedOn: metadata.consent?.pageUrl ?? null,
      replyAddress: await replyAddress(deps.addresses, { purpose: 'outreach', id: email.id }),
      thread,
    },
    deps.tracking,
  );
  let sent: SentMail;
  try {
    sent = await deps.mailer.send(mail);
  } catch (error) {
    const retryable = error instanceof MailError && error.retryable;
    const reason = (error as Error).message.slice(0, 300);
    await deps.db.service((tx) =>
      tx
        .update(outreachEmails)
        .set(
          retryable
            ? // The provider said it sent nothing: the claim is given back for a later run.
              { claimedAt: null, updatedAt: new Date() }
            : {
                metadata: sql`${outreachEmails.metadata} || ${JSON.stringify({ sendError: reason })}::jsonb`,
                updatedAt: new Date(),
              },
        )
        .where(eq(outreachEmails.id, email.id)),
    );
    run.skipped.push({ emailId: email.id, reason: retryable ? 'provider_retry' : 'provider_refused', detail: reason });
    return retryable ? 'retry' : 'failed';
  }
  // Sent: if recording it fails, the claim stays taken, so the email is never sent twice.
  await deps.db.service((tx) => recordSent(tx, email, sent, (deps.now ?? (() => new Date()))()));
  run.sent.push({ emailId: email.id, to: email.prospectEmail!, campaignId: campaign.id, step: email.followUpSequence });
  return 'sent';
}

/** One run: every mailbox with due emails sends what its limits allow now, up to `maxSends` in all. */
export async function runScheduler(deps: SchedulerDeps, options: { maxSends?: number } = {}): Promise<SchedulerRun> {
  const clock = deps.now ?? (() => new Date());
  const maxSends = options.maxSends ?? 200;
  const run: SchedulerRun = { sent: [], skipped: [], paused: [] };
  const heldIds = new Set<string>();
  const mailboxes = await deps.db.service(async (tx) =>
    (
      await tx.execute<{ sender_email: string }>(sql`
        select distinct e.sender_email from outreach_emails e
          join outreach_campaigns c on c.id = e.campaign_id
         where e.status = 'approved' and e.claimed_at is null and e.scheduled_for <= ${clock()}
           and not e.missing_email and c.status = 'active' and e.sender_email is not null`)
    ).rows.map((row) => row.sender_email),
  );
  for (const mailbox of mailboxes) {
    while (run.sent.length < maxSends) {
      const now = clock();
      const outcome = await deps.db.service((tx) => claimOne(tx, deps, mailbox, now, run.skipped, heldIds));
      if ('none' in outcome) break;
      if ('stop' in outcome) {
        run.skipped.push({
          emailId: null,
          reason: outcome.stop,
          detail: `${mailbox}${outcome.detail ? `: ${outcome.detail}` : ''}${outcome.until ? ` until ${outcome.until.toISOString()}` : ''}`,
        });
        break;
      }
      const result = await send(deps, outcome.claimed, run);
      if (result === 'retry') break;
      const paused = await deps.db.service((tx) => checkBreaker(tx, deps.limits, outcome.claimed.campaign.id));
      if (paused) run.paused.push(outcome.claimed.campaign.id);
    }
  }
  return run;
}
