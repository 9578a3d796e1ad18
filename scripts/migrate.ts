/**
 * `npm run db:migrate`: applies schema/migrations to DATABASE_URL (Neon, any Postgres), or
 * to the embedded database when it is unset. Applied migrations are skipped.
 */

import { EXPECTED_SCHEMA } from '../worker/features/health';
import { openCliDatabase } from './lib/cli-database';
import { loadConfig } from './lib/config';
import { migrateDatabase } from './lib/migrate';

const config = loadConfig();
const connection = await openCliDatabase(config);
try {
  await migrateDatabase(connection);
  console.log(`database is at ${EXPECTED_SCHEMA}`);
} finally {
  await connection.close();
}
