import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { embeddedDatabaseUrl } from '../../scripts/lib/config';
import { type Connection, connect } from '../../scripts/lib/database';
import { migrateDatabase } from '../../scripts/lib/migrate';
import { openEmbeddedDatabase } from '../../scripts/stack/embedded-database';
import { startPostgresWireServer } from '../../scripts/stack/postgres-wire-server';

export interface TestDatabase extends Connection {
  databaseUrl: string;
}

/** A fresh, migrated database for one test file: in-memory PGlite behind the wire server. */
export async function startEmbeddedTestDatabase(): Promise<TestDatabase> {
  const { db: pglite } = await openEmbeddedDatabase({});
  const server = await startPostgresWireServer({ db: pglite, port: 0 });
  const databaseUrl = embeddedDatabaseUrl(server.port);
  const connection = await connect(databaseUrl);
  await migrateDatabase(connection);
  return {
    ...connection,
    databaseUrl,
    async close() {
      await connection.close();
      await server.close();
      await pglite.close();
    },
  };
}

/**
 * A fresh, migrated database on the engine of the lane: PGlite in the db lane, the real
 * server of TEST_DATABASE_URL in the postgres lane (which reruns the db lane's files).
 */
export function startTestDatabase(): Promise<TestDatabase> {
  if (process.env.AVENIR_TEST_ENGINE !== 'postgres') return startEmbeddedTestDatabase();
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('the postgres lane needs TEST_DATABASE_URL');
  return startRealServerTestDatabase(serverUrl);
}

export const isRealServer = () => process.env.AVENIR_TEST_ENGINE === 'postgres';

/**
 * A fresh, migrated database on the real server of TEST_DATABASE_URL, dropped on close, so
 * test files never see each other's rows.
 */
async function startRealServerTestDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `avenir_test_${randomBytes(6).toString('hex')}`;
  const admin = await connect(serverUrl);
  await admin.db.execute(sql.raw(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const connection = await connect(databaseUrl, { maxConnections: 60 });
  await migrateDatabase(connection);
  return {
    ...connection,
    databaseUrl,
    async close() {
      await connection.close();
      // The pool has sent its goodbyes; wait for the server to see them before dropping,
      // rather than forcing, which would fail the closing connections with an error.
      for (let waited = 0; waited < 10_000; waited += 50) {
        const { rows } = await admin.db.execute<{ n: number }>(
          sql`select count(*)::int as n from pg_stat_activity where datname = ${name}`,
        );
        if (rows[0]!.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await admin.close();
    },
  };
}
