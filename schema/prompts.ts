import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { clients } from './clients';
import { createdAt, id, nonNegative, oneOf, updatedAt, within } from './columns';
import { feedbackTracking } from './learning';
import { AB_TEST_STATUSES, EVOLUTION_TYPES, LANGUAGES, PROMPT_ENVIRONMENTS } from './vocabulary';

/** Every variant of every AI prompt, with its running score. */
export const promptRegistry = pgTable(
  'prompt_registry',
  {
    id: id(),
    promptName: text('prompt_name').notNull(),
    variantVersion: integer('variant_version').notNull().default(1),
    /** Human-readable unique id of the variant, e.g. "triage.fr.v2". */
    variantId: text('variant_id').notNull().unique('prompt_registry_variant_id_unique'),
    promptText: text('prompt_text').notNull(),
    language: text('language', { enum: LANGUAGES }).notNull(),
    score: numeric('score', { precision: 4, scale: 3, mode: 'number' }),
    usageCount: integer('usage_count').notNull().default(0),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('prompt_registry_name_language_version_unique').on(t.promptName, t.language, t.variantVersion),
    oneOf('prompt_registry_language_check', t.language, LANGUAGES),
    within('prompt_registry_score_check', t.score, 0, 1),
    nonNegative('prompt_registry_usage_count_check', t.usageCount),
    check('prompt_registry_variant_version_check', sql`${t.variantVersion} >= 1`),
  ],
);

/** One row per prompt execution: input, output, cost and quality. */
export const promptPerformance = pgTable(
  'prompt_performance',
  {
    id: id(),
    promptRegistryId: uuid('prompt_registry_id')
      .notNull()
      .references(() => promptRegistry.id, { onDelete: 'restrict' }),
    executionId: text('execution_id').notNull().unique('prompt_performance_execution_id_unique'),
    clientId: uuid('client_id').references(() => clients.id, { onDelete: 'cascade' }),
    inputData: jsonb('input_data').$type<Record<string, unknown>>().notNull().default({}),
    outputData: jsonb('output_data').$type<Record<string, unknown>>(),
    outputQualityScore: numeric('output_quality_score', { precision: 4, scale: 3, mode: 'number' }),
    responseTimeMs: integer('response_time_ms'),
    tokenCount: integer('token_count'),
    costUsd: numeric('cost_usd', { precision: 12, scale: 6, mode: 'number' }),
    accuracyScore: numeric('accuracy_score', { precision: 4, scale: 3, mode: 'number' }),
    consistencyScore: numeric('consistency_score', { precision: 4, scale: 3, mode: 'number' }),
    completenessScore: numeric('completeness_score', { precision: 4, scale: 3, mode: 'number' }),
    errorOccurred: boolean('error_occurred').notNull().default(false),
    errorMessage: text('error_message'),
    feedbackId: uuid('feedback_id').references(() => feedbackTracking.id, { onDelete: 'set null' }),
    userRating: smallint('user_rating'),
    executedAt: timestamp('executed_at', { withTimezone: true }).notNull().defaultNow(),
    environment: text('environment', { enum: PROMPT_ENVIRONMENTS }).notNull().default('production'),
  },
  (t) => [
    index('prompt_performance_prompt_executed_idx').on(t.promptRegistryId, t.executedAt.desc()),
    index('prompt_performance_client_executed_idx').on(t.clientId, t.executedAt.desc()),
    index('prompt_performance_feedback_idx').on(t.feedbackId),
    oneOf('prompt_performance_environment_check', t.environment, PROMPT_ENVIRONMENTS),
    within('prompt_performance_quality_check', t.outputQualityScore, 0, 1),
    within('prompt_performance_accuracy_check', t.accuracyScore, 0, 1),
    within('prompt_performance_consistency_check', t.consistencyScore, 0, 1),
    within('prompt_performance_completeness_check', t.completenessScore, 0, 1),
    within('prompt_performance_user_rating_check', t.userRating, 1, 5),
    nonNegative('prompt_performance_response_time_check', t.responseTimeMs),
    nonNegative('prompt_performance_token_count_check', t.tokenCount),
    nonNegative('prompt_performance_cost_check', t.costUsd),
  ],
);

