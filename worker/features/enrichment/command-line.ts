import { eq } from 'drizzle-orm';
import { leadMemory, queueJobs } from '../../../schema';
import { isUuid } from '../../platform/identifiers';
import { type CommandLineJob, UsageError } from '../../platform/jobs/registry';
import { type EnrichLeadMessage, enrichJobKey } from './message';

/**
 * `npm run job -- enrich_lead --lead <id> [--again]`: one lead's enrichment now. Without
 * `--again` it does what the queue would (nothing, when the lead was enriched already);
 * `--again` re-runs triage as the dashboard's "re-enrich" does, under a fresh job key.
 */
export const enrichCommandLine: CommandLineJob<EnrichLeadMessage> = {
  usage: '--lead <id> [--again]',
  async message(options, db) {
    const leadId = options.lead;
    if (!leadId || !isUuid(leadId)) throw new UsageError('Name the lead by its id: --lead <uuid>.');
    const [lead] = await db.service((tx) =>
      tx.select({ clientId: leadMemory.clientId }).from(leadMemory).where(eq(leadMemory.id, leadId)),
    );
    if (!lead) throw new UsageError(`No lead has the id ${leadId}.`);
    return {
      type: 'enrich_lead',
      leadId,
      clientId: lead.clientId,
      ...(options.again === 'true' ? { reenrichId: crypto.randomUUID() } : {}),
    };
  },
  async report(message, db) {
    const [job] = await db.service((tx) =>
      tx
        .select({ status: queueJobs.status, result: queueJobs.result, error: queueJobs.error })
        .from(queueJobs)
        .where(eq(queueJobs.dedupeKey, enrichJobKey(message))),
    );
    return { queue_job: job ?? null };
  },
};
