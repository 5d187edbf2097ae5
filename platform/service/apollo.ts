// The Apollo Server adapter (crm, billing, erp, ops): GraphQL over HTTP at `/graphql` with
// `@as-integrations/fastify`, every error through platform/errors.ts's clientError.
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import fastifyApollo from '@as-integrations/fastify';
import type { FastifyRequest } from 'fastify';
import type { BaseContext } from '../context.ts';
import { apolloErrorFormatter, clientError } from '../errors.ts';
import { cacheExtensions } from './cacheExtensions.ts';
import { resolveOperation } from '../input.ts';
import type { Logger } from '../logger.ts';
import type { SubgraphAdapter } from './subgraph.ts';
import { traceOperation } from '../tracing.ts';

/**
 * Logs the errors Apollo Server meets whole, with the request's id, where clientError masks them
 * (Apollo's `formatError` is not told the request; this plugin is).
 */
export function maskingPlugin(logger: Logger, domainCodes: ReadonlySet<string>): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, request, contextValue }) {
          // The context's request id is the one every log line of the request carries (a gateway
          // request without `x-request-id` gets one made for it).
          const requestId = (contextValue as { requestId?: string }).requestId ?? request.http?.headers.get('x-request-id');
          for (const error of errors) clientError(error, { log: logger, requestId, domainCodes });
        },
      };
    },
  };
}

/** Refuses an `operationName` that picks no operation of the document, with its own code, as the gateway does. */
const operationPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ document, request }) {
        traceOperation(resolveOperation(document, request.operationName));
      },
    };
  },
};

/** Serves a subgraph with Apollo Server. */
export const apolloAdapter: SubgraphAdapter = async ({ app, schema, runtime, createContext, beforeResponse }) => {
  const responsePlugin: ApolloServerPlugin<BaseContext> = {
    async requestDidStart() {
      return {
        willSendResponse: async ({ contextValue, operationName, response }) => {
          if (response.body.kind === 'single') response.body.singleResult.extensions = { ...response.body.singleResult.extensions, ...cacheExtensions(contextValue) };
          await beforeResponse(contextValue, operationName ?? null);
        },
      };
    },
  };
  const apollo = new ApolloServer<BaseContext>({
    schema,
    includeStacktraceInErrorResponses: false,
    // main.ts owns shutdown and closes services in order; two SIGTERM handlers would race.
    stopOnTerminationSignals: false,
    formatError: apolloErrorFormatter(runtime.domainCodes),
    plugins: [ApolloServerPluginLandingPageDisabled(), ApolloServerPluginInlineTraceDisabled(), maskingPlugin(runtime.logger, runtime.domainCodes), operationPlugin, responsePlugin],
  });
  await apollo.start();
  await app.register(fastifyApollo(apollo), {
    context: async (request: FastifyRequest) => createContext(runtime.requestContext(request)),
  });
  return () => apollo.stop();
};
