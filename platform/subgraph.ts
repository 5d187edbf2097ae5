import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo from '@as-integrations/fastify';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  createSourceEventStream,
  execute,
  parse,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { hostname } from 'node:os';
import { WebSocketServer } from 'ws';
import type { HubConfig, SystemName } from './config.ts';
import { openDb, type Db, type Queryable } from './db.ts';
import type { ConsumerDefinition } from './events/consumer.ts';
import { emitter, type Emit } from './events/outbox.ts';
import { OutboxRelay } from './events/relay.ts';
import { ConsumerRunner } from './events/runner.ts';
import type { EventStream } from './events/stream.ts';
import { idempotentWrite } from './idempotency.ts';
import { maskError } from './errors.ts';
import { createHttpApp } from './http.ts';
import { createLogger, type Logger } from './logger.ts';
import { DateScalar, DateTimeScalar, DecimalScalar, JSONScalar } from './scalars.ts';

/** What every resolver of every subgraph gets: its system's database and a way to write. */
export interface BaseContext {
  db: Db;
  log: Logger;
  requestId: string;
  /** The request's correlation id (the gateway's `x-correlation-id`), stamped on its events. */
  correlationId: string;
  /** The event stream, which subscription fields read (see platform/events/live.ts). */
  stream: EventStream;
  /**
   * Runs a mutation's write: one transaction, idempotent on `key` (see platform/idempotency.ts),
   * events emitted through `emit` committed with it and published after it. Returns the id of
   * the entity the mutation answers with.
   */
  write(key: string | null | undefined, operation: string, args: unknown, work: (tx: Queryable, emit: Emit) => Promise<string>): Promise<string>;
}

/** A system: its schema, resolvers, event consumers and how to make a request's context. */
export interface SubgraphDefinition<Context extends BaseContext> {
  name: SystemName;
  /** The folder holding `schema.graphql` and `migrations/`. */
  dir: string;
  resolvers: object;
  /** What the system does with other systems' events. */
  consumers?: ConsumerDefinition[];
  createContext(base: BaseContext): Context;
}

/** A service built and ready to listen: its HTTP app and what must be closed on shutdown. */
export interface Service {
  name: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** A subgraph service, with its database open and migrated. */
export interface SubgraphService extends Service {
  db: Db;
  /** Starts its event consumers and outbox relay (after seeding, before serving). */
  start(): Promise<void>;
}

export function loadTypeDefs(dir: string) {
  return parse(readFileSync(join(dir, 'schema.graphql'), 'utf8'));
}

export function buildSchema(definition: { dir: string; resolvers: object }): GraphQLSchema {
  return buildSubgraphSchema({
    typeDefs: loadTypeDefs(definition.dir),
    resolvers: {
      Date: DateScalar,
      DateTime: DateTimeScalar,
      Decimal: DecimalScalar,
      JSON: JSONScalar,
      ...definition.resolvers,
    } as GraphQLResolverMap<unknown>,
  });
}

/** Opens the system's database (PGlite under the data folder, or `<SYSTEM>_DATABASE_URL`). */
export function openSystemDb(config: HubConfig, name: SystemName): Promise<Db> {
  const system = config.systems[name];
  return openDb({ databaseUrl: system.databaseUrl, dataDir: join(config.dataDir, name) }, join(import.meta.dirname, '..', 'subgraphs', name, 'migrations'));
}

const INSTANCE = `${hostname()}:${process.pid}`;

/**
 * A system's running parts besides HTTP: its database, the relay that publishes its outbox and
 * the consumers that apply other systems' events.
 */
export class SystemRuntime {
  private readonly relay: OutboxRelay;
  private readonly runners: ConsumerRunner[];

  private constructor(
    readonly name: SystemName,
    readonly db: Db,
    readonly logger: Logger,
    readonly stream: EventStream,
    config: HubConfig,
    consumers: ConsumerDefinition[],
  ) {
    this.relay = new OutboxRelay(name, db.background(), stream, logger, config.events.outboxPollMs);
    this.runners = consumers.map(
      (definition) =>
        new ConsumerRunner(definition, {
          source: name,
          db: db.background(),
          stream,
          log: logger,
          instance: INSTANCE,
          config: config.events,
          emitted: () => this.relay.kick(),
        }),
    );
  }

