/**
 * The hub's configuration, read once from the environment and validated at start.
 * Nothing else in the code base reads `process.env`.
 */

import { parsePrivateKey, parsePublicKey } from './auth/parseKey.ts';
import { durationSeconds } from './dates.ts';

/** The systems, one subgraph and one database each: four systems of record and the hub's own ops. */
export const SYSTEMS = ['crm', 'billing', 'erp', 'customer-success', 'ops'] as const;
export type SystemName = (typeof SYSTEMS)[number];

/** Every process the hub can run: the gateway and one per system. */
export const SERVICES = ['gateway', ...SYSTEMS] as const;
export type ServiceName = (typeof SERVICES)[number];

export interface SystemConfig {
  name: SystemName;
  port: number;
  /** PostgreSQL connection string; undefined means the embedded PGlite database under `dataDir`. */
  databaseUrl?: string;
  /** Where the gateway reaches this subgraph. */
  url: string;
  /** How long the gateway waits for one fetch to this subgraph, retries included. */
  timeoutMs: number;
}

export interface HubConfig {
  host: string;
  gatewayPort: number;
  dataDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Customers seeded on the first start of an empty embedded data folder; 0 disables. */
  seedCustomers: number;
  /** Milliseconds the gateway waits for a subgraph (one not overridden per system) before answering with an error for its fields. */
  subgraphTimeoutMs: number;
  /** Subgraphs whose side-by-side `_entities` fetches with different documents go out one request each. */
  unmergedSubgraphs: string[];
  /** How the gateway meets a subgraph that is down or slow: retries and circuit breakers. */
  resilience: ResilienceConfig;
  /** The supergraph the gateway serves; undefined means the hub's own, committed at the repository root. */
  supergraphPath?: string;
  /** Identical queries in flight at once (same document, variables and caller) share one execution. */
  gatewayDeduplication: boolean;
  /** Whose query planner plans the gateway's operations (gateway/execution/queryPlanner.ts). */
  queryPlanner: 'apollo' | 'hive';
  /** The gateway's entity cache (gateway/execution/entityCache.ts). */
  entityCache: EntityCacheConfig;
  events: EventsConfig;
  subscriptions: SubscriptionsConfig;
  limits: LimitsConfig;
  access: AccessConfig;
  auth: AuthConfig;
  systems: Record<SystemName, SystemConfig>;
  reconciliation: ReconciliationConfig;
  tracing: TracingConfig;
}

/**
 * OpenTelemetry tracing (platform/tracingSdk.ts), by OpenTelemetry's own variables. Only what the
 * hub decides is here; the SDK reads the rest of them (headers, batching, sampling) itself.
 */
export interface TracingConfig {
  /** An OTLP endpoint is set: spans are exported; otherwise the SDK is never started. */
  enabled: boolean;
  /** OTLP over HTTP as protobuf (OpenTelemetry's default) or as JSON. */
  protocol: 'http/protobuf' | 'http/json';
  /** OTEL_SERVICE_NAME: the service's name in a one-service process, the prefix of each one's in the embedded hub. */
  serviceName?: string;
}

/** The gateway's cache of entity fetches, kept exact by the event stream. */
export interface EntityCacheConfig {
  /** `on`, `off`, or the subgraphs and `subgraph.Type`s cached (`-` leaves one out, `*` is every subgraph). */
  spec: string;
  /** Bytes the cached answers may take; the least recently used go first past it. */
  maxBytes: number;
  /** A backstop: an entry no event evicted is dropped this long after it was stored. */
  ttlSeconds: number;
}

/** Ops's reconciliation of the systems of record, read through the gateway. */
export interface ReconciliationConfig {
  /** Seconds between scheduled runs (the first soon after start); 0: only on demand. */
  intervalSeconds: number;
  /** Where ops reaches the gateway; the embedded hub points it at the gateway it started. */
  gatewayUrl: string;
  /** The caller token ops presents to the gateway; undefined: ops issues its own when the hub issues tokens. */
  token?: string;
}

/** Retries and circuit breaking of the gateway's subgraph fetches (the timeouts are per system). */
export interface ResilienceConfig {
  /** Further attempts of a query fetch after a connection failure or a 502/503/504. */
  retries: number;
  /** First retry delay; each further one grows exponentially, with jitter. */
  retryBaseMs: number;
  /** Consecutive failed fetches (down, timed out, 502/503/504) that open a subgraph's circuit. */
  circuitFailures: number;
  /** How long an open circuit stays open before the gateway probes the subgraph (half-open). */
  circuitOpenMs: number;
}

