import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceMap } from '@apollo/gateway';
import { makeCaller } from '../platform/auth/caller.ts';
import { gatewaySigningKey } from '../platform/auth/keys.ts';
import { SubgraphTokenSigner } from '../platform/auth/subgraphTokens.ts';
import { SYSTEMS, type HubConfig, type SystemName } from '../platform/config.ts';
import { createHttpApp } from '../platform/http.ts';
import { StartError } from '../platform/startError.ts';
import { createLogger } from '../platform/logger.ts';
import { createRegistry } from '../platform/metrics.ts';
import { strictScalars } from '../platform/scalars.ts';
import type { Service } from '../platform/http.ts';
import type { GatewayContext } from './context.ts';
import { lazyFederation } from './execution/federation.ts';
import { Engine } from './execution/engine.ts';
import { entityCache } from './execution/gatewayCache.ts';
import type { EventStream } from '../platform/events/stream.ts';
import { ResponseSerializer } from './execution/responseSerializer.ts';
import { SubgraphFetcher, SubgraphTransport } from './execution/subgraphFetcher.ts';
import { gatewaySubgraph, GATEWAY_SUBGRAPH } from './gatewaySubgraph.ts';
import { DEFAULT_EXAMPLES, registerGraphiql } from './graphiql/index.ts';
import { registerOpsConsole } from './ops-console/index.ts';
import { RECORD_GATEWAY_AUDIT, type GatewayAuditReport } from './security/auditTrail.ts';
import { createGatewaySecurity } from './security/gatewaySecurity.ts';
import { OperationAuthorizer, supergraphForGateway } from './security/authorize.ts';
import { createSubscriptionServer, type SubscriptionServer } from './subscriptions/subscriptionServer.ts';
import { SubscriptionPlanner } from './subscriptions/subscriptionPlanner.ts';
import { createGatewayLimits } from './limits/gatewayLimits.ts';
import { DeprecatedUsage, type DeprecatedUsageReport } from './deprecatedUsage.ts';
import { withDeadline } from './limits/requestTimeout.ts';
import { LiveConnections } from './pipeline/connections.ts';
import { registerHttpTransport } from './pipeline/http.ts';
import { GatewayPipeline } from './pipeline/pipeline.ts';
import { LiveSubscriptions } from './subscriptions/liveSubscriptions.ts';

/** The composed supergraph, committed at the repository root and rebuilt by `npm run compose`. */
export const SUPERGRAPH_PATH = join(import.meta.dirname, '..', 'supergraph.graphql');

export type { GatewayContext };

interface SubgraphStatus {
  ok: boolean;
  url: string;
  ms: number;
  error?: string;
  /** The subgraph's event stream, as its own `/readyz` reports it (absent when it does not say). */
  events?: 'up' | 'down';
}

/** The gateway itself, as the caller of its readiness probes: no scopes, `{ __typename }` needs none. */
const PROBE_CALLER = makeCaller('system:gateway', '', []);

/** The gateway itself, as the reporter of deprecated-field usage to ops. */
const USAGE_REPORTER = makeCaller('system:gateway', '', ['ops:write']);

const RECORD_DEPRECATED_USAGE = /* GraphQL */ `
  mutation RecordDeprecatedUsage($usage: [DeprecatedUsageInput!]!, $idempotencyKey: String!) {
    recordDeprecatedUsage(usage: $usage, idempotencyKey: $idempotencyKey)
  }
`;

/** Sends one report (deprecated usage, audit entries) to the ops subgraph; throws unless ops recorded it. */
async function reportToOps(url: string, token: string, query: string, variables: DeprecatedUsageReport | GatewayAuditReport, timeoutMs: number): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = (await response.json()) as { errors?: { message: string }[] };
  if (!response.ok || body.errors) throw new Error(`ops answered ${response.status}: ${body.errors?.map((error) => error.message).join('; ') ?? ''}`);
}

/** Asks one subgraph for `{ __typename }`, and its `/readyz` for its event stream; used by `/readyz`. */
async function probe(url: string, token: string, timeoutMs: number): Promise<SubgraphStatus> {
  const started = performance.now();
  try {
    const [response, readiness] = await Promise.all([
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ __typename }' }),
        signal: AbortSignal.timeout(timeoutMs),
      }),
      // A subgraph that is not a hub system may have no /readyz: then it says nothing of events.
      fetch(new URL('/readyz', url), { signal: AbortSignal.timeout(timeoutMs) })
        .then(async (reply) => ((await reply.json()) as { events?: unknown }).events)
        .catch(() => undefined),
    ]);
    const ok = response.ok && ((await response.json()) as { data?: unknown }).data !== undefined;
    const events: Pick<SubgraphStatus, 'events'> = readiness === 'up' || readiness === 'down' ? { events: readiness } : {};
    return { ok, url, ms: Math.round(performance.now() - started), ...events, ...(ok ? {} : { error: `HTTP ${response.status}` }) };
  } catch (error) {
    return { ok: false, url, ms: Math.round(performance.now() - started), error: (error as Error).message };
  }
}

