// The assembly of every subgraph, whichever framework serves its GraphQL: the runtime opened
// from the definition, the HTTP app, the schema, the framework's adapter, graphql-ws, and
// shutdown in the reverse order.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { FastifyInstance } from 'fastify';
import { parse, type GraphQLSchema } from 'graphql';
import { auditMutations } from '../audit.ts';
import { resolveColumns } from '../columns.ts';
import type { Caller } from '../auth/caller.ts';
import { enforceAccess, readAccessPolicy } from '../auth/policy.ts';
import { unauthenticatedBody } from '../auth/subgraphTokens.ts';
import type { HubConfig } from '../config.ts';
import type { BaseContext } from '../context.ts';
import type { Db } from '../db/db.ts';
import type { HubError } from '../errors.ts';
import type { EventStream } from '../events/stream.ts';
import { createHttpApp, sendRequestError, type Service } from '../http.ts';
import { guardRequestDepth, refuseUnstorableArguments } from '../input.ts';
import { createRegistry, mirroredCounter, mirroredGauge, type Registry } from '../metrics.ts';
import { DateScalar, DateTimeScalar, DecimalScalar, JSONScalar } from '../scalars.ts';
import type { SubgraphDefinition } from './definition.ts';
import { SystemRuntime } from './runtime.ts';
import { traceRootResolvers } from '../tracing.ts';
import { hasSubscriptions, serveSubscriptions } from './subscriptions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who a subgraph's GraphQL request is for, from the gateway's verified token. */
    caller?: Caller;
  }
}

/** A subgraph service, with its database open and migrated. */
export interface SubgraphService extends Service {
  db: Db;
  /** Starts its event consumers and outbox relay (after seeding, before serving). */
  start(): Promise<void>;
  /** Told where the gateway of the same process listens, once it does. */
  gatewayListening(url: string): void;
}

/** What an adapter gets to serve GraphQL at `/graphql` with its framework. */
export interface AdapterInput {
  app: FastifyInstance;
  schema: GraphQLSchema;
  runtime: SystemRuntime;
  createContext(base: BaseContext): BaseContext;
  beforeResponse(context: BaseContext, operationName: string | null): Promise<void>;
}

/**
 * Serves a subgraph's GraphQL over HTTP with one server framework (Apollo Server, mercurius), on
 * the app it is given; returns what stops the framework once the app is closed.
 */
export type SubgraphAdapter = (input: AdapterInput) => Promise<() => Promise<void>>;

type SchemaModules = Parameters<typeof buildSubgraphSchema>[0];

/** A subgraph's resolvers as `buildSubgraphSchema` takes them (@apollo/subgraph does not export the type). */
export type SubgraphResolvers = NonNullable<Extract<SchemaModules, { typeDefs: unknown }>['resolvers']>;

/**
 * The subgraph's schema, its `@authenticated` and `@requiresScopes` enforced in its resolvers, and
 * its camelCase fields read from rows' snake_case columns where no resolver says otherwise.
 */
export function buildSchema(definition: Pick<SubgraphDefinition, 'dir' | 'resolvers'>): GraphQLSchema {
  const sdl = readFileSync(join(definition.dir, 'schema.graphql'), 'utf8');
  const schema = buildSubgraphSchema({
    typeDefs: parse(sdl),
    resolvers: { Date: DateScalar, DateTime: DateTimeScalar, Decimal: DecimalScalar, JSON: JSONScalar, ...definition.resolvers },
  } as SchemaModules);
  // Columns first: enforcement wraps the resolver it finds, so a guarded field still reads its column.
  // Audit outside enforcement, so refused mutations are recorded too; unstorable strings are
  // refused outside both, as they could not be written to the audit log either.
  // Traced outermost, so a span covers the refusals and the audit too.
  return traceRootResolvers(refuseUnstorableArguments(auditMutations(enforceAccess(resolveColumns(schema), readAccessPolicy(sdl)))));
}

