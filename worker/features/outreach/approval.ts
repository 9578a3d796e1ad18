import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { outreachCampaigns, outreachEmails } from '../../../schema';
import type { OutreachEmailView } from '../../../schema/outreach-api';
import type { BilingualText } from '../../../schema/prospects-api';
import type { Language } from '../../../schema/vocabulary';
import type { DatabaseAccess } from '../../platform/db';
import { AppError, bilingual } from '../../platform/errors';
import { textToHtml } from '../../platform/mail/mime';

/**
 * The approval gate: generated emails wait as `pending`; a person reads, edits, approves or
 * rejects them, one by one or in bulk. Only `approved` rows are ever claimed for sending.
 * An email without an address cannot be approved; rejecting a first email cancels its
 * follow-ups (they would answer a message never sent).
 */

type EmailRow = typeof outreachEmails.$inferSelect;

export interface EmailMetadata {
  language?: Language;
  region?: string | null;
  html?: string;
  facts?: string[];
  consent?: { pageUrl: string; foundAt: string; how: string } | null;
  afterDays?: number;
  cancelled?: string;
  messageId?: string;
  provider?: string;
  /** The prospect_outreach_log row written when it was sent. */
  logId?: string;
  softBounce?: { status: string | null; hard: boolean; at: string };
  rejectedBy?: string;
  edited?: boolean;
  sendError?: string;
  bounce?: { status: string | null; hard: boolean; at: string };
  reply?: { from: string | null; subject: string; at: string };
  /** Who wrote a first email's personal line (personalise.ts). */
  writer?: 'openai' | 'offline';
  /** The AI writer's attempt (personalise.ts), kept whatever its outcome. */
  firstLine?: {
    outcome: 'accepted' | 'refused' | 'skipped';
    line?: string;
    reasons?: string[];
    problems?: { en: string; fr: string }[];
  };
}

export const metadataOf = (row: Pick<EmailRow, 'metadata'>) => row.metadata as EmailMetadata;

const CANCELLED: Record<string, BilingualText> = {
  replied: { en: 'Not sent: the prospect replied.', fr: 'Non envoyé : le prospect a répondu.' },
  bounced: { en: 'Not sent: an earlier email bounced.', fr: 'Non envoyé : un courriel précédent est revenu.' },
  unsubscribed: { en: 'Not sent: the prospect unsubscribed.', fr: 'Non envoyé : le prospect s’est désabonné.' },
  suppressed: {
    en: 'Not sent: the address is on the suppression list.',
    fr: 'Non envoyé : l’adresse est sur la liste d’exclusion.',
  },
  first_rejected: {
    en: 'Not sent: its first email was rejected.',
    fr: 'Non envoyé : son premier courriel a été refusé.',
  },
  campaign_completed: { en: 'Not sent: the campaign was completed.', fr: 'Non envoyé : la campagne a été terminée.' },
};

export function emailView(row: EmailRow, campaignName: string): OutreachEmailView {
  const metadata = metadataOf(row);
  const why =
    row.status === 'cancelled' && metadata.cancelled
      ? (CANCELLED[metadata.cancelled] ?? null)
      : row.missingEmail
        ? { en: 'No published address: never sent.', fr: 'Aucune adresse publiée : jamais envoyé.' }
        : metadata.sendError
          ? { en: `Not sent: ${metadata.sendError}`, fr: `Non envoyé : ${metadata.sendError}` }
          : null;
  return {
    id: row.id,
    campaignId: row.campaignId,
    campaignName,
    prospectId: row.prospectId,
    prospectEmail: row.prospectEmail,
    companyName: row.companyName,
    website: row.website,
    language: metadata.language ?? 'fr',
    step: row.followUpSequence,
    subject: row.subject,
    content: row.content,
    status: row.status,
    missingEmail: row.missingEmail,
    scheduledFor: row.scheduledFor?.toISOString() ?? null,
    sentAt: row.sentAt?.toISOString() ?? null,
    facts: metadata.facts ?? [],
    consent: metadata.consent ?? null,
    why,
    writer: metadata.edited ? 'person' : (metadata.writer ?? null),
    version: row.updatedAt.toISOString(),
    refusedLine:
      metadata.firstLine?.outcome === 'refused'
        ? {
            line: metadata.firstLine.line ?? null,
            // Rows refused before the reasons were written in both languages have English only.
            reasons:
              metadata.firstLine.problems ??
              (metadata.firstLine.reasons ?? []).map((reason) => ({ en: reason, fr: reason })),
          }
        : null,
  };
}

/** Emails of a campaign (or of every campaign), first steps first; the queue is `status = pending`. */
export async function listEmails(
  db: DatabaseAccess,
  filter: { campaignId?: string; status?: EmailRow['status']; limit?: number },
): Promise<OutreachEmailView[]> {
  const rows = await db.service((tx) =>
    tx
      .select({ email: outreachEmails, campaignName: outreachCampaigns.name })
      .from(outreachEmails)
      .innerJoin(outreachCampaigns, eq(outreachCampaigns.id, outreachEmails.campaignId))
      .where(
        and(
          filter.campaignId ? eq(outreachEmails.campaignId, filter.campaignId) : undefined,
          filter.status ? eq(outreachEmails.status, filter.status) : undefined,
        ),
      )
      .orderBy(asc(outreachEmails.createdAt), asc(outreachEmails.followUpSequence))
      .limit(filter.limit ?? 200),
  );
  return rows.map((row) => emailView(row.email, row.campaignName));
}

