import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import {
  createSourceEventStream,
  execute,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { clientError, type ClientErrorOptions } from '../errors.ts';
import { guardRequestDepth } from '../input.ts';
import type { Logger } from '../logger.ts';
import type { SystemRuntime } from './runtime.ts';
import type { Caller } from '../auth/caller.ts';
import { ACCESS_ENDED, expiredReason, onExpiry } from '../auth/expiry.ts';
import { unauthenticatedBody } from '../auth/subgraphTokens.ts';
import type { BaseContext } from '../context.ts';

/** Closes a subgraph's graphql-ws endpoint, telling its clients to reconnect elsewhere. */
export interface SubscriptionServer {
  close(): Promise<void>;
}

/** WebSocket close code "Service Restart": graphql-ws clients retry it. */
const SERVICE_RESTART = 1012;
/** How long clients get to answer the close before their sockets are cut. */
const CLOSE_GRACE_MS = 1000;
const CORRELATION_ID = /^[\w.:-]{1,200}$/;

/** True when the schema has live fields to serve. */
export function hasSubscriptions(schema: GraphQLSchema): boolean {
  return Object.keys(schema.getSubscriptionType()?.getFields() ?? {}).length > 0;
}

/**
 * Serves the schema over graphql-ws (subprotocol `graphql-transport-ws`) at `/graphql` on the
 * app's own port, beside GraphQL over HTTP. Each event is resolved with a context of its own,
 * like an HTTP request: a subscription that lasts for days neither reads rows its loaders
 * cached days ago nor lets their cache grow. The correlation id is the subscribe message's
 * `extensions.correlationId`, else the upgrade request's `x-correlation-id`, else a new one.
 */
export function serveSubscriptions<Context extends BaseContext>(
  app: FastifyInstance,
  runtime: SystemRuntime,
  schema: GraphQLSchema,
  createContext: (base: BaseContext) => Context,
): SubscriptionServer {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1_048_576 });
  const callers = new WeakMap<IncomingMessage, Caller>();
  const upgrade = async (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (new URL(request.url ?? '/', 'http://localhost').pathname !== '/graphql') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    // Only the gateway may subscribe: the upgrade request carries its token.
    try {
      callers.set(request, await runtime.authenticate(request.headers.authorization));
    } catch (error) {
      const body = unauthenticatedBody(error as Error);
      socket.end(`HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      return;
    }
    sockets.handleUpgrade(request, socket, head, (client) => {
      // The gateway's token is checked on the upgrade; the connection ends when it expires (the gateway renews it before).
      const token = callers.get(request)?.token;
      client.once('close', onExpiry(token, () => client.close(ACCESS_ENDED, expiredReason(token!.exp))));
      sockets.emit('connection', client, request);
    });
  };
  app.server.on('upgrade', upgrade);
  const log = runtime.logger;
  const renew = (context: unknown) => {
    const { caller, correlationId, requestId } = context as BaseContext;
    return createContext(runtime.subscriptionContext(caller, correlationId, requestId));
  };
  useServer(
    {
      schema,
      onSubscribe: (_ctx, _id, payload) => {
        try {
          guardRequestDepth(payload);
        } catch (error) {
          return [error as GraphQLError];
        }
      },
      context: ({ extra }, _id, payload) => createContext(runtime.subscriptionContext(callers.get(extra.request)!, correlationIdOf(extra.request, payload.extensions))),
      subscribe: (args) => subscribeEventByEvent(args, renew),
      onNext: (_ctx, _id, _payload, args, result) => (result.errors ? { ...result, errors: showErrors(result.errors, { log, requestId: (args.contextValue as BaseContext).requestId, domainCodes: runtime.domainCodes }) } : undefined),
      onError: (_ctx, _id, _payload, errors) => showErrors(errors, { log, domainCodes: runtime.domainCodes }),
    },
    sockets,
  );
  return {
    async close() {
      app.server.off('upgrade', upgrade);
      for (const client of sockets.clients) client.close(SERVICE_RESTART, 'Service Restart');
      const cut = setTimeout(() => {
        for (const client of sockets.clients) client.terminate();
      }, CLOSE_GRACE_MS);
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      clearTimeout(cut);
    },
  };
}

function correlationIdOf(request: IncomingMessage, extensions: Record<string, unknown> | null | undefined): string {
  const candidates = [extensions?.correlationId, request.headers['x-correlation-id']];
  const given = candidates.find((value): value is string => typeof value === 'string' && CORRELATION_ID.test(value));
  return given ?? randomUUID();
}

/** graphql-js's `subscribe`, but each event executes with the context `renew` makes for it. */
async function subscribeEventByEvent(args: ExecutionArgs, renew: (context: unknown) => unknown): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
  const source = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in source)) return source;
  const events = source[Symbol.asyncIterator]();
  const done = async (): Promise<IteratorResult<ExecutionResult>> => {
    await events.return?.();
    return { done: true, value: undefined };
  };
  const results: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      const event = await events.next();
      if (event.done) return { done: true, value: undefined };
      try {
        return { done: false, value: await execute({ ...args, rootValue: event.value, contextValue: renew(args.contextValue) }) };
      } catch (error) {
        await done();
        throw error;
      }
    },
    return: done,
    async throw(error: unknown) {
      await done();
      throw error;
    },
    [Symbol.asyncIterator]: () => results,
  };
  return results;
}

/**
 * Errors as a subscriber sees them (clientError): graphql-js's request errors (validation,
 * variables; they carry no code and were raised by no resolver) as GRAPHQL_VALIDATION_FAILED.
 */
function showErrors(errors: readonly GraphQLError[], options: ClientErrorOptions): GraphQLFormattedError[] {
  return errors.map((error) => clientError(error, { ...options, code: error.originalError ? undefined : 'GRAPHQL_VALIDATION_FAILED' }));
}
