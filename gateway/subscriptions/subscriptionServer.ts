import { createHash, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ServiceMap } from '@apollo/gateway';
import { CloseCode, handleProtocols, type Context, type ExecutionResult, type FormattedExecutionResult, type SubscribePayload } from 'graphql-ws';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import {
  getArgumentValues,
  getVariableValues,
  Kind,
  GraphQLError,
  parse,
  validate,
  valueFromAST,
  type DocumentNode,
  type ExecutionArgs,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Caller } from '../../platform/auth/caller.ts';
import type { SubgraphTokenSigner } from '../../platform/auth/subgraphTokens.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Authenticate } from '../security/authenticate.ts';
import type { EndConnection } from '../security/access.ts';
import type { RecordRefusal, RefusalContext } from '../security/auditTrail.ts';
import type { Authorization } from '../security/authorize.ts';
import { GatewaySubscription } from './gatewaySubscription.ts';
import { resolveEvent } from './resolveEvent.ts';
import { ErrorCode, HubError } from '../../platform/errors.ts';
import { refuseUnstorable, resolveOperation } from '../../platform/input.ts';
import { subgraphHeaders, type GatewayContext } from '../context.ts';
import type { SocketOperation } from '../limits/gatewayLimits.ts';
import { formatError, withCode } from './subscriptionErrors.ts';
import { CURSOR_ALIAS, type SubscriptionPlan, type SubscriptionPlanner } from './subscriptionPlanner.ts';
import { UpstreamSubscription } from './upstreamSubscription.ts';
import { SharedResolutions, SharedUpstreams, type UpstreamFactory } from './sharedUpstream.ts';
import { canonicalJson } from '../execution/inFlight.ts';

const CORRELATION_ID = /^[\w.:-]{1,200}$/;
/** How long clients get to answer the closing handshake on shutdown before their sockets are cut. */
const CLOSE_GRACE_MS = 1000;

/** The gateway context of one operation: what the data sources forward to the subgraphs. */
export interface WsRequestContext extends GatewayContext, Record<string, unknown> {
  /** The client's `apollographql-client-name`, from the upgrade request or the connection params. */
  clientName?: string;
}

export interface SubscriptionServerOptions {
  /** The gateway's HTTP server; WebSocket upgrades to `path` are taken over, others refused. */
  server: Server;
  path: string;
  planner: SubscriptionPlanner;
  /** The gateway's API schema, validated against. */
  apiSchema(): GraphQLSchema;
  /** The gateway's data sources by subgraph name. */
  dataSources: ServiceMap;
  /** Verifies the caller's token (connection params' `authorization`, else the upgrade request's header). */
  authenticate: Authenticate;
  subgraphTokens: SubgraphTokenSigner;
  /** Authorizes an operation for a caller before it is planned (see security/authorize.ts). */
  authorize(document: DocumentNode, queryHash: string, operationName: string | undefined, caller: Caller): Authorization;
  /** The graphql-ws endpoint of a subgraph. */
  upstreamUrl(subgraph: string): string;
  /** Queries and mutations sent over the socket go through the HTTP pipeline (plugins, masking). */
  execute(request: SubscribePayload, context: WsRequestContext): Promise<FormattedExecutionResult>;
  /** Throws the refusal of a request nested too deep to read (document, variables, extensions). */
  checkRequest(request: SubscribePayload): void;
  /** Throws the refusal of an operation the client may not send or that is over the limits. */
  checkOperation(operation: SocketOperation, context: RefusalContext): void;
  /** Ends the connection when the caller's access ends (security/access.ts); returns what stops watching. */
  watchAccess(caller: Caller, end: EndConnection): () => void;
  /** Told of each subscription refused for the caller's scopes. */
  recordRefusal: RecordRefusal;
  /** Told of each subscription the socket opens (queries over the socket run through `execute`). */
  subscribed?(schema: GraphQLSchema, document: DocumentNode, operationName: string | null, client: string | undefined): void;
  /** An HTTP status line for an upgrade to refuse (the client is over its rate limit), or undefined. */
  refuseUpgrade(request: IncomingMessage): Promise<string | undefined>;
  /** Largest message read; a larger one closes the socket with 1009 (Message Too Big). */
  maxMessageBytes: number;
  /** How long a client has to send `connection_init` before the socket is closed with 4408. */
  initTimeoutMs: number;
  perConnection: number;
  buffer: number;
  /** Interval of WebSocket pings; a socket that has not answered the previous one is cut. */
  keepAliveMs: number;
  log: Logger;
}

