import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo from '@as-integrations/fastify';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parse, type GraphQLSchema } from 'graphql';
import type { HubConfig, SystemName } from './config.ts';
import type { Db } from './db.ts';
import type { ConsumerDefinition } from './events/consumer.ts';
import type { EventStream } from './events/stream.ts';
import { auditMutations } from './audit.ts';
import type { Caller } from './auth/caller.ts';
import { enforceAccess, readAccessPolicy } from './auth/policy.ts';
import { unauthenticatedBody } from './auth/subgraphTokens.ts';
import { formatApolloError, maskError, raisedCode, type HubError } from './errors.ts';
import { createHttpApp, sendRequestError } from './http.ts';
import { guardRequestDepth, refuseUnstorableArguments, resolveOperation } from './input.ts';
import type { Logger } from './logger.ts';
import type { BaseContext } from './context.ts';
import { SystemRuntime } from './runtime.ts';
import { hasSubscriptions, serveSubscriptions } from './subscriptions.ts';
import { DateScalar, DateTimeScalar, DecimalScalar, JSONScalar } from './scalars.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who a subgraph's GraphQL request is for, from the gateway's verified token. */
    caller?: Caller;
  }
}

/** What every resolver of every subgraph gets: its system's database and a way to write. */
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
  /** Told where the gateway of the same process listens, once it does (ops reconciles through it). */
  gatewayListening?(url: string): void;
}

export function loadTypeDefs(dir: string) {
  return parse(readFileSync(join(dir, 'schema.graphql'), 'utf8'));
}

/** The subgraph's schema, its `@authenticated` and `@requiresScopes` enforced in its resolvers. */
export function buildSchema(definition: { dir: string; resolvers: object }): GraphQLSchema {
  const sdl = readFileSync(join(definition.dir, 'schema.graphql'), 'utf8');
  const schema = buildSubgraphSchema({
    typeDefs: parse(sdl),
    resolvers: {
      Date: DateScalar,
      DateTime: DateTimeScalar,
      Decimal: DecimalScalar,
      JSON: JSONScalar,
      ...definition.resolvers,
    } as GraphQLResolverMap<unknown>,
  });
  // Audit outside enforcement, so refused mutations are recorded too; unstorable strings are
  // refused outside both, as they could not be written to the audit log either.
  return refuseUnstorableArguments(auditMutations(enforceAccess(schema, readAccessPolicy(sdl))));
}

/**
 * The HTTP app of a subgraph: health, readiness and SQL metrics. Ready when its database answers.
 * An event stream that is down leaves it ready but `degraded`: reads and writes go on (writes'
 * events wait in the outbox), only the flow of events between systems pauses.
 */
export function createSubgraphApp(runtime: SystemRuntime): FastifyInstance {
  const { db, logger, stream } = runtime;
  const app = createHttpApp({
    logger,
    ready: async () => {
      await db.query('SELECT 1');
      const events = stream.health().status;
      return { ready: true, degraded: events === 'down', database: db.kind, events };
    },
    metrics: () => [
      '# TYPE sql_statements_total counter',
      `sql_statements_total ${db.statements}`,
      '# TYPE sql_background_statements_total counter',
      `sql_background_statements_total ${db.background().statements}`,
    ],
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

/** Masks unexpected errors for clients and logs them whole, with the request's id. */
export function maskingPlugin(logger: Logger): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, request, contextValue }) {
          // The context's request id is the one every log line of the request carries (a gateway
          // request without `x-request-id` gets one made for it).
          const requestId = (contextValue as { requestId?: string }).requestId ?? request.http?.headers.get('x-request-id');
          for (const error of errors) {
            if (maskError({ message: error.message, extensions: { ...error.extensions, code: raisedCode(error) } }).masked) {
              logger.error({ err: error.originalError ?? error, requestId }, 'resolver failed');
            }
          }
        },
      };
    },
  };
}

/** Refuses an `operationName` that picks no operation of the document, with its own code, as the gateway does. */
export const operationPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, request }) {
        resolveOperation(document, request.operationName);
      },
    };
  },
};

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
    formatError: formatApolloError,
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled(), maskingPlugin(logger), operationPlugin],
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
