import type { EngagementTerm, ToneCount } from '../../../schema/insights';
import type { LeadTone } from '../../../schema/vocabulary';
import { clamp, percent, round } from './numbers';

/**
 * The composite scores, without I/O. Documented in the README ("Growth insights") and
 * explained on the Insights screen; tests/unit/insights hold the formulas.
 */

/** How positive a tone reads, 0–100: the tone sentiment score is their mean over the leads. */
export const TONE_WEIGHTS: Record<LeadTone, number> = {
  Enthusiastic: 100,
  Friendly: 90,
  Professional: 80,
  Formal: 70,
  Casual: 60,
  Frustrated: 0,
};

export function toneSentimentScore(tones: readonly ToneCount[]): number | null {
  const leads = tones.reduce((sum, { count }) => sum + count, 0);
  if (leads === 0) return null;
  return round(tones.reduce((sum, { tone, count }) => sum + TONE_WEIGHTS[tone] * count, 0) / leads, 1);
}

/** Each term's weight in the engagement score. */
export const ENGAGEMENT_WEIGHTS = { volume: 0.25, speed: 0.25, coverage: 0.25, conversion: 0.25 } as const;
/** The speed term halves at this median time to a first human action, in minutes. */
export const SPEED_HALF_MINUTES = 120;
/** The conversion term is full at this conversion rate, in percent. */
export const FULL_CONVERSION_PERCENT = 20;

export interface EngagementInput {
  periodLeads: number;
  /** The leads of the 28 days before the period, scaled to the period's length. */
  baselineLeads: number;
  /** Median minutes to a first human action over the period's leads; null when no one acted. */
  firstActionMedian: number | null;
  autoReplied: number;
  converted: number;
}

export function engagementTerms(input: EngagementInput): EngagementTerm[] {
  const { periodLeads: leads, baselineLeads: baseline } = input;
  const none = leads === 0;
  const coverage = percent(input.autoReplied, leads);
  const conversion = percent(input.converted, leads);
  const term = (key: EngagementTerm['key'], score: number | null, value: number | null): EngagementTerm => ({
    key,
    weight: ENGAGEMENT_WEIGHTS[key],
    score: score === null ? null : round(score, 1),
    input: value,
  });
  return [
    // Same pace as the four weeks before: 50; twice it: 100; nothing: 0. No lead then or now: no pace to score.
    term(
      'volume',
      leads === 0 && baseline === 0 ? null : clamp(50 + (50 * (leads - baseline)) / Math.max(baseline, 1), 0, 100),
      leads,
    ),
    term(
      'speed',
      none
        ? null
        : input.firstActionMedian === null
          ? 0
          : (100 * SPEED_HALF_MINUTES) / (SPEED_HALF_MINUTES + input.firstActionMedian),
      input.firstActionMedian,
    ),
    term('coverage', coverage, coverage),
    term(
      'conversion',
      conversion === null ? null : Math.min(100, (100 / FULL_CONVERSION_PERCENT) * conversion),
      conversion,
    ),
  ];
}

/** The weighted mean of the terms that have a score; null when none has. */
export function engagementScore(terms: readonly EngagementTerm[]): number | null {
  const scored = terms.filter((term) => term.score !== null);
  const weight = scored.reduce((sum, term) => sum + term.weight, 0);
  if (weight === 0) return null;
  return round(scored.reduce((sum, term) => sum + term.weight * term.score!, 0) / weight, 1);
}
