import { describe, expect, it } from 'vitest';
import {
  analysisJobKey,
  type IntelligenceAnalysisMessage,
  refreshKeyPrefix,
} from '../../../worker/features/insights/message';
import { weeklyMessages } from '../../../worker/features/insights/weekly';

const A = '0b7e6a53-8a9f-4c55-9d1e-3f1b2a4c5d6e';
const B = '5f0c2d1e-3b4a-4c6d-8e7f-9a0b1c2d3e4f';

describe('analysisJobKey: one unit of work per client and week', () => {
  const refresh = (clientId: string, requestId: string): IntelligenceAnalysisMessage => ({
    type: 'intelligence_analysis',
    clientId,
    trigger: 'refresh',
    periodEnd: '2026-12-02T14:03:11.000Z',
    requestId,
  });

  it('is the same for the cron firing twice, or late, in the same week', () => {
    const [onTime] = weeklyMessages([A], new Date('2026-11-30T11:00:00.000Z'));
    const [late] = weeklyMessages([A], new Date('2026-11-30T16:45:00.000Z'));
    expect(analysisJobKey(onTime!)).toBe(analysisJobKey(late!));
    expect(analysisJobKey({ ...onTime!, requestId: 'redelivered' })).toBe(analysisJobKey(onTime!));
  });

  it('differs between clients and between weeks', () => {
    const [a] = weeklyMessages([A], new Date('2026-11-30T11:00:00.000Z'));
    const [b] = weeklyMessages([B], new Date('2026-11-30T11:00:00.000Z'));
    const [nextWeek] = weeklyMessages([A], new Date('2026-12-07T11:00:00.000Z'));
    expect(analysisJobKey(a!)).not.toBe(analysisJobKey(b!));
    expect(analysisJobKey(a!)).not.toBe(analysisJobKey(nextWeek!));
  });

  it('gives each refresh its own key, under the client’s refresh prefix', () => {
    const first = analysisJobKey(refresh(A, 'req-1'));
    const second = analysisJobKey(refresh(A, 'req-2'));
    expect(first).not.toBe(second);
    expect(first.startsWith(refreshKeyPrefix(A))).toBe(true);
    expect(second.startsWith(refreshKeyPrefix(A))).toBe(true);
    expect(first.startsWith(refreshKeyPrefix(B))).toBe(false);
  });

  it('never gives a refresh the weekly run’s key', () => {
    const [weekly] = weeklyMessages([A], new Date('2026-11-30T11:00:00.000Z'));
    const sameFields = { ...weekly!, trigger: 'refresh' as const };
    expect(analysisJobKey(sameFields)).not.toBe(analysisJobKey(weekly!));
    expect(analysisJobKey(weekly!).startsWith(refreshKeyPrefix(A))).toBe(false);
  });
});
