/**
 * `npm start` runs the whole hub in this process; `npm start -- <service>` runs one service
 * (gateway, crm, billing, erp, customer-success, ops) for the distributed deployment.
 */
import { loadConfigOrExit, SERVICES, SYSTEMS, type HubConfig, type ServiceName, type SystemName } from './platform/config.ts';
import type { RunningService } from './hub.ts';
import { issueDevToken, issuesOwnTokens } from './platform/auth/devTokens.ts';
import { ROLE_NAMES } from './platform/auth/roles.ts';
import { lockDataDir } from './platform/dataDirLock.ts';
import { exitStartFailure } from './platform/startError.ts';
import { startTracing } from './platform/tracingSdk.ts';
import { firstStart, seedInChild } from './seed/inChild.ts';
import type { SeedProgress } from './seed/index.ts';
import { seedProgressDisplay } from './seed/progress.ts';

const USAGE = `usage: npm start [-- <service>]

Without a service, runs the whole hub in this process: the gateway (GraphiQL at
http://localhost:4000/graphql) and every subgraph, on embedded databases under HUB_DATA_DIR,
seeded with HUB_SEED_CUSTOMERS demo customers on the first start.

With a service, runs only that one, for the distributed deployment: ${SERVICES.join(', ')}.

Settings are environment variables (HUB_DATA_DIR, GATEWAY_PORT, <SYSTEM>_DATABASE_URL, REDIS_URL,
LOG_LEVEL, ...): see the README, Configuration.`;

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Ready-to-use development tokens, one per role (valid 12 hours), for GraphiQL and curl. */
async function devTokenBanner(config: HubConfig): Promise<string> {
  const tokens = await Promise.all(ROLE_NAMES.map(async (role) => `  ${role.padEnd(8)} ${await issueDevToken(config, role)}`));
  return `Development tokens (12 h; \`npm run token -- --role <role>\` makes more). Paste one into GraphiQL, or send "Authorization: Bearer <token>":\n${tokens.join('\n')}\n`;
}

async function main(config: HubConfig): Promise<void> {
  const requested = process.argv[2];
  if (requested !== undefined && !(SERVICES as readonly string[]).includes(requested)) {
    fail(`Unknown service "${requested}". Run one of: ${SERVICES.join(', ')} (or nothing for all in one process).\n\n${USAGE}`);
  }
  // Before anything opens a database: a second hub on the same data folder stops here.
  const systems: readonly SystemName[] = requested === undefined ? SYSTEMS : requested === 'gateway' ? [] : [requested as SystemName];
  const embedded = systems.filter((name) => !config.systems[name].databaseUrl);
  if (embedded.length > 0) lockDataDir(config.dataDir, embedded, `npm start${requested ? ` -- ${requested}` : ''}`);
  // Once per process, before any service: each service's spans under its own service.name.
  const tracing = await startTracing(config.tracing, requested ? [requested as ServiceName] : SERVICES);

  let running: RunningService[];
  let close: () => Promise<void>;
  if (requested) {
    if (requested !== 'gateway' && !config.events.redisUrl) {
      console.error('REDIS_URL is not set: this service\'s events stay in this process, and other processes never see them.');
    }
    const { startService } = await import('./hub.ts');
    const service = await startService(requested as ServiceName, config);
    running = [service];
    close = () => service.close();
  } else {
    const progress = seedProgressDisplay('Seeding demo data:');
    const seeding = {
      onSeedInterrupted: () => console.error('The first-start seed of this data folder was interrupted: its partial data is being removed and the seed redone.'),
      onSeedProgress: (update: SeedProgress) => progress.update(update),
    };
    const hub = await (async () => {
      // In a child, under this process's lock: the seed's garbage leaves with it (see seed/firstStart.ts).
      if (firstStart(config)) await seedInChild(seeding);
      // Loaded only now: while the child seeds, this process holds little more than Node itself.
      const { startHub } = await import('./hub.ts');
      return startHub(config, seeding);
    })().finally(() => progress.stop());
    running = [hub.gateway, ...Object.values(hub.subgraphs)];
    close = () => hub.close();
  }

  const gateway = running.find((service) => service.name === 'gateway');
  const lines = running.map((service) => `  ${service.name.padEnd(17)} ${service.url}/graphql`);
  console.error(`\nOperational data hub is up${gateway ? ` — open ${gateway.url}/graphql in a browser for GraphiQL` : ''}\n${lines.join('\n')}\n`);
  if (gateway && issuesOwnTokens(config)) console.error(await devTokenBanner(config));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`${signal}: shutting down`);
    try {
      await close();
      // The spans of the last requests and of the shutdown itself are still batched.
      await tracing?.shutdown();
      process.exit(0);
    } catch (error) {
      console.error(error);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

if (process.argv.includes('--help') || process.argv.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const config = loadConfigOrExit();
main(config).catch((error: unknown) => exitStartFailure(error, config));
