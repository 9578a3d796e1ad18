import type {
  ConversionRate,
  DurationStats,
  GrowthAnalysis,
  SpeedToLead,
  ToneCount,
  TopIntent,
  UrgencyOrAll,
  WeekBucket,
} from '../../../schema/insights';
import { URGENCIES } from '../../../schema/vocabulary';
import { findAnomalies } from './anomalies';
import { engagementScore, engagementTerms, toneSentimentScore } from './engagement';
import { forecastNextWeek } from './forecast';
import { percent, round } from './numbers';
import type { AnalysisRows, DayRow, IntentRow, SpeedRow } from './statements';
import { BASELINE_DAYS, type WindowBounds, weekStart } from './window';

/** The analysis from its statements' rows, without I/O: the shapes, shares, scores and forecast. */

export const TOP_INTENTS = 5;

const numberOrNull = (text: string | null): number | null => (text === null ? null : Number(text));

function topIntents(rows: readonly IntentRow[]): TopIntent[] {
  const withIntent = rows.reduce((sum, row) => sum + row.leads, 0);
  return [...rows]
    .sort((a, b) => b.leads - a.leads || a.intent_key.localeCompare(b.intent_key))
    .slice(0, TOP_INTENTS)
    .map((row) => ({
      key: row.intent_key,
      en: row.intent_en,
      fr: row.intent_fr,
      count: row.leads,
      share: percent(row.leads, withIntent) ?? 0,
      period: row.period,
      previous: row.previous,
      changePercent: row.previous === 0 ? null : round(((row.period - row.previous) / row.previous) * 100, 1),
    }));
}

const rate = (leads: number, converted: number): ConversionRate => ({
  leads,
  converted,
  rate: percent(converted, leads),
});

function toneDistribution(rows: AnalysisRows['tones']): ToneCount[] {
  return rows
    .map(({ tone, count }) => ({ tone, count }))
    .sort((a, b) => b.count - a.count || a.tone.localeCompare(b.tone));
}

/** The weekly windows, the oldest first, from the per-day rows, each with how many of its leads had a confidence. */
function weekBuckets(days: readonly DayRow[], bounds: WindowBounds): { bucket: WeekBucket; scored: number }[] {
  const sums = Array.from({ length: bounds.weeks }, () => ({
    leads: 0,
    high: 0,
    converted: 0,
    hundredths: 0,
    scored: 0,
  }));
  for (const day of days) {
    const sum = sums[Math.floor(day.day / 7)];
    if (!sum) continue;
    sum.leads += day.leads;
    sum.high += day.high;
    sum.converted += day.converted;
    sum.hundredths += day.confidence_hundredths;
    sum.scored += day.confidence_leads;
  }
  return sums
    .map((sum, index) => ({
      bucket: {
        start: weekStart(bounds.end, index).toISOString(),
        leads: sum.leads,
        high: sum.high,
        converted: sum.converted,
        avgConfidence: sum.scored === 0 ? null : round(sum.hundredths / 100 / sum.scored, 3),
      },
      scored: sum.scored,
    }))
    .reverse();
}

function durations(row: SpeedRow | undefined, kind: 'reply' | 'action'): DurationStats {
  if (!row) return { leads: 0, median: null, p90: null };
  return kind === 'reply'
    ? { leads: row.reply_leads, median: numberOrNull(row.reply_median), p90: numberOrNull(row.reply_p90) }
    : { leads: row.action_leads, median: numberOrNull(row.action_median), p90: numberOrNull(row.action_p90) };
}

function speedToLead(rows: readonly SpeedRow[]): SpeedToLead {
  const find = (urgency: UrgencyOrAll) =>
    rows.find((row) => (urgency === 'all' ? row.is_all : !row.is_all && row.urgency === urgency));
  const table = (kind: 'reply' | 'action') =>
    Object.fromEntries(
      (['all', ...URGENCIES] as const).map((urgency) => [urgency, durations(find(urgency), kind)]),
    ) as Record<UrgencyOrAll, DurationStats>;
  return { autoReply: table('reply'), firstAction: table('action') };
}

/**
 * The forecast's history: the complete weekly windows since the client's first lead (the
 * window it arrived in is partial, and left out), and their days.
 */