export interface AuthConfig {
  /** Where the issuer publishes the keys callers' tokens are signed with. */
  jwksUrl?: string;
  /** The issuer's public key (PEM or JWK); with neither this nor jwksUrl, the hub's local development key. */
  publicKey?: string;
  /** Required `iss` of callers' tokens. */
  issuer: string;
  /** Required `aud` of callers' tokens. */
  audience: string;
  /** The gateway's private key for subgraph tokens (PEM or JWK); undefined means the local pair under the data folder. */
  gatewaySigningKey?: string;
  /** What subgraphs verify the gateway's tokens with (PEM or JWK); undefined means the signing key's, or the local pair. */
  gatewayPublicKey?: string;
  /** How long a revocation (`revokeAccess`) is kept; tokens living longer are refused, so none outlives its revocation. */
  revocationTtlSeconds: number;
}

export interface SubscriptionsConfig {
  /** Live subscriptions one WebSocket connection to the gateway may hold at once. */
  perConnection: number;
  /** Events held for one subscriber that does not read before its subscription ends with SUBSCRIPTION_BUFFER_OVERFLOW. */
  buffer: number;
}

/** What the gateway accepts from one client: refusals carry QUERY_TOO_DEEP, RATE_LIMITED and the like. */
export interface LimitsConfig {
  /** Largest HTTP request body, in bytes. */
  bodyBytes: number;
  /** Deepest nesting of fields in an operation (`{ a { b } }` is 2). */
  depth: number;
  aliases: number;
  /** Field selections in an operation, fragments counted where they are spread. */
  fields: number;
  /** Estimated cost: every field 1, times the list sizes of the fields around it. */
  cost: number;
  /** The size assumed for a list field without a `first` argument. */
  listSize: number;
  /** Requests one client may send per minute (0: unlimited); shared through Redis when configured. */
  ratePerMinute: number;
  /** Deadline of one whole operation. */
  requestTimeoutMs: number;
  /** Largest WebSocket message, in bytes. */
  wsMessageBytes: number;
  /** How long a WebSocket client has to send `connection_init`. */
  wsInitTimeoutMs: number;
}

/** Who may call the gateway from where, and with what documents. */
export interface AccessConfig {
  /** Origins browsers may call the gateway from (CORS); empty means same-origin only. */
  corsOrigins: string[];
  /** Folder of persisted-query manifests (`*.json`); undefined means none. */
  persistedDocumentsDir?: string;
  /** Client names (`apollographql-client-name`) that may only send operations from a manifest. */
  persistedOnlyClients: string[];
}

export interface EventsConfig {
  /** Redis for the event stream; undefined means the in-process stream (one process only). */
  redisUrl?: string;
  /** Prefix of every Redis key the hub uses, so several hubs can share one Redis. */
  redisPrefix: string;
  /** How long a Redis connection attempt may take before it counts as failed. */
  redisConnectTimeoutMs: number;
  /** How long any Redis command may wait for its answer (a blocking read: on top of its own wait). */
  redisCommandTimeoutMs: number;
  /** The gateway's (shorter) budget for Redis: past it a request goes unlimited, an APQ lookup misses. */
  redisGatewayTimeoutMs: number;
  /** How long the stream keeps events for replay. */
  retentionDays: number;
  /** Deliveries of one event to one consumer before it is dead-lettered. */
  maxAttempts: number;
  /** First retry delay; each further one doubles, with jitter. */
  retryBaseMs: number;
  /** How often the outbox relay looks for rows other than the ones it is told of. */
  outboxPollMs: number;
  /** A delivery left unacknowledged this long by a consumer is taken over by another (it died). */
  reclaimIdleMs: number;
}

/** How a variable is read: its type, the value it falls back to, and what it accepts. */
type Kind =
  | { type: 'integer'; fallback: number; min: number; max: number }
  | { type: 'text'; fallback?: string; pattern?: RegExp; patternText?: string }
  | { type: 'url'; protocols: readonly string[] }
  | { type: 'on/off'; fallback: boolean }
  | { type: 'list' }
  | { type: 'key'; kind: 'public' | 'private' }
  | { type: 'choice'; choices: readonly string[]; fallback: string }
  | { type: 'duration'; fallback: string; minSeconds: number };

/** One variable of the configuration table: how it is read, and, for the README, its default as shown and what it does. */
export type SettingSpec = Kind & { shown: string; description: string };

/** One row of the README's configuration table. */
export interface Setting {
  variable: string;
  type: string;
  default: string;
  description: string;
}

