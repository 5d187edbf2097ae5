/**
 * The first-start seed: demo data when every system's database is empty, the partial data of an
 * interrupted seed emptied first. Run as a script, it is the child process `npm start` seeds in
 * (see inChild.ts).
 */
import { pathToFileURL } from 'node:url';
import { loadConfig, SYSTEMS, type HubConfig, type SystemName } from '../platform/config.ts';
import type { Db } from '../platform/db/db.ts';
import { openSystemDb } from '../platform/service/runtime.ts';
import { startFailure } from '../platform/startError.ts';
import { SUBGRAPHS } from '../subgraphs/index.ts';
import { resetAll, seedHub, seedState } from './index.ts';
import type { FirstStartOptions, Message } from './inChild.ts';

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
