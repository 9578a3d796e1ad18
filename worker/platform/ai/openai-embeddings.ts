import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  OpenAIError,
  RateLimitError,
} from 'openai';
import * as v from 'valibot';
import { EMBEDDING_DIMENSIONS, type Embedder, EmbeddingError } from './embeddings';
import { guardedFetch } from './openai-transport';

/**
 * The embedding port over OpenAI's /v1/embeddings. Texts are sent in order, in batches that
 * stay inside OpenAI's limits (2,048 inputs and 300,000 tokens a request, 8,192 tokens an
 * input; here at most 256 inputs and a margin on the rest), each cut to about 8,000 tokens.
 * A blank text is never sent (OpenAI refuses empty inputs): it gets the zero vector.
 */

export interface OpenAiEmbedderSettings {
  apiKey: string;
  baseURL?: string;
  /** Per attempt, reading the answer included. */
  timeoutMs?: number;
  model?: string;
  maxRetries?: number;
  fetch?: typeof fetch;
}

const DEFAULT_MODEL = 'text-embedding-3-small';
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_RETRIES = 2;
export const MAX_BATCH_INPUTS = 256;
/** About 8,000 tokens of prose (3 characters a token, a safe figure for English and French). */
export const MAX_INPUT_CHARS = 24_000;
const MAX_INPUT_TOKENS = 8_000;
/** OpenAI's cap is 300,000 tokens a request; the estimate below is rough, so a margin. */
const MAX_BATCH_TOKENS = 240_000;

export function createOpenAiEmbedder(settings: OpenAiEmbedderSettings): Embedder {
  const model = settings.model ?? DEFAULT_MODEL;
  const timeoutMs = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const client = new OpenAI({
    apiKey: settings.apiKey,
    baseURL: settings.baseURL,
    timeout: timeoutMs,
    maxRetries: settings.maxRetries ?? DEFAULT_MAX_RETRIES,
    fetch: guardedFetch(settings.fetch ?? ((input, init) => fetch(input, init)), timeoutMs),
  });

  async function request(input: string[], signal: AbortSignal | undefined): Promise<Float32Array[]> {
    let raw: unknown;
    try {
      raw = await client.embeddings.create(
        { model, input, dimensions: EMBEDDING_DIMENSIONS, encoding_format: 'float' },
        signal ? { signal } : undefined,
      );
    } catch (error) {
      throw toEmbeddingError(error);
    }
    const parsed = v.safeParse(EmbeddingsEnvelope, raw);
    if (!parsed.success) {
      throw new EmbeddingError('OpenAI answered with something that is not a list of embeddings', 'malformed', true);
    }
    const vectors = new Array<Float32Array | undefined>(input.length).fill(undefined);
    for (const item of parsed.output.data) {
      if (item.index >= input.length || vectors[item.index] !== undefined) {
        throw new EmbeddingError(`OpenAI answered with an unexpected index ${item.index}`, 'malformed', true);
      }
      if (item.embedding.length !== EMBEDDING_DIMENSIONS) {
        throw new EmbeddingError(
          `OpenAI answered with ${item.embedding.length} dimensions, not ${EMBEDDING_DIMENSIONS}`,
          'invalid_output',
          false,
        );
      }
      vectors[item.index] = Float32Array.from(item.embedding);
    }
    const missing = vectors.indexOf(undefined);
    if (missing !== -1 || parsed.output.data.length !== input.length) {
      throw new EmbeddingError(`OpenAI answered without the embedding of input ${missing}`, 'malformed', true);
    }
    return vectors as Float32Array[];
  }

  async function embedBatch(input: string[], signal: AbortSignal | undefined): Promise<Float32Array[]> {
    try {
      return await request(input, signal);
    } catch (error) {
      // The estimate let through a text denser in tokens than prose (code, long numbers,
      // another script): once more, each input cut to a quarter.
      if (error instanceof EmbeddingError && error.status === 400 && isTooLong(error)) {
        return request(
          input.map((text) => truncateForEmbedding(text, MAX_INPUT_TOKENS / 4, MAX_INPUT_CHARS / 4)),
          signal,
        );
      }
      throw error;
    }
  }

  return {
    model,
    dimensions: EMBEDDING_DIMENSIONS,

    async embed(texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]> {
      const results: Float32Array[] = texts.map(() => new Float32Array(EMBEDDING_DIMENSIONS));
      const pending: { position: number; text: string; tokens: number }[] = [];
      texts.forEach((text, position) => {
        if (text.trim() === '') return;
        const cut = truncateForEmbedding(text);
        pending.push({ position, text: cut, tokens: estimateTokens(cut) });
      });
      for (const batch of batches(pending)) {
        signal?.throwIfAborted();
        const vectors = await embedBatch(
          batch.map((item) => item.text),
          signal,
        );
        batch.forEach((item, index) => {
          results[item.position] = vectors[index]!;
        });
      }
      return results;
    },
  };
}