/** A/B tests between two variants of one prompt. */
export const promptAbTests = pgTable(
  'prompt_ab_tests',
  {
    id: id(),
    testName: text('test_name').notNull().unique('prompt_ab_tests_test_name_unique'),
    promptName: text('prompt_name').notNull(),
    /** Not in the database documentation: both variants' language, so EN and FR tests run side by side. */
    language: text('language', { enum: LANGUAGES }).notNull(),
    controlVariantId: text('control_variant_id')
      .notNull()
      .references(() => promptRegistry.variantId, { onDelete: 'restrict' }),
    treatmentVariantId: text('treatment_variant_id')
      .notNull()
      .references(() => promptRegistry.variantId, { onDelete: 'restrict' }),
    controlTrafficPercentage: numeric('control_traffic_percentage', { precision: 5, scale: 2, mode: 'number' })
      .notNull()
      .default(50),
    treatmentTrafficPercentage: numeric('treatment_traffic_percentage', { precision: 5, scale: 2, mode: 'number' })
      .notNull()
      .default(50),
    minSampleSize: integer('min_sample_size').notNull().default(100),
    maxDurationDays: integer('max_duration_days').notNull().default(7),
    significanceLevel: numeric('significance_level', { precision: 4, scale: 3, mode: 'number' })
      .notNull()
      .default(0.05),
    status: text('status', { enum: AB_TEST_STATUSES }).notNull().default('draft'),
    controlMetrics: jsonb('control_metrics').$type<Record<string, unknown>>().notNull().default({}),
    treatmentMetrics: jsonb('treatment_metrics').$type<Record<string, unknown>>().notNull().default({}),
    /** The p-value of the comparison. */
    statisticalSignificance: numeric('statistical_significance', { precision: 6, scale: 5, mode: 'number' }),
    winnerVariantId: text('winner_variant_id').references(() => promptRegistry.variantId, { onDelete: 'restrict' }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // One running experiment per prompt and language, so a lead's variant is never ambiguous.
    uniqueIndex('prompt_ab_tests_one_running_idx').on(t.promptName, t.language).where(sql`${t.status} = 'running'`),
    oneOf('prompt_ab_tests_language_check', t.language, LANGUAGES),
    index('prompt_ab_tests_control_idx').on(t.controlVariantId),
    index('prompt_ab_tests_treatment_idx').on(t.treatmentVariantId),
    index('prompt_ab_tests_winner_idx').on(t.winnerVariantId),
    oneOf('prompt_ab_tests_status_check', t.status, AB_TEST_STATUSES),
    within('prompt_ab_tests_control_traffic_check', t.controlTrafficPercentage, 0, 100),
    within('prompt_ab_tests_treatment_traffic_check', t.treatmentTrafficPercentage, 0, 100),
    check(
      'prompt_ab_tests_traffic_sum_check',
      sql`${t.controlTrafficPercentage} + ${t.treatmentTrafficPercentage} = 100`,
    ),
    check('prompt_ab_tests_min_sample_check', sql`${t.minSampleSize} > 0`),
    check('prompt_ab_tests_max_duration_check', sql`${t.maxDurationDays} > 0`),
    check('prompt_ab_tests_significance_level_check', sql`${t.significanceLevel} > 0 and ${t.significanceLevel} < 1`),
    within('prompt_ab_tests_p_value_check', t.statisticalSignificance, 0, 1),
    check('prompt_ab_tests_variants_check', sql`${t.controlVariantId} <> ${t.treatmentVariantId}`),
    check(
      'prompt_ab_tests_winner_check',
      sql`${t.winnerVariantId} is null or ${t.winnerVariantId} in (${t.controlVariantId}, ${t.treatmentVariantId})`,
    ),
  ],
);

/** Parent → child lineage of prompt variants. */
export const promptEvolution = pgTable(
  'prompt_evolution',
  {
    id: id(),
    parentPromptId: uuid('parent_prompt_id')
      .notNull()
      .references(() => promptRegistry.id, { onDelete: 'cascade' }),
    childPromptId: uuid('child_prompt_id')
      .notNull()
      .references(() => promptRegistry.id, { onDelete: 'cascade' }),
    evolutionType: text('evolution_type', { enum: EVOLUTION_TYPES }).notNull(),
    evolutionStrategy: text('evolution_strategy'),
    parentPerformance: jsonb('parent_performance').$type<Record<string, unknown>>().notNull().default({}),
    childPerformance: jsonb('child_performance').$type<Record<string, unknown>>().notNull().default({}),
    improvementScore: numeric('improvement_score', { precision: 4, scale: 3, mode: 'number' }),
    feedbackData: jsonb('feedback_data').$type<Record<string, unknown>>().notNull().default({}),
    optimizationGoals: text('optimization_goals').array().notNull().default(sql`'{}'::text[]`),
    evolvedAt: timestamp('evolved_at', { withTimezone: true }).notNull().defaultNow(),
    evolutionAlgorithm: text('evolution_algorithm'),
  },
  (t) => [
    index('prompt_evolution_parent_idx').on(t.parentPromptId),
    index('prompt_evolution_child_idx').on(t.childPromptId),
    oneOf('prompt_evolution_type_check', t.evolutionType, EVOLUTION_TYPES),
    within('prompt_evolution_improvement_check', t.improvementScore, 0, 1),
    check('prompt_evolution_distinct_check', sql`${t.parentPromptId} <> ${t.childPromptId}`),
  ],
);
