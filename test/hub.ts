/**
 * Starts the whole hub for a test: every subgraph and the gateway in this process on free
 * ports, each system's database fresh (PGlite in a temporary folder, or, with TEST_DATABASE_URL
 * set, a new PostgreSQL database per system that is dropped afterwards), and the event stream
 * in-process (or, with TEST_REDIS_URL set, Redis under a key prefix of its own).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { makeCaller } from '../platform/auth/caller.ts';
import { issueDevToken, type DevTokenOptions } from '../platform/auth/devTokens.ts';
import { gatewaySigningKey } from '../platform/auth/keys.ts';
import { SCOPES } from '../platform/auth/roles.ts';
import { SubgraphTokenSigner } from '../platform/auth/subgraphTokens.ts';
import { envPrefix, loadConfig, SYSTEMS, type HubConfig, type SystemName } from '../platform/config.ts';
import { authorizeByDefault } from './graphql.ts';
import { startHub as startRunningHub, type RunningHub } from '../hub.ts';

export interface TestHubOptions {
  /** Customers seeded before the hub serves; 0 for an empty hub. */
  seedCustomers?: number;
  /** Reuse this data folder (embedded mode), e.g. to prove a restart keeps data. */
  dataDir?: string;
  /** Keep the data folder on close. */
  keepData?: boolean;
  /** Extra environment variables, as the hub would read them. */
  env?: Record<string, string>;
}

export interface TestHub extends RunningHub {
  /** The gateway's GraphQL endpoint, e.g. http://127.0.0.1:53811/graphql. */
  gatewayUrl: string;
  dataDir: string;
  /** A caller token for a role, as `npm run token` makes it; test/graphql.ts sends an admin's by default. */
  token(role: string, options?: DevTokenOptions): Promise<string>;
  /** `Authorization` for a request straight to a subgraph, signed as the gateway signs it (an admin's unless `scopes`). */
  subgraphAuthorization(system: SystemName, scopes?: string[]): string;
}

let databaseCounter = 0;

async function createDatabases(adminUrl: string): Promise<{ urls: Record<string, string>; drop: () => Promise<void> }> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const prefix = `hub_test_${process.pid}_${++databaseCounter}`;
  const urls: Record<string, string> = {};
  for (const system of SYSTEMS) {
    const name = `${prefix}_${system.replace(/-/g, '_')}`;
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    urls[`${envPrefix(system)}_DATABASE_URL`] = url.toString();
  }
  await admin.end();
  return {
    urls,
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      for (const system of SYSTEMS) await client.query(`DROP DATABASE IF EXISTS ${prefix}_${system.replace(/-/g, '_')} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** The variables that put a hub on TEST_REDIS_URL under a fresh prefix, and how to clean it up. */
export function testRedis(): { env: Record<string, string>; drop: () => Promise<void> } {
  const url = process.env.TEST_REDIS_URL;
  if (!url) return { env: {}, drop: async () => undefined };
  const prefix = `hubtest-${process.pid}-${++databaseCounter}`;
  return {
    env: { REDIS_URL: url, REDIS_PREFIX: prefix },
    async drop() {
      const redis = new Redis(url);
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
    },
  };
}

export async function startHub(options: TestHubOptions = {}): Promise<TestHub> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'hub-test-'));
  const testDatabaseUrl = process.env.TEST_DATABASE_URL;
  const databases = testDatabaseUrl && !options.dataDir ? await createDatabases(testDatabaseUrl) : undefined;
  const redis = options.dataDir ? { env: {}, drop: async () => undefined } : testRedis();
  const config: HubConfig = loadConfig({
    HOST: '127.0.0.1',
    GATEWAY_PORT: '0',
    ...Object.fromEntries(SYSTEMS.map((system) => [`${envPrefix(system)}_PORT`, '0'])),
    HUB_DATA_DIR: dataDir,
    HUB_SEED_CUSTOMERS: String(options.seedCustomers ?? 0),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    // The gateway tests run on either query planner (README, "Query planner").
    GATEWAY_QUERY_PLANNER: process.env.TEST_QUERY_PLANNER,
    // Tests share a loaded machine: a slow write must not pass for a subgraph that is down.
    SUBGRAPH_TIMEOUT_MS: '10000',
    // Reconciliation reads every system through the gateway: only where a test asks for it,
    // so it adds nothing to the requests and statements other tests count.
    RECONCILE_INTERVAL: '0',
    ...databases?.urls,
    ...redis.env,
    ...options.env,
  });
  const hub = await startRunningHub(config);
  const signer = new SubgraphTokenSigner(gatewaySigningKey(config));
  const subgraphAuthorization = (system: SystemName, scopes: string[] = [...SCOPES]) =>
    `Bearer ${signer.token(makeCaller(`test:${scopes.join(',')}`, scopes.length === SCOPES.length ? 'admin' : '', scopes), system)}`;
  const adminToken = `Bearer ${await issueDevToken(config, 'admin')}`;
  authorizeByDefault(hub.gateway.url, () => adminToken);
  for (const system of SYSTEMS) authorizeByDefault(hub.subgraphs[system].url, () => subgraphAuthorization(system));
  return {
    ...hub,
    gatewayUrl: `${hub.gateway.url}/graphql`,
    dataDir,
    token: (role, tokenOptions) => issueDevToken(config, role, tokenOptions),
    subgraphAuthorization,
    async close() {
      await hub.close();
      await databases?.drop();
      await redis.drop();
      if (!options.keepData && !options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
