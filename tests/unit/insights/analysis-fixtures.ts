/**
 * Growth analyses for the recommendation tests, built the way the Worker builds them: the
 * statements' rows (statements.ts), made by hand, through assembleAnalysis and windowBounds.
 */
import type { GrowthAnalysis } from '../../../schema/insights';
import { INTENTS, type IntentKey } from '../../../schema/vocabulary';
import { assembleAnalysis } from '../../../worker/features/insights/assemble';
import type {
  AnalysisRows,
  DayRow,
  IntentRow,
  SpeedRow,
  TotalsRow,
} from '../../../worker/features/insights/statements';
import { WEEK_MS, windowBounds } from '../../../worker/features/insights/window';

/** A Monday's run: the week ending Monday 2026-11-30 00:00 in Montreal. */
export const END = new Date('2026-11-30T05:00:00.000Z');
export const BOUNDS = windowBounds({ start: new Date(END.getTime() - WEEK_MS), end: END });

const NO_TOTALS: TotalsRow = {
  total: 0,
  high: 0,
  medium: 0,
  low: 0,
  en: 0,
  fr: 0,
  en_converted: 0,
  fr_converted: 0,
  avg_confidence: null,
  first_lead_at: null,
  period_leads: 0,
  previous_leads: 0,
  period_high: 0,
  previous_high: 0,
  period_triaged: 0,
  previous_triaged: 0,
  period_converted: 0,
  period_en: 0,
  period_fr: 0,
  baseline_leads: 0,
  anomaly_leads: 0,
  anomaly_high: 0,
};

export const intentRow = (key: IntentKey, counts: Partial<Omit<IntentRow, 'intent_key'>>): IntentRow => {
  const intent = INTENTS.find((candidate) => candidate.key === key)!;
  return {
    intent_key: key,
    intent_en: intent.en,
    intent_fr: intent.fr,
    leads: 0,
    converted: 0,
    period: 0,
    previous: 0,
    anomaly: 0,
    ...counts,
  };
};

/** The speed statement's row of all urgencies (medians as Postgres returns them: text). */
export const speedAll = (row: Partial<Omit<SpeedRow, 'urgency' | 'is_all'>>): SpeedRow => ({
  urgency: null,
  is_all: true,
  reply_leads: 0,
  reply_median: null,
  reply_p90: null,
  action_leads: 0,
  action_median: null,
  action_p90: null,
  waiting_high: 0,
  ...row,
});

/** The per-day rows of weekly counts (the oldest first, the last ending at END), each week spread over its days. */
export function daysOf(weekly: readonly number[]): DayRow[] {
  const rows: DayRow[] = [];
  weekly.forEach((count, position) => {
    const window = weekly.length - 1 - position;
    for (let day = 0; day < 7; day++) {
      const leads = Math.floor(count / 7) + (day < count % 7 ? 1 : 0);
      if (leads > 0) {
        rows.push({
          day: window * 7 + day,
          leads,
          high: 0,
          converted: 0,
          confidence_hundredths: leads * 85,
          confidence_leads: leads,
        });
      }
    }
  });
  return rows;
}

export interface Situation {
  totals?: Partial<TotalsRow>;
  intents?: IntentRow[];
  days?: DayRow[];
  speed?: SpeedRow[];
  autoReplied?: number;
}

export function analysisOf(situation: Situation): GrowthAnalysis {
  const rows: AnalysisRows = {
    totals: { ...NO_TOTALS, ...situation.totals },
    intents: situation.intents ?? [],
    tones: [],
    days: situation.days ?? [],
    speed: situation.speed ?? [],
    autoReplied: situation.autoReplied ?? 0,
  };
  return assembleAnalysis(rows, BOUNDS);
}

const LONG_AGO = '2025-01-06T15:00:00.000Z';

/**
 * A busy week: 30 leads (usually 12), 9 urgent (usually 2), 6 complaints (usually one every
 * other week), 4 urgent leads no one has called back, a 3-hour median first follow-up.
 */
export const busyWeek = (): GrowthAnalysis =>
  analysisOf({
    totals: {
      total: 620,
      high: 90,
      medium: 300,
      low: 200,
      en: 460,
      fr: 160,
      en_converted: 80,
      fr_converted: 20,
      avg_confidence: '0.870',
      first_lead_at: LONG_AGO,
      period_leads: 30,
      previous_leads: 14,
      period_high: 9,
      previous_high: 2,
      period_triaged: 30,
      previous_triaged: 14,
      period_converted: 3,
      period_en: 22,
      period_fr: 8,
      baseline_leads: 50,
      anomaly_leads: 96,
      anomaly_high: 16,
    },
    intents: [
      intentRow('quote_request', { leads: 300, converted: 60, period: 14, previous: 8, anomaly: 64 }),
      intentRow('complaint', { leads: 40, converted: 0, period: 6, previous: 1, anomaly: 4 }),
      intentRow('booking_request', { leads: 180, converted: 40, period: 7, previous: 4, anomaly: 24 }),
      intentRow('billing', { leads: 100, converted: 0, period: 3, previous: 1, anomaly: 4 }),
    ],
    days: daysOf([11, 12, 13, 12, 10, 12, 14, 11, 12, 13, 14, 30]),
    speed: [
      speedAll({
        reply_leads: 25,
        reply_median: '0.8',
        reply_p90: '1.5',
        action_leads: 26,
        action_median: '186.0',
        action_p90: '1500.0',
        waiting_high: 4,
      }),
    ],
    autoReplied: 25,
  });