/** What every subgraph's `/metrics` has: its SQL statements and its outbox's depth. */
function registerSubgraphMetrics(registry: Registry, db: Db): void {
  mirroredCounter({ registry, name: 'sql_statements_total', help: 'SQL statements sent for GraphQL requests.', read: () => db.statements });
  mirroredCounter({
    registry,
    name: 'sql_background_statements_total',
    help: 'SQL statements sent for background work: outbox relay, event consumers, live events, these metrics.',
    read: () => db.background().statements,
  });
  // Read on the background connection, so a scrape does not count as a request's statement.
  mirroredGauge({
    registry,
    name: 'outbox_unpublished_events',
    help: 'Events committed to the outbox and not yet published to the event stream.',
    read: async () => (await db.background().query<{ count: number }>('SELECT count(*)::int AS count FROM outbox WHERE published_at IS NULL'))[0]!.count,
  });
}

/**
 * The HTTP app of a subgraph: health, readiness and metrics. Ready when its database answers.
 * An event stream that is down leaves it ready but `degraded`: reads and writes go on (writes'
 * events wait in the outbox), only the flow of events between systems pauses.
 */
function createSubgraphApp(runtime: SystemRuntime, registry: Registry): FastifyInstance {
  const { db, logger, stream } = runtime;
  registerSubgraphMetrics(registry, db);
  const app = createHttpApp({
    service: runtime.name,
    logger,
    registry,
    ready: async () => {
      await db.query('SELECT 1');
      const events = stream.health().status;
      return { ready: true, degraded: events === 'down', database: db.kind, events };
    },
  });
  // Only the gateway may ask: every GraphQL request carries its token, checked before anything else.
  // (WebSocket upgrades are checked where they are taken, in subscriptions.ts.)
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.split('?')[0] !== '/graphql') return;
    try {
      request.caller = await runtime.authenticate(request.headers.authorization);
    } catch (error) {
      return reply.code(401).header('www-authenticate', 'Bearer').type('application/json').send(unauthenticatedBody(error as Error));
    }
  });
  app.addHook('preValidation', async (request, reply) => {
    const params = request.method === 'POST' ? request.body : request.query;
    if (request.url.split('?')[0] !== '/graphql' || typeof params !== 'object' || params === null) return;
    try {
      guardRequestDepth(params);
    } catch (error) {
      return sendRequestError(reply, error as HubError);
    }
  });
  return app;
}

/**
 * Builds a subgraph from its definition, served by `adapter`: the database opened and migrated,
 * the schema built with `@apollo/subgraph`, GraphQL at `/graphql`, and its subscriptions, if it
 * has any, over graphql-ws on the same path.
 */
export async function createSubgraph(definition: SubgraphDefinition, adapter: SubgraphAdapter, config: HubConfig, stream: EventStream): Promise<SubgraphService> {
  const runtime = await SystemRuntime.open(definition, config, stream);
  const registry = createRegistry(definition.name);
  const app = createSubgraphApp(runtime, registry);
  definition.metrics?.(registry, runtime.db.background(), stream);
  const schema = buildSchema(definition);
  const job = definition.background?.(config, runtime.logger);
  const createContext = (base: BaseContext) => definition.createContext(base, job);
  const beforeResponse = (context: BaseContext, operationName: string | null) => definition.beforeResponse?.(context, operationName) ?? Promise.resolve();
  const stop = await adapter({ app, schema, runtime, createContext, beforeResponse });
  const subscriptions = hasSubscriptions(schema) ? serveSubscriptions(app, runtime, schema, createContext) : undefined;
  return {
    name: definition.name,
    app,
    db: runtime.db,
    async start() {
      await runtime.start();
      job?.start(runtime.db);
    },
    gatewayListening: (url) => job?.gatewayListening?.(url),
    async close() {
      await job?.stop();
      await subscriptions?.close();
      await app.close();
      await stop();
      await runtime.close();
    },
  };
}
