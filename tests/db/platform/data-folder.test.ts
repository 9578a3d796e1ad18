import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect } from '../../../scripts/lib/database';
import { migrateDatabase } from '../../../scripts/lib/migrate';
import { DataFolderBusyError, liveOwner } from '../../../scripts/stack/data-folder';
import { openEmbeddedDatabase } from '../../../scripts/stack/embedded-database';
import { startLocalDatabase } from '../../../scripts/stack/local-database';

/** Runs a package script's file with tsx, as `npm run` would, in `env`. */
function runScript(file: string, args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(path.resolve('node_modules/.bin/tsx'), [file, ...args], {
      env: { ...process.env, ...env, AVENIR_PG_PORT: '', DATABASE_URL: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the embedded data folder', () => {
  let dataDir: string;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'avenir-folder-'));
  });

  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('refuses a second opener with a message that names the owner', async () => {
    const folder = path.join(dataDir, 'pglite');
    const first = await openEmbeddedDatabase({ dataDir: folder, command: 'npm start' });
    try {
      const second = openEmbeddedDatabase({ dataDir: folder });
      await expect(second).rejects.toBeInstanceOf(DataFolderBusyError);
      await expect(second).rejects.toThrow(`already open by process ${process.pid} (npm start`);
    } finally {
      await first.close();
    }
    // Closed: the folder is free again.
    const again = await openEmbeddedDatabase({ dataDir: folder });
    await again.close();
  }, 60_000);

  it('takes over a folder whose owner died without letting go', async () => {
    const folder = path.join(dataDir, 'pglite');
    await rm(folder, { recursive: true, force: true });
    await (await openEmbeddedDatabase({ dataDir: folder })).close();
    // A pid no process has (the kernel's limit is far below it).
    const dead = { pid: 2 ** 30, command: 'npm start', pgPort: 5433, since: new Date().toISOString() };
    await writeFile(path.join(folder, 'avenir-owner.json'), JSON.stringify(dead));
    expect(await liveOwner(folder)).toBeNull();
    const taken = await openEmbeddedDatabase({ dataDir: folder });
    expect((await liveOwner(folder))?.pid).toBe(process.pid);
    await taken.close();
    // A previous life of this very pid (a restarted container) does not own it either.
    await writeFile(path.join(folder, 'avenir-owner.json'), JSON.stringify({ ...dead, pid: process.pid }));
    expect(await liveOwner(folder)).toBeNull();
    await (await openEmbeddedDatabase({ dataDir: folder })).close();
  }, 60_000);

  it('lets client:create reach the running stack on the port it was given, not a default one', async () => {
    const stack = await startLocalDatabase({ dataDir, pgPort: 0, wsPort: 0, workerPort: 0, databaseUrl: undefined });
    const connection = await connect(stack.databaseUrl);
    try {
      await migrateDatabase(connection);
      const run = await runScript(
        'scripts/client-create.ts',
        ['--business', 'Plomberie Port Libre', '--email', 'libre@example.ca', '--language', 'fr'],
        { AVENIR_DATA_DIR: dataDir },
      );
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const printed = JSON.parse(run.stdout) as { id: string };
      // The running stack sees the client: it was written to its database, not to a copy.
      const rows = await connection.db.execute(sql`select business_name from clients where id = ${printed.id}`);
      expect(rows.rows).toEqual([{ business_name: 'Plomberie Port Libre' }]);
    } finally {
      await connection.close();
      await stack.close();
    }
  }, 120_000);
});
