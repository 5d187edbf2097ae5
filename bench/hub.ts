/**
 * The hub's subgraphs for the bench: one process per system (`main.ts <system>`) on PostgreSQL
 * databases of the bench's own (bench_<size>_<system>), seeded with the product's seed once per size
 * and reused, events through Redis under a bench prefix.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { envPrefix, SYSTEMS, type SystemName } from '../platform/config.ts';
import { readMetric } from '../test/metrics.ts';
import { freePort, ROOT, spawnNode, type BenchProcess } from './processes.ts';
import type { HubData } from './workloads.ts';

export const SIZES = { S: 300, M: 3_000, L: 20_000 } as const;
export type Size = keyof typeof SIZES;

export interface HubOptions {
  size: Size;
  /** PostgreSQL server the bench may create databases on. */
  postgresUrl: string;
  redisUrl: string;
  dataDir: string;
  logDir: string;
}

export interface BenchHub {
  systems: Record<SystemName, { url: string; databaseUrl: string }>;
  /** Environment every hub service of this run shares. */
  env: Record<string, string>;
  data: HubData;
  /** GraphQL requests every subgraph has served since start, summed. */
  subgraphRequests(): Promise<number>;
  processes: BenchProcess[];
  close(): Promise<void>;
}

function databaseUrl(postgresUrl: string, name: string): string {
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Seeds the size's databases unless they already hold exactly that many customers. */
async function ensureSeeded(options: HubOptions, urls: Record<SystemName, string>, log: (line: string) => void): Promise<void> {
  const customers = SIZES[options.size];
  // A seed that stopped halfway leaves some systems short; each system's customer table must be full.
  const counts = await Promise.all(
    (
      [
        [urls.crm, 'customers'],
        [urls.billing, 'billing_accounts'],
        [urls.erp, 'erp_customers'],
        [urls['customer-success'], 'cs_accounts'],
      ] as const
    ).map(([url, table]) => query<{ n: string }>(url, `SELECT count(*) AS n FROM ${table}`).then((rows) => Number(rows[0].n), () => -1)),
  );
  if (counts.every((count) => count === customers)) return;
  log(`seeding size ${options.size} (${customers} customers) into bench_${options.size.toLowerCase()}_* …`);
  for (const system of SYSTEMS) {
    const name = new URL(urls[system]).pathname.slice(1);
    await query(options.postgresUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await query(options.postgresUrl, `CREATE DATABASE ${name}`);
  }
  // Not spawnSync: the progress bar keeps drawing while the seed runs.
  const seed = spawn(process.execPath, ['--import', 'tsx', 'seed/main.ts', '--customers', String(customers)], {
    cwd: ROOT,
    env: { ...process.env, ...Object.fromEntries(SYSTEMS.map((system) => [`${envPrefix(system)}_DATABASE_URL`, urls[system]])), LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  seed.stdout.on('data', (chunk) => (output += chunk));
  seed.stderr.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((resolve) => seed.once('exit', resolve));
  if (code !== 0) throw new Error(`seed failed:\n${output.slice(-2000)}`);
}

/**
 * Empties the gateways' entity cache under `prefix`: every run starts cold (`customer360` measures
 * that, `customer360Warm` the steady state), and no entry outlives a new seed.
 */
async function forgetEntityCache(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    for await (const keys of redis.scanStream({ match: `${prefix}:entity-cache:*`, count: 1000 })) {
      if ((keys as string[]).length > 0) await redis.unlink(...(keys as string[]));
    }
  } finally {
    redis.disconnect();
  }
}

export async function startBenchHub(options: HubOptions, log: (line: string) => void): Promise<BenchHub> {
  const prefix = `bench_${options.size.toLowerCase()}`;
  const urls = Object.fromEntries(SYSTEMS.map((system) => [system, databaseUrl(options.postgresUrl, `${prefix}_${system.replace(/-/g, '_')}`)])) as Record<SystemName, string>;
  await ensureSeeded(options, urls, log);
  const redisPrefix = `bench-${options.size.toLowerCase()}`;
  await forgetEntityCache(options.redisUrl, redisPrefix);
  const env = { REDIS_URL: options.redisUrl, REDIS_PREFIX: redisPrefix, HUB_DATA_DIR: options.dataDir, LOG_LEVEL: 'warn', HUB_SEED_CUSTOMERS: '0' };
  const systems = {} as BenchHub['systems'];
  // Side by side: each process spends most of its start compiling TypeScript.
  const started = await Promise.allSettled(
    SYSTEMS.map(async (system) => {
      // A service that dies while starting (e.g. its Redis connection not up yet when its consumers
      // register) is started again, up to three times.
      for (let attempt = 1; ; attempt++) {
        const port = await freePort();
        const url = `http://127.0.0.1:${port}/graphql`;
        systems[system] = { url, databaseUrl: urls[system] };
        try {
          return await spawnNode(system, {
            args: ['--import', 'tsx', 'main.ts', system],
            env: { ...env, HOST: '127.0.0.1', [`${envPrefix(system)}_PORT`]: String(port), [`${envPrefix(system)}_DATABASE_URL`]: urls[system] },
            logFile: join(options.logDir, `${prefix}-${system}${attempt > 1 ? `-${attempt}` : ''}.log`),
            // /readyz, not a GraphQL request: subgraphs may serve the gateway only (a signed token).
            ready: async () => {
              const response = await fetch(url.replace(/\/graphql$/, '/readyz'));
              if (!response.ok) throw new Error(`HTTP ${response.status}`);
            },
          });
        } catch (error) {
          if (attempt === 3 || !/exited before it was ready/.test((error as Error).message)) throw error;
          log(`${system} exited while starting; starting it again`);
        }
      }
    }),
  );
  const processes = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await Promise.all(processes.map((proc) => proc.stop()));
    throw failed.reason;
  }
  const customerIds = (await query<{ id: string }>(urls.crm, 'SELECT id FROM customers ORDER BY id')).map((row) => row.id);
  const openInvoiceIds = (
    await query<{ id: string }>(urls.billing, `SELECT id FROM invoices WHERE status = 'OPEN' AND total - amount_paid > 100 ORDER BY id LIMIT 500`)
  ).map((row) => row.id);
  return {
    systems,
    env,
    data: { customerIds, openInvoiceIds },
    async subgraphRequests() {
      const counts = await Promise.all(
        SYSTEMS.map(async (system) => readMetric(await (await fetch(systems[system].url.replace(/\/graphql$/, '/metrics'))).text(), 'graphql_requests_total')),
      );
      return counts.reduce((sum, count) => sum + count, 0);
    },
    processes,
    close: async () => void (await Promise.all(processes.map((proc) => proc.stop()))),
  };
}
