import { desc, eq, sql } from 'drizzle-orm';
import { clients, outreachCampaigns, outreachEmails, outreachMetrics } from '../../../schema';
import type {
  CampaignInput,
  CampaignMetricsView,
  CampaignRow,
  EnrolmentResult,
  TargetCriteria,
} from '../../../schema/outreach-api';
import type { BilingualText } from '../../../schema/prospects-api';
import type { CampaignStatus, OutreachEmailStatus } from '../../../schema/vocabulary';
import type { DatabaseAccess, Transaction } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { IDENTITY_LABELS, missingIdentity, type SenderIdentity } from './identification';

/**
 * Campaigns: `draft → active → paused → completed`. What a campaign is set up with beyond
 * the documented columns (its templates per language, its mailbox and daily cap, the
 * sender's identification) lives in its metadata, typed here.
 */

export interface CampaignSettings {
  templateIds: { en: string | null; fr: string | null };
  mailbox: string;
  dailyCap: number;
  identity: SenderIdentity;
  /** Why it paused itself (the bounce breaker), cleared when staff resume it. */
  pausedBecause?: BilingualText | null;
  enrolment?: EnrolmentResult;
}

export type CampaignRecord = typeof outreachCampaigns.$inferSelect & { settings: CampaignSettings };

const EMPTY_IDENTITY: SenderIdentity = { senderName: '', businessName: '', postalAddress: '', contact: '' };

export function settingsOf(metadata: Record<string, unknown>): CampaignSettings {
  const settings = metadata as Partial<CampaignSettings>;
  return {
    templateIds: settings.templateIds ?? { en: null, fr: null },
    mailbox: settings.mailbox ?? '',
    dailyCap: settings.dailyCap ?? 50,
    identity: { ...EMPTY_IDENTITY, ...settings.identity },
    pausedBecause: settings.pausedBecause ?? null,
    ...(settings.enrolment ? { enrolment: settings.enrolment } : {}),
  };
}

/** What a campaign lacks before it may send: the law's identification, a template, a mailbox. */
export function cannotStart(settings: CampaignSettings): BilingualText[] {
  const missing: BilingualText[] = missingIdentity(settings.identity).map((field) => ({
    en: `The sender’s identification needs ${IDENTITY_LABELS[field].en} (Canada’s anti-spam law).`,
    fr: `L’identification de l’expéditeur exige ${IDENTITY_LABELS[field].fr} (Loi canadienne anti-pourriel).`,
  }));
  if (!settings.templateIds.en && !settings.templateIds.fr) {
    missing.push({
      en: 'Choose a template in English or French.',
      fr: 'Choisissez un modèle en anglais ou en français.',
    });
  }
  if (!settings.mailbox) missing.push({ en: 'Choose the mailbox it sends from.', fr: 'Choisissez la boîte d’envoi.' });
  return missing;
}

export async function loadCampaign(tx: Transaction, id: string): Promise<CampaignRecord> {
  const [row] = await tx.select().from(outreachCampaigns).where(eq(outreachCampaigns.id, id));
  if (!row) throw new AppError('campaign_not_found');
  return { ...row, settings: settingsOf(row.metadata) };
}

const metadataOf = (input: CampaignInput, previous: Record<string, unknown> = {}) => ({
  ...previous,
  templateIds: input.templateIds,
  mailbox: input.mailbox.trim().toLowerCase(),
  dailyCap: input.dailyCap,
  identity: input.identity,
});

async function ensureClient(tx: Transaction, clientId: string) {
  const [client] = await tx.select({ id: clients.id }).from(clients).where(eq(clients.id, clientId));
  if (!client) throw new AppError('client_not_found');
}

export async function createCampaign(db: DatabaseAccess, input: CampaignInput): Promise<string> {
  return db.service(async (tx) => {
    await ensureClient(tx, input.clientId);
    const [row] = await tx
      .insert(outreachCampaigns)
      .values({
        name: input.name,
        clientId: input.clientId,
        targetCriteria: input.targetCriteria as Record<string, unknown>,
        emailTemplateId: input.templateIds.en ?? input.templateIds.fr,
        followUpSchedule: input.followUpSchedule,
        metadata: metadataOf(input),
      })
      .returning({ id: outreachCampaigns.id });
    await tx.insert(outreachMetrics).values({ campaignId: row!.id, clientId: input.clientId });
    return row!.id;
  });
}