export interface ApprovalResult {
  approved: number;
  rejected: number;
  /** Left as they were: not pending any more, or without an address. */
  unchanged: number;
  /** Left pending: their words changed after the version the reviewer approved. */
  changed: number;
}

/**
 * Approves pending emails: the first steps are due at once (the scheduler keeps the limits),
 * follow-ups once the step before is sent. With `versions` (each email's `version` as the
 * reviewer read it), an email whose words changed since (the AI writer rewrote it, another
 * reviewer edited it) stays pending and is counted `changed`: a person approves only what
 * they read.
 */
export async function approveEmails(
  db: DatabaseAccess,
  ids: string[],
  approvedBy: string,
  versions?: Readonly<Record<string, string>>,
): Promise<ApprovalResult> {
  if (ids.length === 0) return { approved: 0, rejected: 0, unchanged: 0, changed: 0 };
  return db.service(async (tx) => {
    // Locked, so no writer changes them between the look and the approval.
    const waiting = await tx
      .select({ id: outreachEmails.id, version: outreachEmails.updatedAt })
      .from(outreachEmails)
      .where(
        and(
          inArray(outreachEmails.id, ids),
          eq(outreachEmails.status, 'pending'),
          eq(outreachEmails.missingEmail, false),
        ),
      )
      .for('update');
    const read = versions ? waiting.filter((row) => versions[row.id] === row.version.toISOString()) : waiting;
    const changed = waiting.length - read.length;
    if (read.length === 0) return { approved: 0, rejected: 0, unchanged: ids.length - changed, changed };
    const approved = await tx
      .update(outreachEmails)
      .set({
        status: 'approved',
        approvedAt: sql`now()`,
        approvedBy,
        scheduledFor: sql`case when ${outreachEmails.followUpSequence} = 1 then now() else null end`,
        updatedAt: new Date(),
      })
      .where(
        inArray(
          outreachEmails.id,
          read.map((row) => row.id),
        ),
      )
      .returning({ id: outreachEmails.id });
    return { approved: approved.length, rejected: 0, unchanged: ids.length - approved.length - changed, changed };
  });
}

export async function rejectEmails(db: DatabaseAccess, ids: string[], rejectedBy: string): Promise<ApprovalResult> {
  if (ids.length === 0) return { approved: 0, rejected: 0, unchanged: 0, changed: 0 };
  return db.service(async (tx) => {
    const rejected = await tx
      .update(outreachEmails)
      .set({
        status: 'rejected',
        metadata: sql`${outreachEmails.metadata} || ${JSON.stringify({ rejectedBy })}::jsonb`,
        updatedAt: new Date(),
      })
      .where(and(inArray(outreachEmails.id, ids), inArray(outreachEmails.status, ['pending', 'approved'])))
      .returning({
        id: outreachEmails.id,
        campaignId: outreachEmails.campaignId,
        prospectId: outreachEmails.prospectId,
        step: outreachEmails.followUpSequence,
      });
    for (const first of rejected.filter((row) => row.step === 1 && row.prospectId)) {
      await tx
        .update(outreachEmails)
        .set({
          status: 'cancelled',
          metadata: sql`${outreachEmails.metadata} || '{"cancelled":"first_rejected"}'::jsonb`,
          updatedAt: new Date(),
        })
        .where(
          sql`${outreachEmails.campaignId} = ${first.campaignId} and ${outreachEmails.prospectId} = ${first.prospectId}
              and ${outreachEmails.followUpSequence} > 1 and ${outreachEmails.status} in ('pending', 'approved')`,
        );
    }
    return { approved: 0, rejected: rejected.length, unchanged: ids.length - rejected.length, changed: 0 };
  });
}

const PLACEHOLDER_LEFT = bilingual(
  'The email still holds a {{…}} placeholder: write the words it stands for.',
  'Le courriel contient encore un espace réservé {{…}} : écrivez les mots qu’il remplace.',
);

/** A reviewer's edit of a pending email: its words change, its HTML follows them. */
export async function editEmail(
  db: DatabaseAccess,
  id: string,
  edit: { subject: string; content: string },
): Promise<OutreachEmailView> {
  if (/\{\{|\}\}/.test(edit.subject) || /\{\{|\}\}/.test(edit.content)) {
    throw new AppError('invalid_request', PLACEHOLDER_LEFT, {
      field: /\{\{|\}\}/.test(edit.subject) ? 'subject' : 'content',
    });
  }
  return db.service(async (tx) => {
    const [row] = await tx
      .update(outreachEmails)
      .set({
        subject: edit.subject.replace(/\s*[\r\n]+\s*/g, ' ').trim(),
        content: edit.content,
        metadata: sql`${outreachEmails.metadata} || ${JSON.stringify({ html: textToHtml(edit.content), edited: true })}::jsonb`,
        updatedAt: new Date(),
      })
      .where(and(eq(outreachEmails.id, id), eq(outreachEmails.status, 'pending')))
      .returning();
    if (!row) {
      const [exists] = await tx.select({ id: outreachEmails.id }).from(outreachEmails).where(eq(outreachEmails.id, id));
      if (!exists) throw new AppError('outreach_email_not_found');
      throw new AppError(
        'campaign_conflict',
        bilingual(
          'Only an email waiting for approval can be edited.',
          'Seul un courriel en attente d’approbation peut être modifié.',
        ),
      );
    }
    const [campaign] = await tx
      .select({ name: outreachCampaigns.name })
      .from(outreachCampaigns)
      .where(eq(outreachCampaigns.id, row.campaignId));
    return emailView(row, campaign?.name ?? '');
  });
}
