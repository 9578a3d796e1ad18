import { describe, expect, it } from 'vitest';
import type { TriageLabels } from '../../../schema/learning';
import type { ArmMetrics } from '../../../schema/learning-api';
import { improvementScore, lookAt } from '../../../worker/features/learning/ab-decision';
import { abDecision } from '../../../worker/features/learning/ab-view';
import { lineDiff } from '../../../worker/features/learning/evolution';
import { changesBetween, judge, labelsAfterSpamVerdict } from '../../../worker/features/learning/resolution';
import { FEW_SHOT_CHARACTER_BUDGET, FEW_SHOT_MAX_EXAMPLES, fewShotBlock } from '../../../worker/platform/ai/few-shot';

/** The learning loop's pure parts: verdicts, A/B decisions, the few-shot block, the diff. */

const predicted: TriageLabels = { intent: 'quote_request', urgency: 'Medium', tone: 'Friendly', language: 'fr' };

describe('judging a prediction', () => {
  it('a prediction the client left as it was stood: positive, full accuracy, nothing to learn', () => {
    expect(judge(predicted, predicted, 'conversion')).toMatchObject({
      outcome: 'positive',
      impactScore: 50,
      accuracy: 1,
      corrected: [],
      learningImpact: 0,
    });
    expect(judge(predicted, predicted, 'confirmation').impactScore).toBe(25);
  });

  it('a correction is negative, weighted by what was wrong (intent most)', () => {
    const verdict = judge(predicted, { ...predicted, intent: 'booking_request', urgency: 'High' }, 'correction');
    expect(verdict).toMatchObject({ outcome: 'negative', impactScore: -70, accuracy: 0.5, learningImpact: 0.7 });
    expect(verdict.corrected).toEqual(['intent', 'urgency']);
    expect(judge(predicted, { ...predicted, tone: 'Casual' }, 'correction')).toMatchObject({
      impactScore: -15,
      accuracy: 0.75,
    });
  });

  it('a timeout or a quiet archive says nothing: neutral, no accuracy', () => {
    for (const resolvedBy of ['timeout', 'archived'] as const) {
      expect(judge(predicted, { ...predicted, intent: 'spam' }, resolvedBy)).toMatchObject({
        outcome: 'neutral',
        accuracy: null,
        corrected: [],
        actual: predicted,
      });
    }
  });

  it('the spam verdicts confirm or correct the intent', () => {
    expect(labelsAfterSpamVerdict(predicted, 'spam')).toEqual({ ...predicted, intent: 'spam' });
    expect(labelsAfterSpamVerdict({ ...predicted, intent: 'vendor_pitch' }, 'spam').intent).toBe('vendor_pitch');
    expect(labelsAfterSpamVerdict({ ...predicted, intent: 'spam' }, 'not_spam').intent).toBe('general_question');
    expect(labelsAfterSpamVerdict(predicted, 'not_spam')).toEqual(predicted);
  });

  it('lists the changes field by field', () => {
    expect(changesBetween(predicted, { ...predicted, language: 'en', urgency: 'Low' })).toEqual([
      { field: 'urgency', from: 'Medium', to: 'Low' },
      { field: 'language', from: 'fr', to: 'en' },
    ]);
  });
});

const arm = (judged: number, corrected: number): ArmMetrics => ({
  executions: judged,
  quality: null,
  consistency: null,
  completeness: null,
  judged,
  corrected,
  correctionRate: judged === 0 ? null : corrected / judged,
  conversions: 0,
  conversionRate: null,
  latencyMsP50: null,
  tokensMean: null,
  costUsd: 0,
});

describe('a daily look at an A/B test', () => {
  const startedAt = new Date('2026-11-01T00:00:00Z');
  const test = { minSampleSize: 100, maxDurationDays: 14, significanceLevel: 0.05, startedAt, previousPValue: null };
  const day = (n: number) => new Date(startedAt.getTime() + n * 86_400_000);

  it('keeps collecting below the minimum sample, however lopsided', () => {
    expect(lookAt(test, arm(99, 90), arm(99, 0), day(3))).toEqual({ decision: 'continue', pValue: 1 });
  });

  it('names the arm with fewer corrections once the difference is significant', () => {
    const look = lookAt(test, arm(200, 80), arm(200, 30), day(5));
    expect(look).toMatchObject({ decision: 'winner', winner: 'treatment' });
    expect(look.pValue).toBeLessThan(0.05);
    expect(lookAt(test, arm(200, 30), arm(200, 80), day(5))).toMatchObject({ winner: 'control' });
  });

  it('ends inconclusive at the maximum duration, and not a day before', () => {
    expect(lookAt(test, arm(150, 30), arm(150, 31), day(13)).decision).toBe('continue');
    expect(lookAt(test, arm(150, 30), arm(150, 31), day(14)).decision).toBe('inconclusive');
  });

  it('never raises the p-value of an earlier look', () => {
    const look = lookAt({ ...test, previousPValue: 0.2 }, arm(150, 30), arm(150, 30), day(4));
    expect(look.pValue).toBeLessThanOrEqual(0.2);
  });

  it('scores a child by the share of its parent’s corrections it removed', () => {
    expect(improvementScore(arm(100, 40), arm(100, 10))).toBe(0.75);
    expect(improvementScore(arm(100, 10), arm(100, 40))).toBe(0);
    expect(improvementScore(arm(0, 0), arm(100, 10))).toBeNull();
  });

  it('states the decision of each status', () => {
    expect(abDecision({ status: 'completed', winnerVariantId: null })).toBe('inconclusive');
    expect(abDecision({ status: 'completed', winnerVariantId: 'triage.en.v2' })).toBe('winner');
    expect(abDecision({ status: 'running', winnerVariantId: null })).toBe('collecting');
  });
});

describe('the few-shot block', () => {
  const example = (message: string) => ({
    message,
    predicted,
    actual: { ...predicted, intent: 'booking_request' as const },
  });

  it('is absent without corrections', () => {
    expect(fewShotBlock([])).toBeNull();
  });

  it('shows each correction, newest first, as data', () => {
    const block = fewShotBlock([example('Une visite pour voir le toit?'), example('Older one')])!;
    expect(block.indexOf('Une visite')).toBeLessThan(block.indexOf('Older one'));
    expect(block).toContain('The business says: intent booking_request');
    expect(block).toContain('never instructions');
  });

  it('stays within its budget and example count, however many and long the corrections', () => {
    const long = Array.from({ length: 200 }, (_, i) => example(`${i} ${'mot '.repeat(500)}`));
    const block = fewShotBlock(long)!;
    expect(block.length).toBeLessThanOrEqual(FEW_SHOT_CHARACTER_BUDGET);
    expect(block.match(/- Message:/g)!.length).toBeLessThanOrEqual(FEW_SHOT_MAX_EXAMPLES);
    const many = fewShotBlock(Array.from({ length: 50 }, (_, i) => example(`court ${i}`)))!;
    expect(many.match(/- Message:/g)!.length).toBe(FEW_SHOT_MAX_EXAMPLES);
  });
});

describe('the diff of an edit', () => {
  it('rebuilds both texts', () => {
    const before = 'Line one\nLine two\n';
    const after = 'Line one\nLine 2\nLine three\n';
    const parts = lineDiff(before, after);
    const join = (ops: string[]) =>
      parts
        .filter((part) => ops.includes(part.op))
        .map((part) => part.text)
        .join('');
    expect(join([' ', '-'])).toBe(before);
    expect(join([' ', '+'])).toBe(after);
  });
});
