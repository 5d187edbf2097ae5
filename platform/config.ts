/**
 * The hub's configuration, read once from the environment and validated at start.
 * Nothing else in the code base reads `process.env`.
 */

import { parsePrivateKey, parsePublicKey } from './auth/parseKey.ts';

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
  /** How the gateway meets a subgraph that is down or slow: retries and circuit breakers. */
  resilience: ResilienceConfig;
  /** The supergraph the gateway serves; undefined means the hub's own, committed at the repository root. */
  supergraphPath?: string;
  /** Identical queries in flight at once (same document, variables and caller) share one execution. */
  gatewayDeduplication: boolean;
  events: EventsConfig;
  subscriptions: SubscriptionsConfig;
  limits: LimitsConfig;
  access: AccessConfig;
  auth: AuthConfig;
  systems: Record<SystemName, SystemConfig>;
  reconciliation: ReconciliationConfig;
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

/** One row of the README's configuration table: the variable, its default, and what it does. */
export interface Setting {
  variable: string;
  default: string;
  description: string;
}

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

/** Every variable the hub reads. docker-compose.yml and the README are checked against this list. */
export function settings(): Setting[] {
  const perSystem = SYSTEMS.flatMap((system): Setting[] => {
    const prefix = envPrefix(system);
    return [
      { variable: `${prefix}_PORT`, default: String(DEFAULT_PORTS[system]), description: `port the ${system} subgraph listens on` },
      {
        variable: `${prefix}_DATABASE_URL`,
        default: `(embedded PGlite in $HUB_DATA_DIR/${system})`,
        description: `PostgreSQL connection string of the ${system} database`,
      },
      {
        variable: `${prefix}_URL`,
        default: `http://localhost:$${prefix}_PORT/graphql`,
        description: `where the gateway reaches the ${system} subgraph`,
      },
      { variable: `${prefix}_TIMEOUT_MS`, default: '$SUBGRAPH_TIMEOUT_MS', description: `how long the gateway waits for one fetch to the ${system} subgraph, retries included` },
    ];
  });
  return [
    { variable: 'HOST', default: 'localhost', description: 'interface every service binds to (0.0.0.0 in containers)' },
    { variable: 'GATEWAY_PORT', default: '4000', description: 'port of the gateway (GraphQL, GraphiQL, /healthz, /readyz)' },
    { variable: 'HUB_DATA_DIR', default: './.data', description: 'folder of the embedded databases, one sub-folder per system' },
    { variable: 'HUB_SEED_CUSTOMERS', default: '200', description: 'customers seeded on first start of an empty embedded data folder (0: none)' },
    {
      variable: 'SUPERGRAPH_PATH',
      default: '(the hub\'s supergraph.graphql)',
      description: 'supergraph the gateway serves; subgraphs that are not hub systems are reached at the URLs it names',
    },
    {
      variable: 'GATEWAY_DEDUPLICATION',
      default: 'on',
      description: 'on: identical queries in flight at once (same document, variables and caller) share one execution; off: each runs alone',
    },
    { variable: 'SUBGRAPH_TIMEOUT_MS', default: '2000', description: 'how long the gateway waits for one subgraph fetch, retries included (later: its fields null, SUBGRAPH_TIMEOUT)' },
    { variable: 'SUBGRAPH_RETRIES', default: '2', description: 'further attempts of a query fetch after a connection failure or a 502/503/504 (0: none; mutations never)' },
    { variable: 'SUBGRAPH_RETRY_BASE_MS', default: '50', description: 'first retry delay of a subgraph fetch; grows exponentially, with jitter; a Retry-After header is respected' },
    { variable: 'SUBGRAPH_CIRCUIT_FAILURES', default: '5', description: 'consecutive failed attempts that open a subgraph\'s circuit' },
    { variable: 'SUBGRAPH_CIRCUIT_OPEN_MS', default: '2000', description: 'how long an open circuit answers at once before the gateway probes the subgraph' },
    { variable: 'LOG_LEVEL', default: 'info', description: 'fatal, error, warn, info, debug, trace or silent' },
    { variable: 'REDIS_URL', default: '(in-process stream)', description: 'Redis for the event stream, and for the gateway\'s rate limits and APQ documents; needed when services run in several processes' },
    { variable: 'REDIS_PREFIX', default: 'hub', description: 'prefix of every Redis key, so several hubs can share one Redis' },
    { variable: 'REDIS_CONNECT_TIMEOUT_MS', default: '2000', description: 'how long one attempt to connect to Redis may take; attempts go on, with backoff, until it answers' },
    {
      variable: 'REDIS_COMMAND_TIMEOUT_MS',
      default: '1000',
      description: 'how long a Redis command of the event stream may wait for its answer (a blocking read: on top of its own wait) before it fails and is retried',
    },
    {
      variable: 'REDIS_GATEWAY_TIMEOUT_MS',
      default: '50',
      description: 'how long the gateway waits for Redis before it goes on without it: the request is let through unlimited (counted in gateway_rate_limit_fail_open_total), an APQ lookup is a miss',
    },
    {
      variable: 'EVENT_RETENTION_DAYS',
      default: '7',
      description: 'how long the stream keeps events for replay, and each system its outbox rows (an event every consumer group acknowledged is settled earlier, but its row stays until then)',
    },
    { variable: 'CONSUMER_MAX_ATTEMPTS', default: '5', description: 'deliveries of a failing event before it becomes a dead letter' },
    { variable: 'CONSUMER_RETRY_BASE_MS', default: '500', description: 'first retry delay of a failing event; doubles each time, with jitter' },
    { variable: 'OUTBOX_POLL_MS', default: '1000', description: 'how often the outbox relay looks for unpublished events' },
    { variable: 'CONSUMER_RECLAIM_IDLE_MS', default: '30000', description: 'after this long, events a dead consumer held are taken over' },
    { variable: 'AUTH_JWKS_URL', default: '(none)', description: 'JWKS URL of the identity provider whose tokens callers present' },
    { variable: 'AUTH_PUBLIC_KEY', default: '(none)', description: 'public key (PEM or JWK) callers\' tokens are signed with; with neither this nor AUTH_JWKS_URL, a local development key in $HUB_DATA_DIR/auth/' },
    { variable: 'AUTH_ISSUER', default: 'operational-data-hub', description: 'required `iss` of callers\' tokens' },
    { variable: 'AUTH_AUDIENCE', default: 'operational-data-hub', description: 'required `aud` of callers\' tokens' },
    { variable: 'GATEWAY_SIGNING_KEY', default: '(local key in $HUB_DATA_DIR/auth/)', description: 'Ed25519 private key (PEM or JWK) the gateway signs subgraph tokens with' },
    {
      variable: 'GATEWAY_PUBLIC_KEY',
      default: '(local key in $HUB_DATA_DIR/auth/)',
      description: 'Ed25519 public key (PEM or JWK) subgraphs verify the gateway\'s tokens with',
    },
    { variable: 'RECONCILE_INTERVAL', default: '3600', description: 'seconds between ops\'s reconciliation runs (the first soon after start); 0: only on demand (runReconciliation)' },
    { variable: 'GATEWAY_URL', default: 'http://localhost:$GATEWAY_PORT/graphql', description: 'where ops reaches the gateway to reconcile the systems (the embedded hub uses the gateway it started)' },
    {
      variable: 'RECONCILE_TOKEN',
      default: '(issued by ops with the local development key)',
      description: 'caller token (analyst role or more) ops presents to the gateway to reconcile; needed with AUTH_JWKS_URL or AUTH_PUBLIC_KEY',
    },
    { variable: 'SUBSCRIPTIONS_PER_CONNECTION', default: '20', description: 'live subscriptions one WebSocket connection to the gateway may hold' },
    {
      variable: 'SUBSCRIPTION_BUFFER',
      default: '1000',
      description: 'events held for a subscriber that does not read before its subscription ends with SUBSCRIPTION_BUFFER_OVERFLOW',
    },
    { variable: 'MAX_BODY_BYTES', default: '1048576', description: 'largest HTTP request body the gateway reads (larger: 413)' },
    { variable: 'MAX_QUERY_DEPTH', default: '20', description: 'deepest nesting of fields in one operation (deeper: QUERY_TOO_DEEP)' },
    { variable: 'MAX_ALIASES', default: '200', description: 'aliases in one operation (more: TOO_MANY_ALIASES)' },
    { variable: 'MAX_QUERY_FIELDS', default: '2000', description: 'field selections in one operation, fragments counted where spread (more: TOO_MANY_FIELDS)' },
    {
      variable: 'MAX_QUERY_COST',
      default: '500000',
      description: 'estimated cost of one operation: each field 1, times the list sizes around it (more: QUERY_TOO_COSTLY)',
    },
    { variable: 'QUERY_COST_LIST_SIZE', default: '10', description: 'list size the cost estimate assumes for a list field without a `first` argument' },
    {
      variable: 'RATE_LIMIT_PER_MINUTE',
      default: '600000',
      description: 'requests one client may send the gateway per minute, shared through Redis when REDIS_URL is set (0: unlimited; more: 429 RATE_LIMITED)',
    },
    { variable: 'REQUEST_TIMEOUT_MS', default: '30000', description: 'deadline of one whole gateway operation (later: REQUEST_TIMEOUT)' },
    { variable: 'WS_MAX_MESSAGE_BYTES', default: '1048576', description: 'largest WebSocket message the gateway reads (larger: the socket is closed with 1009)' },
    { variable: 'WS_CONNECTION_INIT_TIMEOUT_MS', default: '10000', description: 'how long a WebSocket client has to send connection_init (later: closed with 4408)' },
    { variable: 'CORS_ORIGINS', default: '(none: same-origin only)', description: 'comma-separated origins browsers may call the gateway from' },
    { variable: 'PERSISTED_DOCUMENTS_DIR', default: '(none)', description: 'folder of persisted-query manifests (*.json) the gateway serves by id' },
    {
      variable: 'PERSISTED_ONLY_CLIENTS',
      default: '(none)',
      description: 'comma-separated client names (apollographql-client-name) that may only send operations from a manifest',
    },
    ...perSystem,
  ];
}

