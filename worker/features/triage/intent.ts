import type { IntentKey } from '../../../schema/vocabulary';
import { firstMatch, scoreCues } from './cues';
import { ANGER, resolveConflicts, THREAT_EVIDENCE } from './intent-conflicts';
import { INTENT_CUES } from './intent-cues';
import type { LeadText } from './normalize';
import { sentimentOf, shouts } from './sentiment';
import { EMERGENCY, THREAT_TO_LEAVE } from './signals';
import { spamSignalScore } from './spam-signals';

export interface IntentDecision {
  intent: IntentKey;
  /** Evidence for the chosen intent. */
  score: number;
  /** Evidence for the strongest other intent. */
  runnerUp: number;
  /** Nothing pointed anywhere: general_question is the default, not a finding. */
  fallback: boolean;
}

// On equal evidence, the intent whose miss costs the business more wins.
const TIE_ORDER: readonly IntentKey[] = [
  'spam',
  'support_request',
  'complaint',
  'billing',
  'job_application',
  'vendor_pitch',
  'partnership',
  'quote_request',
  'booking_request',
  'service_inquiry',
  'feedback',
  'general_question',
];

/** Below this, a message says too little to be anything but a general question. */
const MIN_EVIDENCE = 1.5;
/** What shouting adds to a complaint that is already there. */
const SHOUTING_EVIDENCE = 1.5;
/** The lead talks about the business or its work ("you", "your", "vous", "votre"). */
const ADDRESSES_BUSINESS = /\b(you|your|vous|votre|vos)\b/;

export function scoreIntents(text: LeadText): Record<IntentKey, number> {
  const scores = {} as Record<IntentKey, number>;
  for (const intent of TIE_ORDER) scores[intent] = scoreCues(text.folded, INTENT_CUES[intent]);
  if (firstMatch(text.folded, EMERGENCY)) scores.support_request += 3;
  scores.spam += spamSignalScore(text);
  // Praise with nothing asked is feedback; disapproval of what the business did is a complaint.
  const { positive, negative } = sentimentOf(text);
  if (!text.raw.includes('?')) scores.feedback += 0.75 * Math.min(positive, 4);
  if (ADDRESSES_BUSINESS.test(text.folded)) scores.complaint += 0.75 * Math.min(negative, 4);
  // Capitals make a grievance louder; they do not make a question a grievance.
  if (scores.complaint > 0 && shouts(text)) scores.complaint += SHOUTING_EVIDENCE;
  // Threatening to leave makes an unhappy lead's complaint stronger; a calm cancellation is not one.
  if (scores.complaint >= ANGER && firstMatch(text.folded, THREAT_TO_LEAVE)) scores.complaint += THREAT_EVIDENCE;
  return scores;
}

export function classifyIntent(text: LeadText, scores: Record<IntentKey, number> = scoreIntents(text)): IntentDecision {
  const ranked = [...TIE_ORDER].sort((a, b) => scores[b] - scores[a]);
  const intent = resolveConflicts(ranked[0] ?? 'general_question', scores, text);
  const score = scores[intent];
  const runnerUp = Math.max(0, ...TIE_ORDER.filter((other) => other !== intent).map((other) => scores[other]));
  if (score < MIN_EVIDENCE) return { intent: 'general_question', score, runnerUp, fallback: true };
  return { intent, score, runnerUp, fallback: false };
}
