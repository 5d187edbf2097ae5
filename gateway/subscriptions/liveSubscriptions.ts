/**
 * Live subscriptions for every transport (graphql-ws, SSE, HTTP multipart): each one planned
 * across the subgraphs, streamed from the owning one (live streams shared, a resume `after` an
 * event on a stream of its own) and completed from the others, one event at a time.
 */
import { createHash } from 'node:crypto';
import { getArgumentValues, GraphQLError, Kind, valueFromAST, type DocumentNode, type FieldNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { refuseUnstorable } from '../../platform/input.ts';
import type { Engine } from '../execution/engine.ts';
import type { Logger } from '../../platform/logger.ts';
import { subgraphHeaders, type GatewayContext } from '../context.ts';
import { canonicalJson } from '../execution/inFlight.ts';
import { GatewaySubscription } from './gatewaySubscription.ts';
import { resolveEvent } from './resolveEvent.ts';
import { SharedResolutions, SharedUpstreams, type UpstreamFactory } from './sharedUpstream.ts';
import { mirroredCounter, mirroredGauge, type Registry } from '../../platform/metrics.ts';
import { CURSOR_ALIAS, type SubscriptionPlan, type SubscriptionPlanner } from './subscriptionPlanner.ts';
import { UpstreamSubscription } from './upstreamSubscription.ts';

export interface LiveSubscriptionsOptions {
  planner: SubscriptionPlanner;
  /** Completes each event with the other subgraphs' fields. */
  engine: Pick<Engine, 'executeEvent'>;
  /** The graphql-ws endpoint of a subgraph. */
  upstreamUrl(subgraph: string): string;
  /** Events held for one client before it counts as not reading. */
  buffer: number;
  log: Logger;
}

/** One subscription as the pipeline hands it over: validated, coerced and authorized. */
export interface SubscriptionRequest {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  source: string;
  operationName: string | undefined;
  variables: Record<string, unknown>;
  context: GatewayContext;
  /** Whether the client's connection still holds unsent bytes, i.e. the client is not reading. */
  backlogged(): boolean;
}

export class LiveSubscriptions {
  readonly #active = new Set<GatewaySubscription>();
  readonly #upstreams = new SharedUpstreams();
  readonly #resolutions = new SharedResolutions();
  readonly #counters = { events: 0, overflows: 0, reconnects: 0 };

  constructor(private readonly options: LiveSubscriptionsOptions) {}

  /**
   * Opens one subscription; throws the refusal (a GraphQLError) of one that cannot run. Refused
   * here, not by the owning subgraph: a subscription it refuses after accepting the socket would
   * read to the upstream as a dropped stream, retried.
   */
  open(request: SubscriptionRequest): GatewaySubscription {
    const { schema, operation, variables, context } = request;
    refuseUnstorable(rootArguments(schema, operation, variables));
    let plan: SubscriptionPlan;
    try {
      plan = this.options.planner.plan(request.document, request.operationName, request.source);
    } catch (error) {
      if (error instanceof GraphQLError) throw new GraphQLError(error.message, { extensions: { ...error.extensions, code: error.extensions.code ?? 'GRAPHQL_VALIDATION_FAILED' } });
      context.log.error({ err: error }, 'subscription could not be planned');
      throw new GraphQLError('The subscription could not be planned.');
    }
    const caller = context.caller.fingerprint ?? '';
    const after = clientAfter(plan, schema, variables);
    const resolutionKey = `${request.source}\u0000${request.operationName ?? ''}\u0000${canonicalJson(variables)}\u0000${caller}`;
    const { engine } = this.options;
    const queryHash = createHash('sha256').update(request.source).digest('hex');
    const subscription = new GatewaySubscription({
      buffer: this.options.buffer,
      after,
      resolve: (event) =>
        this.#resolutions.resolve(event, resolutionKey, () =>
          resolveEvent({ plan, engine, document: request.document, queryHash, variables, context }, event),
        ),
      clientBacklogged: request.backlogged,
      onOverflow: () => {
        this.#counters.overflows += 1;
        context.log.warn({ subgraph: plan.subgraph, buffer: this.options.buffer }, 'subscriber not reading; subscription ended');
      },
      onClose: () => this.#active.delete(subscription),
    });
    const upstreamVariables = Object.fromEntries((plan.primary.variableUsages ?? []).filter((name) => name in variables).map((name) => [name, variables[name]]));
    const upstream: UpstreamFactory = (handlers) =>
      new UpstreamSubscription({
        url: this.options.upstreamUrl(plan.subgraph),
        subgraph: plan.subgraph,
        query: plan.upstreamQuery,
        variables: upstreamVariables,
        resumeQuery: plan.resumeQuery,
        afterVariable: plan.afterVariable,
        cursorOf: (result) => {
          const cursor = (result.data?.[plan.responseKey] as Record<string, unknown> | null | undefined)?.[CURSOR_ALIAS];
          return cursor === undefined || cursor === null ? undefined : String(cursor);
        },
        headers: () => subgraphHeaders(context, plan.subgraph),
        extensions: { correlationId: context.correlationId },
        log: context.log,
        onReconnect: () => (this.#counters.reconnects += 1),
        ...handlers,
      });
    // A client resuming `after` an event replays from there: a stream of its own. Live ones share.
    const upstreamKey = `${plan.subgraph}\u0000${plan.upstreamQuery}\u0000${canonicalJson(upstreamVariables)}\u0000${caller}`;
    subscription.attach(
      after === undefined
        ? this.#upstreams.join(upstreamKey, subscription, upstream)
        : upstream({ onEvent: (result, cursor) => subscription.push(result, cursor), onError: (errors) => subscription.fail(errors) }),
    );
    this.#active.add(subscription);
    return subscription;
  }

  /** Ends every subscription (on shutdown). */
  async close(): Promise<void> {
    await Promise.all([...this.#active].map((subscription) => subscription.return()));
  }

  /** Counts one event sent to a client, on any transport. */
  sent(): void {
    this.#counters.events += 1;
  }

  /** Registers the subscription metrics, every transport counted. */
  registerMetrics(registry: Registry): void {
    mirroredGauge({ registry, name: 'gateway_subscriptions_active', help: 'Subscriptions open, on every transport.', read: () => this.#active.size });
    mirroredGauge({
      registry,
      name: 'gateway_subscriptions_streaming',
      help: 'Open subscriptions whose upstream subscription is established (events reach them).',
      read: () => [...this.#active].filter((subscription) => subscription.streaming).length,
    });
    mirroredGauge({ registry, name: 'gateway_subscription_upstreams_shared', help: 'Upstream subgraph subscriptions, each shared by the live subscriptions that ask the same.', read: () => this.#upstreams.size });
    mirroredCounter({ registry, name: 'gateway_subscription_events_total', help: 'Subscription events sent to clients.', read: () => this.#counters.events });
    mirroredCounter({ registry, name: 'gateway_subscription_overflows_total', help: 'Subscriptions ended because their client did not read its events fast enough.', read: () => this.#counters.overflows });
    mirroredCounter({ registry, name: 'gateway_subscription_upstream_reconnects_total', help: 'Upstream subscriptions reconnected after their subgraph connection dropped.', read: () => this.#counters.reconnects });
  }
}

/** The arguments of a subscription's root field, coerced (fragments at the root are not read). */
function rootArguments(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown>): Record<string, unknown> {
  const [root] = operation.selectionSet.selections;
  const field = root?.kind === Kind.FIELD ? schema.getSubscriptionType()?.getFields()[root.name.value] : undefined;
  return field && root.kind === Kind.FIELD ? getArgumentValues(field, root, variables) : {};
}

/** The `after` the client subscribed with (literal or variable): where it resumes until an event is sent. */
function clientAfter(plan: SubscriptionPlan, schema: GraphQLSchema, variables: Record<string, unknown>): string | undefined {
  const root = plan.operationContext.operation.selectionSet.selections[0] as FieldNode | undefined;
  const node = root?.arguments?.find((arg) => arg.name.value === 'after');
  const type = schema.getSubscriptionType()?.getFields()[root?.name.value ?? '']?.args.find((arg) => arg.name === 'after')?.type;
  if (!node || !type) return undefined;
  const value = valueFromAST(node.value, type, variables);
  return typeof value === 'string' ? value : undefined;
}
