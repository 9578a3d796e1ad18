import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { feedbackTracking } from '../../../schema';
import type { PredictionContext, TriageLabels } from '../../../schema/learning';
import type { Resolution } from '../../../schema/learning-api';
import type { Transaction } from '../../platform/db';
import { judge, resolvedContext, type Verdict, verdictNotes } from './resolution';

/**
 * The prediction a lead's outcome resolves: its latest one (a re-enrichment makes a new
 * one; the older stays for the 30-day timeout). Resolving is idempotent: a resolved
 * prediction is left as it is, except by a correction, which refines what the client said.
 */

export interface ResolvedPrediction {
  feedbackId: string;
  verdict: Verdict;
}

type PredictionRow = {
  id: string;
  context_data: PredictionContext;
  processed_at: string | null;
};

/** Locks the lead's latest prediction; null when it has none (never triaged). */
async function latestPrediction(tx: Transaction, leadId: string): Promise<PredictionRow | null> {
  const result = await tx.execute<PredictionRow>(sql`
    select id, context_data, processed_at from feedback_tracking
    where lead_id = ${leadId} and action_type = 'system_performance' and context_data ? 'prediction'
    order by created_at desc, id desc
    limit 1
    for update`);
  return result.rows[0] ?? null;
}

/**
 * Resolves the lead's latest prediction with the labels `actualOf` derives from it. Returns
 * null when there is nothing to resolve: no prediction, or one already resolved and
 * `refine` (a correction's) is not set.
 */
export async function resolvePrediction(
  tx: Transaction,
  leadId: string,
  resolvedBy: Resolution,
  actualOf: (predicted: TriageLabels) => TriageLabels,
  options: { refine?: boolean } = {},
): Promise<ResolvedPrediction | null> {
  const prediction = await latestPrediction(tx, leadId);
  if (!prediction) return null;
  const context = prediction.context_data;
  if (prediction.processed_at !== null && !options.refine) return null;
  const verdict = judge(context.prediction, actualOf(context.prediction), resolvedBy);
  const notes = verdictNotes(verdict, resolvedBy);
  await tx.execute(sql`
    update feedback_tracking set
      outcome = ${verdict.outcome},
      impact_score = ${verdict.impactScore},
      context_data = ${JSON.stringify(resolvedContext(context, verdict, resolvedBy))}::jsonb,
      notes_en = ${notes.en},
      notes_fr = ${notes.fr},
      learning_applied = ${verdict.accuracy !== null},
      learning_impact = ${verdict.learningImpact},
      processed_at = now()
    where id = ${prediction.id}`);
  // The execution that made the prediction is scored against what happened.
  if (verdict.accuracy !== null) {
    await tx.execute(sql`update prompt_performance set accuracy_score = ${verdict.accuracy}
      where feedback_id = ${prediction.id}`);
  }
  return { feedbackId: prediction.id, verdict };
}

/** The predictions of several leads resolved the same way (a bulk action), one by one. */
export async function resolvePredictions(
  tx: Transaction,
  leadIds: readonly string[],
  resolvedBy: Resolution,
  actualOf: (predicted: TriageLabels) => TriageLabels,
): Promise<Map<string, ResolvedPrediction>> {
  const resolved = new Map<string, ResolvedPrediction>();
  for (const leadId of leadIds) {
    const outcome = await resolvePrediction(tx, leadId, resolvedBy, actualOf);
    if (outcome) resolved.set(leadId, outcome);
  }
  return resolved;
}

/** The latest prediction of each lead that has one, for outcomes that link to it. */
export async function latestPredictionIds(tx: Transaction, leadIds: readonly string[]): Promise<Map<string, string>> {
  if (leadIds.length === 0) return new Map();
  const rows = await tx
    .selectDistinctOn([feedbackTracking.leadId], { leadId: feedbackTracking.leadId, id: feedbackTracking.id })
    .from(feedbackTracking)
    .where(and(inArray(feedbackTracking.leadId, [...leadIds]), eq(feedbackTracking.actionType, 'system_performance')))
    .orderBy(feedbackTracking.leadId, desc(feedbackTracking.createdAt), desc(feedbackTracking.id));
  return new Map(rows.map((row) => [row.leadId!, row.id]));
}
