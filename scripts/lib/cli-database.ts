import path from 'node:path';
import { liveOwner } from '../stack/data-folder';
import { openEmbeddedDatabase } from '../stack/embedded-database';
import { startPostgresWireServer } from '../stack/postgres-wire-server';
import { embeddedDatabaseUrl, type StackConfig } from './config';
import { type Connection, connect } from './database';
import { migrateDatabase } from './migrate';

/**
 * The database a command-line tool works on: DATABASE_URL when set; else the embedded
 * database, through the process that owns its data folder (a running `npm start`, on
 * whatever port it was given) or, when none does, opened here and migrated.
 */
export async function openCliDatabase(config: StackConfig): Promise<Connection> {
  if (config.databaseUrl) return connect(config.databaseUrl);
  const dataDir = path.join(config.dataDir, 'pglite');
  const owner = await liveOwner(dataDir);
  if (owner) {
    if (owner.pgPort === null) {
      throw new Error(`${dataDir} is being opened by process ${owner.pid} (${owner.command}); try again in a moment.`);
    }
    return connect(embeddedDatabaseUrl(owner.pgPort));
  }

  const embedded = await openEmbeddedDatabase({ dataDir });
  const server = await startPostgresWireServer({ db: embedded.db, port: 0 });
  await embedded.announce(server.port);
  const connection = await connect(embeddedDatabaseUrl(server.port));
  await migrateDatabase(connection);
  return {
    ...connection,
    async close() {
      await connection.close();
      await server.close();
      await embedded.close();
    },
  };
}