  static async open(name: SystemName, config: HubConfig, stream: EventStream, consumers: ConsumerDefinition[] = []): Promise<SystemRuntime> {
    return new SystemRuntime(name, await openSystemDb(config, name), createLogger(config, name), stream, config, consumers);
  }

  /** Starts consuming and publishing; consumers first, so no event is settled before they read. */
  async start(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.start()));
    await this.relay.start();
  }

  /** The context every request of this system's subgraph starts from. */
  requestContext(request: FastifyRequest): BaseContext {
    return this.context(String(request.id), request.correlationId, request.log as Logger);
  }

  /** The same for work without an HTTP request: a subscription, and each event it delivers. */
  subscriptionContext(correlationId: string, requestId: string = randomUUID()): BaseContext {
    return this.context(requestId, correlationId, this.logger.child({ requestId, correlationId }));
  }

  private context(requestId: string, correlationId: string, log: Logger): BaseContext {
    const origin = { source: this.name, correlationId, causationId: requestId };
    return {
      db: this.db,
      log,
      requestId,
      correlationId,
      stream: this.stream,
      write: async (key, operation, args, work) => {
        const id = await idempotentWrite(this.db, key, operation, args, (tx) => work(tx, emitter(tx, origin)));
        this.relay.kick();
        return id;
      },
    };
  }

  async close(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.close()));
    await this.relay.close();
    await this.db.close();
  }
}

/** The HTTP app of a subgraph: health, readiness (its database answers) and SQL metrics. */
export function createSubgraphApp(runtime: SystemRuntime): FastifyInstance {
  const { db, logger } = runtime;
  const app = createHttpApp({
    logger,
    ready: async () => {
      await db.query('SELECT 1');
      return { ready: true, database: db.kind };
    },
    metrics: () => [
      '# TYPE sql_statements_total counter',
      `sql_statements_total ${db.statements}`,
      '# TYPE sql_background_statements_total counter',
      `sql_background_statements_total ${db.background().statements}`,
    ],
  });
  return app;
}

/** Masks unexpected errors for clients and logs them whole, with the request's id. */
export function maskingPlugin(logger: Logger): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, request }) {
          for (const error of errors) {
            if (maskError({ message: error.message, extensions: error.extensions }).masked) {
              logger.error({ err: error.originalError ?? error, requestId: request.http?.headers.get('x-request-id') }, 'resolver failed');
            }
          }
        },
      };
    },
  };
}

/** Closes a subgraph's graphql-ws endpoint, telling its clients to reconnect elsewhere. */
export interface SubscriptionServer {
  close(): Promise<void>;
}

/** WebSocket close code "Service Restart": graphql-ws clients retry it. */
const SERVICE_RESTART = 1012;
/** How long clients get to answer the close before their sockets are cut. */
const CLOSE_GRACE_MS = 1000;
const CORRELATION_ID = /^[\w.:-]{1,200}$/;

/** True when the schema has live fields to serve. */
function hasSubscriptions(schema: GraphQLSchema): boolean {
  return Object.keys(schema.getSubscriptionType()?.getFields() ?? {}).length > 0;
}

/**
 * Serves the schema over graphql-ws (subprotocol `graphql-transport-ws`) at `/graphql` on the
 * app's own port, beside GraphQL over HTTP. Each event is resolved with a context of its own,
 * like an HTTP request: a subscription that lasts for days neither reads rows its loaders
 * cached days ago nor lets their cache grow. The correlation id is the subscribe message's
 * `extensions.correlationId`, else the upgrade request's `x-correlation-id`, else a new one.
 */
export function serveSubscriptions<Context extends BaseContext>(
  app: FastifyInstance,
  runtime: SystemRuntime,
  schema: GraphQLSchema,
  createContext: (base: BaseContext) => Context,
): SubscriptionServer {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1_048_576 });
  const upgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== '/graphql') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (client) => sockets.emit('connection', client, request));
  };
  app.server.on('upgrade', upgrade);
  const log = runtime.logger;
  const renew = (context: unknown) => {
    const { correlationId, requestId } = context as BaseContext;
    return createContext(runtime.subscriptionContext(correlationId, requestId));
  };
  useServer(
    {
      schema,
      context: ({ extra }, _id, payload) => createContext(runtime.subscriptionContext(correlationIdOf(extra.request, payload.extensions))),
      subscribe: (args) => subscribeEventByEvent(args, renew),
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: showErrors(result.errors, log) } : undefined),
      onError: (_ctx, _id, _payload, errors) => showErrors(errors, log),
    },
    sockets,
  );
  return {
    async close() {
      app.server.off('upgrade', upgrade);
      for (const client of sockets.clients) client.close(SERVICE_RESTART, 'Service Restart');
      const cut = setTimeout(() => {
        for (const client of sockets.clients) client.terminate();
      }, CLOSE_GRACE_MS);
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      clearTimeout(cut);
    },
  };
}

