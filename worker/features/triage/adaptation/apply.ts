import type { IntentKey, Language, LeadTone } from '../../../../schema/vocabulary';
import type { TriageLabels } from '../../../platform/ai/triage';
import type { LeadText } from '../normalize';
import { assessUrgency, type UrgencyDecision } from '../urgency';
import { decideField, type Evidence, type FieldDecision } from './adapt';
import { messageFeatures } from './features';
import { type Adaptation, neighboursOf } from './model';

/** The offline engine's answer before its summary is written: what the adaptation may change. */
export interface RuledTriage {
  language: Language;
  intent: IntentKey;
  urgency: UrgencyDecision;
  tone: LeadTone;
  confidence: number;
}

/** Heuristics are never certain, adapted or not (the engine's own ceiling). */
const CEILING = 0.9;
/** How far agreeing (or disagreeing) corrections move the confidence of an answer they did not change. */
const INTENT_SWAY = 0.1;
const URGENCY_SWAY = 0.05;

/**
 * The rule engine's triage of a lead, adapted to what one client's corrections say of messages
 * like it. Each field keeps the rule answer unless the corrections of messages with the same
 * words agree on another (see {@link decideField}). When the intent changes, the urgency is
 * assessed again for the new intent before the corrections have their say on it. A message
 * sharing nothing with a corrected one comes back exactly as the rules made it.
 */
export function adaptTriage(adaptation: Adaptation, text: LeadText, ruled: RuledTriage): RuledTriage {
  const words = messageFeatures(text.raw);
  const features = words.filter((feature) => adaptation.index.has(feature));
  const labels: TriageLabels = {
    language: ruled.language,
    intent: ruled.intent,
    urgency: ruled.urgency.urgency,
    tone: ruled.tone,
  };
  const evidence: Evidence = {
    features,
    neighbours: neighboursOf(adaptation, words, 0),
    ruled: labels,
  };
  const language = decideField('language', adaptation, evidence);
  const intent = decideField('intent', adaptation, evidence);
  // The urgency the rules give the adapted intent: a pitch is never urgent, whoever calls it one.
  const base = intent.adapted ? assessUrgency(text, intent.value) : ruled.urgency;
  const followed: Evidence = { ...evidence, ruled: { ...labels, intent: intent.value, urgency: base.urgency } };
  const urgency = decideField('urgency', adaptation, followed);
  const tone = decideField('tone', adaptation, followed);
  return {
    language: language.value,
    intent: intent.value,
    urgency: urgency.adapted ? { urgency: urgency.value, reason: null, grounded: false } : base,
    tone: tone.value,
    confidence: adaptedConfidence(ruled.confidence, intent, urgency),
  };
}

/**
 * Confidence of intent and urgency together, as the engine weighs them (0.7 / 0.3). An answer
 * the client's corrections supplied is as sure as its cue (0.5 for a bare majority, up to 0.9);
 * one they left alone gains a little when corrections with the same words confirm it and loses
 * a little when they lean elsewhere without carrying it.
 */
function adaptedConfidence(
  ruled: number,
  intent: FieldDecision<IntentKey>,
  urgency: FieldDecision<TriageLabels['urgency']>,
): number {
  let confidence: number;
  if (intent.adapted || urgency.adapted) {
    const sureness = (decision: FieldDecision<string>, sway: number) =>
      decision.adapted ? 0.5 + 0.4 * decision.agreement : ruled + sway * decision.agreement;
    confidence = 0.7 * sureness(intent, INTENT_SWAY) + 0.3 * sureness(urgency, URGENCY_SWAY);
  } else {
    confidence = ruled + INTENT_SWAY * intent.agreement + URGENCY_SWAY * urgency.agreement;
  }
  return Math.round(Math.min(CEILING, Math.max(0.05, confidence)) * 100) / 100;
}