export interface SubscriptionServer {
  /** Tells every client to reconnect (close code 1012, Service Restart) and stops every upstream. */
  close(): Promise<void>;
  /** Lines for the gateway's `/metrics`. */
  metrics(): string[];
}

type Connection = Context<Record<string, unknown>, Extra>;

/** What onSubscribe hands to `subscribe`/`execute` as the context value. */
type Prepared =
  | { kind: 'operation'; payload: SubscribePayload; context: WsRequestContext }
  | { kind: 'subscription'; payload: SubscribePayload; context: WsRequestContext; plan: SubscriptionPlan; document: DocumentNode; socket: WebSocket };

/**
 * graphql-ws (graphql-transport-ws) on the gateway's own port and path: each subscription is
 * planned across the subgraphs, streamed from the owning one and completed from the others.
 */
export function createSubscriptionServer(options: SubscriptionServerOptions): SubscriptionServer {
  const { planner, log } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes });
  const correlationIds = new WeakMap<object, string>();
  const callers = new WeakMap<object, Caller>();
  const active = new Set<GatewaySubscription>();
  const counters = { events: 0, overflows: 0, reconnects: 0 };
  const upstreams = new SharedUpstreams();
  const resolutions = new SharedResolutions();
  let closing = false;

  const onUpgrade = async (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A client that resets while the rate limit is asked (Redis) must not crash the process.
    const dropOnError = () => socket.destroy();
    socket.on('error', dropOnError);
    const path = (request.url ?? '').split('?')[0];
    // A client offering only other subprotocols (subscriptions-transport-ws's `graphql-ws`) is
    // refused in the handshake; one offering none is closed with 4406 by graphql-ws.
    const protocols = request.headers['sec-websocket-protocol'];
    const refusal =
      path !== options.path
        ? '404 Not Found'
        : closing
          ? '503 Service Unavailable'
          : protocols !== undefined && !handleProtocols(protocols)
            ? '400 Bad Request'
            : await options.refuseUpgrade(request);
    socket.off('error', dropOnError);
    if (socket.destroyed) return;
    if (refusal) {
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      wss.emit('connection', ws, request);
      // graphql-ws prints every socket error to the console as a server fault; an invalid frame
      // or an oversized message is the client's, and ws has closed the socket with 1007 or 1009.
      ws.removeAllListeners('error');
      ws.on('error', (error) => log.info({ err: error.message }, 'WebSocket client sent an invalid message'));
    });
  };
  options.server.on('upgrade', onUpgrade);

  function correlationIdOf(ctx: Connection): string {
    let id = correlationIds.get(ctx);
    if (!id) {
      const header = ctx.extra.request.headers['x-correlation-id'];
      const param = ctx.connectionParams?.['x-correlation-id'] ?? ctx.connectionParams?.correlationId;
      id = [header, param].find((value): value is string => typeof value === 'string' && CORRELATION_ID.test(value)) ?? randomUUID();
      correlationIds.set(ctx, id);
    }
    return id;
  }

  function prepare(ctx: Connection, payload: SubscribePayload): ExecutionArgs | readonly GraphQLError[] {
    if (Object.keys(ctx.subscriptions).length > options.perConnection) {
      return [
        new HubError(ErrorCode.TooManySubscriptions, `A connection may hold at most ${options.perConnection} subscriptions; complete one first or open another connection.`, {
          limit: options.perConnection,
        }),
      ];
    }
    let document: DocumentNode;
    try {
      options.checkRequest(payload);
    } catch (error) {
      return [error as GraphQLError];
    }
    try {
      document = parse(payload.query);
    } catch (error) {
      return withCode([error as GraphQLError], 'GRAPHQL_PARSE_FAILED');
    }
    const schema = options.apiSchema();
    const invalid = validate(schema, document);
    if (invalid.length > 0) return withCode(invalid, 'GRAPHQL_VALIDATION_FAILED');
    const operationName = payload.operationName ?? undefined;
    let operation: OperationDefinitionNode;
    try {
      operation = resolveOperation(document, operationName);
    } catch (error) {
      return [error as GraphQLError];
    }
    const variables = payload.variables ?? {};
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
    if (coerced.errors) return withCode(coerced.errors, 'BAD_USER_INPUT');
    const client = [ctx.extra.request.headers['apollographql-client-name'], ctx.connectionParams?.['apollographql-client-name']].find(
      (name): name is string => typeof name === 'string',
    );
    try {
      options.checkOperation({ client, source: payload.query, schema, document, operation, variables }, { caller: callers.get(ctx)!, correlationId: correlationIdOf(ctx) });
    } catch (error) {
      return [error as GraphQLError];
    }

    const correlationId = correlationIdOf(ctx);
    const requestId = randomUUID();
    const caller = callers.get(ctx)!;
    const context: WsRequestContext = { requestId, correlationId, log: log.child({ correlationId, requestId }), caller, subgraphTokens: options.subgraphTokens, subgraphs: new Set(), clientName: client };
    const args = { schema, document, operationName, variableValues: variables };
    if (operation.operation !== 'subscription') return { ...args, contextValue: { kind: 'operation', payload, context } satisfies Prepared };
    const authorization = options.authorize(document, createHash('sha256').update(payload.query).digest('hex'), operationName, caller);
    if (authorization.kind === 'refused') {
      options.recordRefusal(context, operation.name?.value, authorization.errors);
      return authorization.errors;
    }
    // Refused here, not by the owning subgraph: a subscription it refuses after accepting the
    // socket would read to the upstream as a dropped stream, retried.
    try {
      refuseUnstorable(rootArguments(schema, operation, coerced.coerced));
    } catch (error) {
      return [error as GraphQLError];
    }
    try {
      const plan = planner.plan(document, operationName, payload.query);
      options.subscribed?.(schema, document, operation.name?.value ?? null, client);
      return { ...args, contextValue: { kind: 'subscription', payload, context, plan, document, socket: ctx.extra.socket } satisfies Prepared };
    } catch (error) {
      if (error instanceof GraphQLError) return withCode([error], 'GRAPHQL_VALIDATION_FAILED');
      context.log.error({ err: error }, 'subscription could not be planned');
      return [new GraphQLError('The subscription could not be planned.')];
    }
  }

  function subscribe(prepared: Extract<Prepared, { kind: 'subscription' }>): GatewaySubscription {
    const { plan, payload, context, socket } = prepared;
    const variables = payload.variables ?? {};
    const caller = context.caller?.fingerprint ?? '';
    const after = clientAfter(prepared, options.apiSchema());
    const resolutionKey = `${payload.query}\u0000${payload.operationName ?? ''}\u0000${canonicalJson(variables)}\u0000${caller}`;
    const subscription = new GatewaySubscription({
      buffer: options.buffer,
      after,
      resolve: (event) =>
        resolutions.resolve(event, resolutionKey, () =>
          resolveEvent({ plan, planner, dataSources: options.dataSources, query: payload.query, variables, context, log: context.log }, event),
        ),
      clientBacklogged: () => socket.bufferedAmount > 0,
      onOverflow: () => {
        counters.overflows += 1;
        context.log.warn({ subgraph: plan.subgraph, buffer: options.buffer }, 'subscriber not reading; subscription ended');
      },
      onClose: () => active.delete(subscription),
    });
    const upstreamVariables = Object.fromEntries((plan.primary.variableUsages ?? []).filter((name) => name in variables).map((name) => [name, variables[name]]));
    const upstream: UpstreamFactory = (handlers) =>
      new UpstreamSubscription({
        url: options.upstreamUrl(plan.subgraph),
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
        onReconnect: () => (counters.reconnects += 1),
        ...handlers,
      });
    // A client resuming `after` an event replays from there: a stream of its own. Live ones share.
    const upstreamKey = `${plan.subgraph}\u0000${plan.upstreamQuery}\u0000${canonicalJson(upstreamVariables)}\u0000${caller}`;
    subscription.attach(
      after === undefined
        ? upstreams.join(upstreamKey, subscription, upstream)
        : upstream({ onEvent: (result, cursor) => subscription.push(result, cursor), onError: (errors) => subscription.fail(errors) }),
    );
    active.add(subscription);
    return subscription;
  }

  const server = useServer<Record<string, unknown>>(
    {
      connectionInitWaitTimeout: options.initTimeoutMs,
      // A connection without a valid token is closed with 4401 before any operation runs.
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const given = params.authorization ?? params.Authorization ?? params.token ?? ctx.extra.request.headers.authorization;
        try {
          const caller = await options.authenticate(given);
          callers.set(ctx, caller);
          const socket = ctx.extra.socket;
          socket.once('close', options.watchAccess(caller, (code, reason) => socket.close(code, reason)));
          return true;
        } catch (error) {
          ctx.extra.socket.close(CloseCode.Unauthorized, `Unauthorized: ${(error as Error).message}`.slice(0, 120));
          return false;
        }
      },
      onSubscribe: (ctx, _id, payload) => prepare(ctx, payload),
      subscribe: (args) => {
        const prepared = args.contextValue as Prepared;
        if (prepared.kind !== 'subscription') return options.execute(prepared.payload, prepared.context) as Promise<ExecutionResult>;
        return subscribe(prepared);
      },
      execute: (args) => {
        const prepared = args.contextValue as Prepared;
        return options.execute(prepared.payload, prepared.context) as Promise<ExecutionResult>;
      },
      onNext: (_ctx, _id, _payload, args, result) => {
        const prepared = args.contextValue as Prepared;
        const extensions = { ...result.extensions, correlationId: prepared.context.correlationId };
        // Results of the HTTP pipeline are formatted already.
        if (prepared.kind === 'operation') return { ...(result as FormattedExecutionResult), extensions };
        counters.events += 1;
        const errors = result.errors?.map((error) => formatError(error, prepared.context.log, { subgraph: prepared.plan.subgraph }));
        return { data: result.data, ...(errors ? { errors } : {}), extensions };
      },
      onError: (ctx, _id, _payload, errors) => errors.map((error) => formatError(error, log, { correlationId: correlationIdOf(ctx) })),
    },
    wss,
    options.keepAliveMs,
  );

  return {
    async close() {
      closing = true;
      options.server.off('upgrade', onUpgrade);
      const sockets = [...wss.clients];
      for (const socket of sockets) socket.close(1012, 'Service Restart');
      const closed = Promise.all(sockets.map((socket) => (socket.readyState === socket.CLOSED ? undefined : once(socket, 'close'))));
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, CLOSE_GRACE_MS).unref())]);
      // A client that does not read cannot finish the closing handshake.
      for (const socket of wss.clients) socket.terminate();
      await Promise.all([...active].map((subscription) => subscription.return()));
      await server.dispose();
    },
    metrics: () => [
      '# TYPE gateway_ws_connections gauge',
      `gateway_ws_connections ${wss.clients.size}`,
      '# TYPE gateway_subscriptions_active gauge',
      `gateway_subscriptions_active ${active.size}`,
      '# TYPE gateway_subscriptions_streaming gauge',
      `gateway_subscriptions_streaming ${[...active].filter((subscription) => subscription.streaming).length}`,
      '# TYPE gateway_subscription_upstreams_shared gauge',
      `gateway_subscription_upstreams_shared ${upstreams.size}`,
      '# TYPE gateway_subscription_events_total counter',
      `gateway_subscription_events_total ${counters.events}`,
      '# TYPE gateway_subscription_overflows_total counter',
      `gateway_subscription_overflows_total ${counters.overflows}`,
      '# TYPE gateway_subscription_upstream_reconnects_total counter',
      `gateway_subscription_upstream_reconnects_total ${counters.reconnects}`,
    ],
  };
}

/** The arguments of a subscription's root field, coerced (fragments at the root are not read). */
function rootArguments(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown>): Record<string, unknown> {
  const [root] = operation.selectionSet.selections;
  const field = root?.kind === Kind.FIELD ? schema.getSubscriptionType()?.getFields()[root.name.value] : undefined;
  return field && root.kind === Kind.FIELD ? getArgumentValues(field, root, variables) : {};
}

/** The `after` the client subscribed with (literal or variable): where it resumes until an event is sent. */
function clientAfter(prepared: Extract<Prepared, { kind: 'subscription' }>, schema: GraphQLSchema): string | undefined {
  const root = prepared.plan.operationContext.operation.selectionSet.selections[0] as FieldNode | undefined;
  const node = root?.arguments?.find((arg) => arg.name.value === 'after');
  const type = schema.getSubscriptionType()?.getFields()[root?.name.value ?? '']?.args.find((arg) => arg.name === 'after')?.type;
  if (!node || !type) return undefined;
  const value = valueFromAST(node.value, type, prepared.payload.variables ?? {});
  return typeof value === 'string' ? value : undefined;
}