/** Raised with every problem found in the environment at once, so one start shows them all. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.length === 1 ? `Invalid configuration: ${problems[0]}` : `Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export function loadConfig(env: Record<string, string | undefined> = process.env): HubConfig {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max}, got '${raw}'`);
      return fallback;
    }
    return value;
  };
  const url = (name: string, protocols: string[]): string | undefined => {
    const raw = read(name);
    if (raw === undefined) return undefined;
    try {
      const parsed = new URL(raw);
      if (!protocols.includes(parsed.protocol)) throw new Error('protocol');
      return raw;
    } catch {
      problems.push(`${name} must be a ${protocols.join(' or ')}// URL, got '${raw}'`);
      return undefined;
    }
  };

  const list = (name: string): string[] =>
    (read(name) ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');

  const prefix = (): string => {
    const value = read('REDIS_PREFIX') ?? 'hub';
    if (!/^[\w.-]{1,64}$/.test(value)) problems.push(`REDIS_PREFIX must be 1 to 64 letters, digits, '.', '_' or '-', got '${value}'`);
    return value;
  };

  const key = (name: string, kind: 'public' | 'private'): string | undefined => {
    const raw = read(name);
    if (raw === undefined) return undefined;
    try {
      (kind === 'public' ? parsePublicKey : parsePrivateKey)(raw);
      return raw;
    } catch (error) {
      problems.push(`${name} must be a ${kind} key as PEM or JWK: ${(error as Error).message}`);
      return undefined;
    }
  };

  const onOff = (name: string, fallback: boolean): boolean => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    if (raw !== 'on' && raw !== 'off') problems.push(`${name} must be on or off, got '${raw}'`);
    return raw === 'on' || (raw !== 'off' && fallback);
  };

  const logLevel = read('LOG_LEVEL') ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got '${logLevel}'`);
  }

  const subgraphTimeoutMs = integer('SUBGRAPH_TIMEOUT_MS', 2000, 1, 600_000);
  const systems = Object.fromEntries(
    SYSTEMS.map((name) => {
      const prefix = envPrefix(name);
      const port = integer(`${prefix}_PORT`, DEFAULT_PORTS[name], 0, 65535);
      const system: SystemConfig = {
        name,
        port,
        databaseUrl: url(`${prefix}_DATABASE_URL`, ['postgres:', 'postgresql:']),
        url: url(`${prefix}_URL`, ['http:', 'https:']) ?? `http://localhost:${port}/graphql`,
        timeoutMs: integer(`${prefix}_TIMEOUT_MS`, subgraphTimeoutMs, 1, 600_000),
      };
      return [name, system];
    }),
  ) as Record<SystemName, SystemConfig>;

  const gatewayPort = integer('GATEWAY_PORT', 4000, 0, 65535);
  const config: HubConfig = {
    host: read('HOST') ?? 'localhost',
    gatewayPort,
    dataDir: read('HUB_DATA_DIR') ?? './.data',
    logLevel: logLevel as HubConfig['logLevel'],
    seedCustomers: integer('HUB_SEED_CUSTOMERS', 200, 0, 1_000_000),
    subgraphTimeoutMs,
    resilience: {
      retries: integer('SUBGRAPH_RETRIES', 2, 0, 10),
      retryBaseMs: integer('SUBGRAPH_RETRY_BASE_MS', 50, 1, 60_000),
      circuitFailures: integer('SUBGRAPH_CIRCUIT_FAILURES', 5, 1, 10_000),
      circuitOpenMs: integer('SUBGRAPH_CIRCUIT_OPEN_MS', 2000, 10, 600_000),
    },
    supergraphPath: read('SUPERGRAPH_PATH'),
    gatewayDeduplication: onOff('GATEWAY_DEDUPLICATION', true),
    events: {
      redisUrl: url('REDIS_URL', ['redis:', 'rediss:']),
      redisPrefix: prefix(),
      redisConnectTimeoutMs: integer('REDIS_CONNECT_TIMEOUT_MS', 2000, 10, 600_000),
      redisCommandTimeoutMs: integer('REDIS_COMMAND_TIMEOUT_MS', 1000, 10, 600_000),
      redisGatewayTimeoutMs: integer('REDIS_GATEWAY_TIMEOUT_MS', 50, 1, 600_000),
      retentionDays: integer('EVENT_RETENTION_DAYS', 7, 1, 3650),
      maxAttempts: integer('CONSUMER_MAX_ATTEMPTS', 5, 1, 100),
      retryBaseMs: integer('CONSUMER_RETRY_BASE_MS', 500, 1, 600_000),
      outboxPollMs: integer('OUTBOX_POLL_MS', 1000, 10, 600_000),
      reclaimIdleMs: integer('CONSUMER_RECLAIM_IDLE_MS', 30_000, 100, 3_600_000),
    },
    limits: {
      bodyBytes: integer('MAX_BODY_BYTES', 1_048_576, 1024, 1_073_741_824),
      depth: integer('MAX_QUERY_DEPTH', 20, 1, 1000),
      aliases: integer('MAX_ALIASES', 200, 0, 100_000),
      fields: integer('MAX_QUERY_FIELDS', 2000, 1, 1_000_000),
      cost: integer('MAX_QUERY_COST', 500_000, 1, 1_000_000_000),
      listSize: integer('QUERY_COST_LIST_SIZE', 10, 1, 10_000),
      ratePerMinute: integer('RATE_LIMIT_PER_MINUTE', 600_000, 0, 1_000_000_000),
      requestTimeoutMs: integer('REQUEST_TIMEOUT_MS', 30_000, 1, 3_600_000),
      wsMessageBytes: integer('WS_MAX_MESSAGE_BYTES', 1_048_576, 1024, 1_073_741_824),
      wsInitTimeoutMs: integer('WS_CONNECTION_INIT_TIMEOUT_MS', 10_000, 1, 600_000),
    },
    access: {
      corsOrigins: list('CORS_ORIGINS').map((origin) => {
        if (!/^https?:\/\/[^/]+$/.test(origin)) problems.push(`CORS_ORIGINS must list origins like https://app.example.com, got '${origin}'`);
        return origin;
      }),
      persistedDocumentsDir: read('PERSISTED_DOCUMENTS_DIR'),
      persistedOnlyClients: list('PERSISTED_ONLY_CLIENTS'),
    },
    subscriptions: {
      perConnection: integer('SUBSCRIPTIONS_PER_CONNECTION', 20, 1, 10_000),
      buffer: integer('SUBSCRIPTION_BUFFER', 1000, 1, 1_000_000),
    },
    auth: {
      jwksUrl: url('AUTH_JWKS_URL', ['http:', 'https:']),
      publicKey: key('AUTH_PUBLIC_KEY', 'public'),
      issuer: read('AUTH_ISSUER') ?? 'operational-data-hub',
      audience: read('AUTH_AUDIENCE') ?? 'operational-data-hub',
      gatewaySigningKey: key('GATEWAY_SIGNING_KEY', 'private'),
      gatewayPublicKey: key('GATEWAY_PUBLIC_KEY', 'public'),
    },
    systems,
    reconciliation: {
      intervalSeconds: integer('RECONCILE_INTERVAL', 3600, 0, 31_536_000),
      gatewayUrl: url('GATEWAY_URL', ['http:', 'https:']) ?? `http://localhost:${gatewayPort}/graphql`,
      token: read('RECONCILE_TOKEN'),
    },
  };
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