/** Where a subgraph serves graphql-ws: its GraphQL URL with the WebSocket scheme. */
export function subscriptionUrl(httpUrl: string): string {
  const url = new URL(httpUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

function hubSystem(name: string): name is SystemName {
  return (SYSTEMS as readonly string[]).includes(name);
}

/** A hub system is reached at its configured URL; any other subgraph at the URL its supergraph names. */
function subgraphUrl(config: HubConfig, name: string, supergraphUrl: string | undefined): string {
  const url = hubSystem(name) ? config.systems[name].url : supergraphUrl;
  if (!url) throw new Error(`The supergraph names no URL for subgraph ${name}`);
  return url;
}

/** The supergraph's text; a file that cannot be read stops the start with one line saying which and why. */
function readSupergraph(config: HubConfig): string {
  try {
    return readFileSync(config.supergraphPath ?? SUPERGRAPH_PATH, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    if (config.supergraphPath) {
      throw new StartError(`SUPERGRAPH_PATH ${config.supergraphPath} cannot be read (${reason}): the gateway cannot start. Point SUPERGRAPH_PATH at a composed supergraph, or unset it to serve the hub's own.`);
    }
    throw new StartError(`${SUPERGRAPH_PATH} cannot be read (${reason}): the gateway cannot start. Run \`npm run compose\` to write it.`);
  }
}

/** How often the gateway pings each WebSocket client; one that missed the previous ping is cut. */
const WS_KEEP_ALIVE_MS = 15_000;

/**
 * The federation gateway: `@apollo/gateway` over the committed supergraph, each subgraph reached
 * at its configured URL, every request through one pipeline (pipeline/pipeline.ts) over HTTP,
 * SSE, HTTP multipart and graphql-ws on `/graphql`; GraphiQL for browsers at `GET /graphql`, the
 * ops console at `GET /ops`, `/healthz` and `/readyz`.
 */
export interface GatewayOptions {
  /**
   * The event stream the subgraphs publish on, when the gateway runs beside them in one process:
   * with it the gateway keeps its entity cache (ENTITY_CACHE), evicted by every event.
   */
  events?: EventStream;
  /** The systems' own error codes, which pass to clients as the subgraphs answer them. */
  domainCodes: ReadonlySet<string>;
}

export async function createGatewayServer(config: HubConfig, options: GatewayOptions): Promise<Service> {
  // @apollo/gateway otherwise exports usage metrics to Apollo and probes cloud metadata
  // endpoints at construction; a hub that may run without internet must not phone out.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';

  const logger = createLogger(config, 'gateway');
  const supergraphSdl = supergraphForGateway(readSupergraph(config));
  // The same data sources serve queries and complete subscription events.
  const dataSources: ServiceMap = Object.create(null);
  const registry = createRegistry('gateway');
  const federation = lazyFederation(supergraphSdl, config.queryPlanner);
  const cache = entityCache(config, options.events, () => federation().supergraphSchema, logger);
  cache?.cache.registerMetrics(registry);
  // With the entity cache nothing joins work in flight: it may have started before a write whose
  // response a joining request was sent after (and a read after a write must see it).
  const transport = new SubgraphTransport(config.resilience, registry, { joinInFlight: !cache });
  const subgraphTokens = new SubgraphTokenSigner(gatewaySigningKey(config));
  const subgraphUrls: Record<string, string> = Object.create(null);
  const security = await createGatewaySecurity(config, logger, async (entries, idempotencyKey) => {
    if (subgraphUrls.ops) await reportToOps(subgraphUrls.ops, subgraphTokens.token(USAGE_REPORTER, 'ops'), RECORD_GATEWAY_AUDIT, { entries, idempotencyKey }, timeoutOf('ops'));
  });
  const ownSubgraph = gatewaySubgraph(() => [...transport.fetchers.values()].map(({ name, circuit }) => ({ name, state: circuit.state })), security);
  const timeoutOf = (name: string) => (hubSystem(name) ? config.systems[name].timeoutMs : config.subgraphTimeoutMs);
  const { apiSchema, subgraphs } = federation();
  strictScalars(apiSchema);
  for (const { name, url } of subgraphs) {
    if (name === GATEWAY_SUBGRAPH) {
      dataSources[name] = ownSubgraph;
      continue;
    }
    subgraphUrls[name] = subgraphUrl(config, name, url);
    dataSources[name] = new SubgraphFetcher(name, subgraphUrls[name], transport, timeoutOf(name), () => `Bearer ${subgraphTokens.token(PROBE_CALLER, name)}`, !config.unmergedSubgraphs.includes(name));
  }
  const { authenticate } = security;
  const limits = createGatewayLimits(config, logger, authenticate);
  const authorizer = new OperationAuthorizer(supergraphSdl);
  const serializer = new ResponseSerializer();
  const engine = new Engine({ federation, apiSchema: () => apiSchema, sources: dataSources, deduplicate: config.gatewayDeduplication && !cache, cache: cache?.cache });
  // Reported to ops when the supergraph has it (the benchmark's has not).
  const deprecatedUsage = new DeprecatedUsage(async (report) => {
    if (subgraphUrls.ops) await reportToOps(subgraphUrls.ops, subgraphTokens.token(USAGE_REPORTER, 'ops'), RECORD_DEPRECATED_USAGE, report, timeoutOf('ops'));
  }, logger);
  security.registerMetrics(registry);
  engine.deduplication.registerMetrics(registry);
  limits.registerMetrics(registry);
  deprecatedUsage.registerMetrics(registry);
  let subscriptions: SubscriptionServer | undefined;
  let liveSubscriptions: LiveSubscriptions | undefined;
  const app = createHttpApp({
    service: 'gateway',
    logger,
    registry,
    bodyLimit: config.limits.bodyBytes,
    ready: async () => {
      const statuses = Object.fromEntries(
        await Promise.all(
          Object.entries(subgraphUrls).map(async ([name, url]) => {
            const status = await probe(url, subgraphTokens.token(PROBE_CALLER, name), Math.min(timeoutOf(name), 2000));
            return [name, { ...status, circuit: transport.fetchers.get(name)?.circuit.state }] as const;
          }),
        ),
      );
      // Ready while every subgraph answers; degraded when an event stream (or the gateway's own Redis) is down.
      const redis = limits.redisHealth();
      const degraded = redis === 'down' || Object.values(statuses).some((status) => status.events === 'down');
      return { ready: Object.values(statuses).every((status) => status.ok), degraded, subgraphs: statuses, ...(redis ? { redis } : {}) };
    },
  });
  await limits.register(app, '/graphql');
  registerGraphiql(app, { endpoint: '/graphql', examples: DEFAULT_EXAMPLES });
  registerOpsConsole(app, { path: '/ops', endpoint: '/graphql' });
  const connections = new LiveConnections((caller, end) => security.access.watch(caller, end));
  const live = new LiveSubscriptions({
    planner: new SubscriptionPlanner(federation, () => apiSchema),
    engine,
    upstreamUrl: (name) => subscriptionUrl(subgraphUrls[name] ?? subgraphUrl(config, name, undefined)),
    buffer: config.subscriptions.buffer,
    log: logger,
  });
  liveSubscriptions = live;
  connections.registerMetrics(registry);
  live.registerMetrics(registry);
  const pipeline = new GatewayPipeline({
    schema: () => apiSchema,
    limits,
    authorizer,
    execute: withDeadline(engine.execute, config.limits.requestTimeoutMs),
    subscriptions: live,
    deprecatedUsage,
    recordRefusal: security.audit.recordRefusal,
    domainCodes: options.domainCodes,
    registry,
  });
  registerHttpTransport(app, { path: '/graphql', pipeline, authenticate, subgraphTokens, connections, serializer });
  subscriptions = createSubscriptionServer({
    server: app.server,
    path: '/graphql',
    pipeline,
    authenticate,
    subgraphTokens,
    connections,
    refuseUpgrade: limits.refuseUpgrade,
    maxMessageBytes: config.limits.wsMessageBytes,
    initTimeoutMs: config.limits.wsInitTimeoutMs,
    perConnection: config.subscriptions.perConnection,
    keepAliveMs: WS_KEEP_ALIVE_MS,
    log: logger,
  });
  subscriptions.registerMetrics(registry);
  return {
    name: 'gateway',
    app,
    async close() {
      // Subscribers first: told to reconnect elsewhere before the port stops answering.
      await subscriptions?.close();
      await liveSubscriptions?.close();
      await app.close();
      await deprecatedUsage.close();
      await security.close();
      await limits.close();
      await transport.close();
      await cache?.close();
    },
  };
}
