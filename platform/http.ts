import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { ErrorCode, type HubError } from './errors.ts';
import type { Logger } from './logger.ts';
import { Counter, type Registry } from './metrics.ts';
import { contextFromHeaders, HubAttributes, SpanKind, SpanStatusCode, startSpan, tracingOn, withContext } from './tracing.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The `x-correlation-id` the request came with, or one made for it. */
    correlationId: string;
  }
}

const CORRELATION_ID = /^[\w.:-]{1,200}$/;
const correlationIds = new WeakMap<IncomingMessage, string>();

/** A service built and ready to listen: its HTTP app and what must be closed on shutdown. */
export interface Service {
  name: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

export interface HttpAppOptions {
  /** The service it serves (`gateway`, a system): the `service.name` of its requests' spans. */
  service: string;
  logger: Logger;
  /**
   * Answers `GET /readyz`: whether the service can serve, with details; a throw means not ready.
   * `degraded`: it serves (200) but something it relies on is down (status `degraded`).
   */
  ready: () => Promise<{ ready: boolean; degraded?: boolean } & Record<string, unknown>>;
  /** The service's metrics registry (platform/metrics.ts), served on `GET /metrics`. */
  registry: Registry;
  /** Largest request body accepted, in bytes. */
  bodyLimit?: number;
}

/**
 * Fastify's line per request and per response, at debug instead of info: at info they were most
 * of the log and buried everything else (the gateway logs one info line per GraphQL operation
 * instead). Failed requests still log at error.
 */
class DebugRequestLogs extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    if (!this.isLogDisabled(request)) request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply, metadata?: Record<string, unknown>): void {
    if (error) super.requestCompleted(error, request, reply, metadata);
    else if (!this.isLogDisabled(request)) reply.log.debug({ res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}

/**
 * The HTTP server every service runs on: JSON logs with a request id on every line (taken from
 * `x-request-id` when the caller sends one, so a gateway request and its subgraph fetches share
 * it), `GET /healthz` for liveness, `GET /readyz` for readiness and `GET /metrics`.
 */
export function createHttpApp(options: HttpAppOptions): FastifyInstance {
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    bodyLimit: options.bodyLimit ?? 1_048_576,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    // On close, idle keep-alive connections are closed at once, and requests in flight are
    // answered first (true would cut them): SIGTERM drains.
    forceCloseConnections: 'idle',
    logController: new DebugRequestLogs(),
    // Plugins (mercurius, Apollo) start while the embedded databases initialise on the same
    // thread; Fastify's 10 s default is too short on a loaded 2-core machine.
    pluginTimeout: 120_000,
    // Every log line of a request, Fastify's own included, carries its correlation id: the
    // caller's `x-correlation-id`, or a new one.
    childLoggerFactory: (logger, bindings, options, raw) => {
      const header = raw.headers['x-correlation-id'];
      const correlationId = typeof header === 'string' && CORRELATION_ID.test(header) ? header : randomUUID();
      correlationIds.set(raw, correlationId);
      return logger.child({ ...bindings, correlationId }, options);
    },
  });
  // Requests refused before GraphQL sees them (unreadable JSON, a body too large, an unknown
  // content type) get a GraphQL-shaped error; anything else is masked and logged whole.
  app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
    const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error }, 'request failed');
    const code = status === 500 ? ErrorCode.InternalServerError : status === 413 ? ErrorCode.RequestTooLarge : ErrorCode.BadRequest;
    return reply.code(status).send({ errors: [{ message: status === 500 ? 'Internal server error' : error.message, extensions: { code } }] });
  });
  if (tracingOn()) traceGraphQLRequests(app, options.service);
  app.decorateRequest('correlationId', '');
  // Counted for the benchmark's "subgraph requests per operation".
  const graphqlRequests = new Counter({ name: 'graphql_requests_total', help: 'HTTP requests to /graphql (WebSocket upgrades included).', registers: [options.registry] });
  app.addHook('onRequest', async (request) => {
    request.correlationId = correlationIds.get(request.raw) ?? randomUUID();
    if (request.url.startsWith('/graphql')) graphqlRequests.inc();
  });
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    try {
      const { ready, degraded, ...details } = await options.ready();
      return reply.code(ready ? 200 : 503).send({ status: ready ? (degraded ? 'degraded' : 'ready') : 'unavailable', ...details });
    } catch (error) {
      return reply.code(503).send({ status: 'unavailable', error: (error as Error).message });
    }
  });
  app.get('/metrics', async (_request, reply) => reply.type(options.registry.contentType).send(await options.registry.metrics()));
  return app;
}

/**
 * A server span for each request to `/graphql`, continuing the caller's trace (its W3C
 * `traceparent`): the gateway's from a client, a subgraph's from the gateway's fetch. The rest of
 * the request's hooks and its handler run in the span's context (a callback hook calls `done`
 * inside it), so the spans of its GraphQL work and its SQL are its children. It ends when the
 * response does, streamed ones included.
 */
function traceGraphQLRequests(app: FastifyInstance, service: string): void {
  app.addHook('onRequest', (request, reply, done) => {
    if (request.url.split('?')[0] !== '/graphql') return done();
    const started = startSpan(`${request.method} /graphql`, {
      kind: SpanKind.SERVER,
      parent: contextFromHeaders(request.headers),
      service,
      attributes: { 'http.request.method': request.method, 'url.path': '/graphql', [HubAttributes.correlationId]: correlationIds.get(request.raw) },
    });
    if (!started) return done();
    reply.raw.once('close', () => {
      started.span.setAttribute('http.response.status_code', reply.raw.statusCode);
      if (reply.raw.statusCode >= 500) started.span.setStatus({ code: SpanStatusCode.ERROR });
      started.span.end();
    });
    withContext(started.context, () => done());
  });
}

/** Answers a request refused before GraphQL runs (a `requestError`), shaped as a GraphQL response. */
export function sendRequestError(reply: FastifyReply, error: HubError, contentType = 'application/json; charset=utf-8'): FastifyReply {
  const { http, ...extensions } = error.extensions as { http: { status: number } };
  return reply.code(http.status).type(contentType).send({ errors: [{ message: error.message, extensions }] });
}
