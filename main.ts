/**
 * `npm start` runs the whole hub in this process; `npm start -- <service>` runs one service
 * (gateway, crm, billing, erp, customer-success) for the distributed deployment.
 */
import cliProgress from 'cli-progress';
import { ConfigError, loadConfigOrExit, SERVICES, type HubConfig, type ServiceName } from './platform/config.ts';
import { startHub, startService, type RunningService } from './hub.ts';
import { issueDevToken, issuesOwnTokens } from './platform/auth/devTokens.ts';
import { ROLE_NAMES } from './platform/auth/roles.ts';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Ready-to-use development tokens, one per role (valid 12 hours), for GraphiQL and curl. */
async function devTokenBanner(config: HubConfig): Promise<string> {
  const tokens = await Promise.all(ROLE_NAMES.map(async (role) => `  ${role.padEnd(8)} ${await issueDevToken(config, role)}`));
  return `Development tokens (12 h; \`npm run token -- --role <role>\` makes more). Paste one into GraphiQL, or send "Authorization: Bearer <token>":\n${tokens.join('\n')}\n`;
}

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const requested = process.argv[2];
  if (requested !== undefined && !(SERVICES as readonly string[]).includes(requested)) {
    fail(`Unknown service "${requested}". Run one of: ${SERVICES.join(', ')} (or nothing for all in one process).`);
  }

  let running: RunningService[];
  let close: () => Promise<void>;
  if (requested) {
    if (requested !== 'gateway' && !config.events.redisUrl) {
      console.error('REDIS_URL is not set: this service\'s events stay in this process, and other processes never see them.');
    }
    const service = await startService(requested as ServiceName, config);
    running = [service];
    close = () => service.close();
  } else {
    const bar = new cliProgress.SingleBar({ format: 'Seeding demo data [{bar}] {percentage}% {phase}', clearOnComplete: true }, cliProgress.Presets.shades_classic);
    let barStarted = false;
    const hub = await startHub(config, {
      onSeedProgress: ({ phase, done, total }) => {
        if (!barStarted) bar.start(total, 0, { phase });
        barStarted = true;
        bar.setTotal(total);
        bar.update(done, { phase });
      },
    });
    if (barStarted) bar.stop();
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
      process.exit(0);
    } catch (error) {
      console.error(error);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: Error & { code?: string }) => {
  // A setting whose problem shows once a service reads what it names (a bad manifest in PERSISTED_DOCUMENTS_DIR): one line, no stack.
  if (error instanceof ConfigError) fail(error.message);
  if (error.code === 'EADDRINUSE') fail(`Cannot start: ${error.message}. Is the hub already running? Set the *_PORT variables to use other ports.`);
  console.error(error);
  process.exit(1);
});
