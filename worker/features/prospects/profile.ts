import { sql } from 'drizzle-orm';
import { avenirProfileEmbeddings } from '../../../schema';
import type { OperatorProfileView } from '../../../schema/prospects-api';
import type { Embedder } from '../../platform/ai/embeddings';
import type { DatabaseAccess } from '../../platform/db';
import { rescoreAll, vectorStorage, vectorValue } from './fit';

/**
 * The operator's profile (what Avenir sells, to whom), kept as the chunks of
 * `avenir_profile_embeddings` in order: the text is their concatenation, each chunk is
 * embedded, and saving it rescores every analysed prospect's fit.
 */

export const PROFILE_MAX_CHARS = 20_000;
const CHUNK_CHARS = 800;
export const MAX_CHUNKS = 50;

/** Paragraphs, merged up to ~800 characters; a longer paragraph is cut at sentence ends. Pure. */
export function chunkProfile(text: string): string[] {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const pieces = paragraphs.flatMap((paragraph) => {
    if (paragraph.length <= CHUNK_CHARS) return [paragraph];
    const sentences = paragraph.match(/[^.!?]+[.!?]*\s*/g) ?? [paragraph];
    const cut: string[] = [];
    let current = '';
    for (const sentence of sentences) {
      if (current && current.length + sentence.length > CHUNK_CHARS) {
        cut.push(current.trim());
        current = '';
      }
      current += sentence;
    }
    if (current.trim()) cut.push(current.trim());
    return cut;
  });
  const chunks: string[] = [];
  for (const piece of pieces) {
    const last = chunks.at(-1);
    if (last !== undefined && last.length + piece.length + 2 <= CHUNK_CHARS)
      chunks[chunks.length - 1] = `${last}\n\n${piece}`;
    else chunks.push(piece);
  }
  return chunks.slice(0, MAX_CHUNKS);
}

export async function readProfile(db: DatabaseAccess): Promise<OperatorProfileView> {
  return db.service(async (tx) => {
    const rows = await tx
      .select({
        text: avenirProfileEmbeddings.chunkText,
        model: avenirProfileEmbeddings.embeddingModel,
        createdAt: avenirProfileEmbeddings.createdAt,
      })
      .from(avenirProfileEmbeddings)
      .orderBy(
        sql`(${avenirProfileEmbeddings.metadata}->>'position')::int nulls last`,
        avenirProfileEmbeddings.createdAt,
      );
    return {
      text: rows.map((row) => row.text).join('\n\n'),
      chunks: rows.length,
      embeddingModel: rows[0]?.model ?? null,
      updatedAt: rows[0]?.createdAt.toISOString() ?? null,
      rescored: null,
    };
  });
}

export async function saveProfile(db: DatabaseAccess, embedder: Embedder, text: string): Promise<OperatorProfileView> {
  const chunks = chunkProfile(text);
  // Embedded before the transaction: a slow provider must not hold a connection.
  const vectors = chunks.length ? await embedder.embed(chunks) : [];
  const rescored = await db.service(async (tx) => {
    const storage = await vectorStorage(tx);
    await tx.delete(avenirProfileEmbeddings);
    for (const [position, chunk] of chunks.entries()) {
      await tx.insert(avenirProfileEmbeddings).values({
        chunkText: chunk,
        embedding: vectorValue(storage, vectors[position]!),
        embeddingModel: embedder.model,
        metadata: { position, chars: chunk.length },
      });
    }
    return rescoreAll(tx, storage);
  });
  return { ...(await readProfile(db)), rescored };
}