/** Consecutive groups of at most MAX_BATCH_INPUTS inputs and MAX_BATCH_TOKENS estimated tokens. */
function* batches<T extends { tokens: number }>(items: readonly T[]): Generator<T[]> {
  let batch: T[] = [];
  let tokens = 0;
  for (const item of items) {
    if (batch.length > 0 && (batch.length === MAX_BATCH_INPUTS || tokens + item.tokens > MAX_BATCH_TOKENS)) {
      yield batch;
      batch = [];
      tokens = 0;
    }
    batch.push(item);
    tokens += item.tokens;
  }
  if (batch.length > 0) yield batch;
}

/**
 * A rough token count, on the safe side: about 3 ASCII characters a token, 2 for accented
 * Latin, Greek or Cyrillic, 1 for other scripts, and 2 tokens for an emoji or another
 * character outside the Basic Multilingual Plane.
 */
function tokenCost(codePoint: number): number {
  if (codePoint < 0x80) return 1 / 3;
  if (codePoint < 0x800) return 1 / 2;
  if (codePoint < 0x10000) return 1;
  return 2;
}

export function estimateTokens(text: string): number {
  let tokens = 0;
  for (const char of text) tokens += tokenCost(char.codePointAt(0)!);
  return Math.ceil(tokens);
}

/** The longest start of `text` within both budgets, cut between code points. */
export function truncateForEmbedding(text: string, maxTokens = MAX_INPUT_TOKENS, maxChars = MAX_INPUT_CHARS): string {
  let tokens = 0;
  let end = 0;
  for (const char of text) {
    tokens += tokenCost(char.codePointAt(0)!);
    if (tokens > maxTokens || end + char.length > maxChars) break;
    end += char.length;
  }
  return end === text.length ? text : text.slice(0, end);
}

const isTooLong = (error: EmbeddingError) =>
  /context length|too many tokens|maximum.{0,40}tokens|tokens.{0,40}maximum/i.test(error.message);

/** The parts of an embeddings answer this adapter reads, checked rather than trusted. */
const EmbeddingsEnvelope = v.looseObject({
  data: v.array(
    v.looseObject({
      index: v.pipe(v.number(), v.integer(), v.minValue(0)),
      embedding: v.array(v.pipe(v.number(), v.finite())),
    }),
  ),
});

// --- transport and errors --------------------------------------------------------------

/** Every failure as an `EmbeddingError`, with the HTTP status when OpenAI answered: no SDK class leaves this adapter. */
function toEmbeddingError(error: unknown): EmbeddingError {
  if (error instanceof EmbeddingError) return error;
  const options = { cause: error };
  // Subclass checks first: a timeout is a connection error, and both are API errors.
  if (error instanceof APIUserAbortError) {
    return new EmbeddingError('The embedding request was cancelled', 'timeout', true, null, options);
  }
  if (error instanceof APIConnectionTimeoutError) {
    return new EmbeddingError('OpenAI did not answer in time', 'timeout', true, null, options);
  }
  if (error instanceof APIConnectionError) {
    return new EmbeddingError(`Could not reach OpenAI: ${error.message}`, 'network', true, null, options);
  }
  if (error instanceof RateLimitError) {
    if (error.code === 'insufficient_quota') {
      return new EmbeddingError('The OpenAI account is out of quota', 'refused', false, 429, options);
    }
    return new EmbeddingError('OpenAI rate limit reached', 'rate_limited', true, 429, options);
  }
  if (error instanceof APIError) {
    const status = error.status ?? null;
    if (status !== null && status >= 500) {
      return new EmbeddingError(`OpenAI server error ${status}`, 'server', true, status, options);
    }
    if (status === 408) return new EmbeddingError('OpenAI timed out the request', 'timeout', true, status, options);
    if (status === 409) return new EmbeddingError('OpenAI reported a conflict', 'server', true, status, options);
    return new EmbeddingError(
      `OpenAI refused the request (${status ?? 'no status'}): ${error.message}`,
      'refused',
      false,
      status,
      options,
    );
  }
  if (error instanceof OpenAIError) {
    return new EmbeddingError(`OpenAI client error: ${error.message}`, 'malformed', false, null, options);
  }
  if (error instanceof SyntaxError) {
    return new EmbeddingError('OpenAI answered with malformed JSON', 'malformed', true, null, options);
  }
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new EmbeddingError('OpenAI did not finish its answer in time', 'timeout', true, null, options);
  }
  return new EmbeddingError(`OpenAI embedding call failed: ${String(error)}`, 'network', true, null, options);
}
