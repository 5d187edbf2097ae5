/**
 * `npm run seed -- --customers N [--as-of YYYY-MM-DD] [--seed S] [--reset | --if-empty]`
 *
 * Fills every system's database (HUB_DATA_DIR, or <SYSTEM>_DATABASE_URL) with demo data: the four
 * systems of record, and ops with the events of the recent history.
 * The hub must not be running on the same embedded data folder meanwhile (the folder's lock
 * refuses it): PGlite allows one process per folder, and a running hub would not see the rows
 * written behind its back anyway.
 */
import { loadConfigOrExit, SYSTEMS, type HubConfig, type SystemName } from '../platform/config.ts';
import { lockDataDir } from '../platform/dataDirLock.ts';
import type { Db } from '../platform/db/db.ts';
import { openSystemDb } from '../platform/service/runtime.ts';
import { SUBGRAPHS } from '../subgraphs/index.ts';
import { exitStartFailure } from '../platform/startError.ts';
import { tablesWithData } from '../platform/db/bulk.ts';
import { isIsoDate, resetAll, seedHub, seedState } from './index.ts';
import { seedProgressDisplay } from './progress.ts';

const USAGE = `usage: npm run seed -- --customers N [--as-of YYYY-MM-DD] [--seed S] [--reset | --if-empty]

Fills every system's database with consistent demo data: the embedded databases under
HUB_DATA_DIR, or the PostgreSQL databases named by CRM_DATABASE_URL, BILLING_DATABASE_URL,
ERP_DATABASE_URL, CUSTOMER_SUCCESS_DATABASE_URL and OPS_DATABASE_URL (the distributed deployment).

  --customers N     how many customers to make (each with contacts, contracts, invoices, ...)
  --as-of DATE      the day the data describes (default: today, UTC)
  --seed S          the random seed: the same options always make the same data (default 1)
  --reset           empty every system first, when they already hold data
  --if-empty        do nothing (exit 0) when they already hold data: for a deployment's seed job

Databases that hold data are refused without --reset or --if-empty. A seed that was interrupted
(Ctrl-C, a killed container) is detected and redone from empty.`;

interface Args {
  customers: number;
  asOf?: string;
  seed?: number;
  reset: boolean;
  ifEmpty: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args {
  const values = new Map<string, string>();
  let reset = false;
  let ifEmpty = false;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--reset' || arg === '--if-empty') {
      if (arg === '--reset') reset = true;
      else ifEmpty = true;
      continue;
    }
    const match = /^--(customers|as-of|seed)(?:=(.*))?$/.exec(arg);
    if (!match) throw new UsageError(`unknown argument "${arg}"\n${USAGE}`);
    const value = match[2] ?? argv[++index];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${match[1]} needs a value\n${USAGE}`);
    values.set(match[1], value);
  }
  if (reset && ifEmpty) throw new UsageError('--reset and --if-empty contradict each other: choose one');
  const customers = values.get('customers');
  if (customers === undefined) throw new UsageError(`--customers is required\n${USAGE}`);
  if (!/^\d+$/.test(customers) || Number(customers) < 1 || !Number.isSafeInteger(Number(customers))) {
    throw new UsageError(`--customers must be a positive integer, got "${customers}"`);
  }
  const asOf = values.get('as-of');
  if (asOf !== undefined && !isIsoDate(asOf)) throw new UsageError(`--as-of must be a date like 2026-11-22, got "${asOf}"`);
  const seed = values.get('seed');
  if (seed !== undefined && !/^\d{1,9}$/.test(seed)) throw new UsageError(`--seed must be a non-negative integer below 1000000000, got "${seed}"`);
  return { customers: Number(customers), asOf, seed: seed === undefined ? undefined : Number(seed), reset, ifEmpty };
}

async function main(args: Args, config: HubConfig): Promise<number> {
  const embedded = SYSTEMS.filter((name) => !config.systems[name].databaseUrl);
  if (embedded.length > 0) lockDataDir(config.dataDir, embedded, 'npm run seed');
  const dbs = {} as Record<SystemName, Db>;
  try {
    // Side by side: a new embedded database takes seconds to create, partly off the main thread.
    const opened = await Promise.allSettled(SYSTEMS.map(async (name) => (dbs[name] = await openSystemDb(config, SUBGRAPHS[name].definition))));
    for (const result of opened) if (result.status === 'rejected') throw result.reason;
    const state = await seedState(dbs);
    if (state === 'interrupted') {
      console.error('An earlier seed of these databases was interrupted: emptying every system and seeding again.');
    } else {
      const filled: string[] = [];
      for (const name of SYSTEMS) {
        const tables = await tablesWithData(dbs[name]);
        if (tables.length > 0) filled.push(`${name} (${tables.join(', ')})`);
      }
      if (filled.length > 0 && args.ifEmpty) {
        console.error(`Already seeded, nothing to do: these databases hold data: ${filled.join('; ')}.`);
        return 0;
      }
      if (filled.length > 0 && !args.reset) {
        console.error(`Refusing to seed: these databases already hold data: ${filled.join('; ')}.\nRun again with --reset to empty every system first.`);
        return 1;
      }
    }
    if (args.reset || state === 'interrupted') await resetAll(dbs);

    const progress = seedProgressDisplay('seeding');
    const summary = await seedHub(dbs, {
      customers: args.customers,
      asOf: args.asOf,
      seed: args.seed,
      onProgress: (update) => progress.update(update),
    }).finally(() => progress.stop());
    const where = SYSTEMS.map((name) => config.systems[name].databaseUrl ? `${name}: PostgreSQL` : `${name}: ${config.dataDir}/${name}`).join(', ');
    console.log(`Seeded in ${(summary.ms / 1000).toFixed(1)} s (${where}):`);
    for (const [key, value] of Object.entries(summary)) if (key !== 'ms') console.log(`  ${key.padEnd(15)} ${value.toLocaleString('en-US')}`);
    return 0;
  } finally {
    await Promise.all(Object.values(dbs).map((db) => db.close()));
  }
}

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
let args: Args;
try {
  args = parseArgs(process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const config = loadConfigOrExit();
main(args, config).then(
  (code) => process.exit(code),
  (error: unknown) => exitStartFailure(error, config),
);
