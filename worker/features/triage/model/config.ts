import type { Blend } from './combine';
import type { TrainingOptions } from './train';

/**
 * How the models are trained and how they are combined with the rules, chosen by
 * leave-one-file-out validation (scripts/train-triage.ts prints it): train on every labelled
 * file but one, compare rules alone and rules with the model on that one, weigh blind-d most
 * (the only file no rule was written against).
 */
export const TRAINING: { intent: TrainingOptions; urgency: TrainingOptions } = {
  // The rules' own answers are not learnt from: on files the rules were tuned on they are all but
  // always right, and a model that learnt them would only copy the rules. Their cues are.
  intent: { l2: 0.002, iterations: 500, minCount: 3, skip: ['r:'] },
  urgency: { l2: 0.002, iterations: 500, minCount: 3, skip: ['u:', 'k:'] },
};

export const BLEND: Blend = {
  intentRule: 4,
  intentFallback: 0.5,
  urgencyGrounded: 2,
  urgencyDefault: 0.25,
  lockedReasons: ['emergency', 'threat', 'immediate'],
};

/** Weights smaller than this are left out of the generated module: it stays small, decisions do not move. */
export const PRUNE_BELOW = 0.05;
