import type { IntentKey, Urgency } from '../../../../schema/vocabulary';
import { intentSureness } from '../confidence';
import { classifyIntent, type IntentDecision, scoreIntents } from '../intent';
import type { LeadText } from '../normalize';
import { assessUrgency, type UrgencyDecision } from '../urgency';
import { baseFeatures, intentFeatures, urgencyFeatures } from './features';
import { type LinearModel, linearScores, softmax } from './linear';

export interface TriageModels {
  intent: LinearModel<IntentKey>;
  urgency: LinearModel<Urgency>;
}

/**
 * How much the rules' answer counts against the model's, in log-odds added to the rules'
 * class. The rules have the last word where they are sure (`lockedReasons`, a pitch's Low);
 * elsewhere the model's probabilities decide, the rules' answer raised by these bonuses.
 */
export interface Blend {
  /** Bonus of the rules' intent, times their sureness (0.4–1, confidence.ts). */
  intentRule: number;
  /** Bonus of general_question when the rules found nothing and fell back on it. */
  intentFallback: number;
  /** Bonus of the rules' urgency when a cue of the message settled it. */
  urgencyGrounded: number;
  /** Bonus of the rules' urgency when it is their default. */
  urgencyDefault: number;
  /** A High the rules give for one of these reasons stands, whatever the model says. */
  lockedReasons: ReadonlyArray<NonNullable<UrgencyDecision['reason']>['kind']>;
}

/** The rules' answer and the evidence behind it, before the model has its say. */
export interface RulePass {
  scores: Record<IntentKey, number>;
  intent: IntentDecision;
  urgency: UrgencyDecision;
}

export function rulePass(text: LeadText): RulePass {
  const scores = scoreIntents(text);
  const intent = classifyIntent(text, scores);
  return { scores, intent, urgency: assessUrgency(text, intent.intent) };
}

export interface CombinedTriage {
  intent: IntentKey;
  /** How likely the chosen intent is, rules and model together (0–1). */
  intentProbability: number;
  urgency: UrgencyDecision;
  urgencyProbability: number;
  /** The rules' answer, for comparison. */
  rules: RulePass;
}

// Nobody needs an answer today to a pitch or a scam (urgency.ts): no model changes that.
const NEVER_URGENT: ReadonlySet<IntentKey> = new Set(['spam', 'vendor_pitch']);
/** Most urgent first. */
const URGENCY_ORDER: readonly Urgency[] = ['High', 'Medium', 'Low'];
/** The flags of features.ts for a lead's no-hurry words and for a problem played down. */
const CALM_FLAGS: readonly string[] = ['g:norush', 'g:down'];

/**
 * Rules and model together: each class's score is the model's log-probability, plus a bonus for
 * the rules' answer that grows with how sure the rules are; the best score wins. When the
 * intent changes, the rules assess the urgency again for the new intent before the urgency
 * model weighs in, as the adaptation does.
 */
export function combineTriage(
  text: LeadText,
  models: TriageModels,
  blend: Blend,
  rules = rulePass(text),
): CombinedTriage {
  const intentBonus = rules.intent.fallback ? blend.intentFallback : blend.intentRule * intentSureness(rules.intent);
  const base = baseFeatures(text);
  const intentVector = intentFeatures(base, rules.intent, rules.scores);
  const intentChoice = blended(
    models.intent,
    linearScores(models.intent, intentVector),
    rules.intent.intent,
    intentBonus,
  );
  const intent = intentChoice.label;

  const ruled = intent === rules.intent.intent ? rules.urgency : assessUrgency(text, intent);
  const locked =
    NEVER_URGENT.has(intent) ||
    (ruled.urgency === 'High' && ruled.reason !== null && blend.lockedReasons.includes(ruled.reason.kind));
  const urgencyVector = urgencyFeatures(base, intent, ruled);
  const urgencyScores = linearScores(models.urgency, urgencyVector);
  if (locked) {
    const probability = softmax(urgencyScores)[models.urgency.classes.indexOf(ruled.urgency)] ?? 0;
    // The rules' word is final here; the model only says how much it agrees.
    return {
      intent,
      intentProbability: intentChoice.probability,
      urgency: ruled,
      urgencyProbability: Math.max(0.9, probability),
      rules,
    };
  }
  const urgencyBonus = ruled.grounded ? blend.urgencyGrounded : blend.urgencyDefault;
  // A lead who says it can wait ("not urgent", "not an emergency") is never made more urgent than the rules made it.
  const calm = urgencyVector.flags.some((flag) => CALM_FLAGS.includes(flag));
  const ceiling = calm ? URGENCY_ORDER.indexOf(ruled.urgency) : 0;
  const urgencyChoice = blended(
    models.urgency,
    urgencyScores,
    ruled.urgency,
    urgencyBonus,
    (label) => URGENCY_ORDER.indexOf(label) >= ceiling,
  );
  const urgency: UrgencyDecision =
    urgencyChoice.label === ruled.urgency ? ruled : { urgency: urgencyChoice.label, reason: null, grounded: false };
  return {
    intent,
    intentProbability: intentChoice.probability,
    urgency,
    urgencyProbability: urgencyChoice.probability,
    rules,
  };
}

/** The model's log-probabilities with the rules' class raised by `bonus`; the best class and its share. */
function blended<C extends string>(
  model: LinearModel<C>,
  logits: readonly number[],
  ruled: C,
  bonus: number,
  allowed: (label: C) => boolean = () => true,
): { label: C; probability: number } {
  const log = logProbabilities(logits);
  const ruledIndex = model.classes.indexOf(ruled);
  if (ruledIndex >= 0) log[ruledIndex] = (log[ruledIndex] ?? 0) + bonus;
  model.classes.forEach((label, index) => {
    if (index !== ruledIndex && !allowed(label)) log[index] = Number.NEGATIVE_INFINITY;
  });
  const probs = softmax(log);
  let best = Math.max(ruledIndex, 0);
  for (let c = 0; c < probs.length; c++) if ((probs[c] ?? 0) > (probs[best] ?? 0)) best = c;
  return { label: model.classes[best] ?? ruled, probability: probs[best] ?? 0 };
}

function logProbabilities(logits: readonly number[]): number[] {
  const top = Math.max(...logits);
  const total = logits.reduce((sum, value) => sum + Math.exp(value - top), 0);
  return logits.map((value) => value - top - Math.log(total));
}
