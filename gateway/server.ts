import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo from '@as-integrations/fastify';
import type { FastifyRequest } from 'fastify';
import { SYSTEMS, type HubConfig, type SystemName } from '../platform/config.ts';
import { maskError } from '../platform/errors.ts';
import { createHttpApp } from '../platform/http.ts';
import { createLogger, type Logger } from '../platform/logger.ts';
import { strictScalars } from '../platform/scalars.ts';
import { maskingPlugin, type Service } from '../platform/subgraph.ts';
import { DEFAULT_EXAMPLES, registerGraphiql } from './graphiql/index.ts';

/** The composed supergraph, committed at the repository root and rebuilt by `npm run compose`. */
export const SUPERGRAPH_PATH = join(import.meta.dirname, '..', 'supergraph.graphql');

export interface GatewayContext {
  requestId: string;
  /** From the client's `x-correlation-id`, or made here; sent to every subgraph and returned. */
  correlationId: string;
  log: Logger;
}

/** Puts the correlation id in every response's extensions and `x-correlation-id` header. */
const correlationPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart({ contextValue }) {
    return {
      async willSendResponse({ response }) {
        response.http.headers.set('x-correlation-id', contextValue.correlationId);
        if (response.body.kind === 'single') {
          response.body.singleResult.extensions = { ...response.body.singleResult.extensions, correlationId: contextValue.correlationId };
        }
      },
    };
  },
};


interface SubgraphStatus {
  ok: boolean;
  url: string;
  ms: number;
  error?: string;
}

/** Asks one subgraph for `{ __typename }`; used by `/readyz`. */
async function probe(url: string, timeoutMs: number): Promise<SubgraphStatus> {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const ok = response.ok && ((await response.json()) as { data?: unknown }).data !== undefined;
    return { ok, url, ms: Math.round(performance.now() - started), ...(ok ? {} : { error: `HTTP ${response.status}` }) };
  } catch (error) {
    return { ok: false, url, ms: Math.round(performance.now() - started), error: (error as Error).message };
  }
}

/**
 * The federation gateway: `@apollo/gateway` over the committed supergraph, each subgraph reached
 * at its configured URL, GraphiQL for browsers at `GET /graphql`, `/healthz` and `/readyz`.
 */
export async function createGatewayServer(config: HubConfig): Promise<Service> {
  // @apollo/gateway otherwise exports usage metrics to Apollo and probes cloud metadata
  // endpoints at construction; a hub that may run without internet must not phone out.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';

  const logger = createLogger(config, 'gateway');
  const timeoutMs = config.subgraphTimeoutMs;
  const gateway = new ApolloGateway({
    supergraphSdl: readFileSync(SUPERGRAPH_PATH, 'utf8'),
    logger,
    buildService: ({ name }) =>
      new RemoteGraphQLDataSource<GatewayContext>({
        url: config.systems[name as SystemName].url,
        fetcher: ((url: string, init: RequestInit) => fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as never,
        willSendRequest: ({ request, context }) => {
          if (context.requestId) request.http?.headers.set('x-request-id', context.requestId);
          if (context.correlationId) request.http?.headers.set('x-correlation-id', context.correlationId);
        },
      }),
  });
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => strictScalars(apiSchema));
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    includeStacktraceInErrorResponses: false,
    // main.ts owns shutdown and closes services in order; two SIGTERM handlers would race.
    stopOnTerminationSignals: false,
    formatError: (formatted) => maskError(formatted as Parameters<typeof maskError>[0]).error as typeof formatted,
    plugins: [ApolloServerPluginLandingPageDisabled(), maskingPlugin(logger), correlationPlugin],
  });

  const app = createHttpApp({
    logger,
    ready: async () => {
      const statuses = Object.fromEntries(
        await Promise.all(SYSTEMS.map(async (name) => [name, await probe(config.systems[name].url, Math.min(timeoutMs, 2000))] as const)),
      );
      return { ready: Object.values(statuses).every((status) => status.ok), subgraphs: statuses };
    },
  });
  registerGraphiql(app, { endpoint: '/graphql', examples: DEFAULT_EXAMPLES });
  await apollo.start();
  await app.register(fastifyApollo(apollo), {
    context: async (request: FastifyRequest) => ({ requestId: String(request.id), correlationId: request.correlationId, log: request.log as Logger }),
  });
  return {
    name: 'gateway',
    app,
    async close() {
      await app.close();
      await apollo.stop();
    },
  };
}