const code = (value: string | number) => `\`${value}\``;
const integer = (fallback: number, min: number, max: number) => ({ type: 'integer' as const, fallback, min, max, shown: code(fallback) });
const text = (fallback: string, pattern?: RegExp, patternText?: string) => ({ type: 'text' as const, fallback, pattern, patternText, shown: code(fallback) });
const optional = (shown: string) => ({ type: 'text' as const, shown });
const url = (protocols: readonly string[], shown: string) => ({ type: 'url' as const, protocols, shown });
const onOff = (fallback: boolean) => ({ type: 'on/off' as const, fallback, shown: code(fallback ? 'on' : 'off') });
const list = (shown: string) => ({ type: 'list' as const, shown });
const key = (kind: 'public' | 'private', shown: string) => ({ type: 'key' as const, kind, shown });
const choice = (choices: readonly string[], fallback: string) => ({ type: 'choice' as const, choices, fallback, shown: code(fallback) });
const duration = (fallback: string, minSeconds: number) => ({ type: 'duration' as const, fallback, minSeconds, shown: code(fallback) });

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const DEFAULT_PORTS: Record<SystemName, number> = {
  crm: 4001,
  billing: 4002,
  erp: 4003,
  'customer-success': 4004,
  ops: 4005,
};

/** `customer-success` → `CUSTOMER_SUCCESS`, the prefix of that system's variables. */
export function envPrefix(system: SystemName): string {
  return system.toUpperCase().replace(/-/g, '_');
}

function systemSettings(system: SystemName): Record<string, SettingSpec> {
  const prefix = envPrefix(system);
  return {
    [`${prefix}_PORT`]: { ...integer(DEFAULT_PORTS[system], 0, 65535), description: `port of the ${system} subgraph` },
    [`${prefix}_DATABASE_URL`]: { ...url(['postgres:', 'postgresql:'], 'embedded'), description: `PostgreSQL connection string of the ${system} database` },
    [`${prefix}_URL`]: { ...url(['http:', 'https:'], code(`http://localhost:$${prefix}_PORT/graphql`)), description: `where the gateway reaches ${system}` },
    [`${prefix}_TIMEOUT_MS`]: {
      ...integer(2000, 1, 600_000),
      shown: code('$SUBGRAPH_TIMEOUT_MS'),
      description: `how long the gateway waits for one fetch to the ${system} subgraph, retries included`,
    },
  };
}

/**
 * Every variable the hub reads, in the README's order: what loadConfig reads them by (a
 * variable it reads is one of these) and what the README's configuration table and
 * docker-compose.yml are checked against. A new variable is one entry here and the line of
 * loadConfig that puts it in the HubConfig.
 */