/** Every lead followed up, but slowly: 3 h 6 min at the median, more than two days for one in ten. */
export const slowFollowUp = (p90: string | null = '3060.0'): GrowthAnalysis =>
  analysisOf({
    totals: {
      total: 150,
      high: 20,
      medium: 80,
      low: 50,
      en: 140,
      fr: 10,
      en_converted: 12,
      fr_converted: 0,
      first_lead_at: LONG_AGO,
      period_leads: 12,
      previous_leads: 11,
      period_high: 2,
      previous_high: 2,
      period_triaged: 12,
      previous_triaged: 11,
      period_converted: 1,
      period_en: 11,
      period_fr: 1,
      baseline_leads: 44,
      anomaly_leads: 88,
      anomaly_high: 16,
    },
    intents: [
      intentRow('quote_request', { leads: 40, converted: 8, period: 5, previous: 5, anomaly: 40 }),
      intentRow('service_inquiry', { leads: 60, converted: 4, period: 4, previous: 4, anomaly: 32 }),
      intentRow('support_request', { leads: 50, converted: 0, period: 3, previous: 2, anomaly: 16 }),
    ],
    days: daysOf([10, 11, 12, 11, 10, 12, 11, 12, 10, 11, 11, 12]),
    speed: [
      speedAll({
        reply_leads: 12,
        reply_median: '0.6',
        reply_p90: '1.0',
        action_leads: 12,
        action_median: '186.0',
        action_p90: p90,
      }),
    ],
    autoReplied: 12,
  });

/** Eight leads this week, the automatic reply went out to each, and no one followed up on any. */
export const noFollowUp = (): GrowthAnalysis =>
  analysisOf({
    totals: {
      total: 60,
      high: 6,
      medium: 30,
      low: 24,
      en: 60,
      en_converted: 2,
      first_lead_at: LONG_AGO,
      period_leads: 8,
      previous_leads: 7,
      period_high: 2,
      previous_high: 1,
      period_triaged: 8,
      previous_triaged: 7,
      period_en: 8,
      baseline_leads: 30,
      anomaly_leads: 56,
      anomaly_high: 8,
    },
    intents: [intentRow('service_inquiry', { leads: 60, converted: 2, period: 8, previous: 7, anomaly: 56 })],
    days: daysOf([7, 8, 7, 7, 6, 8, 7, 7, 7, 7, 7, 8]),
    speed: [speedAll({ reply_leads: 8, reply_median: '0.7', reply_p90: '1.2', waiting_high: 2 })],
    autoReplied: 8,
  });

/** A drop: 3 leads this week against a usual 10, each followed up within the hour. */
export const volumeDrop = (): GrowthAnalysis =>
  analysisOf({
    totals: {
      total: 400,
      high: 40,
      medium: 200,
      low: 160,
      en: 360,
      fr: 40,
      en_converted: 30,
      fr_converted: 2,
      first_lead_at: LONG_AGO,
      period_leads: 3,
      previous_leads: 11,
      period_high: 0,
      previous_high: 1,
      period_triaged: 3,
      previous_triaged: 11,
      period_en: 3,
      baseline_leads: 41,
      anomaly_leads: 80,
      anomaly_high: 8,
    },
    intents: [
      intentRow('quote_request', { leads: 250, converted: 25, period: 2, previous: 7, anomaly: 50 }),
      intentRow('service_inquiry', { leads: 150, converted: 7, period: 1, previous: 4, anomaly: 30 }),
    ],
    days: daysOf([10, 9, 11, 10, 10, 9, 10, 11, 10, 10, 11, 3]),
    speed: [
      speedAll({
        reply_leads: 3,
        reply_median: '0.5',
        reply_p90: '0.9',
        action_leads: 3,
        action_median: '42.5',
        action_p90: '55.0',
      }),
    ],
    autoReplied: 3,
  });

