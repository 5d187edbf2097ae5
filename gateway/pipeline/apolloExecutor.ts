/**
 * ExecuteOperation (execution/operation.ts) over today's executor chain: ApolloGateway's `load()`
 * executor wrapped by the gateway's layers (deadline, deduplication, plan executor). It answers
 * `single` only. Kept in this one file so the gateway's own executor replaces it whole.
 */
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { GatewayExecutor, GatewayGraphQLRequestContext, GatewayInterface } from '@apollo/server-gateway-interface';
import { withDenials } from '../security/authorize.ts';
import type { ExecuteOperation } from '../execution/operation.ts';
import type { ExecutorLayer } from '../execution/layers.ts';

/** Loads the gateway and wraps its executor in `layers`, the first listed outermost; `schema` is its API schema once loaded. */
export async function loadApolloExecutor(gateway: GatewayInterface, layers: ExecutorLayer[], schema: () => GraphQLSchema): Promise<ExecuteOperation> {
  const loaded = await gateway.load({ apollo: { key: undefined, keyHash: undefined, graphRef: undefined } });
  if (!loaded.executor) throw new Error('The gateway loaded no executor');
  const executor: GatewayExecutor = layers.reduceRight((inner, layer) => layer(inner), loaded.executor);
  const execute: ExecuteOperation = async ({ document, operationName, queryHash, variables, authorization, context }) => {
    const denied = authorization.denials.length > 0;
    const planned = denied ? authorization.document : document;
    const operation = planned.definitions.find((definition) => definition.kind === 'OperationDefinition' && (operationName === undefined || definition.name?.value === operationName));
    const requestContext = {
      request: { query: authorization.source, operationName, variables },
      response: { http: { headers: new Map(), status: undefined } },
      logger: context.log,
      schema: schema(),
      schemaHash: '',
      context,
      cache: undefined,
      queryHash: denied ? authorization.queryHash! : queryHash,
      document: planned,
      source: denied ? authorization.source! : '',
      operationName: operationName ?? null,
      operation,
      metrics: {},
      overallCachePolicy: undefined,
    } as unknown as GatewayGraphQLRequestContext;
    try {
      const result = await executor(requestContext);
      return { kind: 'single', result: denied ? withDenials(result, authorization) : result };
    } catch (error) {
      // A layer's refusal (the request deadline) is a result; anything else is a defect.
      if (error instanceof GraphQLError) return { kind: 'single', result: { errors: [error] } };
      throw error;
    }
  };
  return execute;
}
