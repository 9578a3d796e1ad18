import { type AiEngine, AiError, type AiResult } from './port';

/** One call to the primary engine that did not answer, for the learning log. */
export interface FailedExecution {
  error: AiError;
  latencyMs: number;
}

/**
 * Runs `work` on the primary engine; when it throws an AiError, on the fallback, which
 * must always answer. Returns the result and the failed attempt, if any.
 */
export async function withFallback<T>(
  primary: AiEngine,
  fallback: AiEngine,
  work: (engine: AiEngine) => Promise<AiResult<T>>,
): Promise<{ result: AiResult<T>; failed: FailedExecution | null }> {
  const started = performance.now();
  try {
    return { result: await work(primary), failed: null };
  } catch (error) {
    if (!(error instanceof AiError) || primary === fallback) throw error;
    const failed = { error, latencyMs: performance.now() - started };
    return { result: await work(fallback), failed };
  }
}