/** A draft or paused campaign's settings; its owner never changes (its emails are that client's). */
export async function updateCampaign(db: DatabaseAccess, id: string, input: CampaignInput): Promise<void> {
  await db.service(async (tx) => {
    const campaign = await loadCampaign(tx, id);
    if (campaign.status === 'active' || campaign.status === 'completed') {
      throw new AppError('campaign_conflict', {
        en: 'Pause the campaign before changing it.',
        fr: 'Mettez la campagne en pause avant de la modifier.',
      });
    }
    await tx
      .update(outreachCampaigns)
      .set({
        name: input.name,
        targetCriteria: input.targetCriteria as Record<string, unknown>,
        emailTemplateId: input.templateIds.en ?? input.templateIds.fr,
        followUpSchedule: input.followUpSchedule,
        metadata: metadataOf(input, campaign.metadata),
        updatedAt: new Date(),
      })
      .where(eq(outreachCampaigns.id, id));
  });
}

const TRANSITIONS: Record<'start' | 'pause' | 'complete', { from: CampaignStatus[]; to: CampaignStatus }> = {
  start: { from: ['draft', 'paused'], to: 'active' },
  pause: { from: ['active'], to: 'paused' },
  complete: { from: ['draft', 'active', 'paused'], to: 'completed' },
};

/**
 * Starts, pauses, resumes or completes a campaign. Starting refuses a campaign without the
 * sender's identification: nothing leaves without it. Completing cancels what has not gone.
 */
export async function changeCampaignStatus(
  db: DatabaseAccess,
  id: string,
  action: keyof typeof TRANSITIONS,
  pausedBecause: BilingualText | null = null,
): Promise<CampaignStatus> {
  return db.service((tx) => transition(tx, id, action, pausedBecause));
}

export async function transition(
  tx: Transaction,
  id: string,
  action: keyof typeof TRANSITIONS,
  pausedBecause: BilingualText | null = null,
): Promise<CampaignStatus> {
  const campaign = await loadCampaign(tx, id);
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(campaign.status)) throw new AppError('campaign_conflict');
  if (action === 'start') {
    const missing = cannotStart(campaign.settings);
    if (missing.length > 0) throw new AppError('campaign_incomplete', undefined, { missing });
  }
  await tx
    .update(outreachCampaigns)
    .set({
      status: rule.to,
      metadata: sql`${outreachCampaigns.metadata} || ${JSON.stringify({ pausedBecause })}::jsonb`,
      updatedAt: new Date(),
    })
    .where(eq(outreachCampaigns.id, id));
  if (action === 'complete') {
    await tx
      .update(outreachEmails)
      .set({
        status: 'cancelled',
        metadata: sql`${outreachEmails.metadata} || '{"cancelled":"campaign_completed"}'::jsonb`,
        updatedAt: new Date(),
      })
      .where(sql`${outreachEmails.campaignId} = ${id} and ${outreachEmails.status} in ('pending', 'approved')`);
  }
  return rule.to;
}

const ZERO_METRICS: CampaignMetricsView = {
  sent: 0,
  delivered: 0,
  opened: 0,
  clicked: 0,
  replied: 0,
  bounced: 0,
  unsubscribed: 0,
  openRate: 0,
  clickRate: 0,
  replyRate: 0,
  bounceRate: 0,
  rawOpens: 0,
  rawClicks: 0,
  machineOpens: 0,
  machineClicks: 0,
  revenueGenerated: 0,
};

