/**
 * The learned half of the offline engine: small logistic-regression models of intent and
 * urgency, trained on the labelled lead files (scripts/train-triage.ts), combined with the
 * rules. Pure and deterministic; the weights are a generated module.
 */

import type { LeadText } from '../normalize';
import { type CombinedTriage, combineTriage, type RulePass, type TriageModels } from './combine';
import { BLEND } from './config';
import { decodeModel } from './linear';
import { INTENT_WEIGHTS, URGENCY_WEIGHTS } from './weights';

export { type Blend, type CombinedTriage, combineTriage, type RulePass, rulePass, type TriageModels } from './combine';
export { BLEND, PRUNE_BELOW, TRAINING } from './config';
export { decodeModel, type EncodedModel, encodeModel, type LinearModel } from './linear';
export { trainTriageModels } from './train';

let trained: TriageModels | null = null;

/** The models of the generated weights module, decoded once. */
export function triageModels(): TriageModels {
  trained ??= { intent: decodeModel(INTENT_WEIGHTS), urgency: decodeModel(URGENCY_WEIGHTS) };
  return trained;
}

/** The rules' triage of a message, with the trained model's say where the rules are not sure. */
export function modelTriage(text: LeadText, rules?: RulePass): CombinedTriage {
  return combineTriage(text, triageModels(), BLEND, rules);
}

/** How sure rules and model together are of intent and urgency, 0.05–0.9 with two decimals (0.7 / 0.3 as the rules weigh them). */
export function combinedConfidence(triage: CombinedTriage): number {
  const combined = 0.7 * triage.intentProbability + 0.3 * triage.urgencyProbability;
  return Math.round(Math.min(0.9, Math.max(0.05, combined)) * 100) / 100;
}
