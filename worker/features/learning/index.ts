/**
 * The learning loop: every write to feedback_tracking, performance_metrics, prompt_registry,
 * prompt_performance, prompt_ab_tests and prompt_evolution goes through here; predictions
 * are resolved against what happened, prompts are chosen (A/B arms included) and evolved.
 */
export { aiMetrics, intakeMetric, recordSend } from './ai-metrics';
export { clientCorrections } from './client-corrections';
export { correctionRoutes } from './correction-routes';
export { correctLead } from './corrections';
export { type PromptExecution, recordExecutions } from './executions';
export { learningDaily, learningRetentionJob, promptExperimentJob } from './jobs';
export { type MetricRow, recordMetrics } from './metrics';
export {
  type OutcomeAction,
  type Prediction,
  type RetaggedLead,
  recordBulkOutcome,
  recordConversions,
  recordPrediction,
} from './predictions';
export { promptRoutes } from './prompt-routes';
export { scoreReply, scoreTriage } from './prompt-scores';
export { choosePromptVariant, type PromptName } from './prompt-variants';
export { type ArmCounts, type SequentialOptions, sequentialLook } from './sequential-test';
export { learningStaffRoutes } from './staff-routes';
