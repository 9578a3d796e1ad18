import { sql } from 'drizzle-orm';
import { cosineSimilarity } from '../../platform/ai/embeddings';
import type { Transaction } from '../../platform/db';

/**
 * Semantic fit: how close a prospect's site reads to Avenir's own profile, as the cosine
 * similarity of their embeddings (the best-matching profile chunk), × 100. With pgvector
 * (Neon, PGlite) the database computes it (`<=>`, cosine distance); on a server without it
 * the columns are real[] and the same sum is done here. Only embeddings of one model are
 * compared: the offline hash and OpenAI's vectors do not share a space.
 */

export type VectorStorage = 'vector' | 'real[]';

/** How this database stores embeddings (migrations 0000 and 0015 chose at install time). */
export async function vectorStorage(tx: Transaction): Promise<VectorStorage> {
  const { rows } = await tx.execute<{ udt_name: string }>(
    sql`select udt_name from information_schema.columns
        where table_name = 'avenir_profile_embeddings' and column_name = 'embedding'`,
  );
  return rows[0]?.udt_name === 'vector' ? 'vector' : 'real[]';
}

/** The embedding as a value of the column's type. */
export function vectorValue(storage: VectorStorage, values: Float32Array) {
  const list = Array.from(values, (value) => (Number.isFinite(value) ? value : 0)).join(',');
  return storage === 'vector' ? sql`${`[${list}]`}::vector` : sql`${`{${list}}`}::real[]`;
}

const parseVector = (text: string): Float32Array =>
  Float32Array.from(
    text
      .replace(/^[[{]|[\]}]$/g, '')
      .split(',')
      .map(Number),
  );

const asFit = (similarity: number | null) =>
  similarity === null || !Number.isFinite(similarity)
    ? null
    : Math.round(Math.max(0, Math.min(1, similarity)) * 10_000) / 100;

/** The fit of one embedding against the profile's chunks of the same model; null without a profile. */
export async function profileFit(
  tx: Transaction,
  storage: VectorStorage,
  embedding: Float32Array,
  model: string,
): Promise<number | null> {
  if (storage === 'vector') {
    const { rows } = await tx.execute<{ similarity: number | null }>(
      sql`select max(1 - (embedding <=> ${vectorValue(storage, embedding)}))::float8 as similarity
          from avenir_profile_embeddings where embedding is not null and embedding_model = ${model}`,
    );
    return asFit(rows[0]?.similarity ?? null);
  }
  const { rows } = await tx.execute<{ embedding: string }>(
    sql`select embedding::text as embedding from avenir_profile_embeddings
        where embedding is not null and embedding_model = ${model}`,
  );
  if (rows.length === 0) return null;
  return asFit(Math.max(...rows.map((row) => cosineSimilarity(embedding, parseVector(row.embedding)))));
}

/** Recomputes every analysed prospect's fit after the profile changed; returns how many were scored. */
export async function rescoreAll(tx: Transaction, storage: VectorStorage): Promise<number> {
  if (storage === 'vector') {
    // Prospects embedded with another model than the profile's have no fit until re-analysed.
    await tx.execute(sql`update prospect_candidates set fit_score = null where fit_score is not null`);
    const { rows } = await tx.execute<{ n: number }>(
      sql`with fits as (
            select s.prospect_id, max(1 - (s.embedding <=> a.embedding)) as similarity
            from prospect_site_embeddings s
            join avenir_profile_embeddings a on a.embedding_model = s.embedding_model and a.embedding is not null
            group by s.prospect_id)
          , updated as (
            update prospect_candidates p
            set fit_score = round((greatest(0, least(1, f.similarity)) * 100)::numeric, 2)
            from fits f where f.prospect_id = p.id returning 1)
          select count(*)::int as n from updated`,
    );
    return rows[0]?.n ?? 0;
  }
  const profile = await tx.execute<{ embedding: string; model: string }>(
    sql`select embedding::text as embedding, embedding_model as model from avenir_profile_embeddings where embedding is not null`,
  );
  await tx.execute(sql`update prospect_candidates set fit_score = null where fit_score is not null`);
  const sites = await tx.execute<{ prospect_id: string; embedding: string; model: string }>(
    sql`select prospect_id, embedding::text as embedding, embedding_model as model from prospect_site_embeddings`,
  );
  const chunks = profile.rows.map((row) => ({ model: row.model, vector: parseVector(row.embedding) }));
  let scored = 0;
  for (const site of sites.rows) {
    const vector = parseVector(site.embedding);
    const same = chunks.filter((chunk) => chunk.model === site.model);
    if (same.length === 0) continue;
    const fit = asFit(Math.max(...same.map((chunk) => cosineSimilarity(vector, chunk.vector))));
    await tx.execute(sql`update prospect_candidates set fit_score = ${fit} where id = ${site.prospect_id}`);
    scored++;
  }
  return scored;
}
