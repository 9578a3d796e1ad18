import type { promptAbTests } from '../../../schema';
import type { AbDecision, AbTestView, ArmMetrics } from '../../../schema/learning-api';

/** A prompt_ab_tests row as the staff screens read it. Pure. */

export type AbTestRow = typeof promptAbTests.$inferSelect;

const numberOrNull = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;
const count = (value: unknown): number => numberOrNull(value) ?? 0;

/** An arm's stored figures (`{}` before the first look: null), each figure checked. */
export function armMetrics(stored: Record<string, unknown> | null | undefined): ArmMetrics | null {
  if (!stored || typeof stored !== 'object' || Object.keys(stored).length === 0) return null;
  return {
    executions: count(stored.executions),
    quality: numberOrNull(stored.quality),
    consistency: numberOrNull(stored.consistency),
    completeness: numberOrNull(stored.completeness),
    judged: count(stored.judged),
    corrected: count(stored.corrected),
    correctionRate: numberOrNull(stored.correctionRate),
    conversions: count(stored.conversions),
    conversionRate: numberOrNull(stored.conversionRate),
    latencyMsP50: numberOrNull(stored.latencyMsP50),
    tokensMean: numberOrNull(stored.tokensMean),
    costUsd: count(stored.costUsd),
  };
}

export function abDecision(test: Pick<AbTestRow, 'status' | 'winnerVariantId'>): AbDecision {
  switch (test.status) {
    case 'draft':
      return 'draft';
    case 'running':
      return 'collecting';
    case 'cancelled':
      return 'cancelled';
    case 'completed':
      return test.winnerVariantId ? 'winner' : 'inconclusive';
  }
}

export const abTestView = (test: AbTestRow): AbTestView => ({
  id: test.id,
  testName: test.testName,
  promptName: test.promptName,
  language: test.language,
  controlVariantId: test.controlVariantId,
  treatmentVariantId: test.treatmentVariantId,
  controlTrafficPercentage: test.controlTrafficPercentage,
  status: test.status,
  decision: abDecision(test),
  minSampleSize: test.minSampleSize,
  maxDurationDays: test.maxDurationDays,
  significanceLevel: test.significanceLevel,
  pValue: test.statisticalSignificance,
  winnerVariantId: test.winnerVariantId,
  controlMetrics: armMetrics(test.controlMetrics),
  treatmentMetrics: armMetrics(test.treatmentMetrics),
  startedAt: test.startedAt?.toISOString() ?? null,
  endedAt: test.endedAt?.toISOString() ?? null,
});
