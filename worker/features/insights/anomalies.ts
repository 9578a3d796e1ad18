import type { Anomaly, IntentName } from '../../../schema/insights';
import { round } from './numbers';
import { ANOMALY_PERIODS } from './window';

/**
 * Figures far from their usual level, without I/O: a count this period against its mean
 * over the ANOMALY_PERIODS periods before. Up: at least MIN_COUNT and at least twice the
 * mean (a new kind of request, mean 0, is not an anomaly: there is no usual level). Down,
 * for all leads only: half the mean or less, when the mean is at least MIN_DROP_MEAN.
 */

const MIN_COUNT = 3;
const UP_RATIO = 2;
const MIN_DROP_MEAN = 5;
const DOWN_RATIO = 0.5;
export const MAX_ANOMALIES = 3;

export interface AnomalyCandidate {
  kind: Anomaly['kind'];
  intent: IntentName | null;
  period: number;
  /** Count over the ANOMALY_PERIODS periods before this one. */
  history: number;
}

export function findAnomalies(candidates: readonly AnomalyCandidate[]): Anomaly[] {
  const found: (Anomaly & { exactRatio: number })[] = [];
  for (const { kind, intent, period, history } of candidates) {
    const average = history / ANOMALY_PERIODS;
    if (average <= 0) continue;
    const up = period >= MIN_COUNT && period >= UP_RATIO * average;
    const down = kind === 'volume' && average >= MIN_DROP_MEAN && period <= DOWN_RATIO * average;
    if (!up && !down) continue;
    found.push({
      kind,
      intent,
      period,
      average: round(average, 1),
      ratio: round(period / average, 1),
      direction: up ? 'up' : 'down',
      exactRatio: period / average,
    });
  }
  // The strongest first: how far from 1 the unrounded ratio is, a drop to 0.25 as strong as a rise to 4.
  const strength = ({ exactRatio }: { exactRatio: number }) =>
    exactRatio >= 1 ? exactRatio : 1 / Math.max(exactRatio, 0.01);
  return found
    .sort((a, b) => strength(b) - strength(a))
    .slice(0, MAX_ANOMALIES)
    .map(({ exactRatio: _exact, ...anomaly }) => anomaly);
}