const SETTINGS: Record<string, SettingSpec> = {
  HOST: { ...text('localhost'), description: 'interface every service binds to (`0.0.0.0` in containers)' },
  GATEWAY_PORT: { ...integer(4000, 0, 65535), description: 'port of the gateway (GraphQL, GraphiQL, `/healthz`, `/readyz`)' },
  HUB_DATA_DIR: { ...text('./.data'), description: 'folder of the embedded databases, one sub-folder per system; one process at a time may use each (`<system>.lock` beside it names the holder)' },
  HUB_SEED_CUSTOMERS: { ...integer(200, 0, 1_000_000), description: 'customers seeded on the first start of empty databases (`0`: none); a seed that was interrupted is redone' },
  GATEWAY_DEDUPLICATION: { ...onOff(true), description: '`on`: identical queries in flight at the same time (same document, operation, variables and caller) share one execution and its answer; `off`: every request runs on its own. Mutations and subscriptions always run on their own. Applies with `ENTITY_CACHE=off`: with the cache nothing joins work in flight' },
  GATEWAY_QUERY_PLANNER: { ...choice(['apollo', 'hive'], 'apollo'), description: 'which query planner plans the gateway\'s operations: `apollo` (`@apollo/query-planner`) or `hive` (Hive Router\'s planner in Rust, `@graphql-hive/router-query-planner`); subscriptions are planned by Apollo\'s either way. See [Query planner](#query-planner) for how they compare' },
  ENTITY_CACHE: {
    ...text('on', /^(on|off|-?[\w*-]+(\.\w+)?(,-?[\w*-]+(\.\w+)?)*)$/, '`on`, `off` or a comma-separated list of `subgraph` or `subgraph.Type`, each optionally prefixed `-`'),
    description:
      'the gateway\'s entity cache of `_entities` fetches and root fields that fetch by `id`, evicted by the event stream and by each mutation\'s answer: `on` caches every subgraph but `ops` (`*,-ops`); `off`; or a list such as `crm,billing,-billing.Invoice` (`*`: every subgraph). Only while the gateway follows the event stream its subgraphs publish on (embedded, one process)',
  },
  ENTITY_CACHE_MAX_BYTES: { ...integer(67_108_864, 65_536, 68_719_476_736), description: 'memory the entity cache\'s answers may take; the least recently used go first' },
  ENTITY_CACHE_TTL: { ...duration('10m', 1), description: 'backstop: an entity cache entry no event evicted is dropped this long after it was stored' },
  SUBGRAPH_TIMEOUT_MS: { ...integer(2000, 1, 600_000), description: 'how long the gateway waits for one subgraph fetch, retries included; later, that subgraph\'s fields are `null` with `SUBGRAPH_TIMEOUT`' },
  UNMERGED_SUBGRAPHS: {
    ...list('none: every subgraph merges'),
    description:
      "comma-separated subgraphs that get one request per `_entities` fetch: by default a plan's side-by-side fetches to one subgraph go out as one operation with an aliased `_entities` field each (for a subgraph that limits the root fields or aliases of an operation)",
  },
  SUBGRAPH_RETRIES: { ...integer(2, 0, 10), description: 'further attempts of a query fetch after a connection failure or a 502/503/504 (`0`: none); mutations are never retried' },
  SUBGRAPH_RETRY_BASE_MS: { ...integer(50, 1, 60_000), description: 'first retry delay; it grows exponentially with jitter; a `Retry-After` from the subgraph is respected' },
  SUBGRAPH_CIRCUIT_FAILURES: { ...integer(5, 1, 10_000), description: 'consecutive failed attempts (down, timed out, 502/503/504) that open a subgraph\'s circuit' },
  SUBGRAPH_CIRCUIT_OPEN_MS: { ...integer(2000, 10, 600_000), description: 'how long an open circuit answers at once before the gateway probes the subgraph again' },
  SUPERGRAPH_PATH: { ...optional("the hub's `supergraph.graphql`"), description: 'supergraph the gateway serves; a subgraph that is not a hub system is reached at the URL the supergraph names (the benchmark runs the gateway this way over its own subgraphs)' },
  LOG_LEVEL: { ...choice(LOG_LEVELS, 'info'), description: '`fatal`, `error`, `warn`, `info`, `debug`, `trace` or `silent`; `info` has one line per GraphQL operation at the gateway, `debug` adds a line per HTTP request and response, and the stack of an unexpected start failure' },
  ...Object.fromEntries(SYSTEMS.flatMap((system) => Object.entries(systemSettings(system)))),
  REDIS_URL: { ...url(['redis:', 'rediss:'], 'in-process stream'), description: 'Redis for the event stream, and for the gateway\'s rate limits and APQ documents; needed when services run in several processes' },
  REDIS_PREFIX: { ...text('hub', /^[\w.-]{1,64}$/, "1 to 64 letters, digits, '.', '_' or '-'"), description: 'prefix of every Redis key, so several hubs can share one Redis' },
  REDIS_CONNECT_TIMEOUT_MS: { ...integer(2000, 10, 600_000), description: 'how long one attempt to connect to Redis may take; attempts go on, with backoff, until it answers' },
  REDIS_COMMAND_TIMEOUT_MS: { ...integer(1000, 10, 600_000), description: 'how long a Redis command of the event stream may wait for its answer (a blocking read: on top of its own wait) before it fails and is retried' },
  REDIS_GATEWAY_TIMEOUT_MS: { ...integer(50, 1, 600_000), description: 'how long the gateway waits for Redis before it goes on without it: the request is let through unlimited (counted in `gateway_rate_limit_fail_open_total`), an APQ lookup is a miss' },
  EVENT_RETENTION_DAYS: { ...integer(7, 1, 3650), description: 'how long the stream keeps events for replay, and each system its outbox rows (an event every consumer group acknowledged is settled earlier, but its row stays until then)' },
  CONSUMER_MAX_ATTEMPTS: { ...integer(5, 1, 100), description: 'deliveries of a failing event to one consumer before it becomes a dead letter' },
  CONSUMER_RETRY_BASE_MS: { ...integer(500, 1, 600_000), description: 'first retry delay of a failing event; doubles each time, with jitter' },
  CONSUMER_RECLAIM_IDLE_MS: { ...integer(30_000, 100, 3_600_000), description: 'after this long, events a consumer that died was holding are taken over by another' },
  OUTBOX_POLL_MS: { ...integer(1000, 10, 600_000), description: 'how often the outbox relay looks for unpublished events besides being told of new ones' },
  AUTH_JWKS_URL: { ...url(['http:', 'https:'], 'none'), description: 'JWKS URL of the identity provider whose tokens callers present' },
  AUTH_PUBLIC_KEY: { ...key('public', 'none'), description: 'public key (PEM or JWK) callers\' tokens are signed with; with neither this nor `AUTH_JWKS_URL`, the hub\'s development key in `$HUB_DATA_DIR/auth/` (and `npm run token`)' },
  AUTH_ISSUER: { ...text('operational-data-hub'), description: 'required `iss` of callers\' tokens' },
  AUTH_AUDIENCE: { ...text('operational-data-hub'), description: 'required `aud` of callers\' tokens' },
  GATEWAY_SIGNING_KEY: { ...key('private', 'key made in `$HUB_DATA_DIR/auth/`'), description: 'Ed25519 private key (PEM or JWK) the gateway signs subgraph tokens with (gateway only)' },
  GATEWAY_PUBLIC_KEY: { ...key('public', 'key made in `$HUB_DATA_DIR/auth/`'), description: 'Ed25519 public key (PEM or JWK) subgraphs verify the gateway\'s tokens with' },
  AUTH_REVOCATION_TTL: { ...duration('24h', 60), description: 'how long a revocation (`revokeAccess`) is kept; at least the longest token lifetime: a token living longer (`exp` − `iat`) is refused with `UNAUTHENTICATED`, and `npm run token` makes none' },
  SUBSCRIPTIONS_PER_CONNECTION: { ...integer(20, 1, 10_000), description: 'live subscriptions one WebSocket connection to the gateway may hold' },
  SUBSCRIPTION_BUFFER: { ...integer(1000, 1, 1_000_000), description: 'events held for a subscriber that does not read before its subscription ends with `SUBSCRIPTION_BUFFER_OVERFLOW`' },
  MAX_BODY_BYTES: { ...integer(1_048_576, 1024, 1_073_741_824), description: 'largest HTTP request body the gateway reads (larger: 413 `REQUEST_TOO_LARGE`)' },
  MAX_QUERY_DEPTH: { ...integer(20, 1, 1000), description: 'deepest nesting of fields in one operation (deeper: `QUERY_TOO_DEEP`)' },
  MAX_ALIASES: { ...integer(200, 0, 100_000), description: 'aliases in one operation (more: `TOO_MANY_ALIASES`)' },
  MAX_QUERY_FIELDS: { ...integer(2000, 1, 1_000_000), description: 'field selections in one operation, fragments counted where spread (more: `TOO_MANY_FIELDS`)' },
  MAX_QUERY_COST: { ...integer(500_000, 1, 1_000_000_000), description: 'estimated cost of one operation, each field 1 times the list sizes around it (more: `QUERY_TOO_COSTLY`)' },
  QUERY_COST_LIST_SIZE: { ...integer(10, 1, 10_000), description: 'list size the cost estimate assumes for a list field without `first`' },
  RATE_LIMIT_PER_MINUTE: { ...integer(600_000, 0, 1_000_000_000), description: 'requests one client may send the gateway per minute, shared through Redis when `REDIS_URL` is set (`0`: unlimited; more: 429 `RATE_LIMITED`)' },
  REQUEST_TIMEOUT_MS: { ...integer(30_000, 1, 3_600_000), description: 'deadline of one whole gateway operation (later: 504 `REQUEST_TIMEOUT`)' },
  WS_MAX_MESSAGE_BYTES: { ...integer(1_048_576, 1024, 1_073_741_824), description: 'largest WebSocket message the gateway reads (larger: closed with 1009)' },
  WS_CONNECTION_INIT_TIMEOUT_MS: { ...integer(10_000, 1, 600_000), description: 'how long a WebSocket client has to send `connection_init` (later: closed with 4408)' },
  CORS_ORIGINS: { ...list('none: same-origin only'), description: 'comma-separated origins browsers may call the gateway from' },
  PERSISTED_DOCUMENTS_DIR: { ...optional('none'), description: 'folder of persisted-query manifests (`*.json`) the gateway serves by id' },
  RECONCILE_INTERVAL: { ...integer(3600, 0, 31_536_000), description: "seconds between ops's reconciliation runs (the first soon after start); `0`: only on demand (`runReconciliation`)" },
  GATEWAY_URL: { ...url(['http:', 'https:'], code('http://localhost:$GATEWAY_PORT/graphql')), description: 'where ops reaches the gateway to reconcile the systems (the embedded hub uses the gateway it started)' },
  RECONCILE_TOKEN: { ...optional('issued by ops with the local development key'), description: 'caller token (`analyst` role or more) ops presents to the gateway to reconcile; needed with `AUTH_JWKS_URL` or `AUTH_PUBLIC_KEY`' },
  PERSISTED_ONLY_CLIENTS: { ...list('none'), description: 'comma-separated client names (`apollographql-client-name`) that may only send manifest operations' },
  OTEL_EXPORTER_OTLP_ENDPOINT: { ...url(['http:', 'https:'], 'none: tracing off'), description: 'OpenTelemetry collector (OTLP over HTTP, e.g. `http://localhost:4318`) the traces go to, at `/v1/traces`; unset, no tracing SDK runs and tracing costs nothing (see [Tracing](#tracing))' },
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: { ...url(['http:', 'https:'], 'none'), description: 'the full URL traces are sent to (e.g. `http://localhost:4318/v1/traces`), instead of the one `OTEL_EXPORTER_OTLP_ENDPOINT` gives; also turns tracing on' },
  OTEL_EXPORTER_OTLP_PROTOCOL: { ...text('http/protobuf', /^http\/(protobuf|json)$/, '`http/protobuf` or `http/json`'), description: 'how spans are sent: `http/protobuf` or `http/json`' },
  OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: { ...text('http/protobuf', /^http\/(protobuf|json)$/, '`http/protobuf` or `http/json`'), shown: code('$OTEL_EXPORTER_OTLP_PROTOCOL'), description: 'the same, for traces only' },
  OTEL_EXPORTER_OTLP_HEADERS: { ...optional('none'), description: 'headers sent with every export, `key=value` pairs separated by commas (e.g. a collector\'s API key)' },
  OTEL_SERVICE_NAME: { ...optional('the service\'s name: `gateway`, `crm`, ...'), description: '`service.name` of the spans of a process that runs one service (`npm start -- billing`); in the embedded hub, each service keeps its own name with this in front (`<name>-billing`)' },
  OTEL_RESOURCE_ATTRIBUTES: { ...optional('none'), description: 'more resource attributes of every span, `key=value` pairs separated by commas (e.g. `deployment.environment.name=staging`)' },
  OTEL_BSP_SCHEDULE_DELAY: { ...integer(5000, 0, 3_600_000), description: 'milliseconds between two exports of the batched spans' },
  OTEL_TRACES_SAMPLER: { ...text('parentbased_always_on', /^(always_on|always_off|traceidratio|parentbased_always_on|parentbased_always_off|parentbased_traceidratio)$/, 'an OpenTelemetry sampler name'), description: 'which traces are kept: `parentbased_always_on` (every trace, or as the caller\'s `traceparent` says), `parentbased_traceidratio` (a share, `OTEL_TRACES_SAMPLER_ARG`), `always_off`, ...' },
  OTEL_TRACES_SAMPLER_ARG: { ...optional('`1`'), description: 'the share of traces the `traceidratio` samplers keep, from 0 to 1' },
};

