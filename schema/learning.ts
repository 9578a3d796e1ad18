import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { clients } from './clients';
import { createdAt, id, nonNegative, nowPlus, oneOf, within } from './columns';
import type { GrowthAnalysis, GrowthFigures, PredictiveInsights, ToneCount, TopIntent } from './insights';
import { leadMemory } from './leads';
import type { CorrectableField, Resolution } from './learning-api';
import {
  FEEDBACK_ACTION_TYPES,
  FEEDBACK_OUTCOMES,
  type IntentKey,
  type Language,
  type LeadTone,
  METRIC_EVENT_TYPES,
  METRIC_NAMES,
  METRIC_SOURCES,
  METRIC_UNITS,
  type Urgency,
} from './vocabulary';

/** The four triage fields a prediction makes and a client can correct. */
export interface TriageLabels {
  intent: IntentKey;
  urgency: Urgency;
  tone: LeadTone;
  language: Language;
}

/** Weekly insights per client: one row per client, upserted on `client_id`. */
export const growthBrain = pgTable(
  'growth_brain',
  {
    id: id(),
    clientId: uuid('client_id')
      .notNull()
      .references(() => clients.id, { onDelete: 'cascade' }),
    analysisPeriodStart: timestamp('analysis_period_start', { withTimezone: true }).notNull(),
    analysisPeriodEnd: timestamp('analysis_period_end', { withTimezone: true }).notNull(),
    totalLeads: integer('total_leads').notNull().default(0),
    topIntents: jsonb('top_intents').$type<TopIntent[]>().notNull().default([]),
    urgencyDistribution: jsonb('urgency_distribution')
      .$type<{ high: number; medium: number; low: number }>()
      .notNull()
      .default({ high: 0, medium: 0, low: 0 }),
    /** Week-over-week change of the share of High leads, in percentage points (schema/insights.ts). */
    urgencyTrendPercentage: numeric('urgency_trend_percentage', { precision: 7, scale: 2, mode: 'number' }),
    toneDistribution: jsonb('tone_distribution').$type<ToneCount[]>().notNull().default([]),
    toneSentimentScore: numeric('tone_sentiment_score', { precision: 5, scale: 2, mode: 'number' }),
    avgConfidence: numeric('avg_confidence', { precision: 4, scale: 3, mode: 'number' }),
    confidenceTrajectory: jsonb('confidence_trajectory')
      .$type<GrowthAnalysis['confidenceTrajectory']>()
      .notNull()
      .default([]),
    languageRatio: jsonb('language_ratio').$type<{ en: number; fr: number }>().notNull().default({ en: 0, fr: 0 }),
    engagementScore: numeric('engagement_score', { precision: 5, scale: 2, mode: 'number' }),
    predictiveInsights: jsonb('predictive_insights')
      .$type<PredictiveInsights>()
      .notNull()
      .default({ en: { recommendations: [] }, fr: { recommendations: [] }, engine: null }),
    /** Not in the database documentation: what the analysis adds (speed to lead, conversion, forecast, anomalies). */
    figures: jsonb('figures').$type<GrowthFigures>(),
    analyzedAt: timestamp('analyzed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('growth_brain_client_unique').on(t.clientId),
    nonNegative('growth_brain_total_leads_check', t.totalLeads),
    within('growth_brain_tone_sentiment_check', t.toneSentimentScore, 0, 100),
    within('growth_brain_avg_confidence_check', t.avgConfidence, 0, 1),
    within('growth_brain_engagement_check', t.engagementScore, 0, 100),
    check('growth_brain_period_check', sql`${t.analysisPeriodEnd} >= ${t.analysisPeriodStart}`),
  ],
);

/**
 * `context_data` of a prediction (`action_type` system_performance), written by
 * features/learning: what the engine said when the lead was triaged and, once resolved
 * (`processed_at` set), what the client's actions say it is.
 */
export interface PredictionContext {
  prediction: TriageLabels;
  engine: 'openai' | 'offline';
  /** The prompt variant the lead was given (the offline engine ignores it). */
  variantId: string;
  fellBackFrom: 'openai' | 'offline' | null;
  resolvedBy?: Resolution;
  /** The labels after the resolution: the client's where they corrected, the prediction's elsewhere. */
  actual?: TriageLabels;
  corrected?: CorrectableField[];
  /** Share of the four fields that stood, 0–1; null for a neutral resolution (it says nothing). */
  accuracy?: number | null;
}

/** Every AI prediction and its outcome; rows expire after a year. */
export const feedbackTracking = pgTable(
  'feedback_tracking',
  {
    id: id(),
    leadId: uuid('lead_id'),
    clientId: uuid('client_id').references(() => clients.id, { onDelete: 'cascade' }),
    actionType: text('action_type', { enum: FEEDBACK_ACTION_TYPES }).notNull(),
    outcome: text('outcome', { enum: FEEDBACK_OUTCOMES }).notNull(),
    confidenceScore: numeric('confidence_score', { precision: 4, scale: 3, mode: 'number' }),
    impactScore: smallint('impact_score'),
    contextData: jsonb('context_data').$type<Record<string, unknown>>().notNull().default({}),
    notes: text('notes'),
    notesEn: text('notes_en'),
    notesFr: text('notes_fr'),
    learningApplied: boolean('learning_applied').notNull().default(false),
    learningImpact: numeric('learning_impact', { precision: 4, scale: 3, mode: 'number' }),
    processedAt: timestamp('processed_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull().default(nowPlus('1 year')),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({
      name: 'feedback_tracking_lead_fk',
      columns: [t.leadId, t.clientId],
      foreignColumns: [leadMemory.id, leadMemory.clientId],
    }).onDelete('cascade'),
    index('feedback_tracking_client_created_idx').on(t.clientId, t.createdAt.desc()),
    index('feedback_tracking_lead_idx').on(t.leadId),
    index('feedback_tracking_expires_idx').on(t.expiresAt),
    index('feedback_tracking_unprocessed_idx').on(t.createdAt).where(sql`not ${t.learningApplied}`),
    // The 30-day timeout's scan: predictions nobody has resolved yet.
    index('feedback_tracking_pending_idx')
      .on(t.createdAt)
      .where(sql`${t.processedAt} is null and ${t.actionType} = 'system_performance'`),
    // A client's corrections, newest first, read on every triage (features/learning).
    index('feedback_tracking_corrections_idx')
      .on(t.clientId, t.processedAt.desc())
      .where(sql`${t.outcome} = 'negative' and ${t.actionType} = 'system_performance'`),
    oneOf('feedback_tracking_action_type_check', t.actionType, FEEDBACK_ACTION_TYPES),
    oneOf('feedback_tracking_outcome_check', t.outcome, FEEDBACK_OUTCOMES),
    within('feedback_tracking_confidence_check', t.confidenceScore, 0, 1),
    within('feedback_tracking_impact_check', t.impactScore, -100, 100),
    within('feedback_tracking_learning_impact_check', t.learningImpact, 0, 1),
    // A composite foreign key with a NULL member is not checked, so a lead needs its client.
    check('feedback_tracking_lead_client_check', sql`${t.leadId} is null or ${t.clientId} is not null`),
  ],
);

