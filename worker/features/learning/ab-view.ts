import type { promptAbTests } from '../../../schema';
import type { AbDecision, AbTestView, ArmMetrics } from '../../../schema/learning-api';

/** A prompt_ab_tests row as the staff screens read it. Pure. */

export type AbTestRow = typeof promptAbTests.$inferSelect;

/** An arm's stored figures, or null before the first look (the column's default is {}). */
const armMetrics = (stored: Record<string, unknown>): ArmMetrics | null =>
  typeof stored.executions === 'number' ? (stored as unknown as ArmMetrics) : null;

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
