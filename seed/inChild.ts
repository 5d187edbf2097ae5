/**
 * `npm start` seeds a fresh data folder in a child process (firstStart.ts) before the hub opens
 * its databases, so that the hundreds of MB a seed allocates leave with the child instead of
 * staying in the hub's heap and allocator for as long as it runs. This module is all the hub has
 * loaded meanwhile: the hub's own modules come after the seed.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SYSTEMS, type HubConfig } from '../platform/config.ts';
import { isNewDataDir } from '../platform/db/db.ts';
import { StartError } from '../platform/startError.ts';
import type { SeedProgress } from './index.ts';

export interface FirstStartOptions {
  /** Called while the seed runs. */
  onSeedProgress?: (progress: SeedProgress) => void;
  /** Told when the data of an interrupted first-start seed is thrown away, before it is redone. */
  onSeedInterrupted?: () => void;
}

/**
 * Whether a system's embedded database is still to be made: the first start of a data folder,
 * the one that seeds. A restart (or the rare seed of databases that exist) seeds in the hub's
 * process, without the seconds a child takes to start.
 */
export function firstStart(config: HubConfig): boolean {
  return config.seedCustomers > 0 && SYSTEMS.some((name) => !config.systems[name].databaseUrl && isNewDataDir(join(config.dataDir, name)));
}

export type Message = { progress: SeedProgress } | { interrupted: true } | { done: true } | { failure: string };

/**
 * Runs firstStart.ts's seedIfEmpty in a child process on the databases `config` names, with this process's
 * environment and node flags. The child holds no lock of its own: it works under this process's
 * lock on the data folder, and ends when this process does (a stop mid-seed leaves an interrupted
 * seed, redone at the next start). Throws a StartError with the child's one-line reason.
 */
export function seedInChild(options: FirstStartOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./firstStart.ts', import.meta.url)), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let failure: string | undefined;
    let stoppedBy: NodeJS.Signals | undefined;
    // A stop while seeding reaches the child first, and this process ends the same way after it.
    const forward = (signal: NodeJS.Signals) => {
      stoppedBy = signal;
      child.kill(signal);
    };
    process.on('SIGINT', forward).on('SIGTERM', forward);
    child.on('message', (message: Message) => {
      if ('progress' in message) options.onSeedProgress?.(message.progress);
      else if ('interrupted' in message) options.onSeedInterrupted?.();
      else if ('failure' in message) failure = message.failure;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward).off('SIGTERM', forward);
      // Ends this process as the signal would have; a listener of the signal elsewhere keeps it, and the start fails.
      if (stoppedBy) process.kill(process.pid, stoppedBy);
      if (stoppedBy || code !== 0) reject(new StartError(failure ?? `The first-start seed stopped (${stoppedBy ?? signal ?? `exit code ${code}`}) before it finished.`));
      else resolve();
    });
  });
}