function correlationIdOf(request: IncomingMessage, extensions: Record<string, unknown> | null | undefined): string {
  const candidates = [extensions?.correlationId, request.headers['x-correlation-id']];
  const given = candidates.find((value): value is string => typeof value === 'string' && CORRELATION_ID.test(value));
  return given ?? randomUUID();
}

/** graphql-js's `subscribe`, but each event executes with the context `renew` makes for it. */
async function subscribeEventByEvent(args: ExecutionArgs, renew: (context: unknown) => unknown): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return source;
  const events = source[Symbol.asyncIterator]();
  const done = async (): Promise<IteratorResult<ExecutionResult>> => {
    await events.return?.();
    return { done: true, value: undefined };
  };
  const results: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      const event = await events.next();
      if (event.done) return { done: true, value: undefined };
      try {
        return { done: false, value: await execute({ ...args, rootValue: event.value, contextValue: renew(args.contextValue) }) };
      } catch (error) {
        await done();
        throw error;
      }
    },
    return: done,
    async throw(error: unknown) {
      await done();
      throw error;
    },
    [Symbol.asyncIterator]: () => results,
  };
  return results;
}

/**
 * Errors as a subscriber sees them: the hub's codes as they are, a live subscription that fell
 * behind as it is (it carries where to resume), graphql-js's request errors (validation,
 * variables; they carry no code) as GRAPHQL_VALIDATION_FAILED, anything else masked and logged.
 */
function showErrors(errors: readonly GraphQLError[], log: Logger): GraphQLFormattedError[] {
  return errors.map((error) => {
    const formatted = error.toJSON();
    const coded = formatted.extensions?.code === undefined && !error.originalError ? { ...formatted, extensions: { ...formatted.extensions, code: 'GRAPHQL_VALIDATION_FAILED' } } : formatted;
    const { masked, error: shown } = maskError(coded);
    if (masked) log.error({ err: error.originalError ?? error }, 'subscription failed');
    return shown as GraphQLFormattedError;
  });
}

/**
 * Builds a subgraph served by Apollo Server on Fastify (crm, billing, erp, ops): the database
 * opened and migrated, the schema built with `@apollo/subgraph`, GraphQL at `/graphql`, and its
 * subscriptions, if it has any, over graphql-ws on the same path.
 */
export async function createApolloSubgraph<Context extends BaseContext>(
  definition: SubgraphDefinition<Context>,
  config: HubConfig,
  stream: EventStream,
): Promise<SubgraphService> {
  const runtime = await SystemRuntime.open(definition.name, config, stream, definition.consumers);
  const app = createSubgraphApp(runtime);
  const { logger } = runtime;
  const schema = buildSchema(definition);
  const apollo = new ApolloServer<Context>({
    schema,
    includeStacktraceInErrorResponses: false,
    // main.ts owns shutdown and closes services in order; two SIGTERM handlers would race.
    stopOnTerminationSignals: false,
    formatError: (formatted) => maskError(formatted as Parameters<typeof maskError>[0]).error as typeof formatted,
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled(), maskingPlugin(logger)],
  });
  await apollo.start();
  await app.register(fastifyApollo(apollo), {
    context: async (request: FastifyRequest) => definition.createContext(runtime.requestContext(request)),
  });
  const subscriptions = hasSubscriptions(schema) ? serveSubscriptions(app, runtime, schema, (base) => definition.createContext(base)) : undefined;
  return {
    name: definition.name,
    app,
    db: runtime.db,
    start: () => runtime.start(),
    async close() {
      await subscriptions?.close();
      await app.close();
      await apollo.stop();
      await runtime.close();
    },
  };
}
