import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { vector } from '@electric-sql/pglite-pgvector';

/** PGlite with pgvector: persisted under `dataDir` when given, in memory otherwise. */
export async function openEmbeddedDatabase(options: { dataDir?: string }): Promise<PGlite> {
  if (options.dataDir) {
    await mkdir(options.dataDir, { recursive: true });
  }
  const db = await PGlite.create({ dataDir: options.dataDir, extensions: { vector } });
  await db.exec('CREATE EXTENSION IF NOT EXISTS vector');
  return db;
}