/** A new client: four leads in ten days, one this week, answered in half an hour. */
export const quietClient = (): GrowthAnalysis =>
  analysisOf({
    totals: {
      total: 4,
      medium: 3,
      low: 1,
      en: 4,
      first_lead_at: '2026-11-20T15:00:00.000Z',
      period_leads: 1,
      previous_leads: 3,
      period_triaged: 1,
      previous_triaged: 3,
      period_en: 1,
      baseline_leads: 3,
      anomaly_leads: 3,
    },
    intents: [
      intentRow('service_inquiry', { leads: 3, period: 1, previous: 2, anomaly: 2 }),
      intentRow('quote_request', { leads: 1, previous: 1, anomaly: 1 }),
    ],
    days: [
      { day: 0, leads: 1, high: 0, converted: 0, confidence_hundredths: 90, confidence_leads: 1 },
      { day: 8, leads: 2, high: 0, converted: 0, confidence_hundredths: 170, confidence_leads: 2 },
      { day: 9, leads: 1, high: 0, converted: 0, confidence_hundredths: 80, confidence_leads: 1 },
    ],
    speed: [
      speedAll({
        reply_leads: 1,
        reply_median: '0.4',
        reply_p90: '0.4',
        action_leads: 1,
        action_median: '30.0',
        action_p90: '30.0',
      }),
    ],
    autoReplied: 1,
  });

/** A bilingual market: 40 % of the leads write in French; follow-ups in 45 minutes. */
export const frenchClient = (): GrowthAnalysis =>
  analysisOf({
    totals: {
      total: 50,
      high: 5,
      medium: 25,
      low: 20,
      en: 30,
      fr: 20,
      en_converted: 2,
      fr_converted: 2,
      first_lead_at: LONG_AGO,
      period_leads: 6,
      previous_leads: 6,
      period_high: 1,
      previous_high: 1,
      period_triaged: 6,
      previous_triaged: 6,
      period_converted: 1,
      period_en: 3,
      period_fr: 3,
      baseline_leads: 22,
      anomaly_leads: 40,
      anomaly_high: 4,
    },
    intents: [
      intentRow('booking_request', { leads: 30, converted: 0, period: 4, previous: 4, anomaly: 24 }),
      intentRow('general_question', { leads: 20, converted: 4, period: 2, previous: 2, anomaly: 16 }),
    ],
    days: daysOf([5, 6, 5, 5, 6, 5, 6, 5, 5, 6, 6, 6]),
    speed: [
      speedAll({
        reply_leads: 6,
        reply_median: '0.5',
        reply_p90: '0.8',
        action_leads: 6,
        action_median: '45.0',
        action_p90: '58.3',
      }),
    ],
    autoReplied: 6,
  });

/** 25 leads so far, none tagged Converted. */
export const noConversion = (): GrowthAnalysis =>
  analysisOf({
    totals: {
      total: 25,
      medium: 15,
      low: 10,
      en: 25,
      first_lead_at: '2026-10-20T15:00:00.000Z',
      period_leads: 5,
      previous_leads: 4,
      period_triaged: 5,
      previous_triaged: 4,
      period_en: 5,
      baseline_leads: 16,
      anomaly_leads: 20,
    },
    intents: [intentRow('quote_request', { leads: 25, period: 5, previous: 4, anomaly: 20 })],
    days: daysOf([0, 0, 0, 0, 0, 0, 0, 4, 4, 4, 4, 5]),
    speed: [
      speedAll({
        reply_leads: 5,
        reply_median: '0.5',
        reply_p90: '0.7',
        action_leads: 5,
        action_median: '20.0',
        action_p90: '35.0',
      }),
    ],
    autoReplied: 5,
  });

/**
 * A large franchise: figures in the thousands (digit groups in both languages), a median
 * follow-up past a day, and complaints at 1 234 against a usual 120.
 */
export const franchise = (): GrowthAnalysis =>
  analysisOf({
    totals: {
      total: 123_456,
      high: 20_000,
      medium: 60_000,
      low: 43_456,
      en: 70_000,
      fr: 53_456,
      en_converted: 7_000,
      fr_converted: 5_000,
      first_lead_at: LONG_AGO,
      period_leads: 4_321,
      previous_leads: 3_210,
      period_high: 1_500,
      previous_high: 700,
      period_triaged: 4_321,
      previous_triaged: 3_210,
      period_converted: 400,
      period_en: 2_400,
      period_fr: 1_921,
      baseline_leads: 12_800,
      anomaly_leads: 25_600,
      anomaly_high: 5_600,
    },
    intents: [
      intentRow('quote_request', { leads: 50_000, converted: 6_000, period: 1_800, previous: 1_200, anomaly: 9_600 }),
      intentRow('complaint', { leads: 8_000, converted: 0, period: 1_234, previous: 150, anomaly: 963 }),
      intentRow('booking_request', { leads: 30_000, converted: 5_000, period: 900, previous: 1_000, anomaly: 8_000 }),
    ],
    days: daysOf([3100, 3200, 3150, 3300, 3250, 3200, 3180, 3220, 3190, 3260, 3210, 4321]),
    speed: [
      speedAll({
        reply_leads: 3_500,
        reply_median: '0.9',
        reply_p90: '2.5',
        action_leads: 3_900,
        action_median: '1530.0',
        action_p90: '10085.0',
        waiting_high: 1_050,
      }),
    ],
    autoReplied: 3_500,
  });

/** A client whose form has not brought a single lead yet. */
export const noLead = (): GrowthAnalysis => analysisOf({});
