/**
 * The growth analysis computed again, independently, from the rows a test inserted: plain
 * arrays and the definitions of the insights spec, never the Worker's code. Where a figure
 * would sit on a rounding tie, or where the definitions allow more than one reading (round
 * before or after a derived figure), the computation says so, in `risks` or in the
 * candidates it returns, so a test can prove its data avoids them.
 */
import type {
  Anomaly,
  DurationStats,
  EngagementTerm,
  PeriodCounts,
  SpeedToLead,
  ToneCount,
  TopIntent,
  UrgencyOrAll,
  WeekBucket,
} from '../../../schema/insights';
import {
  CONVERTED_TAG,
  type IntentKey,
  intentOf,
  type Language,
  type LeadActionType,
  type LeadTone,
  SPAM_FOLDER_INTENTS,
  type SpamVerdict,
  type Urgency,
} from '../../../schema/vocabulary';

export const DAY = 86_400_000;
export const MINUTE = 60_000;

/** One lead_memory row as a test inserts it; `key` also makes its email, to find its id back. */
export interface LeadRow {
  key: string;
  createdAt: Date;
  intent: IntentKey | null;
  urgency: Urgency | null;
  tone: LeadTone | null;
  /** Two decimals, as numeric(3, 2) stores it. */
  confidence: number | null;
  language: Language | null;
  tag: string | null;
  archived: boolean;
  deleted: boolean;
  isTest: boolean;
  isSpam: boolean;
  spamVerdict: SpamVerdict | null;
}

/** One lead_actions row, on the lead of `lead` (a LeadRow key). */
export interface ActionRow {
  lead: string;
  type: LeadActionType;
  by: string;
  at: Date;
  tag?: string;
}

export interface IntentNameOf {
  key: IntentKey;
  en: string;
  fr: string;
}

/** What the analysis must return, forecast aside (the brief leaves it to forecast.ts). */
export interface ExpectedAnalysis {
  analysisPeriodStart: string;
  analysisPeriodEnd: string;
  totalLeads: number;
  topIntents: TopIntent[];
  urgencyDistribution: { high: number; medium: number; low: number };
  urgencyTrendPercentage: number | null;
  toneDistribution: ToneCount[];
  toneSentimentScore: number | null;
  avgConfidence: number | null;
  confidenceTrajectory: { at: string; value: number | null; leads: number }[];
  languageRatio: { en: number; fr: number };
  engagementScore: number | null;
  figures: {
    period: { start: string; end: string; previousStart: string; days: number };
    counts: PeriodCounts;
    highShare: { period: number | null; previous: number | null };
    weeks: WeekBucket[];
    speedToLead: SpeedToLead;
    conversionByIntent: (IntentNameOf & { leads: number; converted: number; rate: number | null })[];
    conversionByLanguage: Record<Language, { leads: number; converted: number; rate: number | null }>;
    anomalies: Anomaly[];
    engagement: { score: number | null; terms: EngagementTerm[] };
  };
}

export interface Expectation {
  analysis: ExpectedAnalysis;
  /** Rounding ties and ambiguous orders met on the way (empty when the data avoids them). */
  risks: string[];
  /** The anomalies under each reading of "a, 1 decimal" (rounded a or exact a, for the test and for the ratio), distinct. */
  anomalyCandidates: Anomaly[][];
  /** The engagement under each reading (term scores from rounded or exact inputs, the mean of rounded or exact scores), distinct. */
  engagementCandidates: { score: number | null; terms: EngagementTerm[] }[];
}

export interface Scenario {
  leads: LeadRow[];
  actions: ActionRow[];
  clientIsTest: boolean;
  start: Date;
  end: Date;
}

// ---------------------------------------------------------------------------------------
// Arithmetic

/** Rounds half away from zero to `decimals`, noting a value that sits on (or within float noise of) a tie. */
function rounder(risks: string[]) {
  return (value: number, decimals: number, label: string): number => {
    const factor = 10 ** decimals;
    const scaled = Math.abs(value) * factor;
    const fraction = scaled - Math.floor(scaled);
    if (Math.abs(fraction - 0.5) < 1e-6) risks.push(`rounding tie: ${label} = ${value}`);
    const rounded = Math.round(scaled) / factor;
    return value < 0 ? -rounded : rounded;
  };
}

/** percentile_cont as Postgres computes it: linear interpolation between the closest ranks. */
export function percentileCont(values: number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = fraction * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const low = sorted[lower]!;
  const high = sorted[upper]!;
  return low + (high - low) * (position - lower);
}

