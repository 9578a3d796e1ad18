import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/neon-serverless/migrator';
import type { Connection } from './database';

export const MIGRATIONS_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../schema/migrations');

/** Applies the committed migrations not yet applied; running it again changes nothing. */
export async function migrateDatabase(connection: Connection): Promise<void> {
  await migrate(connection.db, { migrationsFolder: MIGRATIONS_FOLDER });
}