/** Response times, accuracy and error counts of every component. */
export const performanceMetrics = pgTable(
  'performance_metrics',
  {
    id: id(),
    eventType: text('event_type', { enum: METRIC_EVENT_TYPES }).notNull(),
    metricName: text('metric_name', { enum: METRIC_NAMES }).notNull(),
    metricValue: doublePrecision('metric_value').notNull(),
    metricUnit: text('metric_unit', { enum: METRIC_UNITS }).notNull(),
    responseTimeMs: integer('response_time_ms'),
    successRate: numeric('success_rate', { precision: 4, scale: 3, mode: 'number' }),
    aiAccuracy: numeric('ai_accuracy', { precision: 4, scale: 3, mode: 'number' }),
    errorCount: integer('error_count').notNull().default(0),
    sourceComponent: text('source_component', { enum: METRIC_SOURCES }).notNull(),
    clientId: uuid('client_id').references(() => clients.id, { onDelete: 'cascade' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    metadata: jsonb('metadata').$type<Record<string, unknown>>().notNull().default({}),
    errorMessageEn: text('error_message_en'),
    errorMessageFr: text('error_message_fr'),
  },
  (t) => [
    index('performance_metrics_client_recorded_idx').on(t.clientId, t.recordedAt.desc()),
    index('performance_metrics_event_recorded_idx').on(t.eventType, t.metricName, t.recordedAt.desc()),
    oneOf('performance_metrics_event_type_check', t.eventType, METRIC_EVENT_TYPES),
    oneOf('performance_metrics_metric_name_check', t.metricName, METRIC_NAMES),
    oneOf('performance_metrics_metric_unit_check', t.metricUnit, METRIC_UNITS),
    oneOf('performance_metrics_source_check', t.sourceComponent, METRIC_SOURCES),
    nonNegative('performance_metrics_response_time_check', t.responseTimeMs),
    nonNegative('performance_metrics_error_count_check', t.errorCount),
    within('performance_metrics_success_rate_check', t.successRate, 0, 1),
    within('performance_metrics_ai_accuracy_check', t.aiAccuracy, 0, 1),
  ],
);
