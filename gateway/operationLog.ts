/**
 * One info line per GraphQL operation the gateway runs, over HTTP or WebSocket: what it was, how
 * long it took, how it ended and which subgraphs it called. With Fastify's request lines at
 * debug, this is the line an operator reads.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { getOperationAST } from 'graphql';
import type { GatewayContext } from './context.ts';

export const operationLogPlugin: ApolloServerPlugin<GatewayContext> = {
  async requestDidStart({ contextValue }) {
    const started = performance.now();
    return {
      async willSendResponse({ response, request, document, operation: resolved }) {
        // An operation that failed validation is not resolved, but its document was parsed.
        const operation = resolved ?? (document ? getOperationAST(document, request.operationName) : undefined);
        const errors = response.body.kind === 'single' ? response.body.singleResult.errors : response.body.initialResult.errors;
        const codes = [...new Set((errors ?? []).map((error) => String(error.extensions?.code ?? 'UNKNOWN')))];
        const line = {
          operationName: operation?.name?.value ?? request.operationName ?? null,
          operationType: operation?.operation ?? null,
          ms: Math.round(performance.now() - started),
          outcome: codes.length === 0 ? 'OK' : codes.join(','),
          subgraphs: [...contextValue.subgraphs].sort(),
        };
        contextValue.log.info(line, `graphql ${line.operationType ?? 'operation'} ${line.operationName ?? '(anonymous)'} ${line.outcome} in ${line.ms} ms`);
      },
    };
  },
};
