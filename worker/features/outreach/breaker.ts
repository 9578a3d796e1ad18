import { sql } from 'drizzle-orm';
import type { Transaction } from '../../platform/db';
import { transition } from './campaigns';
import { bounceBreakerTripped, type SendingLimits } from './sending-rules';

/**
 * The circuit breaker: a campaign whose recent sends bounce hard too often has a bad list,
 * and going on would cost the mailbox its reputation. It pauses itself and says why; staff
 * resume it once the list is cleaned.
 */
export async function checkBreaker(tx: Transaction, limits: SendingLimits, campaignId: string): Promise<boolean> {
  const recent = await tx.execute<{ bounced: boolean; status: string }>(sql`
    select e.status = 'bounced' as bounced, c.status
      from outreach_emails e join outreach_campaigns c on c.id = e.campaign_id
     where e.campaign_id = ${campaignId} and e.sent_at is not null
     order by e.sent_at desc limit ${limits.bounceWindow}`);
  if (recent.rows[0]?.status !== 'active') return false;
  const window = recent.rows.map((row) => row.bounced);
  if (!bounceBreakerTripped(limits, window)) return false;
  const bounced = window.filter(Boolean).length;
  const percent = Math.round((bounced / window.length) * 1000) / 10;
  const threshold = Math.round(limits.bounceThreshold * 1000) / 10;
  await transition(tx, campaignId, 'pause', {
    en: `Paused by itself: ${bounced} of its last ${window.length} emails bounced (${percent} %, over the ${threshold} % limit). Clean the list before resuming.`,
    fr: `Mise en pause d’elle-même : ${bounced} de ses ${window.length} derniers courriels sont revenus (${percent} %, au-delà de la limite de ${threshold} %). Nettoyez la liste avant de reprendre.`,
  });
  return true;
}
