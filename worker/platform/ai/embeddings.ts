import type { AiError } from './port';

/**
 * The embedding port: texts in, one vector of 1536 numbers each out, in the same order.
 * Avenir's profile chunks (avenir_profile_embeddings) and each prospect's site text
 * (prospect_site_embeddings) are embedded with it, and their cosine similarity is the fit.
 *
 * Two adapters: OpenAI (openai-embeddings.ts) and the offline hash (offline-embedding.ts).
 * Vectors of two models live in different spaces: comparing them means nothing, so every
 * stored vector carries its `model` and only vectors of the same model are compared.
 */
export interface Embedder {
  /** Stored beside each vector (embedding_model). */
  readonly model: string;
  readonly dimensions: 1536;
  /** One vector per text, in input order; a blank text gets the zero vector. */
  embed(texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]>;
}

export const EMBEDDING_DIMENSIONS = 1536;

/** Why an embedder gave up; `status` is the HTTP status when there was an answer. */
export class EmbeddingError extends Error {
  constructor(
    message: string,
    readonly kind: AiError['kind'],
    readonly retryable: boolean,
    readonly status: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EmbeddingError';
  }
}

type Vector = ArrayLike<number>;

/**
 * Cosine similarity in [-1, 1]. 0 when either vector is all zeros (a blank text), never NaN;
 * vectors of different lengths are a programming error and throw.
 */
export function cosineSimilarity(a: Vector, b: Vector): number {
  if (a.length !== b.length) {
    throw new RangeError(`Cannot compare vectors of ${a.length} and ${b.length} dimensions`);
  }
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  if (normA === 0 || normB === 0) return 0;
  const similarity = dot / (Math.sqrt(normA) * Math.sqrt(normB));
  // Rounding can step just past ±1; a NaN (a NaN component) is no similarity at all.
  return Number.isFinite(similarity) ? Math.max(-1, Math.min(1, similarity)) : 0;
}
