import { eq, sql } from 'drizzle-orm';
import { promptPerformance, promptRegistry } from '../../../schema';
import type { FailedExecution } from '../../platform/ai/fallback';
import type { AiResult, PromptVariant } from '../../platform/ai/port';
import type { Transaction } from '../../platform/db';
import type { PromptScores } from './prompt-scores';

/** One AI execution of a prompt, as the caller saw it. */
export interface PromptExecution<T> {
  variant: PromptVariant;
  clientId: string;
  isTest: boolean;
  input: Record<string, unknown>;
  result: AiResult<T>;
  failed: FailedExecution | null;
  scores: PromptScores;
  /** The prediction it produced (feedback_tracking), when it produced one. */
  feedbackId: string | null;
}

/** One row of prompt_performance. */
interface ExecutionRow {
  output: unknown;
  latencyMs: number;
  tokens: number | null;
  costUsd: number | null;
  scores: { quality: number; consistency: number | null; completeness: number };
  error: string | null;
  feedbackId: string | null;
}

/**
 * prompt_performance rows for the AI's executions of a prompt (the offline engine runs no
 * prompt), and the variant's usage count.
 */
export async function recordExecutions<T>(tx: Transaction, execution: PromptExecution<T>): Promise<void> {
  const { variant, result, failed } = execution;
  const rows: ExecutionRow[] = [];
  if (failed) {
    rows.push({
      output: null,
      latencyMs: failed.latencyMs,
      tokens: null,
      costUsd: null,
      // Only an answer that broke the schema says anything about the prompt's format.
      scores: { quality: 0, consistency: failed.error.kind === 'invalid_output' ? 0 : null, completeness: 0 },
      error: `${failed.error.kind}: ${failed.error.message}`,
      feedbackId: null,
    });
  }
  if (result.engine === 'openai') {
    rows.push({
      output: result.value,
      latencyMs: result.latencyMs,
      tokens: result.usage ? result.usage.promptTokens + result.usage.completionTokens : null,
      costUsd: result.usage?.costUsd ?? null,
      scores: execution.scores,
      error: null,
      feedbackId: execution.feedbackId,
    });
  }
  if (rows.length === 0) return;
  await tx.insert(promptPerformance).values(
    rows.map((row) => ({
      promptRegistryId: variant.id,
      executionId: crypto.randomUUID(),
      clientId: execution.clientId,
      inputData: execution.input,
      outputData: row.output === null ? null : (row.output as Record<string, unknown>),
      outputQualityScore: row.scores.quality,
      responseTimeMs: Math.round(row.latencyMs),
      tokenCount: row.tokens,
      costUsd: row.costUsd,
      consistencyScore: row.scores.consistency,
      completenessScore: row.scores.completeness,
      errorOccurred: row.error !== null,
      errorMessage: row.error,
      feedbackId: row.feedbackId,
      environment: execution.isTest ? ('test' as const) : ('production' as const),
    })),
  );
  await tx
    .update(promptRegistry)
    .set({ usageCount: sql`${promptRegistry.usageCount} + ${rows.length}`, updatedAt: new Date() })
    .where(eq(promptRegistry.id, variant.id));
}
