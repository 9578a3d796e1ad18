import { eq, sql } from 'drizzle-orm';
import { outreachEmails, outreachTracking, prospectOutreachLog } from '../../../schema';
import type { DatabaseAccess } from '../../platform/db';
import { metadataOf } from './approval';
import { classifyTrackingRequest } from './machine-events';
import type { OutreachEventMessage } from './messages';
import { refreshCampaignMetrics, refreshIndustryPerformance } from './metrics';

/**
 * An open or a click, off the request path: classified (person or machine, and why), kept
 * in outreach_tracking with that classification in its metadata, and counted only when a
 * person made it. A click that makes a burst (three links within ten seconds) turns the
 * burst's earlier clicks into the scanner's too. Delivered twice, it is recorded once.
 */

const BURST_SECONDS = 10;

export async function recordTrackingEvent(
  db: DatabaseAccess,
  event: OutreachEventMessage,
): Promise<{ recorded: boolean; human?: boolean; reason?: string }> {
  return db.service(async (tx) => {
    const [email] = await tx.select().from(outreachEmails).where(eq(outreachEmails.id, event.emailId));
    if (!email) return { recorded: false, reason: 'unknown_email' };
    const at = new Date(event.at);
    const action = event.kind === 'open' ? 'opened' : 'clicked';
    let burst = 1;
    if (event.kind === 'click') {
      const [row] = (
        await tx.execute<{ count: number }>(sql`
          select count(*)::int as count from outreach_tracking
           where email_id = ${email.id} and action = 'clicked' and id <> ${event.eventId}
             and timestamp between ${new Date(at.getTime() - BURST_SECONDS * 1000)} and ${new Date(at.getTime() + BURST_SECONDS * 1000)}`)
      ).rows;
      burst += row!.count;
    }
    const verdict = classifyTrackingRequest({
      kind: event.kind,
      method: event.method,
      userAgent: event.userAgent,
      ip: event.ip,
      headers: event.headers,
      secondsAfterDelivery: email.sentAt ? (at.getTime() - email.sentAt.getTime()) / 1000 : null,
      linksClickedWithin10s: burst,
    });
    const inserted = await tx
      .insert(outreachTracking)
      .values({
        id: event.eventId,
        emailId: email.id,
        clientId: email.clientId,
        prospectId: email.prospectId,
        campaignId: email.campaignId,
        action,
        timestamp: at,
        metadata: {
          human: verdict.human,
          machineKind: verdict.machineKind,
          reasons: verdict.reasons,
          method: event.method,
          userAgent: event.userAgent,
          ip: event.ip,
          headers: event.headers,
          ...(event.url ? { url: event.url } : {}),
        },
      })
      .onConflictDoNothing()
      .returning({ id: outreachTracking.id });
    if (inserted.length === 0) return { recorded: false, reason: 'duplicate' };

    if (verdict.reasons.includes('many_links_at_once')) {
      await tx.execute(sql`
        update outreach_tracking
           set metadata = metadata || '{"human": false, "machineKind": "security_scanner"}'::jsonb
                 || jsonb_build_object('reasons', coalesce(metadata->'reasons', '[]'::jsonb) || '["many_links_at_once"]'::jsonb)
         where email_id = ${email.id} and action = 'clicked' and metadata->>'human' = 'true'
           and timestamp between ${new Date(at.getTime() - BURST_SECONDS * 1000)} and ${new Date(at.getTime() + BURST_SECONDS * 1000)}`);
    }
    if (verdict.human && event.kind === 'open' && !email.openedAt) {
      await tx
        .update(outreachEmails)
        .set({
          openedAt: at,
          status: sql`case when ${outreachEmails.status} in ('sent', 'delivered') then 'opened' else ${outreachEmails.status} end`,
          updatedAt: new Date(),
        })
        .where(eq(outreachEmails.id, email.id));
      const logId = metadataOf(email).logId;
      if (logId) {
        await tx
          .update(prospectOutreachLog)
          .set({
            openedAt: sql`coalesce(${prospectOutreachLog.openedAt}, ${at})`,
            status: sql`case when ${prospectOutreachLog.status} = 'sent' then 'opened' else ${prospectOutreachLog.status} end`,
          })
          .where(eq(prospectOutreachLog.id, logId));
      }
      const industry = await tx.execute<{ industry: string | null }>(
        sql`select industry from prospect_candidates where id = ${email.prospectId}`,
      );
      await refreshIndustryPerformance(tx, industry.rows[0]?.industry ?? null);
    }
    await refreshCampaignMetrics(tx, email.campaignId);
    return { recorded: true, human: verdict.human };
  });
}
