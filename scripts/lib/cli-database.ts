import net from 'node:net';
import path from 'node:path';
import { openEmbeddedDatabase } from '../stack/embedded-database';
import { startPostgresWireServer } from '../stack/postgres-wire-server';
import { embeddedDatabaseUrl, type StackConfig } from './config';
import { type Connection, connect } from './database';
import { migrateDatabase } from './migrate';

function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const answer = (listening: boolean) => {
      socket.destroy();
      resolve(listening);
    };
    socket.once('connect', () => answer(true));
    socket.once('error', () => answer(false));
    socket.setTimeout(1000, () => answer(false));
  });
}

/**
 * The database a command-line tool works on: DATABASE_URL when set; else the embedded
 * database, through the running `npm start` if there is one (PGlite allows one process
 * per data folder), or opened in this process, migrated, if not.
 */
export async function openCliDatabase(config: StackConfig): Promise<Connection> {
  if (config.databaseUrl) return connect(config.databaseUrl);
  if (await isListening(config.pgPort)) return connect(embeddedDatabaseUrl(config.pgPort));

  const db = await openEmbeddedDatabase({ dataDir: path.join(config.dataDir, 'pglite') });
  const server = await startPostgresWireServer({ db, port: 0 });
  const connection = await connect(embeddedDatabaseUrl(server.port));
  await migrateDatabase(connection);
  return {
    ...connection,
    async close() {
      await connection.close();
      await server.close();
      await db.close();
    },
  };
}
