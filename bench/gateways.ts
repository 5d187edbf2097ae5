/**
 * The gateways compared, each started as its own process over the same supergraph file:
 * ours as users run it (`main.ts gateway`), plain @apollo/gateway, Hive Gateway (JIT, as the
 * public benchmark configures it) and Hive Gateway on its Rust router runtime, with inbound
 * deduplication on and off, and, for the hub's workloads, the direct-SQL floor. Grafbase (Rust)
 * composes the same subgraphs' SDL files itself, the reference of what this machine allows.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { join } from 'node:path';
import { SYSTEMS, envPrefix } from '../platform/config.ts';
import { answersGraphql, freePort, ROOT, spawnNode, type BenchProcess } from './processes.ts';
import type { BenchTokens } from './tokens.ts';

export type Phase = 'anchor' | 'hub';

export interface GatewayContext {
  phase: Phase;
  supergraphPath: string;
  /** The subgraphs the supergraph composes: where each serves and its SDL file (for gateways that compose themselves). */
  subgraphs: { name: string; url: string; schemaPath: string }[];
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

type Launch = (port: number) => { command?: string; args: string[]; env?: Record<string, string>; cwd?: string };

async function launch(id: string, context: GatewayContext, command: Launch, headers: Record<string, string> = {}): Promise<RunningGateway> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/graphql`;
  const process = await spawnNode(id, { ...command(port), logFile: join(context.logDir, `${id}.log`), ready: answersGraphql(url, headers) });
  return { url, headers, process };
}

/** Ours as users run it; `cache: 'off'` without the entity cache (ENTITY_CACHE), for the cache's own workloads. */
function ours(id: string, deduplication: 'on' | 'off', phases: Phase[], cache: 'on' | 'off' = 'on'): Gateway {
  return {
    id,
    label: `ours (dedup ${deduplication}${cache === 'off' ? ', entity cache off' : ''})`,
    phases,
    ...(cache === 'off' && { workloads: ['customer360', 'customer360Mixed'] }),
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
            ENTITY_CACHE: cache,
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

const GRAFBASE_BIN = join(PEERS, 'node_modules', '@grafbase', 'cli-x86_64-unknown-linux-musl', 'grafbase');

/** Grafbase's gateway config: each subgraph's URL and SDL file, the static headers it sends each one, deduplication. */
function grafbaseConfig(context: GatewayContext, deduplication: boolean): string {
  const lines: string[] = [];
  for (const subgraph of context.subgraphs) {
    lines.push(`[subgraphs.${subgraph.name}]`, `url = ${JSON.stringify(subgraph.url)}`, `schema_path = ${JSON.stringify(subgraph.schemaPath)}`, '');
    for (const [name, value] of Object.entries(context.systems ? (context.tokens.subgraph[subgraph.name] ?? {}) : {})) {
      lines.push(`[[subgraphs.${subgraph.name}.headers]]`, 'rule = "insert"', `name = ${JSON.stringify(name)}`, `value = ${JSON.stringify(value)}`, '');
    }
  }
  // In-flight deduplication is on by default.
  if (!deduplication) lines.push('[traffic_shaping]', 'inflight_deduplication = false', '');
  return lines.join('\n');
}

/**
 * Grafbase's CLI (`grafbase dev`, its gateway in one process) over the subgraphs' SDL files. It
 * composes them itself; composition is tried first (`grafbase compose`) so that a graph it refuses
 * fails at once with its reason.
 */
function grafbase(deduplication: boolean, phases: Phase[]): Gateway {
  const id = `grafbase${deduplication ? '' : '-nodedup'}`;
  return {
    id,
    label: `Grafbase (dedup ${deduplication ? 'on' : 'off'})`,
    phases,
    start: async (context) => {
      const dir = join(PEERS, 'generated');
      const home = join(dir, 'grafbase-home');
      mkdirSync(home, { recursive: true });
      const configPath = join(dir, `${id}-${context.phase}.toml`);
      writeFileSync(configPath, grafbaseConfig(context, deduplication));
      // Its state (a WebAssembly cache, the CLI's version) under generated/, not the user's home.
      const env = { HOME: home };
      try {
        await promisify(execFile)(GRAFBASE_BIN, ['--home', home, 'compose', '-c', configPath], { cwd: dir, env: { ...process.env, ...env }, timeout: 60_000 });
      } catch (error) {
        const { stdout, stderr } = error as { stdout?: string; stderr?: string };
        const reason = `${stdout ?? ''}${stderr ?? ''}`.trim().split('\n').find((line) => line.trim()) ?? (error as Error).message;
        throw new Error(`Grafbase does not compose these subgraphs: ${reason.replace(/^[-\s❌]*/u, '')}`);
      }
      return launch(id, context, (port) => ({ command: GRAFBASE_BIN, args: ['--home', home, 'dev', '-c', configPath, '--listen-address', `127.0.0.1:${port}`], env, cwd: dir }));
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
  ours('ours-nocache', 'on', ['hub'], 'off'),
  apollo,
  hive(false, true, ['anchor', 'hub']),
  hive(false, false, ['anchor']),
  hive(true, true, ['anchor', 'hub']),
  hive(true, false, ['anchor']),
  grafbase(true, ['anchor', 'hub']),
  grafbase(false, ['anchor']),
  floor,
];
export const BASELINE = 'apollo-gateway';
