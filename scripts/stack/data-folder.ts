import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * One owner per embedded data folder. PGlite keeps no lock of its own: two processes that
 * open the same folder each write their own copy and one of them is lost (a client that
 * `client:create` printed, gone after a restart). The owner leaves a file naming its
 * process and, once it serves, its Postgres port, so command-line tools find the running
 * stack from the folder itself rather than from a port they guess.
 */

const OWNER_FILE = 'avenir-owner.json';

export interface DataFolderOwner {
  pid: number;
  /** What opened it, for the message a second opener reads. */
  command: string;
  /** Where the owner serves the Postgres wire protocol; null while it is starting. */
  pgPort: number | null;
  since: string;
}

export class DataFolderBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: DataFolderOwner,
  ) {
    super(
      `${dataDir} is already open by process ${owner.pid} (${owner.command}, since ${owner.since}). ` +
        'The embedded database has one owner: stop that process, or work through it ' +
        '(`npm run client:create` and `npm run db:migrate` find it on their own). If no such ' +
        `process is running, delete ${path.join(dataDir, OWNER_FILE)}.`,
    );
    this.name = 'DataFolderBusyError';
  }
}

export interface DataFolderClaim {
  /** Records where this owner serves, for the tools that come after. */
  announce(pgPort: number): Promise<void>;
  release(): Promise<void>;
}

const ownerFile = (dataDir: string) => path.join(dataDir, OWNER_FILE);

/** The folders this process owns now: a file naming this pid for any other is a previous life's. */
const ownedHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process that owns the folder now, or null (none, or one that died without cleaning up). */
export async function liveOwner(dataDir: string): Promise<DataFolderOwner | null> {
  let owner: DataFolderOwner;
  try {
    owner = JSON.parse(await readFile(ownerFile(dataDir), 'utf8')) as DataFolderOwner;
  } catch {
    return null;
  }
  if (!Number.isInteger(owner.pid)) return null;
  // A pid is reused after a restart (a container's first process is often the same one):
  // this process owns only what it claimed itself.
  if (owner.pid === process.pid) return ownedHere.has(path.resolve(dataDir)) ? owner : null;
  return isAlive(owner.pid) ? owner : null;
}

/** Makes this process the folder's owner, or throws DataFolderBusyError naming the one that is. */
export async function claimDataFolder(dataDir: string, command: string): Promise<DataFolderClaim> {
  const file = ownerFile(dataDir);
  const owner: DataFolderOwner = { pid: process.pid, command, pgPort: null, since: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      // `wx`: created only if absent, atomically, so two openers cannot both win.
      await writeFile(file, JSON.stringify(owner), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const current = await liveOwner(dataDir);
      if (current) throw new DataFolderBusyError(dataDir, current);
      if (attempt >= 3) throw error;
      // Left by a process that died: moved aside atomically, so of two processes taking
      // the folder over, one moves it and the other finds the winner's file next time round.
      const aside = `${file}.stale-${process.pid}-${attempt}`;
      try {
        await rename(file, aside);
        await rm(aside, { force: true });
      } catch (moveError) {
        if ((moveError as NodeJS.ErrnoException).code !== 'ENOENT') throw moveError;
      }
    }
  }
  ownedHere.add(path.resolve(dataDir));
  let released = false;
  return {
    async announce(pgPort) {
      owner.pgPort = pgPort;
      await writeFile(file, JSON.stringify(owner));
    },
    async release() {
      if (released) return;
      released = true;
      ownedHere.delete(path.resolve(dataDir));
      await rm(file, { force: true });
    },
  };
}
