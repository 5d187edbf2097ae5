import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { CloseCode, handleProtocols, type Context, type ExecutionResult } from 'graphql-ws';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import { GraphQLError, Kind, type DocumentNode, type FormattedExecutionResult, type GraphQLFormattedError, type OperationTypeNode } from 'graphql';
import { WebSocketServer } from 'ws';
import type { Caller } from '../../platform/auth/caller.ts';
import type { SubgraphTokenSigner } from '../../platform/auth/subgraphTokens.ts';
import { ErrorCode, HubError } from '../../platform/errors.ts';
import type { Logger } from '../../platform/logger.ts';
import type { GatewayContext } from '../context.ts';
import type { Authenticate } from '../security/authenticate.ts';
import type { LiveConnections } from '../pipeline/connections.ts';
import { mirroredGauge, type Registry } from '../../platform/metrics.ts';
import { incrementalPayloads } from '../pipeline/incremental.ts';
import type { Answer, GatewayPipeline } from '../pipeline/pipeline.ts';

const CORRELATION_ID = /^[\w.:-]{1,200}$/;
/** How long clients get to answer the closing handshake on shutdown before their sockets are cut. */
const CLOSE_GRACE_MS = 1000;

export interface SubscriptionServerOptions {
  /** The gateway's HTTP server; WebSocket upgrades to `path` are taken over, others refused. */
  server: Server;
  path: string;
  /** Every operation sent over a socket runs through the gateway's one pipeline. */
  pipeline: GatewayPipeline;
  /** Verifies the caller's token (connection params' `authorization`, else the upgrade request's header). */
  authenticate: Authenticate;
  subgraphTokens: SubgraphTokenSigner;
  connections: LiveConnections;
  /** An HTTP status line for an upgrade to refuse (the client is over its rate limit), or undefined. */
  refuseUpgrade(request: IncomingMessage): Promise<string | undefined>;
  /** Largest message read; a larger one closes the socket with 1009 (Message Too Big). */
  maxMessageBytes: number;
  /** How long a client has to send `connection_init` before the socket is closed with 4408. */
  initTimeoutMs: number;
  perConnection: number;
  /** Interval of WebSocket pings; a socket that has not answered the previous one is cut. */
  keepAliveMs: number;
  log: Logger;
}

export interface SubscriptionServer {
  /** Tells every client to reconnect (close code 1012, Service Restart) and stops every subscription. */
  close(): Promise<void>;
  /** Registers `gateway_ws_connections`. */
  registerMetrics(registry: Registry): void;
}

type Connection = Context<Record<string, unknown>, Extra>;

/** What onSubscribe hands to `subscribe`/`execute`: the pipeline's answer, and the operation's context. */
interface Prepared {
  answer: Exclude<Answer, { refused: true }>;
  context: GatewayContext;
}

/**
 * graphql-ws picks `execute` or `subscribe` by the document's operation; the pipeline has parsed,
 * validated and run it already, so the document it is handed only names the operation's type.
 */
function operationStub(operation: OperationTypeNode): DocumentNode {
  return { kind: Kind.DOCUMENT, definitions: [{ kind: Kind.OPERATION_DEFINITION, operation, selectionSet: { kind: Kind.SELECTION_SET, selections: [] } }] };
}

/**
 * graphql-ws (graphql-transport-ws) on the gateway's own port and path: queries, mutations,
 * deferred queries (one `next` per payload) and subscriptions, each through the pipeline.
 */
export function createSubscriptionServer(options: SubscriptionServerOptions): SubscriptionServer {
  const { pipeline, log } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes });
  const correlationIds = new WeakMap<object, string>();
  const callers = new WeakMap<object, Caller>();
  /** A refusal's formatted errors, by the token error onSubscribe hands graphql-ws. */
  const refusals = new WeakMap<GraphQLError, GraphQLFormattedError[]>();
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

  async function prepare(ctx: Connection, payload: { query?: string; operationName?: string | null; variables?: Record<string, unknown> | null; extensions?: Record<string, unknown> | null }) {
    const refused = (errors: GraphQLFormattedError[]) => {
      const token = new GraphQLError('refused');
      refusals.set(token, errors);
      return [token];
    };
    if (Object.keys(ctx.subscriptions).length > options.perConnection) {
      const error = new HubError(ErrorCode.TooManySubscriptions, `A connection may hold at most ${options.perConnection} subscriptions; complete one first or open another connection.`, {
        limit: options.perConnection,
      });
      return refused([error.toJSON()]);
    }
    const correlationId = correlationIdOf(ctx);
    const requestId = randomUUID();
    const client = [ctx.extra.request.headers['apollographql-client-name'], ctx.connectionParams?.['apollographql-client-name']].find(
      (name): name is string => typeof name === 'string',
    );
    const context: GatewayContext = { requestId, correlationId, log: log.child({ correlationId, requestId }), caller: callers.get(ctx)!, subgraphTokens: options.subgraphTokens, subgraphs: new Set() };
    const answer = await pipeline.answer({
      params: {
        query: typeof payload.query === 'string' ? payload.query : undefined,
        operationName: payload.operationName ?? undefined,
        variables: payload.variables ?? undefined,
        extensions: payload.extensions ?? undefined,
      },
      method: 'POST',
      streams: true,
      client,
      context,
      backlogged: () => ctx.extra.socket.bufferedAmount > 0,
    });
    if (answer.kind === 'result' && answer.refused) return refused(answer.result.errors as GraphQLFormattedError[]);
    const prepared: Prepared = { answer: answer as Prepared['answer'], context };
    return { schema: undefined as never, document: operationStub(answer.operationType!), contextValue: prepared };
  }

  /** What graphql-ws sends for a prepared operation: one result, every incremental payload, or the subscription's events. */
  function run(args: { contextValue?: unknown }) {
    const { answer } = args.contextValue as Prepared;
    if (answer.kind === 'result') return answer.result as ExecutionResult;
    if (answer.kind === 'incremental') return incrementalPayloads(answer.initial, answer.subsequent) as AsyncIterable<ExecutionResult>;
    return answer.events as AsyncIterableIterator<ExecutionResult>;
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
          const forget = options.connections.add({
            transport: 'graphql-ws',
            caller,
            // Access that ended (expired, revoked) closes with 4403 and the reason, which names why.
            end: (_code, reason) => socket.close(CloseCode.Forbidden, reason.slice(0, 123)),
          });
          socket.once('close', forget);
          return true;
        } catch (error) {
          ctx.extra.socket.close(CloseCode.Unauthorized, `Unauthorized: ${(error as Error).message}`.slice(0, 120));
          return false;
        }
      },
      onSubscribe: (ctx, _id, payload) => prepare(ctx, payload),
      subscribe: run,
      execute: run,
      // Results are formatted by the pipeline; each carries the connection's correlation id.
      onNext: (_ctx, _id, _payload, args, result) => {
        const { context } = args.contextValue as Prepared;
        return { ...(result as FormattedExecutionResult), extensions: { ...result.extensions, correlationId: context.correlationId } };
      },
      onError: (ctx, _id, _payload, errors) => refusals.get(errors[0]) ?? errors.flatMap((error) => pipeline.formatFailure(error, { log, requestId: correlationIdOf(ctx) })),
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
      await server.dispose();
    },
    registerMetrics: (registry) => mirroredGauge({ registry, name: 'gateway_ws_connections', help: 'Open WebSocket connections.', read: () => wss.clients.size }),
  };
}
