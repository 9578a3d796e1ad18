/**
 * The statistics of a prompt A/B test that stay valid however often they are looked at,
 * without I/O: an always-valid p-value from a mixture sequential probability ratio test
 * (mSPRT, Johari, Pekelis and Walsh, "Always valid inference", 2017) on the difference of
 * two proportions (a correction rate, a conversion rate), under the normal approximation.
 *
 * With θ̂ the treatment's rate minus the control's and V its estimated variance, the mixture
 * of alternatives θ ~ N(0, τ²) gives the likelihood ratio
 *   Λ = √(V / (V + τ²)) · exp(τ² θ̂² / (2 V (V + τ²)))
 * and p = min over every look so far of 1 / Λ. By Ville's inequality, the chance that p ever
 * falls to α when both arms are the same is at most α, at every look, so a daily check may
 * stop the test the first day p ≤ α. τ is the size of effect the test is most sensitive to.
 */

export interface ArmCounts {
  /** Executions (leads) in the arm. */
  trials: number;
  /** How many of them had the outcome measured (corrected, converted). */
  successes: number;
}

export interface SequentialOptions {
  /** `significance_level`: the false-positive rate the test promises, e.g. 0.05. */
  alpha: number;
  /** The standard deviation of the effects mixed over, in rate units (0.1 = ten points). */
  tau: number;
  /** `min_sample_size` per arm: no decision, and no p-value below 1, before both arms have it. */
  minSamplePerArm: number;
  /** Whether a higher rate is the better arm (conversion) or a lower one (corrections). */
  higherIsBetter: boolean;
}

export const DEFAULT_SEQUENTIAL_OPTIONS: SequentialOptions = {
  alpha: 0.05,
  tau: 0.1,
  minSamplePerArm: 30,
  higherIsBetter: true,
};

export type SequentialDecision = 'continue' | 'treatment' | 'control';

export interface SequentialLook {
  /** The always-valid p-value after this look (never above the previous look's). */
  pValue: number;
  /** Treatment's rate minus control's. */
  difference: number;
  decision: SequentialDecision;
}

/**
 * A rate's variance per trial, the rate pulled towards ½ by half a success (Agresti's
 * adjustment), so an arm with no success yet does not claim a variance of zero.
 */
function varianceOf({ trials, successes }: ArmCounts): number {
  const rate = (successes + 0.5) / (trials + 1);
  return (rate * (1 - rate)) / trials;
}

/** 1 / Λ of the mSPRT for these counts, capped at 1. */
export function mixtureInverseLikelihood(control: ArmCounts, treatment: ArmCounts, tau: number): number {
  const difference = treatment.successes / treatment.trials - control.successes / control.trials;
  const variance = varianceOf(control) + varianceOf(treatment);
  const tau2 = tau * tau;
  const logLambda =
    0.5 * Math.log(variance / (variance + tau2)) +
    (tau2 * difference * difference) / (2 * variance * (variance + tau2));
  return Math.min(1, Math.exp(-logLambda));
}

/** One look at a running test: the new always-valid p-value and what to do. */
export function sequentialLook(
  previousPValue: number,
  control: ArmCounts,
  treatment: ArmCounts,
  options: SequentialOptions = DEFAULT_SEQUENTIAL_OPTIONS,
): SequentialLook {
  const enough = control.trials >= options.minSamplePerArm && treatment.trials >= options.minSamplePerArm;
  const difference =
    control.trials > 0 && treatment.trials > 0
      ? treatment.successes / treatment.trials - control.successes / control.trials
      : 0;
  if (!enough) return { pValue: previousPValue, difference, decision: 'continue' };
  const pValue = Math.min(previousPValue, mixtureInverseLikelihood(control, treatment, options.tau));
  if (pValue > options.alpha || difference === 0) return { pValue, difference, decision: 'continue' };
  const treatmentBetter = options.higherIsBetter ? difference > 0 : difference < 0;
  return { pValue, difference, decision: treatmentBetter ? 'treatment' : 'control' };
}
