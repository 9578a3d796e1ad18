/**
 * The JSON of the learning loop's API: the lead page's corrections (any client) and the
 * staff screens Learning, Prompts and System (internal accounts, under /api/app/staff).
 * Shared by the Worker (worker/features/learning) and the dashboard. Types only.
 */
import type { AbTestStatus, EvolutionType, IntentKey, Language, LeadTone, MetricSource, Urgency } from './vocabulary';

/** The triage fields a client can correct on the lead page. */
export const CORRECTABLE_FIELDS = ['intent', 'urgency', 'tone', 'language'] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

/** `POST /api/app/leads/:id/correction`: at least one field; a field equal to the lead's is no change. */
export interface CorrectionRequest {
  intent?: IntentKey;
  urgency?: Urgency;
  tone?: LeadTone;
  language?: Language;
}

/** One field of a correction: the value before and after. */
export interface FieldChange {
  field: CorrectableField;
  from: string | null;
  to: string;
}

/**
 * How a prediction (a `feedback_tracking` row of action `system_performance`) was resolved,
 * kept in its `context_data.resolvedBy`:
 * - `correction`: the client changed a field (outcome negative);
 * - `confirmation`: the client opened the correction form and kept every value (positive);
 * - `conversion`: the lead was tagged Converted without a correction (positive);
 * - `spam_verdict`: the client's spam / not-spam call agreed (positive) or not (negative);
 * - `archived`: archived with no other human action (neutral: it says nothing of the triage);
 * - `timeout`: nobody touched it for 30 days (neutral).
 */
export const RESOLUTIONS = ['correction', 'confirmation', 'conversion', 'spam_verdict', 'archived', 'timeout'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

/** `POST /api/app/leads/:id/correction` answers with what changed (empty when nothing did). */
export interface CorrectionView {
  changes: FieldChange[];
}

/** Accuracy of one engine on one day: resolved predictions with a verdict (neutral ones excluded). */
export interface AccuracyPoint {
  day: string;
  engine: 'openai' | 'offline';
  judged: number;
  /** Mean share of the four fields that stood, 0–1. */
  accuracy: number | null;
}

export interface VariantAccuracy {
  variantId: string;
  judged: number;
  accuracy: number | null;
  /** Share of judged predictions the client corrected. */
  correctionRate: number | null;
}

export interface CorrectionFeedItem {
  feedbackId: string;
  at: string;
  clientName: string;
  /** An excerpt of the lead's message (at most 160 characters). */
  excerpt: string;
  changes: FieldChange[];
  engine: 'openai' | 'offline';
  variantId: string | null;
}

/** `GET /api/app/staff/learning?days=30` (7–180). Across all clients, test leads excluded. */
export interface LearningView {
  days: number;
  predictions: number;
  judged: number;
  corrected: number;
  correctionRate: number | null;
  accuracyByDay: AccuracyPoint[];
  byVariant: VariantAccuracy[];
  /** Predicted intent × the intent the client set; the diagonal is confirmations. */
  confusion: { predicted: IntentKey; actual: IntentKey; count: number }[];
  corrections: CorrectionFeedItem[];
}

/** An A/B arm's figures, in `prompt_ab_tests.control_metrics` / `treatment_metrics`. */
export interface ArmMetrics {
  executions: number;
  quality: number | null;
  consistency: number | null;
  completeness: number | null;
  /** Predictions of this arm with a verdict, and how many the client corrected. */
  judged: number;
  corrected: number;
  correctionRate: number | null;
  conversions: number;
  conversionRate: number | null;
  latencyMsP50: number | null;
  tokensMean: number | null;
  costUsd: number;
}

/** Where a running test stands: still collecting, or why it stopped. */
export type AbDecision = 'draft' | 'collecting' | 'winner' | 'inconclusive' | 'cancelled';

export interface AbTestView {
  id: string;
  testName: string;
  promptName: string;
  language: Language;
  controlVariantId: string;
  treatmentVariantId: string;
  controlTrafficPercentage: number;
  status: AbTestStatus;
  decision: AbDecision;
  minSampleSize: number;
  maxDurationDays: number;
  significanceLevel: number;
  /** The always-valid p-value of the correction rates at the last look. */
  pValue: number | null;
  winnerVariantId: string | null;
  controlMetrics: ArmMetrics | null;
  treatmentMetrics: ArmMetrics | null;
  startedAt: string | null;
  endedAt: string | null;
}

export interface PromptVariantView {
  id: string;
  variantId: string;
  promptName: string;
  language: Language;
  version: number;
  text: string;
  score: number | null;
  usageCount: number;
  isActive: boolean;
  /** The variant new leads get outside a test: the best-scoring active one. */
  inUse: boolean;
  parentVariantId: string | null;
  createdAt: string;
}

export interface EvolutionView {
  id: string;
  parentVariantId: string;
  childVariantId: string;
  type: EvolutionType;
  strategy: string | null;
  improvementScore: number | null;
  evolvedAt: string;
}

/** `GET /api/app/staff/prompts`. */
export interface PromptsView {
  variants: PromptVariantView[];
  tests: AbTestView[];
  evolution: EvolutionView[];
  /** Whether mutation and crossover can run (they need OpenAI). */
  canEvolve: boolean;
}

/** `POST /api/app/staff/prompts/:variantId/edit` {text}: the child variant (manual_edit). */
export interface EditedVariantView {
  variant: PromptVariantView;
  evolution: EvolutionView;
}

/**
 * `POST /api/app/staff/ab-tests` {controlVariantId, treatmentVariantId, minSampleSize?,
 * maxDurationDays?, significanceLevel?, controlTrafficPercentage?, draft?}: starts it
 * (running), or keeps it as a draft that `POST /api/app/staff/ab-tests/:id/start` starts.
 * `POST /api/app/staff/ab-tests/:id/cancel`: cancels a draft or running test.
 * `POST /api/app/staff/prompts/:variantId/evolve` {type: 'mutation'|'crossover', otherVariantId?}.
 */
export interface AbTestCreated {
  test: AbTestView;
}

export interface ComponentDay {
  day: string;
  count: number;
  p50Ms: number | null;
  p95Ms: number | null;
  errorRate: number | null;
  /** Share of calls another engine answered (the AI fell back to offline); null where it cannot happen. */
  fallbackRate: number | null;
}

/** `GET /api/app/staff/system?days=14` (1–90), from performance_metrics (raw rows, then daily rollups). */
export interface SystemView {
  days: number;
  components: { component: MetricSource; total: Omit<ComponentDay, 'day'>; byDay: ComponentDay[] }[];
}
