import type { ArmMetrics } from '../../../schema/learning-api';
import { sequentialLook } from './sequential-test';

/**
 * One daily look at a running prompt A/B test: the always-valid p-value of the arms'
 * correction rates (a lower rate wins), and whether the test stops. Pure. Looking every
 * day is safe: the mixture SPRT's p-value stays valid under continuous monitoring, and no
 * decision is taken before both arms reach `min_sample_size` judged predictions.
 */

export interface RunningTest {
  minSampleSize: number;
  maxDurationDays: number;
  significanceLevel: number;
  startedAt: Date;
  /** The p-value of the previous look (`statistical_significance`); null before the first. */
  previousPValue: number | null;
}

export type AbLook =
  | { decision: 'continue'; pValue: number }
  | { decision: 'winner'; pValue: number; winner: 'control' | 'treatment' }
  /** The test ran its `max_duration_days` without a significant difference: the control is kept. */
  | { decision: 'inconclusive'; pValue: number };

/** The spread of true differences the test is most sensitive to: ten points of correction rate. */
const EFFECT_SCALE = 0.1;
const DAY_MS = 86_400_000;

export function lookAt(test: RunningTest, control: ArmMetrics, treatment: ArmMetrics, now: Date): AbLook {
  const look = sequentialLook(
    test.previousPValue ?? 1,
    { trials: control.judged, successes: control.corrected },
    { trials: treatment.judged, successes: treatment.corrected },
    {
      alpha: test.significanceLevel,
      tau: EFFECT_SCALE,
      minSamplePerArm: test.minSampleSize,
      higherIsBetter: false,
    },
  );
  if (look.decision !== 'continue') return { decision: 'winner', pValue: look.pValue, winner: look.decision };
  const days = (now.getTime() - test.startedAt.getTime()) / DAY_MS;
  if (days >= test.maxDurationDays) return { decision: 'inconclusive', pValue: look.pValue };
  return { decision: 'continue', pValue: look.pValue };
}

/**
 * How much better the child did than its parent (`prompt_evolution.improvement_score`,
 * 0–1): the share of the parent's correction rate the child removed; 0 when it did no
 * better, null when the parent's rate is unknown.
 */
export function improvementScore(parent: ArmMetrics, child: ArmMetrics): number | null {
  if (parent.correctionRate === null || child.correctionRate === null) return null;
  if (parent.correctionRate === 0) return 0;
  const removed = (parent.correctionRate - child.correctionRate) / parent.correctionRate;
  return Math.round(Math.min(1, Math.max(0, removed)) * 1000) / 1000;
}