/** Every campaign, newest first, with its emails by status and its figures. */
export async function listCampaigns(db: DatabaseAccess, only?: string): Promise<CampaignRow[]> {
  return db.service(async (tx) => {
    const rows = await tx
      .select({ campaign: outreachCampaigns, clientName: clients.businessName, metrics: outreachMetrics })
      .from(outreachCampaigns)
      .innerJoin(clients, eq(clients.id, outreachCampaigns.clientId))
      .leftJoin(outreachMetrics, eq(outreachMetrics.campaignId, outreachCampaigns.id))
      .where(only ? eq(outreachCampaigns.id, only) : sql`true`)
      .orderBy(desc(outreachCampaigns.createdAt))
      .limit(200);
    const ids = rows.map((row) => row.campaign.id);
    const counts =
      ids.length === 0
        ? []
        : await tx
            .select({
              campaignId: outreachEmails.campaignId,
              status: outreachEmails.status,
              count: sql<number>`count(*)::int`,
              withAddress: sql<number>`count(*) filter (where not ${outreachEmails.missingEmail})::int`,
            })
            .from(outreachEmails)
            .where(sql`${outreachEmails.campaignId} in ${ids}`)
            .groupBy(outreachEmails.campaignId, outreachEmails.status);
    const raw = ids.length === 0 ? new Map<string, RawCounts>() : await rawCounts(tx, ids);
    return rows.map(({ campaign, clientName, metrics }) => {
      const emailsByStatus: Partial<Record<OutreachEmailStatus, number>> = {};
      let awaitingApproval = 0;
      for (const count of counts) {
        if (count.campaignId !== campaign.id) continue;
        emailsByStatus[count.status] = count.count;
        if (count.status === 'pending') awaitingApproval = count.withAddress;
      }
      const events = raw.get(campaign.id) ?? { rawOpens: 0, rawClicks: 0, machineOpens: 0, machineClicks: 0 };
      return {
        id: campaign.id,
        name: campaign.name,
        clientId: campaign.clientId,
        clientName,
        status: campaign.status,
        createdAt: campaign.createdAt.toISOString(),
        pausedBecause: settingsOf(campaign.metadata).pausedBecause ?? null,
        emailsByStatus,
        awaitingApproval,
        metrics: metrics
          ? {
              sent: metrics.totalEmailsSent,
              delivered: metrics.totalEmailsDelivered,
              opened: metrics.totalEmailsOpened,
              clicked: metrics.totalEmailsClicked,
              replied: metrics.totalEmailsReplied,
              bounced: metrics.totalEmailsBounced,
              unsubscribed: metrics.totalEmailsUnsubscribed,
              openRate: metrics.openRate,
              clickRate: metrics.clickRate,
              replyRate: metrics.replyRate,
              bounceRate: metrics.bounceRate,
              revenueGenerated: metrics.revenueGenerated,
              ...events,
            }
          : { ...ZERO_METRICS, ...events },
      };
    });
  });
}

type RawCounts = Pick<CampaignMetricsView, 'rawOpens' | 'rawClicks' | 'machineOpens' | 'machineClicks'>;

/** Every open and click event, machines included: the raw counts beside the human ones. */
async function rawCounts(tx: Transaction, ids: string[]): Promise<Map<string, RawCounts>> {
  const result = await tx.execute<{
    campaign_id: string;
    raw_opens: number;
    raw_clicks: number;
    machine_opens: number;
    machine_clicks: number;
  }>(sql`
    select campaign_id,
           count(*) filter (where action = 'opened')::int as raw_opens,
           count(*) filter (where action = 'clicked')::int as raw_clicks,
           count(*) filter (where action = 'opened' and metadata->>'human' = 'false')::int as machine_opens,
           count(*) filter (where action = 'clicked' and metadata->>'human' = 'false')::int as machine_clicks
      from outreach_tracking
     where campaign_id in ${ids} and action in ('opened', 'clicked')
     group by campaign_id`);
  return new Map(
    result.rows.map((row) => [
      row.campaign_id,
      {
        rawOpens: row.raw_opens,
        rawClicks: row.raw_clicks,
        machineOpens: row.machine_opens,
        machineClicks: row.machine_clicks,
      },
    ]),
  );
}

export type { TargetCriteria };
