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
import { openDb, type Db } from './db.ts';
import { maskError } from './errors.ts';
import { createHttpApp } from './http.ts';
import { createLogger, type Logger } from './logger.ts';
import { DateScalar, DateTimeScalar, DecimalScalar, JSONScalar } from './scalars.ts';

/** What every resolver of every subgraph gets: its system's database and per-request loaders. */
export interface BaseContext {
  db: Db;
  log: Logger;
  requestId: string;
}

/** A system of record: its schema, resolvers and how to make a request's context. */
export interface SubgraphDefinition<Context extends BaseContext> {
  name: SystemName;
  /** The folder holding `schema.graphql` and `migrations/`. */
  dir: string;
  resolvers: object;
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

/** The HTTP app of a subgraph: health, readiness (its database answers) and SQL metrics. */
export function createSubgraphApp(name: SystemName, config: HubConfig, db: Db): { app: FastifyInstance; logger: Logger } {
  const logger = createLogger(config, name);
  const app = createHttpApp({
    logger,
    ready: async () => {
      await db.query('SELECT 1');
      return { ready: true, database: db.kind };
    },
    metrics: () => ['# TYPE sql_statements_total counter', `sql_statements_total ${db.statements}`],
  });
  return { app, logger };
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

/**
 * Builds a subgraph served by Apollo Server on Fastify (crm, billing, erp): the database opened
 * and migrated, the schema built with `@apollo/subgraph`, GraphQL at `/graphql`.
 */
export async function createApolloSubgraph<Context extends BaseContext>(
  definition: SubgraphDefinition<Context>,
  config: HubConfig,
): Promise<SubgraphService> {
  const db = await openSystemDb(config, definition.name);
  const { app, logger } = createSubgraphApp(definition.name, config, db);
  const apollo = new ApolloServer<Context>({
    schema: buildSchema(definition),
    includeStacktraceInErrorResponses: false,
    // main.ts owns shutdown and closes services in order; two SIGTERM handlers would race.
    stopOnTerminationSignals: false,
    formatError: (formatted) => maskError(formatted as Parameters<typeof maskError>[0]).error as typeof formatted,
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled(), maskingPlugin(logger)],
  });
  await apollo.start();
  await app.register(fastifyApollo(apollo), {
    context: async (request: FastifyRequest) =>
      definition.createContext({ db, log: request.log as Logger, requestId: String(request.id) }),
  });
  return {
    name: definition.name,
    app,
    db,
    async close() {
      await app.close();
      await apollo.stop();
      await db.close();
    },
  };
}
