/**
 * The learning loop: every write to feedback_tracking, performance_metrics and
 * prompt_performance goes through here, and prompts are chosen here (A/B arms included).
 */
export { aiMetrics, recordSend } from './ai-metrics';
export { type PromptExecution, recordExecutions } from './executions';
export { type MetricRow, recordMetrics } from './metrics';
export { type Prediction, type RetaggedLead, recordConversions, recordPrediction } from './predictions';
export { scoreReply, scoreTriage } from './prompt-scores';
export { choosePromptVariant, type PromptName } from './prompt-variants';
export { type ArmCounts, type SequentialOptions, sequentialLook } from './sequential-test';
