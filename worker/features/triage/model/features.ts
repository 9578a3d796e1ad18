import type { IntentKey } from '../../../../schema/vocabulary';
import { stemOf } from '../adaptation/features';
import { firstMatch } from '../cues';
import type { IntentDecision } from '../intent';
import type { LeadText } from '../normalize';
import { sentimentOf, shouts } from '../sentiment';
import {
  CALLBACK,
  EMERGENCY,
  FAR_HORIZON,
  FLAGGED_URGENT,
  HORIZON,
  IMMEDIACY,
  NEAR_DATE,
  NO_RUSH,
  PLAYED_DOWN,
  THREAT_TO_LEAVE,
} from '../signals';
import type { UrgencyDecision } from '../urgency';
import {
  ACTION_WINDOW,
  DEADLINE,
  LET_DOWN,
  RECENT_ONSET,
  REQUEST,
  SETTLE_SOON,
  THIS_WEEK,
  UPCOMING_VISIT,
  WEEKDAY,
} from '../urgency-signals';

/**
 * What the learned model reads of a lead: `words`, the message's words, stems and pairs of
 * neighbouring words (weighted together so a long message weighs no more than a short one), and
 * `flags`, facts of weight 1: the time and risk signals the rules look for, the rules' own
 * answer, punctuation. Names are short and prefixed by kind; the model knows only the names
 * it was trained on, and any other counts for nothing.
 */
export interface FeatureVector {
  words: readonly string[];
  flags: readonly string[];
}

/** The signal lists of signals.ts and urgency-signals.ts, by the short name a flag carries. */
const SIGNALS: ReadonlyArray<readonly [string, readonly RegExp[]]> = [
  ['emergency', EMERGENCY],
  ['immediacy', IMMEDIACY],
  ['flagged', FLAGGED_URGENT],
  ['near', NEAR_DATE],
  ['norush', NO_RUSH],
  ['down', PLAYED_DOWN],
  ['horizon', HORIZON],
  ['far', FAR_HORIZON],
  ['callback', CALLBACK],
  ['leave', THREAT_TO_LEAVE],
  ['window', ACTION_WINDOW],
  ['deadline', DEADLINE],
  ['letdown', LET_DOWN],
  ['recent', RECENT_ONSET],
  ['request', REQUEST],
  ['settle', SETTLE_SOON],
  ['week', THIS_WEEK],
  ['weekday', WEEKDAY],
  ['visit', UPCOMING_VISIT],
];

/** Words, stems and neighbouring pairs, each once. Numbers are one word: "#". */
export function wordFeatures(text: LeadText): string[] {
  const features = new Set<string>();
  let previous = '^';
  for (const raw of text.words) {
    const word = /^\d+$/.test(raw) ? '#' : raw;
    features.add(`w:${word}`);
    const stem = stemOf(word);
    if (stem !== word) features.add(`s:${stem}`);
    features.add(`b:${previous}_${word}`);
    previous = word;
  }
  return [...features];
}

/** The signals the rules look for, found anywhere in the message, and how it is written. */
export function signalFlags(text: LeadText): string[] {
  const flags: string[] = [];
  for (const [name, patterns] of SIGNALS) if (firstMatch(text.folded, patterns)) flags.push(`g:${name}`);
  if (text.raw.includes('?')) flags.push('p:question');
  if (text.raw.includes('!')) flags.push('p:exclaim');
  if (shouts(text)) flags.push('p:shouts');
  const { positive, negative } = sentimentOf(text);
  if (positive > 0) flags.push('p:positive');
  if (negative > 0) flags.push('p:negative');
  const length = text.words.length;
  flags.push(length < 12 ? 'p:short' : length < 40 ? 'p:medium' : 'p:long');
  return flags;
}

/** What both models read of a message, before the rules' answers are added. */
export function baseFeatures(text: LeadText): FeatureVector {
  return { words: wordFeatures(text), flags: signalFlags(text) };
}

/** What the intent model reads: the words, the signals, and which intents the rules' cues point to. */
export function intentFeatures(
  base: FeatureVector,
  rules: IntentDecision,
  scores: Record<IntentKey, number>,
): FeatureVector {
  const flags = [...base.flags];
  for (const [intent, score] of Object.entries(scores)) if (score >= 1.5) flags.push(`c:${intent}`);
  flags.push(rules.fallback ? 'r:fallback' : `r:${rules.intent}`);
  return { words: base.words, flags };
}

/** What the urgency model reads: the words, the signals, the intent decided, and the rules' urgency for it. */
export function urgencyFeatures(base: FeatureVector, intent: IntentKey, rules: UrgencyDecision): FeatureVector {
  const flags = [...base.flags, `i:${intent}`, `u:${rules.urgency}${rules.grounded ? '' : '?'}`];
  if (rules.reason) flags.push(`k:${rules.reason.kind}`);
  return { words: base.words, flags };
}
