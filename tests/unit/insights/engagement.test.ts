import { describe, expect, it } from 'vitest';
import type { EngagementTerm } from '../../../schema/insights';
import {
  type EngagementInput,
  engagementScore,
  engagementTerms,
  TONE_WEIGHTS,
  toneSentimentScore,
} from '../../../worker/features/insights/engagement';

const input = (overrides: Partial<EngagementInput> = {}): EngagementInput => ({
  periodLeads: 10,
  baselineLeads: 10,
  firstActionMedian: 120,
  autoReplied: 10,
  converted: 2,
  ...overrides,
});
const termOf = (terms: EngagementTerm[], key: EngagementTerm['key']) => terms.find((term) => term.key === key)!;

describe('toneSentimentScore', () => {
  it('uses the documented weight of each tone', () => {
    expect(TONE_WEIGHTS).toEqual({
      Enthusiastic: 100,
      Friendly: 90,
      Professional: 80,
      Formal: 70,
      Casual: 60,
      Frustrated: 0,
    });
  });

  it('is the weighted mean of the tones over the leads, to one decimal', () => {
    expect(
      toneSentimentScore([
        { tone: 'Enthusiastic', count: 1 },
        { tone: 'Frustrated', count: 1 },
      ]),
    ).toBe(50);
    expect(
      toneSentimentScore([
        { tone: 'Friendly', count: 2 },
        { tone: 'Casual', count: 1 },
      ]),
    ).toBe(80);
    // (80 + 2 × 70) / 3 = 73.33…
    expect(
      toneSentimentScore([
        { tone: 'Professional', count: 1 },
        { tone: 'Formal', count: 2 },
      ]),
    ).toBe(73.3);
  });

  it('drops to zero when every lead is frustrated, and is null with no tone at all', () => {
    expect(toneSentimentScore([{ tone: 'Frustrated', count: 7 }])).toBe(0);
    expect(toneSentimentScore([])).toBeNull();
    expect(toneSentimentScore([{ tone: 'Friendly', count: 0 }])).toBeNull();
  });
});

describe('engagementTerms: volume', () => {
  it('scores 50 at the same pace as the four weeks before, 100 at twice it, 0 with no lead', () => {
    expect(termOf(engagementTerms(input({ periodLeads: 10, baselineLeads: 10 })), 'volume').score).toBe(50);
    expect(termOf(engagementTerms(input({ periodLeads: 20, baselineLeads: 10 })), 'volume').score).toBe(100);
    expect(termOf(engagementTerms(input({ periodLeads: 15, baselineLeads: 10 })), 'volume').score).toBe(75);
    expect(termOf(engagementTerms(input({ periodLeads: 0, baselineLeads: 10 })), 'volume').score).toBe(0);
  });

  it('caps at 100 for a busy week and keeps the lead count as its input', () => {
    const volume = termOf(engagementTerms(input({ periodLeads: 40, baselineLeads: 10 })), 'volume');
    expect(volume.score).toBe(100);
    expect(volume.input).toBe(40);
    expect(volume.weight).toBe(0.25);
  });

  it('scores a first lead after a silent month as full, not as a division by zero', () => {
    expect(termOf(engagementTerms(input({ periodLeads: 3, baselineLeads: 0 })), 'volume').score).toBe(100);
  });

  it('has no score with no lead now nor before: there is no pace to compare', () => {
    expect(termOf(engagementTerms(input({ periodLeads: 0, baselineLeads: 0 })), 'volume').score).toBeNull();
  });
});

describe('engagementTerms: speed', () => {
  it('halves at a 120-minute median first follow-up', () => {
    const speed = termOf(engagementTerms(input({ firstActionMedian: 120 })), 'speed');
    expect(speed.score).toBe(50);
    expect(speed.input).toBe(120);
    expect(termOf(engagementTerms(input({ firstActionMedian: 0 })), 'speed').score).toBe(100);
    // 100 × 120 / 180 = 66.66…
    expect(termOf(engagementTerms(input({ firstActionMedian: 60 })), 'speed').score).toBe(66.7);
  });

  it('scores 0 when there were leads but nobody acted on them', () => {
    const speed = termOf(engagementTerms(input({ firstActionMedian: null })), 'speed');
    expect(speed.score).toBe(0);
    expect(speed.input).toBeNull();
  });

  it('has no score with no lead in the period', () => {
    expect(termOf(engagementTerms(input({ periodLeads: 0, firstActionMedian: null })), 'speed').score).toBeNull();
  });
});

describe('engagementTerms: coverage and conversion', () => {
  it('scores coverage as the percentage of leads that got the automatic reply', () => {
    const coverage = termOf(engagementTerms(input({ periodLeads: 3, autoReplied: 2 })), 'coverage');
    expect(coverage.input).toBe(66.7);
    expect(coverage.score).toBe(66.7);
  });

  it('is full at a 20 % conversion rate, half at 10 %, and never above 100', () => {
    const at20 = termOf(engagementTerms(input({ periodLeads: 10, converted: 2 })), 'conversion');
    expect(at20).toMatchObject({ input: 20, score: 100 });
    expect(termOf(engagementTerms(input({ periodLeads: 10, converted: 1 })), 'conversion').score).toBe(50);
    expect(termOf(engagementTerms(input({ periodLeads: 10, converted: 5 })), 'conversion')).toMatchObject({
      input: 50,
      score: 100,
    });
  });

  it('has no coverage or conversion without a lead in the period', () => {
    const terms = engagementTerms(input({ periodLeads: 0, autoReplied: 0, converted: 0, firstActionMedian: null }));
    expect(termOf(terms, 'coverage')).toMatchObject({ score: null, input: null });
    expect(termOf(terms, 'conversion')).toMatchObject({ score: null, input: null });
  });

  it('lists the four terms, a quarter each', () => {
    expect(engagementTerms(input()).map(({ key, weight }) => [key, weight])).toEqual([
      ['volume', 0.25],
      ['speed', 0.25],
      ['coverage', 0.25],
      ['conversion', 0.25],
    ]);
  });
});

describe('engagementScore', () => {
  const term = (key: EngagementTerm['key'], score: number | null): EngagementTerm => ({
    key,
    weight: 0.25,
    score,
    input: null,
  });

  it('is the weighted mean of the terms that have a score, leaving the others out (not as zeros)', () => {
    expect(
      engagementScore([term('volume', 50), term('speed', null), term('coverage', 100), term('conversion', null)]),
    ).toBe(75);
    expect(engagementScore([term('volume', 50), term('speed', 0), term('coverage', 100), term('conversion', 30)])).toBe(
      45,
    );
  });

  it('rounds to one decimal', () => {
    expect(
      engagementScore([term('volume', 50), term('speed', 66.7), term('coverage', 66.7), term('conversion', null)]),
    ).toBe(61.1);
  });

  it('is null when no term has a score', () => {
    expect(
      engagementScore([term('volume', null), term('speed', null), term('coverage', null), term('conversion', null)]),
    ).toBeNull();
    expect(engagementScore([])).toBeNull();
  });

  it('scores a week end to end: same pace, 2-hour follow-up, every reply sent, 10 % converted', () => {
    expect(engagementScore(engagementTerms(input({ converted: 1 })))).toBe(62.5);
  });
});
