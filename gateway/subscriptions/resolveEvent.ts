import { executeQueryPlan, type GraphQLDataSource, type ServiceMap } from '@apollo/gateway';
import type { PlanNode, QueryPlan } from '@apollo/query-planner';
import { GraphQLError, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import type { Logger } from '../../platform/logger.ts';
import type { SubscriptionPlan, SubscriptionPlanner } from './subscriptionPlanner.ts';

type RequestContext = Parameters<typeof executeQueryPlan>[2];

/** The name the event's own data is served under while the rest of its plan runs. */
const EVENT_SOURCE = '__subscription_event__';

/** One event as the owning subgraph streamed it: the primary fetch's result. */
export interface UpstreamEvent {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLFormattedError[];
}

export interface EventRequest {
  plan: SubscriptionPlan;
  planner: SubscriptionPlanner;
  /** The gateway's data sources by subgraph name, so entity fetches go out exactly as for queries. */
  dataSources: ServiceMap;
  query: string;
  variables: Record<string, unknown>;
  /** The gateway context the data sources read request and correlation ids from. */
  context: Record<string, unknown>;
  log: Logger;
}

/**
 * Completes one event with the other subgraphs' fields: runs `Sequence[primary, rest]` with
 * `executeQueryPlan`, the primary fetch answered from the event itself, so every `@key` and
 * `@requires` fetch of `rest` runs as it does for a query, and the result is shaped to the
 * client's selection (the added cursor dropped).
 */
export async function resolveEvent(request: EventRequest, event: UpstreamEvent): Promise<ExecutionResult> {
  const { plan, planner } = request;
  const eventSource: GraphQLDataSource = { process: async () => ({ data: event.data ?? null }) };
  const nodes: PlanNode[] = [{ ...plan.primary, serviceName: EVENT_SOURCE }];
  if (plan.rest) nodes.push(plan.rest);
  const queryPlan: QueryPlan = { kind: 'QueryPlan', node: { kind: 'Sequence', nodes } };
  const requestContext = {
    request: { query: request.query, variables: request.variables, operationName: plan.operationContext.operation.name?.value },
    context: request.context,
    logger: request.log,
    metrics: {},
    schema: plan.operationContext.schema,
    document: { kind: 'Document', definitions: [plan.operationContext.operation, ...Object.values(plan.operationContext.fragments)] },
    operation: plan.operationContext.operation,
    operationName: plan.operationContext.operation.name?.value ?? null,
    source: request.query,
    queryHash: '',
    overallCachePolicy: undefined,
  } as unknown as RequestContext;
  const result = await executeQueryPlan(
    queryPlan,
    { ...request.dataSources, [EVENT_SOURCE]: eventSource },
    requestContext,
    plan.operationContext,
    planner.supergraphSchema,
    planner.federationApiSchema,
  );
  // The owning subgraph's own errors for this event keep its name, not the stand-in's.
  const upstreamErrors = (event.errors ?? []).map(
    (error) => new GraphQLError(error.message, { path: error.path, extensions: { ...error.extensions, serviceName: plan.subgraph } }),
  );
  const errors = [...upstreamErrors, ...(result.errors ?? [])];
  return errors.length > 0 ? { ...result, errors } : result;
}