const mean = (values: number[]): number | null =>
  values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0) / values.length;

const TONE_WEIGHTS: Record<LeadTone, number> = {
  Enthusiastic: 100,
  Friendly: 90,
  Professional: 80,
  Formal: 70,
  Casual: 60,
  Frustrated: 0,
};

const nameOf = (key: IntentKey): IntentNameOf => {
  const intent = intentOf(key);
  return { key, en: intent.en, fr: intent.fr };
};

/** The spec's "analysed lead", whatever its date: the client's, not deleted, not in the Spam folder, not a test unless the client is. */
export function inSpamFolder(lead: LeadRow): boolean {
  // coalesce(spam_verdict = 'spam', is_spam or intent in the Spam-folder intents)
  if (lead.spamVerdict !== null) return lead.spamVerdict === 'spam';
  return lead.isSpam || (lead.intent !== null && (SPAM_FOLDER_INTENTS as readonly string[]).includes(lead.intent));
}

export function counts(lead: LeadRow, clientIsTest: boolean, end: Date): boolean {
  return !lead.deleted && !inSpamFolder(lead) && (clientIsTest || !lead.isTest) && lead.createdAt < end;
}

// ---------------------------------------------------------------------------------------
// The analysis

export function expectAnalysis({ leads: allLeads, actions, clientIsTest, start, end }: Scenario): Expectation {
  const risks: string[] = [];
  const round = rounder(risks);
  const length = end.getTime() - start.getTime();
  const days = length / DAY;
  const previousStart = new Date(start.getTime() - length);
  const inRange = (lead: LeadRow, from: Date, to: Date) => lead.createdAt >= from && lead.createdAt < to;

  const leads = allLeads.filter((lead) => counts(lead, clientIsTest, end));
  const period = leads.filter((lead) => inRange(lead, start, end));
  const previous = leads.filter((lead) => inRange(lead, previousStart, start));
  const converted = (lead: LeadRow) => lead.tag === CONVERTED_TAG;
  const percent = (part: number, whole: number, label: string) => round((part / whole) * 100, 1, label);

  // All time -----------------------------------------------------------------------------
  const urgencyDistribution = {
    high: leads.filter((lead) => lead.urgency === 'High').length,
    medium: leads.filter((lead) => lead.urgency === 'Medium').length,
    low: leads.filter((lead) => lead.urgency === 'Low').length,
  };

  const toneCounts = new Map<LeadTone, number>();
  for (const lead of leads) if (lead.tone) toneCounts.set(lead.tone, (toneCounts.get(lead.tone) ?? 0) + 1);
  const toneDistribution = [...toneCounts]
    .map(([tone, count]) => ({ tone, count }))
    .sort((a, b) => b.count - a.count || (a.tone < b.tone ? -1 : a.tone > b.tone ? 1 : 0));
  const toned = leads.filter((lead) => lead.tone !== null);
  const toneSentimentScore =
    toned.length === 0
      ? null
      : round(toned.reduce((sum, lead) => sum + TONE_WEIGHTS[lead.tone!], 0) / toned.length, 1, 'toneSentimentScore');

  const confidences = (rows: LeadRow[]) => rows.flatMap((lead) => (lead.confidence === null ? [] : [lead.confidence]));
  const meanConfidence = (rows: LeadRow[], label: string) => {
    // In hundredths, so the mean is the exact rational Postgres' numeric avg gives.
    const value = mean(confidences(rows).map((confidence) => Math.round(confidence * 100)));
    return value === null ? null : round(value / 100, 3, label);
  };
  const avgConfidence = meanConfidence(leads, 'avgConfidence');

  const english = leads.filter((lead) => lead.language === 'en').length;
  const french = leads.filter((lead) => lead.language === 'fr').length;
  const languageRatio =
    english + french === 0
      ? { en: 0, fr: 0 }
      : {
          en: percent(english, english + french, 'languageRatio.en'),
          fr: percent(french, english + french, 'languageRatio.fr'),
        };

  const withIntent = leads.filter((lead) => lead.intent !== null);
  const byIntent = new Map<IntentKey, LeadRow[]>();
  for (const lead of withIntent) byIntent.set(lead.intent!, [...(byIntent.get(lead.intent!) ?? []), lead]);
  const intentOrder = [...byIntent].sort(
    ([keyA, rowsA], [keyB, rowsB]) => rowsB.length - rowsA.length || (keyA < keyB ? -1 : 1),
  );
  const topIntents: TopIntent[] = intentOrder.slice(0, 5).map(([key, rows]) => {
    const inPeriod = period.filter((lead) => lead.intent === key).length;
    const before = previous.filter((lead) => lead.intent === key).length;
    return {
      ...nameOf(key),
      count: rows.length,
      share: percent(rows.length, withIntent.length, `topIntents.${key}.share`),
      period: inPeriod,
      previous: before,
      changePercent: before === 0 ? null : round(((inPeriod - before) / before) * 100, 1, `changePercent.${key}`),
    };
  });

  const rate = (rows: LeadRow[], label: string) => ({
    leads: rows.length,
    converted: rows.filter(converted).length,
    rate: rows.length === 0 ? null : percent(rows.filter(converted).length, rows.length, label),
  });
  const conversionByIntent = intentOrder.map(([key, rows]) => ({
    ...nameOf(key),
    ...rate(rows, `conversionByIntent.${key}`),
  }));
  const conversionByLanguage = {
    en: rate(
      leads.filter((lead) => lead.language === 'en'),
      'conversionByLanguage.en',
    ),
    fr: rate(
      leads.filter((lead) => lead.language === 'fr'),
      'conversionByLanguage.fr',
    ),
  };

  // The period ----------------------------------------------------------------------------
  const actionsOf = new Map<string, ActionRow[]>();
  for (const action of actions) actionsOf.set(action.lead, [...(actionsOf.get(action.lead) ?? []), action]);
  const isPerson = (action: ActionRow) => action.by !== 'system' && action.by !== 'widget';
  const isAutoReply = (action: ActionRow) => action.type === 'replied' && action.by === 'system';
  const minutesTo = (lead: LeadRow, which: (action: ActionRow) => boolean): number | null => {
    const times = (actionsOf.get(lead.key) ?? []).filter(which).map((action) => action.at.getTime());
    if (times.length === 0) return null;
    return (Math.min(...times) - lead.createdAt.getTime()) / MINUTE;
  };

  const high = (rows: LeadRow[]) => rows.filter((lead) => lead.urgency === 'High').length;
  const periodCounts: PeriodCounts = {
    leads: period.length,
    previousLeads: previous.length,
    high: high(period),
    previousHigh: high(previous),
    converted: period.filter(converted).length,
    autoReplied: period.filter((lead) => (actionsOf.get(lead.key) ?? []).some(isAutoReply)).length,
    waitingHigh: period.filter(
      (lead) => lead.urgency === 'High' && !lead.archived && !(actionsOf.get(lead.key) ?? []).some(isPerson),
    ).length,
    en: period.filter((lead) => lead.language === 'en').length,
    fr: period.filter((lead) => lead.language === 'fr').length,
  };

  const exactShare = (rows: LeadRow[]) => {
    const triaged = rows.filter((lead) => lead.urgency !== null).length;
    return triaged === 0 ? null : (high(rows) / triaged) * 100;
  };
  const shareNow = exactShare(period);
  const shareBefore = exactShare(previous);
  const highShare = {
    period: shareNow === null ? null : round(shareNow, 1, 'highShare.period'),
    previous: shareBefore === null ? null : round(shareBefore, 1, 'highShare.previous'),
  };
  const urgencyTrendPercentage =
    shareNow === null || shareBefore === null ? null : round(shareNow - shareBefore, 1, 'urgencyTrendPercentage');

  // Weekly windows ------------------------------------------------------------------------
  const windowCount = Math.max(12, Math.ceil(days / 7));
  const weeks: WeekBucket[] = [];
  const confidenceTrajectory: ExpectedAnalysis['confidenceTrajectory'] = [];
  for (let i = windowCount - 1; i >= 0; i--) {
    const from = new Date(end.getTime() - 7 * (i + 1) * DAY);
    const to = new Date(end.getTime() - 7 * i * DAY);
    const rows = leads.filter((lead) => inRange(lead, from, to));
    const value = meanConfidence(rows, `weeks[${from.toISOString()}].avgConfidence`);
    weeks.push({
      start: from.toISOString(),
      leads: rows.length,
      high: high(rows),
      converted: rows.filter(converted).length,
      avgConfidence: value,
    });
    confidenceTrajectory.push({ at: from.toISOString(), value, leads: confidences(rows).length });
  }

  // Speed to lead -------------------------------------------------------------------------
  const stats = (values: number[], label: string): DurationStats => {
    const median = percentileCont(values, 0.5);
    const p90 = percentileCont(values, 0.9);
    return {
      leads: values.length,
      median: median === null ? null : round(median, 1, `${label}.median`),
      p90: p90 === null ? null : round(p90, 1, `${label}.p90`),
    };
  };
  const speedOf = (measure: (lead: LeadRow) => number | null, label: string): Record<UrgencyOrAll, DurationStats> => {
    const of = (rows: LeadRow[]) => rows.flatMap((lead) => (measure(lead) === null ? [] : [measure(lead)!]));
    return {
      High: stats(of(period.filter((lead) => lead.urgency === 'High')), `${label}.High`),
      Medium: stats(of(period.filter((lead) => lead.urgency === 'Medium')), `${label}.Medium`),
      Low: stats(of(period.filter((lead) => lead.urgency === 'Low')), `${label}.Low`),
      all: stats(of(period), `${label}.all`),
    };
  };
  for (const lead of period) {
    const reply = minutesTo(lead, isAutoReply);
    if (reply !== null && reply < 0) risks.push(`auto-reply before the lead: ${lead.key}`);
    if (lead.urgency === null && (reply !== null || minutesTo(lead, isPerson) !== null))
      risks.push(`untriaged lead with a speed (is it in "all"?): ${lead.key}`);
  }
  const speedToLead: SpeedToLead = {
    autoReply: speedOf((lead) => minutesTo(lead, isAutoReply), 'autoReply'),
    firstAction: speedOf((lead) => {
      const minutes = minutesTo(lead, isPerson);
      return minutes === null ? null : Math.max(0, minutes);
    }, 'firstAction'),
  };

  // Engagement ----------------------------------------------------------------------------
  const baselineStart = new Date(start.getTime() - 28 * DAY);
  const baselineCount = leads.filter((lead) => inRange(lead, baselineStart, start)).length;
  const pace = (baselineCount / 4) * (days / 7);
  const n = period.length;
  // No lead in the period nor in the 28 days before: no pace to score.
  const volumeScore =
    n === 0 && pace === 0 ? null : Math.min(100, Math.max(0, 50 + (50 * (n - pace)) / Math.max(pace, 1)));
  const medianAction = speedToLead.firstAction.all.median;
  const coverageExact = n === 0 ? null : (periodCounts.autoReplied / n) * 100;
  const conversionExact = n === 0 ? null : (periodCounts.converted / n) * 100;
  const coverageInput = coverageExact === null ? null : round(coverageExact, 1, 'engagement.coverage.input');
  const conversionInput = conversionExact === null ? null : round(conversionExact, 1, 'engagement.conversion.input');

  const engagementCandidates: Expectation['engagementCandidates'] = [];
  for (const inputsRounded of [true, false]) {
    for (const termsRounded of [true, false]) {
      const quiet: string[] = [];
      const quietRound = rounder(quiet);
      const coverage = inputsRounded ? coverageInput : coverageExact;
      const conversion = inputsRounded ? conversionInput : conversionExact;
      const exactScores: Record<string, number | null> = {
        volume: volumeScore,
        speed: n === 0 ? null : medianAction === null ? 0 : (100 * 120) / (120 + medianAction),
        coverage,
        conversion: conversion === null ? null : Math.min(100, 5 * conversion),
      };
      const inputs: Record<string, number | null> = {
        volume: n,
        speed: n === 0 ? null : medianAction,
        coverage: coverageInput,
        conversion: conversionInput,
      };
      const terms: EngagementTerm[] = (['volume', 'speed', 'coverage', 'conversion'] as const).map((key) => ({
        key,
        weight: 0.25,
        score: exactScores[key] === null ? null : quietRound(exactScores[key]!, 1, `engagement.${key}.score`),
        input: inputs[key]!,
      }));
      const present = (['volume', 'speed', 'coverage', 'conversion'] as const).filter(
        (key) => exactScores[key] !== null,
      );
      const scoreOf = (key: string) =>
        termsRounded ? terms.find((term) => term.key === key)!.score! : exactScores[key]!;
      const score =
        present.length === 0
          ? null
          : quietRound(
              present.reduce((sum, key) => sum + 0.25 * scoreOf(key), 0) / (0.25 * present.length),
              1,
              'engagement.score',
            );
      if (inputsRounded && termsRounded) risks.push(...quiet);
      const candidate = { score, terms };
      if (!engagementCandidates.some((known) => JSON.stringify(known) === JSON.stringify(candidate)))
        engagementCandidates.push(candidate);
    }
  }

  // Anomalies -----------------------------------------------------------------------------
  const historyStart = new Date(start.getTime() - 8 * length);
  const history = leads.filter((lead) => inRange(lead, historyStart, start));
  const series: { kind: Anomaly['kind']; intent: IntentNameOf | null; p: number; total: number; down: boolean }[] = [];
  const intentsSeen = new Set<IntentKey>();
  for (const lead of [...period, ...history]) if (lead.intent) intentsSeen.add(lead.intent);
  for (const key of [...intentsSeen].sort()) {
    series.push({
      kind: 'intent',
      intent: nameOf(key),
      p: period.filter((lead) => lead.intent === key).length,
      total: history.filter((lead) => lead.intent === key).length,
      down: false,
    });
  }
  series.push({ kind: 'high_urgency', intent: null, p: high(period), total: high(history), down: false });
  series.push({ kind: 'volume', intent: null, p: period.length, total: history.length, down: true });

  const anomalyCandidates: Anomaly[][] = [];
  for (const testRounded of [true, false]) {
    for (const ratioRounded of [true, false]) {
      const quiet: string[] = [];
      const found: (Anomaly & { exactRatio: number; averageRisks: string[] })[] = [];
      for (const { kind, intent, p, total, down } of series) {
        const exact = total / 8;
        // A tie in the average matters only for an anomaly shown.
        const averageRisks: string[] = [];
        const shown = rounder(averageRisks)(exact, 1, `anomaly.${intent?.key ?? kind}.average`);
        const a = testRounded ? shown : exact;
        const divisor = ratioRounded ? shown : exact;
        let direction: Anomaly['direction'] | null = null;
        if (p >= 3 && a > 0 && p >= 2 * a) direction = 'up';
        else if (down && a >= 5 && p <= a / 2) direction = 'down';
        if (!direction) continue;
        found.push({
          kind,
          intent,
          period: p,
          average: shown,
          ratio: rounder(averageRisks)(p / divisor, 1, `anomaly.${intent?.key ?? kind}.ratio`),
          direction,
          exactRatio: p / divisor,
          averageRisks,
        });
      }
      if (found.some((a) => a.direction === 'up') && found.some((a) => a.direction === 'down'))
        quiet.push('anomalies up and down at once: which is stronger is not defined');
      // Strongest first: the highest ratio up, the lowest ratio down. Anomalies whose shown
      // ratios tie may come in either order: each order is a candidate.
      const strength = (a: { exactRatio: number; direction: string }) =>
        a.direction === 'up' ? a.exactRatio : 1 / a.exactRatio;
      found.sort((a, b) => strength(b) - strength(a));
      const groups: (typeof found)[] = [];
      for (const anomaly of found) {
        const last = groups.at(-1);
        if (last && last[0]!.ratio === anomaly.ratio && last[0]!.direction === anomaly.direction) last.push(anomaly);
        else groups.push([anomaly]);
      }
      const permutations = <T>(items: T[]): T[][] =>
        items.length <= 1
          ? [items]
          : items.flatMap((item, i) =>
              permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
            );
      let orders: (typeof found)[] = [[]];
      for (const group of groups) {
        orders = orders.flatMap((order) => permutations(group).map((perm) => [...order, ...perm]));
      }
      for (const order of orders) {
        const shownList = order.slice(0, 3);
        if (testRounded && ratioRounded) for (const anomaly of shownList) quiet.push(...anomaly.averageRisks);
        const list = shownList.map(({ exactRatio: _, averageRisks: __, ...anomaly }) => anomaly);
        if (!anomalyCandidates.some((known) => JSON.stringify(known) === JSON.stringify(list)))
          anomalyCandidates.push(list);
      }
      if (testRounded && ratioRounded) risks.push(...new Set(quiet));
    }
  }

  const engagement = engagementCandidates[0]!;
  return {
    analysis: {
      analysisPeriodStart: start.toISOString(),
      analysisPeriodEnd: end.toISOString(),
      totalLeads: leads.length,
      topIntents,
      urgencyDistribution,
      urgencyTrendPercentage,
      toneDistribution,
      toneSentimentScore,
      avgConfidence,
      confidenceTrajectory,
      languageRatio,
      engagementScore: engagement.score,
      figures: {
        period: {
          start: start.toISOString(),
          end: end.toISOString(),
          previousStart: previousStart.toISOString(),
          days,
        },
        counts: periodCounts,
        highShare,
        weeks,
        speedToLead,
        conversionByIntent,
        conversionByLanguage,
        anomalies: anomalyCandidates[0]!,
        engagement,
      },
    },
    risks,
    anomalyCandidates,
    engagementCandidates,
  };
}
