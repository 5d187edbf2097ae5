/**
 * The first-start seed of `npm start`: demo data when every system's database is empty, the
 * partial data of an interrupted seed emptied first. `npm start` runs it in a child process
 * before the hub opens its databases, so that the hundreds of MB a seed allocates leave with the
 * child instead of staying in the hub's heap and allocator for as long as it runs.
 */
import { fork } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadConfig, SYSTEMS, type HubConfig, type SystemName } from '../platform/config.ts';
import type { Db } from '../platform/db/db.ts';
import { openSystemDb } from '../platform/service/runtime.ts';
import { StartError, startFailure } from '../platform/startError.ts';
import { SUBGRAPHS } from '../subgraphs/index.ts';
import { resetAll, seedHub, seedState, type SeedProgress } from './index.ts';

export interface FirstStartOptions {
  /** Called while the seed runs. */
  onSeedProgress?: (progress: SeedProgress) => void;
  /** Told when the data of an interrupted first-start seed is thrown away, before it is redone. */
  onSeedInterrupted?: () => void;
}

/**
 * Seeds `customers` demo customers when every system is empty; empties the partial data of an
 * interrupted seed first (with no customers to seed, too).
 */
export async function seedIfEmpty(dbs: Record<SystemName, Db>, customers: number, options: FirstStartOptions = {}): Promise<void> {
  const state = await seedState(dbs);
  if (state === 'interrupted') {
    options.onSeedInterrupted?.();
    await resetAll(dbs);
  }
  if (customers > 0 && state !== 'filled') await seedHub(dbs, { customers, onProgress: options.onSeedProgress });
}

type Message = { progress: SeedProgress } | { interrupted: true } | { done: true } | { failure: string };

/**
 * Runs seedIfEmpty in a child process on the databases `config` names, with this process's
 * environment and node flags. The child holds no lock of its own: it works under this process's
 * lock on the data folder, and ends when this process does (a stop mid-seed leaves an interrupted
 * seed, redone at the next start). Throws a StartError with the child's one-line reason.
 */
export function seedInChild(options: FirstStartOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
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

async function child(config: HubConfig, send: (message: Message) => void): Promise<void> {
  const dbs = {} as Record<SystemName, Db>;
  try {
    const opened = await Promise.allSettled(SYSTEMS.map(async (name) => (dbs[name] = await openSystemDb(config, SUBGRAPHS[name].definition))));
    for (const result of opened) if (result.status === 'rejected') throw result.reason;
    await seedIfEmpty(dbs, config.seedCustomers, { onSeedInterrupted: () => send({ interrupted: true }), onSeedProgress: (progress) => send({ progress }) });
  } finally {
    await Promise.all(Object.values(dbs).map((db) => db.close()));
  }
}

if (process.send && import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // Its parent gone (killed), the seed stops: an interrupted seed, redone at the next start.
  process.on('disconnect', () => process.exit(1));
  const send = (message: Message) => process.send!(message);
  let config: HubConfig | undefined;
  let last: Message = { done: true };
  try {
    config = loadConfig();
    await child(config, send);
  } catch (error) {
    last = { failure: startFailure(error, config?.logLevel === 'debug' || config?.logLevel === 'trace') };
  }
  // Exits once the last message (after every earlier one) is written.
  process.send(last, () => process.exit('done' in last ? 0 : 1));
}
