/**
 * The gateways compared, each started as its own process over the same supergraph file:
 * ours as users run it (`main.ts gateway`), plain @apollo/gateway, Hive Gateway (JIT, as the
 * public benchmark configures it) and Hive Gateway on its Rust router runtime, with inbound
 * deduplication on and off, and, for the hub's workloads, the direct-SQL floor.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SYSTEMS, envPrefix } from '../platform/config.ts';
import { answersGraphql, freePort, ROOT, spawnNode, type BenchProcess } from './processes.ts';
import type { BenchTokens } from './tokens.ts';

export type Phase = 'anchor' | 'hub';

export interface GatewayContext {
  phase: Phase;
  supergraphPath: string;
  /** Hub phase: each system's GraphQL URL and database URL. */
  systems?: Record<string, { url: string; databaseUrl: string }>;
  /** Environment our gateway shares with the hub's services (Redis, data folder, log level). */
  hubEnv: Record<string, string>;
  tokens: BenchTokens;
  logDir: string;
}

export interface RunningGateway {
  /** POST endpoint of GraphQL. */
  url: string;
  /** Headers every request to it carries. */
  headers: Record<string, string>;
  process: BenchProcess;
}

export interface Gateway {
  id: string;
  label: string;
  phases: Phase[];
  /** Serves graphql-ws subscriptions (the fan-out workload runs only against these). */
  subscriptions?: boolean;
  /** Answers only these workloads (the SQL floor); all when absent. */
  workloads?: string[];
  start(context: GatewayContext): Promise<RunningGateway>;
}

const PEERS = join(ROOT, 'bench', 'peers');
const HIVE_BIN = join(PEERS, 'node_modules', '@graphql-hive', 'gateway', 'dist', 'bin.js');

type Launch = (port: number) => { args: string[]; env?: Record<string, string>; cwd?: string };

async function launch(id: string, context: GatewayContext, command: Launch, headers: Record<string, string> = {}): Promise<RunningGateway> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const process = await spawnNode(id, { ...command(port), logFile: join(context.logDir, `${id}.log`), ready: answersGraphql(url, headers) });
  return { url, headers, process };
}

function ours(id: string, deduplication: 'on' | 'off', phases: Phase[]): Gateway {
  return {
    id,
    label: `ours (dedup ${deduplication})`,
    phases,
    subscriptions: true,
    start: (context) =>
      launch(
        id,
        context,
        (port) => ({
          // As `npm start` runs it (package.json), young-generation size included.
          args: ['--max-semi-space-size=64', '--import', 'tsx', 'main.ts', 'gateway'],
          env: {
            ...context.hubEnv,
            HOST: '127.0.0.1',
            GATEWAY_PORT: String(port),
            SUPERGRAPH_PATH: context.supergraphPath,
            GATEWAY_DEDUPLICATION: deduplication,
            // The fan-out workload puts 50 subscriptions on each connection.
            SUBSCRIPTIONS_PER_CONNECTION: '100',
            ...Object.fromEntries(SYSTEMS.flatMap((system) => (context.systems ? [[`${envPrefix(system)}_URL`, context.systems[system].url]] : []))),
          },
        }),
        context.tokens.caller,
      ),
  };
}

const apollo: Gateway = {
  id: 'apollo-gateway',
  label: 'plain @apollo/gateway',
  phases: ['anchor', 'hub'],
  start: (context) =>
    launch('apollo-gateway', context, (port) => ({
      args: [
        '--import',
        'tsx',
        'bench/apollo-gateway.ts',
        '--supergraph',
        context.supergraphPath,
        '--port',
        String(port),
        '--subgraph-headers',
        JSON.stringify(context.tokens.subgraph),
      ],
      // Only stops usage reporting attempts to Apollo's servers; no gateway behaviour changes.
      env: { APOLLO_TELEMETRY_DISABLED: 'true', NODE_ENV: 'production' },
    })),
};

/** Hive Gateway's config file, as the public benchmark writes it, plus static headers by subgraph URL. */
function hiveConfig(routerRuntime: boolean, deduplication: boolean, headersByUrl: Record<string, Record<string, string>>): string {
  const headers = Object.keys(headersByUrl).length
    ? `\n  plugins: () => [{ onFetch({ url, options, setOptions }) { const extra = ${JSON.stringify(headersByUrl)}[url]; if (extra) setOptions({ ...options, headers: { ...options.headers, ...extra } }); } }],`
    : '';
  return [
    `import { defineConfig } from '@graphql-hive/gateway';`,
    ...(routerRuntime ? [`import { unifiedGraphHandler } from '@graphql-hive/router-runtime';`] : []),
    `export const gatewayConfig = defineConfig({${routerRuntime ? '\n  unifiedGraphHandler,' : ''}`,
    `  inboundInflightRequestDeduplication: ${deduplication},${headers}`,
    `});`,
    '',
  ].join('\n');
}

function hive(routerRuntime: boolean, deduplication: boolean, phases: Phase[]): Gateway {
  const id = `hive-gateway${routerRuntime ? '-router-runtime' : ''}${deduplication ? '' : '-nodedup'}`;
  return {
    id,
    label: `Hive Gateway${routerRuntime ? ' + router-runtime' : ' (JIT)'} (dedup ${deduplication ? 'on' : 'off'})`,
    phases,
    start: (context) => {
      const dir = join(PEERS, 'generated');
      mkdirSync(dir, { recursive: true });
      const configPath = join(dir, `${id}.config.ts`);
      const headersByUrl = Object.fromEntries(
        Object.entries(context.tokens.subgraph).flatMap(([name, headers]) => (context.systems?.[name] ? [[context.systems[name].url, headers]] : [])),
      );
      writeFileSync(configPath, hiveConfig(routerRuntime, deduplication, headersByUrl));
      return launch(id, context, (port) => ({
        // The benchmark starts the JIT variant with --jit and the router-runtime one without.
        args: [HIVE_BIN, 'supergraph', context.supergraphPath, ...(routerRuntime ? [] : ['--jit']), '-c', configPath, '-p', String(port), '-h', '127.0.0.1', '--disable-websockets'],
        env: { NODE_ENV: 'production' },
        cwd: PEERS,
      }));
    },
  };
}

const floor: Gateway = {
  id: 'sql-floor',
  label: 'direct SQL floor (no federation)',
  phases: ['hub'],
  workloads: ['customer360', 'customersPage', 'overdueInvoices'],
  start: (context) =>
    launch('sql-floor', context, (port) => ({
      args: ['--import', 'tsx', 'bench/sql-floor.ts', '--port', String(port), ...SYSTEMS.flatMap((system) => [`--${system}`, context.systems![system].databaseUrl])],
    })),
};

/** Every gateway, in the order the report lists them; the first is ours, the baseline is `apollo-gateway`. */
export const GATEWAYS: Gateway[] = [
  ours('ours', 'on', ['anchor', 'hub']),
  ours('ours-nodedup', 'off', ['anchor']),
  apollo,
  hive(false, true, ['anchor', 'hub']),
  hive(false, false, ['anchor']),
  hive(true, true, ['anchor', 'hub']),
  hive(true, false, ['anchor']),
  floor,
];
export const BASELINE = 'apollo-gateway';
