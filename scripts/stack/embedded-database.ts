import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { vector } from '@electric-sql/pglite-pgvector';
import { claimDataFolder } from './data-folder';

export interface EmbeddedDatabase {
  db: PGlite;
  /** Tells later tools where this process serves the data folder (nothing for one in memory). */
  announce(pgPort: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * PGlite with pgvector and pg_trgm (the dictionary's fuzzy lookup): in memory, or persisted under `dataDir`, which this process then
 * owns alone until it closes (a second opener is refused: scripts/stack/data-folder.ts).
 */
export async function openEmbeddedDatabase(options: { dataDir?: string; command?: string }): Promise<EmbeddedDatabase> {
  const { dataDir } = options;
  if (!dataDir) return withExtensions(await PGlite.create({ extensions: { vector, pg_trgm } }), null);
  await mkdir(dataDir, { recursive: true });
  const claim = await claimDataFolder(dataDir, options.command ?? process.argv.slice(1).join(' '));
  try {
    return withExtensions(await PGlite.create({ dataDir, extensions: { vector, pg_trgm } }), claim);
  } catch (error) {
    await claim.release();
    throw error;
  }
}

async function withExtensions(
  db: PGlite,
  claim: Awaited<ReturnType<typeof claimDataFolder>> | null,
): Promise<EmbeddedDatabase> {
  await db.exec('CREATE EXTENSION IF NOT EXISTS vector');
  return {
    db,
    announce: async (pgPort) => claim?.announce(pgPort),
    async close() {
      await db.close();
      await claim?.release();
    },
  };
}
