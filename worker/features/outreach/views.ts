import { desc, sql } from 'drizzle-orm';
import { outreachEmails, prospectIndustryPerformance } from '../../../schema';
import type { BounceView, CampaignDetail, IndustryPerformanceView, ReplyView } from '../../../schema/outreach-api';
import type { DatabaseAccess } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { metadataOf } from './approval';
import { cannotStart, listCampaigns, loadCampaign } from './campaigns';

/** A campaign's page, and the industries' figures, as staff read them. */

const EXCERPT_CHARS = 600;

export async function campaignDetail(db: DatabaseAccess, id: string): Promise<CampaignDetail> {
  const [row] = await listCampaigns(db, id);
  if (!row) throw new AppError('campaign_not_found');
  return db.service(async (tx) => {
    const campaign = await loadCampaign(tx, id);
    const replies = await tx.execute<{
      email_id: string;
      company_name: string | null;
      from: string | null;
      at: Date;
      subject: string | null;
      reply_content: string | null;
      revenue: string | null;
    }>(sql`
      select e.id as email_id, e.company_name, e.metadata->'reply'->>'from' as "from", e.replied_at as at,
             e.metadata->'reply'->>'subject' as subject, l.reply_content,
             (select t.metadata->>'amountUsd' from outreach_tracking t
               where t.email_id = e.id and t.action = 'converted' limit 1) as revenue
        from outreach_emails e
        left join prospect_outreach_log l on l.id = (e.metadata->>'logId')::uuid
       where e.campaign_id = ${id} and e.replied_at is not null
       order by e.replied_at desc limit 100`);
    const bounced = await tx
      .select()
      .from(outreachEmails)
      .where(
        sql`${outreachEmails.campaignId} = ${id} and (${outreachEmails.status} = 'bounced' or ${outreachEmails.metadata} ? 'softBounce')`,
      )
      .orderBy(desc(outreachEmails.updatedAt))
      .limit(100);
    const replyViews: ReplyView[] = replies.rows.map((reply) => ({
      emailId: reply.email_id,
      companyName: reply.company_name,
      from: reply.from,
      at: new Date(reply.at).toISOString(),
      subject: reply.subject ?? '',
      excerpt: (reply.reply_content ?? '').slice(0, EXCERPT_CHARS),
      revenueUsd: reply.revenue === null ? null : Number(reply.revenue),
    }));
    const bounceViews: BounceView[] = bounced.map((email) => {
      const metadata = metadataOf(email);
      const note = metadata.bounce ?? metadata.softBounce;
      return {
        emailId: email.id,
        address: email.prospectEmail,
        at: note?.at ?? email.updatedAt.toISOString(),
        status: note?.status ?? null,
        hard: email.status === 'bounced',
      };
    });
    return {
      ...row,
      targetCriteria: campaign.targetCriteria,
      templateIds: campaign.settings.templateIds,
      followUpSchedule: campaign.followUpSchedule,
      mailbox: campaign.settings.mailbox,
      dailyCap: campaign.settings.dailyCap,
      identity: campaign.settings.identity,
      cannotStart: cannotStart(campaign.settings),
      enrolment: campaign.settings.enrolment ?? null,
      replies: replyViews,
      bounces: bounceViews,
    };
  });
}

export async function listIndustries(db: DatabaseAccess): Promise<IndustryPerformanceView[]> {
  const rows = await db.service((tx) =>
    tx.select().from(prospectIndustryPerformance).orderBy(desc(prospectIndustryPerformance.priorityScore)).limit(200),
  );
  return rows.map((row) => ({
    industry: row.industry,
    totalContacted: row.totalContacted,
    totalOpened: row.totalOpened,
    totalReplied: row.totalReplied,
    openRate: row.openRate,
    replyRate: row.replyRate,
    avgResponseTimeHours: row.avgResponseTimeHours,
    priorityScore: row.priorityScore,
    lastUpdated: row.lastUpdated.toISOString(),
  }));
}
