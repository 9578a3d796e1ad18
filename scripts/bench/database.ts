import { sql } from 'drizzle-orm';
import { embeddedDatabaseUrl } from '../lib/config';
import { type Connection, connect } from '../lib/database';
import { migrateDatabase } from '../lib/migrate';
import { openEmbeddedDatabase } from '../stack/embedded-database';
import { startPostgresWireServer } from '../stack/postgres-wire-server';

/** The database a benchmark section runs on, made fresh for it. */

export interface BenchDatabase {
  /** Its connection string, for a Worker started on it. */
  url: string;
  connection: Connection;
  database: string;
  close(): Promise<void>;
}

/** A fresh, migrated database: PGlite in memory, or a new database on the given server. */
export async function openBenchDatabase(databaseUrl: string | undefined, prefix: string): Promise<BenchDatabase> {
  const closers: (() => Promise<void>)[] = [];
  let url: string;
  let database: string;
  if (databaseUrl) {
    const server = await connect(databaseUrl);
    const name = `${prefix}_${Date.now()}`;
    await server.db.execute(sql.raw(`create database ${name}`));
    const version = await server.db.execute<{ server_version: string }>(sql`show server_version`);
    database = `PostgreSQL ${version.rows[0]?.server_version?.split(' ')[0] ?? '?'}`;
    const target = new URL(databaseUrl);
    target.pathname = `/${name}`;
    url = target.toString();
    closers.push(async () => {
      await server.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await server.close();
    });
  } else {
    const { db: pglite } = await openEmbeddedDatabase({});
    const server = await startPostgresWireServer({ db: pglite, port: 0 });
    const version = await pglite.query<{ server_version: string }>('show server_version');
    database = `PGlite (PostgreSQL ${version.rows[0]?.server_version ?? '?'}, in memory)`;
    url = embeddedDatabaseUrl(server.port);
    closers.push(async () => {
      await server.close();
      await pglite.close();
    });
  }
  const connection = await connect(url);
  await migrateDatabase(connection);
  return {
    url,
    connection,
    database,
    async close() {
      await connection.close();
      for (const close of closers.reverse()) await close();
    },
  };
}
