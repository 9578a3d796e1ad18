import { describe, expect, it } from 'vitest';
import type { IntentName } from '../../../schema/insights';
import { type AnomalyCandidate, findAnomalies } from '../../../worker/features/insights/anomalies';

const complaint: IntentName = { key: 'complaint', en: 'Complaint', fr: 'Plainte' };
const quote: IntentName = { key: 'quote_request', en: 'Quote request', fr: 'Demande de soumission' };
const booking: IntentName = { key: 'booking_request', en: 'Booking request', fr: 'Demande de rendez-vous' };
const billing: IntentName = { key: 'billing', en: 'Billing question', fr: 'Question de facturation' };

/** `history` is the count over the 8 periods before: a mean of history / 8. */
const intent = (name: IntentName, period: number, history: number): AnomalyCandidate => ({
  kind: 'intent',
  intent: name,
  period,
  history,
});
const volume = (period: number, history: number): AnomalyCandidate => ({
  kind: 'volume',
  intent: null,
  period,
  history,
});
const high = (period: number, history: number): AnomalyCandidate => ({
  kind: 'high_urgency',
  intent: null,
  period,
  history,
});

describe('findAnomalies: a rise', () => {
  it('flags at least 3 leads that are at least twice the usual level', () => {
    expect(findAnomalies([intent(complaint, 3, 8)])).toEqual([
      { kind: 'intent', intent: complaint, period: 3, average: 1, ratio: 3, direction: 'up' },
    ]);
    // Exactly twice the mean of 2.
    expect(findAnomalies([high(4, 16)])).toEqual([
      { kind: 'high_urgency', intent: null, period: 4, average: 2, ratio: 2, direction: 'up' },
    ]);
  });

  it('ignores two leads, however rare they usually are', () => {
    expect(findAnomalies([intent(complaint, 2, 1)])).toEqual([]);
  });

  it('ignores a count below twice the usual level', () => {
    expect(findAnomalies([intent(complaint, 3, 16)])).toEqual([]);
    expect(findAnomalies([volume(19, 80)])).toEqual([]);
  });

  it('does not call a new kind of request an anomaly: with a mean of 0 there is no usual level', () => {
    expect(findAnomalies([intent(billing, 12, 0), volume(30, 0), high(5, 0)])).toEqual([]);
  });
});

describe('findAnomalies: a drop', () => {
  it('flags a volume at half its usual level or less, when the usual level is at least 5', () => {
    expect(findAnomalies([volume(5, 80)])).toEqual([
      { kind: 'volume', intent: null, period: 5, average: 10, ratio: 0.5, direction: 'down' },
    ]);
    expect(findAnomalies([volume(2, 40)])).toEqual([
      { kind: 'volume', intent: null, period: 2, average: 5, ratio: 0.4, direction: 'down' },
    ]);
  });

  it('ignores a drop when the usual level is under 5, or the count above half of it', () => {
    expect(findAnomalies([volume(0, 39)])).toEqual([]);
    expect(findAnomalies([volume(6, 80)])).toEqual([]);
  });

  it('only looks at drops of the whole volume, not of an intent or of urgent leads', () => {
    expect(findAnomalies([intent(quote, 0, 160), high(1, 80)])).toEqual([]);
  });
});

describe('findAnomalies: the figures shown', () => {
  it('computes the ratio from the unrounded mean and shows the mean to one decimal', () => {
    // Mean 0.375, shown 0.4: 3 / 0.375 = 8 (3 / 0.4 would be 7.5).
    expect(findAnomalies([intent(complaint, 3, 3)])[0]).toMatchObject({ average: 0.4, ratio: 8 });
    // Mean 1.375, shown 1.4: 7 / 1.375 = 5.09 → 5.1 (7 / 1.4 would be 5).
    expect(findAnomalies([intent(quote, 7, 11)])[0]).toMatchObject({ average: 1.4, ratio: 5.1 });
  });
});

describe('findAnomalies: which ones are shown', () => {
  it('keeps at most 3, the strongest first', () => {
    const found = findAnomalies([
      intent(quote, 6, 24), // ×2
      intent(complaint, 10, 8), // ×10
      intent(booking, 9, 16), // ×4.5
      high(15, 24), // ×5
    ]);
    expect(found.map((anomaly) => anomaly.ratio)).toEqual([10, 5, 4.5]);
    expect(found.map((anomaly) => anomaly.intent?.key ?? anomaly.kind)).toEqual([
      'complaint',
      'high_urgency',
      'booking_request',
    ]);
  });

  it('ranks a drop to a fifth as strong as a rise to five times', () => {
    const found = findAnomalies([
      intent(quote, 49, 80), // ×4.9
      volume(8, 320), // ×0.2, as strong as ×5
      intent(complaint, 51, 80), // ×5.1
    ]);
    expect(found.map((anomaly) => anomaly.ratio)).toEqual([5.1, 0.2, 4.9]);
    expect(found[1]!.direction).toBe('down');
  });

  // BUG (anomalies.ts): the strength is taken from the ratio already rounded to one decimal,
  // so a drop to exactly 0.25 (10 leads against a mean of 40) is ranked as 1 / 0.3 = ×3.3,
  // below a rise to ×3.9. Remove `.fails` once the strength uses period / average unrounded.
  it('ranks a drop to a quarter as strong as a rise to four times', () => {
    const found = findAnomalies([
      intent(quote, 39, 80), // ×3.9
      volume(10, 320), // ×0.25, as strong as ×4
      intent(complaint, 41, 80), // ×4.1
    ]);
    expect(found.map((anomaly) => anomaly.kind)).toEqual(['intent', 'volume', 'intent']);
    expect(found[1]!.direction).toBe('down');
  });

  it('ranks a fall to nothing above any rise', () => {
    const found = findAnomalies([intent(complaint, 40, 8), volume(0, 80)]);
    expect(found.map((anomaly) => anomaly.kind)).toEqual(['volume', 'intent']);
    expect(found[0]).toMatchObject({ ratio: 0, direction: 'down' });
  });
});
