import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { intelligenceAnalysisMessage } from '../../../worker/features/insights/message';
import { weeklyInsights, weeklyMessages } from '../../../worker/features/insights/weekly';

const A = '0b7e6a53-8a9f-4c55-9d1e-3f1b2a4c5d6e';
const B = '5f0c2d1e-3b4a-4c6d-8e7f-9a0b1c2d3e4f';
const periodEndOf = (trigger: string) => weeklyMessages([A], new Date(trigger))[0]!.periodEnd;

describe('weeklyMessages: the week the Monday run analyses', () => {
  it('ends at Monday 00:00 in Montreal when the cron fires Monday 11:00 UTC', () => {
    expect(periodEndOf('2026-11-30T11:00:00.000Z')).toBe('2026-11-30T05:00:00.000Z');
  });

  it('names the same Monday when the trigger fires late in the week', () => {
    expect(periodEndOf('2026-11-30T23:59:00.000Z')).toBe('2026-11-30T05:00:00.000Z');
    expect(periodEndOf('2026-12-03T18:00:00.000Z')).toBe('2026-11-30T05:00:00.000Z');
    // Sunday 23:00 in Montreal is already Monday in UTC: still the same week.
    expect(periodEndOf('2026-12-07T04:00:00.000Z')).toBe('2026-11-30T05:00:00.000Z');
  });

  it('takes the week from Montreal’s calendar, not UTC’s: Sunday night there is the week before', () => {
    // 04:30 UTC on Monday is 23:30 on Sunday in Montreal.
    expect(periodEndOf('2026-11-30T04:30:00.000Z')).toBe('2026-11-23T05:00:00.000Z');
    expect(periodEndOf('2026-11-30T05:00:00.000Z')).toBe('2026-11-30T05:00:00.000Z');
  });

  it('ends at 04:00 UTC in summer time', () => {
    expect(periodEndOf('2026-07-06T11:00:00.000Z')).toBe('2026-07-06T04:00:00.000Z');
  });

  it('follows the changes of time: the Mondays after spring forward and fall back', () => {
    expect(periodEndOf('2026-03-09T11:00:00.000Z')).toBe('2026-03-09T04:00:00.000Z');
    expect(periodEndOf('2026-11-02T11:00:00.000Z')).toBe('2026-11-02T05:00:00.000Z');
  });

  it('queues one weekly message per client, its request id the period', () => {
    const messages = weeklyMessages([A, B], new Date('2026-11-30T11:00:00.000Z'));
    expect(messages).toEqual([
      {
        type: 'intelligence_analysis',
        clientId: A,
        trigger: 'weekly',
        periodEnd: '2026-11-30T05:00:00.000Z',
        requestId: '2026-11-30T05:00:00.000Z',
      },
      {
        type: 'intelligence_analysis',
        clientId: B,
        trigger: 'weekly',
        periodEnd: '2026-11-30T05:00:00.000Z',
        requestId: '2026-11-30T05:00:00.000Z',
      },
    ]);
    for (const message of messages) expect(v.safeParse(intelligenceAnalysisMessage, message).success).toBe(true);
    expect(weeklyMessages([], new Date('2026-11-30T11:00:00.000Z'))).toEqual([]);
  });

  it('is scheduled on Mondays at 11:00 UTC', () => {
    expect(weeklyInsights.cron).toBe('0 11 * * 1');
  });
});
