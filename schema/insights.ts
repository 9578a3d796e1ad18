/**
 * What the weekly growth analysis computes (features/insights), stored in `growth_brain`
 * and answered by `GET /api/app/insights`. Types only, shared by the Worker and the
 * dashboard. Durations are in minutes, shares and rates in percent to one decimal, so the
 * numbers a recommendation quotes are the numbers stored here.
 */
import type { IntentKey, Language, LeadTone, Urgency } from './vocabulary';

/** Where a figure leads: a dashboard screen and the query string of its filters (no leading `?`). */
export interface InsightLink {
  screen: 'inbox' | 'activity' | 'settings';
  query: string;
}

export interface IntentName {
  key: IntentKey;
  en: string;
  fr: string;
}

/** One of the top intents: all-time count and share, and its count in the period against the one before. */
export interface TopIntent extends IntentName {
  count: number;
  /** Of the leads with an intent, in percent. */
  share: number;
  period: number;
  previous: number;
  /** (period − previous) / previous × 100, to one decimal; null when the previous period had none. */
  changePercent: number | null;
}

export interface ToneCount {
  tone: LeadTone;
  count: number;
}

/** A 7-day window counted back from the period's end (not a calendar week). */
export interface WeekBucket {
  /** The window's first instant (ISO 8601 UTC). */
  start: string;
  leads: number;
  high: number;
  converted: number;
  /** The mean confidence of the window's triaged leads, to three decimals; null when none. */
  avgConfidence: number | null;
}

/** Minutes from a lead's arrival to something, over the leads it happened to. */
export interface DurationStats {
  leads: number;
  median: number | null;
  p90: number | null;
}

export type UrgencyOrAll = Urgency | 'all';

/** Speed to lead over the period's leads, by urgency and for all of them. */
export interface SpeedToLead {
  autoReply: Record<UrgencyOrAll, DurationStats>;
  firstAction: Record<UrgencyOrAll, DurationStats>;
}

export interface ConversionRate {
  leads: number;
  converted: number;
  /** converted / leads × 100, to one decimal; null with no lead. */
  rate: number | null;
}

/** Next week's lead count, with its 80 % interval and the days it is made of. */
export interface Forecast {
  /** The first instant of the forecast week: the analysis period's end. */
  start: string;
  expected: number;
  low: number;
  high: number;
  /** Per day, in the order of the week (each day's share from the weekday profile). */
  days: { start: string; expected: number }[];
  /** How many complete weeks of history the model saw. */
  weeks: number;
  /** Mean absolute error of the same model's one-week-ahead forecasts over the history, when it had 4+ weeks. */
  backtestError: number | null;
}

/** A figure this period that is far from its usual level. */
export interface Anomaly {
  kind: 'intent' | 'high_urgency' | 'volume';
  /** The intent, for kind `intent`. */
  intent: IntentName | null;
  period: number;
  /** The weekly mean over the 8 weeks before the period, to one decimal. */
  average: number;
  /** period / average, to one decimal. */
  ratio: number;
  direction: 'up' | 'down';
}

export type EngagementTermKey = 'volume' | 'speed' | 'coverage' | 'conversion';

/** One term of the engagement score: its score (0–100), its weight, and the figure it comes from. */
export interface EngagementTerm {
  key: EngagementTermKey;
  weight: number;
  score: number | null;
  /** The input figure: leads this period vs the 4-week mean (volume), median minutes (speed), percent (coverage, conversion). */
  input: number | null;
}

/** The period and the one of equal length before it, which changes are measured against. */
export interface AnalysisPeriod {
  start: string;
  end: string;
  previousStart: string;
  days: number;
}

/** What the period held, against the period before. */
export interface PeriodCounts {
  leads: number;
  previousLeads: number;
  high: number;
  previousHigh: number;
  converted: number;
  /** Leads of the period that got the automatic reply. */
  autoReplied: number;
  /** High leads of the period no person has acted on, still in the active tab. */
  waitingHigh: number;
  /** Leads of the period in each language. */
  en: number;
  fr: number;
}

/** Everything the analysis adds to the documented columns (`growth_brain.figures`). */
export interface GrowthFigures {
  period: AnalysisPeriod;
  counts: PeriodCounts;
  /** The share of High leads this period and the one before, in percent; null with no triaged lead. */
  highShare: { period: number | null; previous: number | null };
  /** At least 12 windows, the oldest first, the last ending at the period's end. */
  weeks: WeekBucket[];
  speedToLead: SpeedToLead;
  conversionByIntent: (IntentName & ConversionRate)[];
  conversionByLanguage: Record<Language, ConversionRate>;
  forecast: Forecast | null;
  anomalies: Anomaly[];
  engagement: { score: number | null; terms: EngagementTerm[] };
}

/** A figure a recommendation rests on: where it is in the analysis, its value, and how the text shows it. */
export interface Evidence {
  label: string;
  /** Its path in the analysis, e.g. `figures.counts.waitingHigh`. */
  figure: string;
  value: number;
  /** The value as the text writes it ("3 h 6 min", "12,5 %"). */
  display: string;
}

/** One recommendation a business owner can act on this week, with the figures it rests on. */
export interface Recommendation {
  /** Stable across runs for the same kind of advice (e.g. `speed`, `anomaly:complaint`). */
  id: string;
  title: string;
  body: string;
  /** The figures quoted: every number in `title` and `body` is in one of their `display`s. */
  evidence: Evidence[];
  link: InsightLink | null;
}

export type InsightsEngine = 'openai' | 'offline';

/** `growth_brain.predictive_insights`: the recommendations in each language, and who wrote them. */
export interface PredictiveInsights {
  en: { recommendations: Recommendation[] };
  fr: { recommendations: Recommendation[] };
  engine: InsightsEngine | null;
}

/** The documented columns of one analysis, as the API answers them. */
export interface GrowthAnalysis {
  analysisPeriodStart: string;
  analysisPeriodEnd: string;
  totalLeads: number;
  topIntents: TopIntent[];
  urgencyDistribution: { high: number; medium: number; low: number };
  /** Percentage points: share of High this period minus the period before; null when either had no triaged lead. */
  urgencyTrendPercentage: number | null;
  toneDistribution: ToneCount[];
  /** 0–100: the tone-weighted mean (features/insights/engagement.ts `TONE_WEIGHTS`); null with no tone. */
  toneSentimentScore: number | null;
  avgConfidence: number | null;
  confidenceTrajectory: { at: string; value: number | null; leads: number }[];
  languageRatio: { en: number; fr: number };
  engagementScore: number | null;
  figures: GrowthFigures;
}
