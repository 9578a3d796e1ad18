import type { IntentDecision } from './intent';
import type { UrgencyDecision } from './urgency';

/** Heuristics are never certain: the ceiling leaves room for the AI to be trusted more. */
const CEILING = 0.9;
/** Evidence at which an intent counts as clearly stated (two strong cues). */
const STRONG_EVIDENCE = 6;

/**
 * How sure the engine is of intent and urgency together, 0–0.9 with two decimals: high when
 * the intent's cues are strong and clear of the runner-up and the urgency rests on a cue; low when the intent was the fallback or two intents were close.
 */
export function triageConfidence(intent: IntentDecision, urgency: UrgencyDecision): number {
  const urgencySureness = urgency.grounded ? 0.9 : 0.65;
  const combined = 0.7 * intentSureness(intent) + 0.3 * urgencySureness;
  return Math.round(Math.min(CEILING, Math.max(0.05, combined)) * 100) / 100;
}

/** How sure the rules are of their intent alone, 0.3–1: strong cues clear of the runner-up. */
export function intentSureness(intent: IntentDecision): number {
  if (intent.fallback) return intent.runnerUp > 0 ? 0.3 : 0.35;
  const strength = Math.min(1, intent.score / STRONG_EVIDENCE);
  const margin = intent.score > 0 ? Math.max(0, intent.score - intent.runnerUp) / intent.score : 0;
  return 0.4 + 0.3 * strength + 0.3 * margin;
}
