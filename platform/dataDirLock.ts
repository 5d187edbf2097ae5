/**
 * One process per embedded database: PGlite cannot share a data folder, and a second hub would
 * otherwise open every database and run its relays before failing on a port. The lock is a file
 * beside each system's folder holding the owner's pid and host; one whose process is gone (it was
 * killed) is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { StartError } from './startError.ts';

interface Owner {
  pid: number;
  host: string;
  command: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(file: string): Owner | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Owner;
  } catch {
    // Gone meanwhile, or half written by an owner killed while writing: nobody holds it.
    return undefined;
  }
}

/** Whether `owner` is a live process other than this one. */
function heldBy(owner: Owner | undefined): owner is Owner {
  if (!owner) return false;
  if (owner.host !== hostname()) return true;
  return owner.pid !== process.pid && alive(owner.pid);
}

function tryCreate(file: string, owner: Owner): boolean {
  try {
    const fd = openSync(file, 'wx');
    writeSync(fd, JSON.stringify(owner));
    closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/**
 * Locks the data folders of `systems` under `dataDir` for this process, or throws a StartError
 * naming the process that holds one. Returns the release; the locks also go when the process
 * exits normally, and a killed owner's are taken over by the next start.
 */
export function lockDataDir(dataDir: string, systems: readonly string[], command: string): () => void {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new StartError(`HUB_DATA_DIR ${resolve(dataDir)} cannot be made (${reason}): set HUB_DATA_DIR to a folder this user can write.`);
  }
  const owner: Owner = { pid: process.pid, host: hostname(), command };
  const taken: string[] = [];
  const release = () => {
    for (const file of taken.splice(0)) if (readOwner(file)?.pid === owner.pid) rmSync(file, { force: true });
    process.off('exit', release);
  };
  process.on('exit', release);
  try {
    for (const system of systems) {
      const file = join(dataDir, `${system}.lock`);
      while (!tryCreate(file, owner)) {
        const holder = readOwner(file);
        if (heldBy(holder)) {
          const where = holder.host === owner.host ? `process ${holder.pid}` : `process ${holder.pid} on ${holder.host}`;
          throw new StartError(
            `HUB_DATA_DIR ${resolve(dataDir)} is in use: ${where} (${holder.command}) holds its ${system} database. Stop that process first, or set HUB_DATA_DIR to another folder.`,
          );
        }
        // Stale: its owner died without releasing it.
        rmSync(file, { force: true });
      }
      taken.push(file);
    }
  } catch (error) {
    release();
    throw error;
  }
  return release;
}
