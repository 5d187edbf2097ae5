/**
 * `npm run seed -- --customers N [--as-of YYYY-MM-DD] [--seed S] [--reset]`
 *
 * Fills every system's database (HUB_DATA_DIR, or <SYSTEM>_DATABASE_URL) with demo data: the four
 * systems of record, and ops with the events of the recent history.
 * The hub must not be running on the same embedded data folder meanwhile: PGlite allows one
 * process per folder, and a running hub would not see the rows written behind its back anyway.
 */
import cliProgress from 'cli-progress';
import { ConfigError, loadConfig, SYSTEMS, type SystemName } from '../platform/config.ts';
import type { Db } from '../platform/db.ts';
import { openSystemDb } from '../platform/runtime.ts';
import { tablesWithData, truncateAll } from './bulk.ts';
import { isIsoDate, seedHub } from './index.ts';

const USAGE = 'usage: npm run seed -- --customers N [--as-of YYYY-MM-DD] [--seed S] [--reset]';

interface Args {
  customers: number;
  asOf?: string;
  seed?: number;
  reset: boolean;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args {
  const values = new Map<string, string>();
  let reset = false;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--reset') {
      reset = true;
      continue;
    }
    if (arg === '--help' || arg === '-h') throw new UsageError(USAGE);
    const match = /^--(customers|as-of|seed)(?:=(.*))?$/.exec(arg);
    if (!match) throw new UsageError(`unknown argument "${arg}"\n${USAGE}`);
    const value = match[2] ?? argv[++index];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`--${match[1]} needs a value\n${USAGE}`);
    values.set(match[1], value);
  }
  const customers = values.get('customers');
  if (customers === undefined) throw new UsageError(`--customers is required\n${USAGE}`);
  if (!/^\d+$/.test(customers) || Number(customers) < 1 || !Number.isSafeInteger(Number(customers))) {
    throw new UsageError(`--customers must be a positive integer, got "${customers}"`);
  }
  const asOf = values.get('as-of');
  if (asOf !== undefined && !isIsoDate(asOf)) throw new UsageError(`--as-of must be a date like 2026-11-22, got "${asOf}"`);
  const seed = values.get('seed');
  if (seed !== undefined && !/^\d{1,9}$/.test(seed)) throw new UsageError(`--seed must be a non-negative integer below 1000000000, got "${seed}"`);
  return { customers: Number(customers), asOf, seed: seed === undefined ? undefined : Number(seed), reset };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  const dbs = {} as Record<SystemName, Db>;
  try {
    // Side by side: a new embedded database takes seconds to create, partly off the main thread.
    const opened = await Promise.allSettled(SYSTEMS.map(async (name) => (dbs[name] = await openSystemDb(config, name))));
    for (const result of opened) if (result.status === 'rejected') throw result.reason;
    const filled: string[] = [];
    for (const name of SYSTEMS) {
      const tables = await tablesWithData(dbs[name]);
      if (tables.length > 0) filled.push(`${name} (${tables.join(', ')})`);
    }
    if (filled.length > 0 && !args.reset) {
      console.error(`Refusing to seed: these databases already hold data: ${filled.join('; ')}.\nRun again with --reset to empty every system first.`);
      return 1;
    }
    if (args.reset) for (const name of SYSTEMS) await truncateAll(dbs[name]);

    const bar = new cliProgress.SingleBar(
      { format: 'seeding {phase} [{bar}] {percentage}% | {duration}s', hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    bar.start(args.customers, 0, { phase: 'customers' });
    const summary = await seedHub(dbs, {
      customers: args.customers,
      asOf: args.asOf,
      seed: args.seed,
      onProgress: ({ phase, done }) => bar.update(done, { phase }),
    }).finally(() => bar.stop());
    const where = SYSTEMS.map((name) => config.systems[name].databaseUrl ? `${name}: PostgreSQL` : `${name}: ${config.dataDir}/${name}`).join(', ');
    console.log(`Seeded in ${(summary.ms / 1000).toFixed(1)} s (${where}):`);
    for (const [key, value] of Object.entries(summary)) if (key !== 'ms') console.log(`  ${key.padEnd(15)} ${value.toLocaleString('en-US')}`);
    return 0;
  } finally {
    await Promise.all(Object.values(dbs).map((db) => db.close()));
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof ConfigError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  },
);
