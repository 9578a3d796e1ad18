import { sql } from 'drizzle-orm';
import { feedbackTracking } from '../../../schema';
import type { PredictionContext } from '../../../schema/learning';
import { CONVERTED_TAG, intentOf, MACHINE_PERFORMERS } from '../../../schema/vocabulary';
import type { AiEngineName } from '../../platform/ai/port';
import type { Triage } from '../../platform/ai/triage';
import type { Transaction } from '../../platform/db';
import { latestPredictionIds, resolvePredictions } from './outcomes';
import { labelsAfterSpamVerdict } from './resolution';

/**
 * The learning loop's record of what the AI predicted and what happened: one
 * feedback_tracking row per prediction, and one per outcome the client's actions reveal.
 */

export interface Prediction {
  leadId: string;
  clientId: string;
  triage: Triage;
  engine: AiEngineName;
  variantId: string;
  /** The engine that failed before `engine` answered, if one did. */
  fellBackFrom: AiEngineName | null;
}

/** Records a triage as a prediction whose outcome is still to come; returns its feedback id. */
export async function recordPrediction(tx: Transaction, prediction: Prediction): Promise<string> {
  const { triage, engine } = prediction;
  const intent = intentOf(triage.intent);
  const [feedback] = await tx
    .insert(feedbackTracking)
    .values({
      leadId: prediction.leadId,
      clientId: prediction.clientId,
      actionType: 'system_performance',
      // The outcome is known later, when the client converts, archives or answers the lead.
      outcome: 'neutral',
      confidenceScore: triage.confidence,
      impactScore: 0,
      contextData: {
        prediction: { intent: triage.intent, urgency: triage.urgency, tone: triage.tone, language: triage.language },
        engine,
        variantId: prediction.variantId,
        fellBackFrom: prediction.fellBackFrom,
      } satisfies PredictionContext,
      notes: `Prediction: ${intent.en}, ${triage.urgency} urgency (${engine})`,
      notesEn: `Prediction: ${intent.en}, ${triage.urgency} urgency, ${triage.tone} tone, by the ${engine} engine; outcome pending.`,
      notesFr: `Prédiction : ${intent.fr}, urgence ${triage.urgency}, ton ${triage.tone}, par le moteur ${engine}; résultat à venir.`,
    })
    .returning({ id: feedbackTracking.id });
  return feedback!.id;
}

/** A lead whose tag changed, as it was before the change. */
export interface RetaggedLead {
  id: string;
  currentTag: string | null;
  intent: string | null;
  urgency: string | null;
  confidence: number | null;
}

/** Conversions count for (or against) the AI's triage in the learning loop. */
const CONVERSION_IMPACT = 50;

/**
 * The outcomes a tag change reveals: a lead tagged Converted is a positive outcome, one
 * taken back from Converted (with the reason the client gave) a negative one.
 */
export async function recordConversions(
  tx: Transaction,
  change: { clientId: string; tag: string; leads: readonly RetaggedLead[]; reversionReason: string | undefined },
): Promise<void> {
  const converting = change.tag === CONVERTED_TAG;
  const converted = converting ? change.leads.filter((lead) => lead.currentTag !== CONVERTED_TAG) : [];
  // A lead the client converted without correcting its triage: the triage stood.
  await resolvePredictions(
    tx,
    converted.map((lead) => lead.id),
    'conversion',
    (predicted) => predicted,
  );
  const predictions = await latestPredictionIds(
    tx,
    change.leads.map((lead) => lead.id),
  );
  const feedback = change.leads.flatMap((lead) => {
    const positive = converting && lead.currentTag !== CONVERTED_TAG;
    const negative = !converting && lead.currentTag === CONVERTED_TAG;
    if (!positive && !negative) return [];
    return [
      {
        leadId: lead.id,
        clientId: change.clientId,
        actionType: 'lead_conversion' as const,
        outcome: positive ? ('positive' as const) : ('negative' as const),
        impactScore: positive ? CONVERSION_IMPACT : -CONVERSION_IMPACT,
        confidenceScore: lead.confidence,
        contextData: {
          predictedIntent: lead.intent,
          predictedUrgency: lead.urgency,
          tag: change.tag,
          previousTag: lead.currentTag,
          predictionId: predictions.get(lead.id) ?? null,
          ...(negative ? { reversionReason: change.reversionReason } : {}),
        },
        notes: negative ? (change.reversionReason ?? null) : null,
      },
    ];
  });
  if (feedback.length > 0) await tx.insert(feedbackTracking).values(feedback);
}

/** What a bulk action says of the triage of the leads it touched (other actions say nothing). */
export type OutcomeAction = 'archive' | 'spam' | 'not_spam';

/**
 * The outcomes a bulk action reveals: the client's spam verdict confirms or corrects the
 * triage; archiving a lead nobody did anything else with resolves it as neutral (it says
 * nothing of the triage, but the prediction is closed). A lead resolved before keeps its
 * verdict, so redoing an action changes nothing.
 */
export async function recordBulkOutcome(tx: Transaction, action: OutcomeAction, leadIds: readonly string[]) {
  if (leadIds.length === 0) return;
  if (action === 'spam' || action === 'not_spam') {
    await resolvePredictions(tx, leadIds, 'spam_verdict', (predicted) => labelsAfterSpamVerdict(predicted, action));
    return;
  }
  const acted = await tx.execute<{ lead_id: string }>(sql`
    select distinct lead_id from lead_actions
    where lead_id in ${leadIds} and action_type not in ('archived', 'created')
      and performed_by not in ${MACHINE_PERFORMERS}`);
  const touched = new Set(acted.rows.map((row) => row.lead_id));
  await resolvePredictions(
    tx,
    leadIds.filter((id) => !touched.has(id)),
    'archived',
    (predicted) => predicted,
  );
}