/** A kind's type as the README's table writes it. */
function typeOf(spec: SettingSpec): string {
  switch (spec.type) {
    case 'integer':
      return `integer, ${spec.min} to ${spec.max}`;
    case 'text':
      return 'text';
    case 'url':
      return `${spec.protocols.join(' or ')}// URL`;
    case 'on/off':
      return '`on` or `off`';
    case 'list':
      return 'comma-separated list';
    case 'key':
      return `${spec.kind} key`;
    case 'choice':
      return spec.choices === LOG_LEVELS ? 'level' : spec.choices.map((choice) => `\`${choice}\``).join(' or ');
    case 'duration':
      return `duration (s, m, h, d), at least ${spec.minSeconds} s`;
  }
}

/** The configuration table: every variable the hub reads, its type, default and meaning. */
export function settings(): Setting[] {
  return Object.entries(SETTINGS).map(([variable, spec]) => ({ variable, type: typeOf(spec), default: spec.shown, description: spec.description }));
}

/** The README's configuration table (markdown), written from settings(). */
export function settingsTable(): string {
  const rows = settings().map((setting) => `| \`${setting.variable}\` | ${setting.type} | ${setting.default} | ${setting.description} |`);
  return ['| variable | type | default | meaning |', '|---|---|---|---|', ...rows].join('\n');
}

