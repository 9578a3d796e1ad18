import { sql } from 'drizzle-orm';
import type { TriageLabels } from '../../../schema/learning';
import type { CorrectionExample } from '../../platform/ai/triage';
import type { Transaction } from '../../platform/db';

/**
 * What a client taught the triage: its corrected predictions (a correction, or a spam
 * verdict that disagreed), newest first, with the message each was about. The engines
 * learn from them (few-shot for OpenAI, an adaptation offline) for this client only.
 */

/** Enough to learn a house convention from; small enough to read on every lead. */
export const CORRECTIONS_PER_TRIAGE = 200;

export async function clientCorrections(
  tx: Transaction,
  clientId: string,
  exceptLeadId: string,
  limit = CORRECTIONS_PER_TRIAGE,
): Promise<CorrectionExample[]> {
  const result = await tx.execute<{ message: string; predicted: TriageLabels; actual: TriageLabels }>(sql`
    select l.message, f.context_data -> 'prediction' as predicted, f.context_data -> 'actual' as actual
    from feedback_tracking f
    join lead_memory l on l.id = f.lead_id and l.client_id = f.client_id
    where f.client_id = ${clientId} and f.action_type = 'system_performance' and f.outcome = 'negative'
      and f.processed_at is not null and f.lead_id <> ${exceptLeadId} and not l.deleted and not l.is_spam
    order by f.processed_at desc, f.id desc
    limit ${limit}`);
  return result.rows.map((row) => ({ message: row.message, predicted: row.predicted, actual: row.actual }));
}
