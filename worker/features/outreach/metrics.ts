import { sql } from 'drizzle-orm';
import type { Transaction } from '../../platform/db';

/**
 * The figures, kept current in the transaction of every change that moves them: a
 * campaign's `outreach_metrics` row and its industry's `prospect_industry_performance`.
 * Each is one statement over one campaign's (or one industry's) rows, so a late event or a
 * reclassified scanner click corrects the figures instead of drifting them. Opens and
 * clicks count people only: a machine's event is kept, flagged, and left out.
 */

export async function refreshCampaignMetrics(tx: Transaction, campaignId: string): Promise<void> {
  await tx.execute(sql`
    with e as (
      select count(*) filter (where sent_at is not null) as sent,
             count(*) filter (where status = 'bounced') as bounced,
             count(*) filter (where replied_at is not null) as replied
        from outreach_emails where campaign_id = ${campaignId}
    ), t as (
      select count(distinct email_id) filter (
               where (action in ('opened', 'clicked') and metadata->>'human' = 'true') or action = 'replied') as opened,
             count(distinct email_id) filter (where action = 'clicked' and metadata->>'human' = 'true') as clicked,
             count(distinct email_id) filter (where action = 'unsubscribed') as unsubscribed,
             coalesce(sum((metadata->>'amountUsd')::numeric) filter (where action = 'converted'), 0) as revenue
        from outreach_tracking where campaign_id = ${campaignId}
    ), c as (select client_id from outreach_campaigns where id = ${campaignId})
    insert into outreach_metrics as m (
      campaign_id, client_id, total_emails_sent, total_emails_delivered, total_emails_opened, total_emails_clicked,
      total_emails_replied, total_emails_bounced, total_emails_unsubscribed, open_rate, click_rate, reply_rate, bounce_rate,
      revenue_generated)
    select ${campaignId}, c.client_id, e.sent, greatest(e.sent - e.bounced, 0), least(t.opened, e.sent), least(t.clicked, e.sent),
           e.replied, e.bounced, t.unsubscribed,
           case when e.sent = 0 then 0 else round(100.0 * least(t.opened, e.sent) / e.sent, 2) end,
           case when e.sent = 0 then 0 else round(100.0 * least(t.clicked, e.sent) / e.sent, 2) end,
           case when e.sent = 0 then 0 else round(100.0 * least(e.replied, e.sent) / e.sent, 2) end,
           case when e.sent = 0 then 0 else round(100.0 * least(e.bounced, e.sent) / e.sent, 2) end,
           t.revenue
      from e, t, c
    on conflict (campaign_id) do update set
      total_emails_sent = excluded.total_emails_sent,
      total_emails_delivered = excluded.total_emails_delivered,
      total_emails_opened = excluded.total_emails_opened,
      total_emails_clicked = excluded.total_emails_clicked,
      total_emails_replied = excluded.total_emails_replied,
      total_emails_bounced = excluded.total_emails_bounced,
      total_emails_unsubscribed = excluded.total_emails_unsubscribed,
      open_rate = excluded.open_rate, click_rate = excluded.click_rate,
      reply_rate = excluded.reply_rate, bounce_rate = excluded.bounce_rate,
      revenue_generated = excluded.revenue_generated,
      updated_at = now()`);
}

/**
 * An industry's outreach results, from the outreach log of its prospects. The priority
 * score (0–100) is the reply rate shrunk toward a 5 % prior over 20 contacts, scaled so the
 * prior is 50: a trade that answers twice as often as expected reaches 100, and three
 * lucky replies in a small sample do not. Discovery reads it to favour trades that answer.
 */
export const PRIOR_REPLY_RATE = 0.05;
export const PRIOR_WEIGHT = 20;

export async function refreshIndustryPerformance(tx: Transaction, industry: string | null): Promise<void> {
  if (!industry) return;
  await tx.execute(sql`
    with per_prospect as (
      select l.prospect_id,
             bool_or(l.opened_at is not null or l.replied_at is not null) as opened,
             bool_or(l.replied_at is not null) as replied,
             min(extract(epoch from (l.replied_at - l.sent_at)) / 3600) filter (where l.replied_at is not null) as hours
        from prospect_outreach_log l
        join prospect_candidates p on p.id = l.prospect_id
       where p.industry = ${industry}
       group by l.prospect_id
    ), s as (
      select count(*)::int as contacted, count(*) filter (where opened)::int as opened,
             count(*) filter (where replied)::int as replied, avg(hours) as hours
        from per_prospect
    )
    insert into prospect_industry_performance as ip (
      industry, total_contacted, total_opened, total_replied, open_rate, reply_rate, avg_response_time_hours,
      priority_score, last_updated)
    select ${industry}, s.contacted, s.opened, s.replied,
           case when s.contacted = 0 then 0 else round(100.0 * s.opened / s.contacted, 2) end,
           case when s.contacted = 0 then 0 else round(100.0 * s.replied / s.contacted, 2) end,
           round(s.hours::numeric, 2),
           least(100, round(50 * ((s.replied + ${sql.raw(String(PRIOR_REPLY_RATE * PRIOR_WEIGHT))}) / (s.contacted + ${sql.raw(String(PRIOR_WEIGHT))}.0)) / ${sql.raw(String(PRIOR_REPLY_RATE))}, 2)),
           now()
      from s
    on conflict (industry) do update set
      total_contacted = excluded.total_contacted, total_opened = excluded.total_opened,
      total_replied = excluded.total_replied, open_rate = excluded.open_rate, reply_rate = excluded.reply_rate,
      avg_response_time_hours = excluded.avg_response_time_hours, priority_score = excluded.priority_score,
      last_updated = now()`);
}

/**
 * A template's `performance_score` (0–1): the reply rate of the emails sent from it, shrunk
 * toward the same 5 % prior over 20 emails, so a template that answered twice in three sends
 * does not outrank one proven over two hundred. Null until one of its emails has gone.
 */
export async function refreshTemplatePerformance(tx: Transaction, templateId: string | null): Promise<void> {
  if (!templateId) return;
  await tx.execute(sql`
    update email_templates t
       set performance_score = s.score, updated_at = now()
      from (
        select case when count(*) = 0 then null
                    else round(((count(*) filter (where replied_at is not null) + ${sql.raw(String(PRIOR_REPLY_RATE * PRIOR_WEIGHT))})
                               / (count(*) + ${sql.raw(String(PRIOR_WEIGHT))}.0))::numeric, 3) end as score
          from outreach_emails where template_id = ${templateId} and sent_at is not null
      ) s
     where t.id = ${templateId}`);
}