function forecastHistory(weeks: readonly WeekBucket[], days: readonly DayRow[], firstLeadAt: Date | null) {
  if (!firstLeadAt) return { weekly: [], daily: [] };
  const complete = weeks.filter((week) => new Date(week.start).getTime() >= firstLeadAt.getTime());
  const daily = Array.from({ length: complete.length * 7 }, () => 0);
  for (const day of days) if (day.day < daily.length) daily[day.day] = day.leads;
  return { weekly: complete.map((week) => week.leads), daily };
}

export function assembleAnalysis(rows: AnalysisRows, bounds: WindowBounds): GrowthAnalysis {
  const { totals } = rows;
  const series = weekBuckets(rows.days, bounds);
  const weeks = series.map(({ bucket }) => bucket);
  const speed = speedToLead(rows.speed);
  const all = rows.speed.find((row) => row.is_all);
  const tones = toneDistribution(rows.tones);
  const highShare = {
    period: totals.period_triaged === 0 ? null : (totals.period_high / totals.period_triaged) * 100,
    previous: totals.previous_triaged === 0 ? null : (totals.previous_high / totals.previous_triaged) * 100,
  };
  const firstLeadAt = totals.first_lead_at === null ? null : new Date(totals.first_lead_at);
  const terms = engagementTerms({
    periodLeads: totals.period_leads,
    baselineLeads: (totals.baseline_leads / (BASELINE_DAYS / 7)) * (bounds.days / 7),
    firstActionMedian: speed.firstAction.all.median,
    autoReplied: rows.autoReplied,
    converted: totals.period_converted,
  });
  const languages = totals.en + totals.fr;
  const history = forecastHistory(weeks, rows.days, firstLeadAt);

  return {
    analysisPeriodStart: bounds.start.toISOString(),
    analysisPeriodEnd: bounds.end.toISOString(),
    totalLeads: totals.total,
    topIntents: topIntents(rows.intents),
    urgencyDistribution: { high: totals.high, medium: totals.medium, low: totals.low },
    urgencyTrendPercentage:
      highShare.period === null || highShare.previous === null ? null : round(highShare.period - highShare.previous, 1),
    toneDistribution: tones,
    toneSentimentScore: toneSentimentScore(tones),
    avgConfidence: numberOrNull(totals.avg_confidence),
    confidenceTrajectory: series.map(({ bucket, scored }) => ({
      at: bucket.start,
      value: bucket.avgConfidence,
      leads: scored,
    })),
    languageRatio: { en: percent(totals.en, languages) ?? 0, fr: percent(totals.fr, languages) ?? 0 },
    engagementScore: engagementScore(terms),
    figures: {
      period: {
        start: bounds.start.toISOString(),
        end: bounds.end.toISOString(),
        previousStart: bounds.previousStart.toISOString(),
        days: round(bounds.days, 2),
      },
      counts: {
        leads: totals.period_leads,
        previousLeads: totals.previous_leads,
        high: totals.period_high,
        previousHigh: totals.previous_high,
        converted: totals.period_converted,
        autoReplied: rows.autoReplied,
        waitingHigh: all?.waiting_high ?? 0,
        en: totals.period_en,
        fr: totals.period_fr,
      },
      highShare: {
        period: highShare.period === null ? null : round(highShare.period, 1),
        previous: highShare.previous === null ? null : round(highShare.previous, 1),
      },
      weeks,
      speedToLead: speed,
      conversionByIntent: [...rows.intents]
        .sort((a, b) => b.leads - a.leads || a.intent_key.localeCompare(b.intent_key))
        .map((row) => ({
          key: row.intent_key,
          en: row.intent_en,
          fr: row.intent_fr,
          ...rate(row.leads, row.converted),
        })),
      conversionByLanguage: { en: rate(totals.en, totals.en_converted), fr: rate(totals.fr, totals.fr_converted) },
      forecast: forecastNextWeek({ end: bounds.end, ...history }),
      anomalies: findAnomalies([
        { kind: 'volume', intent: null, period: totals.period_leads, history: totals.anomaly_leads },
        { kind: 'high_urgency', intent: null, period: totals.period_high, history: totals.anomaly_high },
        ...rows.intents.map((row) => ({
          kind: 'intent' as const,
          intent: { key: row.intent_key, en: row.intent_en, fr: row.intent_fr },
          period: row.period,
          history: row.anomaly,
        })),
      ]),
      engagement: { score: engagementScore(terms), terms },
    },
  };
}
