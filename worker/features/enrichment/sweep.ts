import { sql } from 'drizzle-orm';
import { type DatabaseAccess, openDatabase } from '../../platform/db';
import type { CronDefinition } from '../../platform/jobs/registry';
import { AUTO_REPLY_HORIZON_DAYS } from './context';
import { type EnrichLeadMessage, enrichLeadMessageFor } from './message';

/** A lead is given this long for its queue message to arrive before the sweep steps in. */
const GRACE_MINUTES = 2;
/** Older leads are left alone (AUTO_REPLY_HORIZON_DAYS). */
const HORIZON_DAYS = AUTO_REPLY_HORIZON_DAYS;
const BATCH = 100;

/**
 * Leads whose enrichment is owed: stored (201) but no job ever started — the queue send
 * failed — or whose job's worker died mid-way (its lease ran out). Failed jobs are left to
 * the queue's retries and, after the last, to the operator.
 */
export async function findOwedEnrichments(db: DatabaseAccess): Promise<EnrichLeadMessage[]> {
  const rows = await db.service((tx) =>
    tx.execute<{ lead_id: string; client_id: string }>(sql`
      (select m.id as lead_id, m.client_id from lead_memory m
        where m.enriched_at is null and (not m.is_spam or m.spam_verdict = 'not_spam')
          and m.created_at < now() - make_interval(mins => ${GRACE_MINUTES})
          and m.created_at > now() - make_interval(days => ${HORIZON_DAYS})
          and not exists (select 1 from queue_jobs j where j.dedupe_key = 'enrich_lead:' || m.id)
        order by m.created_at limit ${BATCH})
      union
      (select (j.payload->>'leadId')::uuid, (j.payload->>'clientId')::uuid from queue_jobs j
        where j.job_type = 'enrich_lead' and j.status = 'processing' and j.lease_expires_at < now()
        order by j.created_at limit ${BATCH})`),
  );
  return rows.rows.map((row) => enrichLeadMessageFor({ leadId: row.lead_id, clientId: row.client_id }));
}

/** Queues the enrichment of leads that missed their message, every five minutes. */
export const enrichmentSweep: CronDefinition = {
  cron: '*/5 * * * *',
  name: 'enrichment sweep',
  async run(env) {
    const db = openDatabase(env);
    try {
      const owed = await findOwedEnrichments(db);
      if (owed.length === 0) return;
      console.warn(`sweep: ${owed.length} lead(s) owed an enrichment, queued again`);
      await env.JOBS.sendBatch(owed.map((body) => ({ body })));
    } finally {
      await db.close();
    }
  },
};
