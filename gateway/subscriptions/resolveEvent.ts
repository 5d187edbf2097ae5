import { getVariableValues, GraphQLError, type DocumentNode, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import type { GatewayContext } from '../context.ts';
import type { Engine } from '../execution/engine.ts';
import type { SubscriptionPlan } from './subscriptionPlanner.ts';

/** One event as the owning subgraph streamed it: the primary fetch's result. */
export interface UpstreamEvent {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
}

export interface EventRequest {
  plan: SubscriptionPlan;
  engine: Pick<Engine, 'executeEvent'>;
  /** The client's validated subscription document and the sha256 of its text. */
  document: DocumentNode;
  queryHash: string;
  variables: Record<string, unknown>;
  /** The gateway context the data sources read request and correlation ids from. */
  context: GatewayContext;
}

/**
 * Completes one event with the other subgraphs' fields: the engine runs the plan's `rest` over
 * the event (the primary fetch's answer), so every `@key` and `@requires` fetch runs as it does
 * for a query, and shapes it to the client's selection (the added cursor dropped).
 */
export async function resolveEvent(request: EventRequest, event: UpstreamEvent): Promise<ExecutionResult> {
  const { plan, document, context } = request;
  const operation = plan.operationContext.operation;
  const coerced = getVariableValues(plan.operationContext.schema, operation.variableDefinitions ?? [], request.variables);
  if (coerced.errors) return { errors: coerced.errors };
  // A subscription the caller may not see all of was refused before it was opened.
  const authorization = { kind: 'allowed', document, denials: [], placeholders: [] } as const;
  const result = await request.engine.executeEvent(
    { document, operationName: operation.name?.value, queryHash: request.queryHash, variables: coerced.coerced, authorization, context },
    plan.rest,
    plan.primary.outputRewrites,
    event.data,
  );
  // The owning subgraph's own errors for this event keep its name.
  const upstreamErrors = (event.errors ?? []).map(
    (error) => new GraphQLError(error.message, { path: error.path, extensions: { ...error.extensions, serviceName: plan.subgraph } }),
  );
  const errors = [...upstreamErrors, ...(result.errors ?? [])];
  return errors.length > 0 ? { ...result, errors } : result;
}