/** Raised with every problem found in the environment at once, so one start shows them all. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.length === 1 ? `Invalid configuration: ${problems[0]}` : `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): HubConfig {
  const problems: string[] = [];
  const raw = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  /** The table's entry of a variable, read as the type loadConfig expects of it. */
  const spec = <Type extends Kind['type']>(name: string, type: Type): Extract<SettingSpec, { type: Type }> => {
    const found = SETTINGS[name];
    if (found?.type !== type) throw new Error(`config.ts reads ${name} as ${type}, but the configuration table has ${found ? found.type : 'no such variable'}`);
    return found as Extract<SettingSpec, { type: Type }>;
  };
  /** An integer in its range; `fallback` for a default that depends on another variable. */
  const integer = (name: string, fallback?: number): number => {
    const { min, max, ...kind } = spec(name, 'integer');
    const value = raw(name);
    const otherwise = fallback ?? kind.fallback;
    if (value === undefined) return otherwise;
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
      problems.push(`${name} must be an integer from ${min} to ${max}, got '${value}'`);
      return otherwise;
    }
    return Number(value);
  };
  const text = (name: string): string | undefined => {
    const { fallback, pattern, patternText } = spec(name, 'text');
    const value = raw(name) ?? fallback;
    if (value !== undefined && pattern && !pattern.test(value)) problems.push(`${name} must be ${patternText}, got '${value}'`);
    return value;
  };
  const required = (name: string): string => {
    const value = text(name);
    if (value === undefined) throw new Error(`config.ts reads ${name} as required, but the configuration table gives it no default`);
    return value;
  };
  const url = (name: string): string | undefined => {
    const { protocols } = spec(name, 'url');
    const value = raw(name);
    if (value === undefined) return undefined;
    try {
      if (!protocols.includes(new URL(value).protocol)) throw new Error('protocol');
      return value;
    } catch {
      problems.push(`${name} must be a ${protocols.join(' or ')}// URL, got '${value}'`);
      return undefined;
    }
  };
  const list = (name: string): string[] => {
    spec(name, 'list');
    return (raw(name) ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  };
  const key = (name: string): string | undefined => {
    const { kind } = spec(name, 'key');
    const value = raw(name);
    if (value === undefined) return undefined;
    try {
      (kind === 'public' ? parsePublicKey : parsePrivateKey)(value);
      return value;
    } catch (error) {
      problems.push(`${name} must be a ${kind} key as PEM or JWK: ${(error as Error).message}`);
      return undefined;
    }
  };
  const onOff = (name: string): boolean => {
    const { fallback } = spec(name, 'on/off');
    const value = raw(name);
    if (value === undefined) return fallback;
    if (value !== 'on' && value !== 'off') problems.push(`${name} must be on or off, got '${value}'`);
    return value === 'on' || (value !== 'off' && fallback);
  };
  const duration = (name: string): number => {
    const { fallback, minSeconds } = spec(name, 'duration');
    const value = raw(name) ?? fallback;
    const seconds = durationSeconds(value);
    if (seconds === undefined || seconds < minSeconds) {
      problems.push(`${name} must be a number and a unit (s, m, h or d) of at least ${minSeconds} s, e.g. ${fallback}, got '${value}'`);
      return durationSeconds(fallback)!;
    }
    return seconds;
  };
  const choice = (name: string): string => {
    const { choices, fallback } = spec(name, 'choice');
    const value = raw(name) ?? fallback;
    if (!choices.includes(value)) problems.push(`${name} must be one of ${choices.join(', ')}, got '${value}'`);
    return value;
  };

  const subgraphTimeoutMs = integer('SUBGRAPH_TIMEOUT_MS');
  const systems = Object.fromEntries(
    SYSTEMS.map((name) => {
      const prefix = envPrefix(name);
      const port = integer(`${prefix}_PORT`);
      const system: SystemConfig = {
        name,
        port,
        databaseUrl: url(`${prefix}_DATABASE_URL`),
        url: url(`${prefix}_URL`) ?? `http://localhost:${port}/graphql`,
        timeoutMs: integer(`${prefix}_TIMEOUT_MS`, subgraphTimeoutMs),
      };
      return [name, system];
    }),
  ) as Record<SystemName, SystemConfig>;

  const gatewayPort = integer('GATEWAY_PORT');
  const config: HubConfig = {
    host: required('HOST'),
    gatewayPort,
    dataDir: required('HUB_DATA_DIR'),
    logLevel: choice('LOG_LEVEL') as HubConfig['logLevel'],
    seedCustomers: integer('HUB_SEED_CUSTOMERS'),
    subgraphTimeoutMs,
    unmergedSubgraphs: list('UNMERGED_SUBGRAPHS'),
    resilience: {
      retries: integer('SUBGRAPH_RETRIES'),
      retryBaseMs: integer('SUBGRAPH_RETRY_BASE_MS'),
      circuitFailures: integer('SUBGRAPH_CIRCUIT_FAILURES'),
      circuitOpenMs: integer('SUBGRAPH_CIRCUIT_OPEN_MS'),
    },
    supergraphPath: text('SUPERGRAPH_PATH'),
    gatewayDeduplication: onOff('GATEWAY_DEDUPLICATION'),
    queryPlanner: choice('GATEWAY_QUERY_PLANNER') as HubConfig['queryPlanner'],
    entityCache: { spec: required('ENTITY_CACHE'), maxBytes: integer('ENTITY_CACHE_MAX_BYTES'), ttlSeconds: duration('ENTITY_CACHE_TTL') },
    events: {
      redisUrl: url('REDIS_URL'),
      redisPrefix: required('REDIS_PREFIX'),
      redisConnectTimeoutMs: integer('REDIS_CONNECT_TIMEOUT_MS'),
      redisCommandTimeoutMs: integer('REDIS_COMMAND_TIMEOUT_MS'),
      redisGatewayTimeoutMs: integer('REDIS_GATEWAY_TIMEOUT_MS'),
      retentionDays: integer('EVENT_RETENTION_DAYS'),
      maxAttempts: integer('CONSUMER_MAX_ATTEMPTS'),
      retryBaseMs: integer('CONSUMER_RETRY_BASE_MS'),
      outboxPollMs: integer('OUTBOX_POLL_MS'),
      reclaimIdleMs: integer('CONSUMER_RECLAIM_IDLE_MS'),
    },
    limits: {
      bodyBytes: integer('MAX_BODY_BYTES'),
      depth: integer('MAX_QUERY_DEPTH'),
      aliases: integer('MAX_ALIASES'),
      fields: integer('MAX_QUERY_FIELDS'),
      cost: integer('MAX_QUERY_COST'),
      listSize: integer('QUERY_COST_LIST_SIZE'),
      ratePerMinute: integer('RATE_LIMIT_PER_MINUTE'),
      requestTimeoutMs: integer('REQUEST_TIMEOUT_MS'),
      wsMessageBytes: integer('WS_MAX_MESSAGE_BYTES'),
      wsInitTimeoutMs: integer('WS_CONNECTION_INIT_TIMEOUT_MS'),
    },
    access: {
      corsOrigins: list('CORS_ORIGINS').map((origin) => {
        if (!/^https?:\/\/[^/]+$/.test(origin)) problems.push(`CORS_ORIGINS must list origins like https://app.example.com, got '${origin}'`);
        return origin;
      }),
      persistedDocumentsDir: text('PERSISTED_DOCUMENTS_DIR'),
      persistedOnlyClients: list('PERSISTED_ONLY_CLIENTS'),
    },
    subscriptions: {
      perConnection: integer('SUBSCRIPTIONS_PER_CONNECTION'),
      buffer: integer('SUBSCRIPTION_BUFFER'),
    },
    auth: {
      jwksUrl: url('AUTH_JWKS_URL'),
      publicKey: key('AUTH_PUBLIC_KEY'),
      issuer: required('AUTH_ISSUER'),
      audience: required('AUTH_AUDIENCE'),
      gatewaySigningKey: key('GATEWAY_SIGNING_KEY'),
      gatewayPublicKey: key('GATEWAY_PUBLIC_KEY'),
      revocationTtlSeconds: duration('AUTH_REVOCATION_TTL'),
    },
    systems,
    reconciliation: {
      intervalSeconds: integer('RECONCILE_INTERVAL'),
      gatewayUrl: url('GATEWAY_URL') ?? `http://localhost:${gatewayPort}/graphql`,
      token: text('RECONCILE_TOKEN'),
    },
    tracing: {
      enabled: url('OTEL_EXPORTER_OTLP_ENDPOINT') !== undefined || url('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT') !== undefined,
      protocol: (raw('OTEL_EXPORTER_OTLP_TRACES_PROTOCOL') === undefined ? text('OTEL_EXPORTER_OTLP_PROTOCOL') : text('OTEL_EXPORTER_OTLP_TRACES_PROTOCOL')) as TracingConfig['protocol'],
      serviceName: text('OTEL_SERVICE_NAME'),
    },
  };
  // Read by OpenTelemetry's SDK itself; checked here, so that a mistake stops the start with the others.
  text('OTEL_EXPORTER_OTLP_HEADERS');
  text('OTEL_RESOURCE_ATTRIBUTES');
  integer('OTEL_BSP_SCHEDULE_DELAY');
  text('OTEL_TRACES_SAMPLER');
  const samplerArg = raw('OTEL_TRACES_SAMPLER_ARG');
  text('OTEL_TRACES_SAMPLER_ARG');
  if (samplerArg !== undefined && !(/^(0(\.\d+)?|1(\.0+)?)$/.test(samplerArg))) problems.push(`OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1, got '${samplerArg}'`);
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** The configuration of a command-line entry point: a bad environment ends the process with every problem listed. */
export function loadConfigOrExit(): HubConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
