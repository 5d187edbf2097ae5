/**
 * One info line per GraphQL operation the gateway runs, over any transport: what it was, how
 * long it took, how it ended and which subgraphs it called. With Fastify's request lines at
 * debug, this is the line an operator reads.
 */
import type { GraphQLFormattedError, OperationTypeNode } from 'graphql';
import type { GatewayContext } from './context.ts';

export interface OperationLogEntry {
  operationName: string | undefined;
  /** Unknown when the operation was refused before it was resolved. */
  operationType: OperationTypeNode | undefined;
  errors: readonly GraphQLFormattedError[] | undefined;
  /** `performance.now()` when the request reached the pipeline. */
  started: number;
}

export function logOperation(context: GatewayContext, entry: OperationLogEntry): void {
  const codes = [...new Set((entry.errors ?? []).map((error) => String(error.extensions?.code ?? 'UNKNOWN')))];
  const line = {
    operationName: entry.operationName ?? null,
    operationType: entry.operationType ?? null,
    ms: Math.round(performance.now() - entry.started),
    outcome: codes.length === 0 ? 'OK' : codes.join(','),
    subgraphs: [...context.subgraphs].sort(),
  };
  context.log.info(line, `graphql ${line.operationType ?? 'operation'} ${line.operationName ?? '(anonymous)'} ${line.outcome} in ${line.ms} ms`);
}
