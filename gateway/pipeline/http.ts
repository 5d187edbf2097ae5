/**
 * GraphQL over HTTP on the gateway's path, every request through the pipeline:
 * - GET (queries; `?documentId=` and APQ `extensions` for persisted documents) and POST;
 *   `application/json` or `application/graphql-response+json` as the client's Accept prefers;
 * - `@defer` as `multipart/mixed; deferSpec=20220824` when the Accept allows it, else one result;
 * - subscriptions over Server-Sent Events (`Accept: text/event-stream`, graphql-sse's protocol,
 *   distinct connections) and over HTTP multipart (`Accept: multipart/mixed;subscriptionSpec=1.0`).
 * CSRF prevention as Apollo Server does it: a GET or a "simple" POST must carry a header a
 * browser cannot send cross-site without a preflight.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import { createHandler as createSseHandler, type ExecutionResult as SseResult } from 'graphql-sse';
import Negotiator from 'negotiator';
import type { SubgraphTokenSigner } from '../../platform/auth/subgraphTokens.ts';
import { ErrorCode, HubError, requestError } from '../../platform/errors.ts';
import type { Logger } from '../../platform/logger.ts';
import type { GatewayContext } from '../context.ts';
import type { ResponseSerializer } from '../execution/responseSerializer.ts';
import { responseType } from '../limits/gatewayLimits.ts';
import { documentIdAsPersistedQuery } from '../limits/trustedDocuments.ts';
import type { Authenticate } from '../security/authenticate.ts';
import type { LiveConnections } from './connections.ts';
import { formatErrors } from './errors.ts';
import { collectIncremental, incrementalPayloads } from './incremental.ts';
import { DEFER_CONTENT_TYPE, deferParts, HEARTBEAT, OPENING, SUBSCRIPTION_CONTENT_TYPE, subscriptionEnd, subscriptionEvent } from './multipart.ts';
import type { Answer, GatewayPipeline, GraphQLParams, ResultStream } from './pipeline.ts';

/** How often a multipart subscription sends `{}` so clients and proxies know it is alive. */
const MULTIPART_HEARTBEAT_MS = 5000;
/** How long a browser or proxy may keep a persisted query's answer (private: it is the caller's). */
const PERSISTED_MAX_AGE_SECONDS = 60;

const JSON_TYPE = 'application/json';
const DEFER_TYPE = 'multipart/mixed; deferSpec=20220824';
const SUBSCRIPTION_TYPE = 'multipart/mixed; subscriptionSpec=1.0';
const NON_PREFLIGHTED = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);
const PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'];

export interface HttpTransportOptions {
  path: string;
  pipeline: GatewayPipeline;
  authenticate: Authenticate;
  subgraphTokens: SubgraphTokenSigner;
  connections: LiveConnections;
  serializer: ResponseSerializer;
}

/** Whether the Accept header lists `type` (parameters included) with a non-zero quality. */
function accepts(accept: string | undefined, type: string): boolean {
  return accept !== undefined && new Negotiator({ headers: { accept } }).mediaTypes([type]).length > 0;
}

/** Apollo Server's CSRF rule: a request a browser sends cross-site without a preflight is refused. */
function refuseCsrf(request: FastifyRequest): void {
  const contentType = request.headers['content-type']?.split(';')[0].trim().toLowerCase();
  if (contentType !== undefined && !NON_PREFLIGHTED.has(contentType)) return;
  if (PREFLIGHT_HEADERS.some((header) => typeof request.headers[header] === 'string' && request.headers[header] !== '')) return;
  throw requestError(
    ErrorCode.BadRequest,
    "This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either specify a 'content-type' header (with a type that is not one of application/x-www-form-urlencoded, multipart/form-data, text/plain) or provide a non-empty value for one of the following headers: x-apollo-operation-name, apollo-require-preflight",
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Buffer.isBuffer(value);
}

/** One search parameter, given at most once. */
function searchParam(search: URLSearchParams, name: string): string | undefined {
  const values = search.getAll(name);
  if (values.length > 1) throw requestError(ErrorCode.BadRequest, `The '${name}' search parameter may only be specified once.`);
  return values[0];
}

function jsonSearchParam(search: URLSearchParams, name: string): Record<string, unknown> | undefined {
  const value = searchParam(search, name);
  if (value === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw requestError(ErrorCode.BadRequest, `The ${name} search parameter contains invalid JSON.`);
  }
  if (!isRecord(parsed)) throw requestError(ErrorCode.BadRequest, `The ${name} search parameter should contain a JSON-encoded object.`);
  return parsed;
}

/** The request's GraphQL parameters, with Apollo Server's checks of their shapes. */
export function readParams(request: FastifyRequest): GraphQLParams {
  let raw: Record<string, unknown>;
  if (request.method === 'GET') {
    const contentType = request.headers['content-type'];
    if (contentType !== undefined && contentType.split(';')[0].trim() !== JSON_TYPE) {
      throw requestError(ErrorCode.BadRequest, 'GET requests may not have a content-type header other than application/json.', {}, 415);
    }
    const search = new URLSearchParams(request.url.split('?')[1] ?? '');
    raw = {
      query: searchParam(search, 'query'),
      operationName: searchParam(search, 'operationName'),
      variables: jsonSearchParam(search, 'variables'),
      extensions: jsonSearchParam(search, 'extensions'),
      documentId: searchParam(search, 'documentId'),
    };
  } else {
    const body = request.body;
    if (Array.isArray(body)) throw requestError(ErrorCode.BadRequest, 'Operation batching is not served: send one operation per request.');
    if (!isRecord(body) || Object.keys(body).length === 0) throw requestError(ErrorCode.BadRequest, 'POST body missing, invalid Content-Type, or JSON object has no keys.');
    raw = body;
  }
  const params = documentIdAsPersistedQuery(raw);
  const { query, variables, extensions, operationName } = params;
  if (query !== undefined && query !== null && typeof query !== 'string') throw requestError(ErrorCode.BadRequest, 'GraphQL queries must be strings.');
  for (const [name, value] of [['variables', variables], ['extensions', extensions]] as const) {
    if (typeof value === 'string') throw requestError(ErrorCode.BadRequest, `\`${name}\` in a POST body should be provided as an object, not a recursively JSON-encoded string.`);
    if (value !== undefined && value !== null && !isRecord(value)) throw requestError(ErrorCode.BadRequest, `\`${name}\` in a POST body must be an object if provided.`);
  }
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') throw requestError(ErrorCode.BadRequest, '`operationName` in a POST body must be a string if provided.');
  return {
    query: (query as string | null | undefined) ?? undefined,
    operationName: (operationName as string | null | undefined) ?? undefined,
    variables: (variables as Record<string, unknown> | null | undefined) ?? undefined,
    extensions: (extensions as Record<string, unknown> | null | undefined) ?? undefined,
  };
}

/** The context of one operation: the caller's verified token, ids for logs and subgraphs. */
async function contextOf(request: FastifyRequest, options: HttpTransportOptions): Promise<GatewayContext> {
  const caller = await options.authenticate(request.headers.authorization).catch((error: HubError) => {
    throw new HubError(ErrorCode.Unauthenticated, error.message, { ...error.extensions, code: ErrorCode.Unauthenticated, http: { status: 401 } });
  });
  const context: GatewayContext = { requestId: String(request.id), correlationId: request.correlationId, log: request.log as Logger, caller, subgraphTokens: options.subgraphTokens, subgraphs: new Set() };
  // `x-cache-debug: 1` asks for what the entity cache did, in the response's `extensions.cache`.
  if (request.headers['x-cache-debug'] === '1') context.cacheTrace = { entries: [] };
  if (/\bno-cache\b/i.test(String(request.headers['cache-control'] ?? ''))) context.noCache = true;
  return context;
}

function clientName(request: FastifyRequest): string | undefined {
  const name = request.headers['apollographql-client-name'];
  return typeof name === 'string' ? name : undefined;
}

/** Starts a streamed answer outside Fastify's reply, keeping the headers set so far (CORS, correlation id). */
function writeHead(reply: FastifyReply, status: number, headers: Record<string, string>): void {
  reply.hijack();
  reply.raw.writeHead(status, { ...(reply.getHeaders() as Record<string, string>), ...headers });
}

export function registerHttpTransport(app: FastifyInstance, options: HttpTransportOptions): void {
  const { pipeline } = options;

  /** A refusal before the pipeline ran (CSRF, token, request shape): its own status, whatever the media type. */
  const refuse = (request: FastifyRequest, reply: FastifyReply, error: unknown) => {
    const { errors, status, headers } = formatErrors([error as HubError], { log: request.log as Logger, requestId: String(request.id) });
    return reply
      .code(status ?? 400)
      .headers(headers)
      .type(`${responseType(request.headers.accept) ?? JSON_TYPE}; charset=utf-8`)
      .send(options.serializer.serialize({ errors }));
  };

  const sse = createSseHandler<FastifyRequest, { reply: FastifyReply }>({
    // Distinct connections only: each stream carries one operation.
    authenticate: () => null,
    onSubscribe: async (req, params) => {
      const request = req.raw;
      const reply = req.context.reply;
      let context: GatewayContext;
      try {
        refuseCsrf(request);
        context = await contextOf(request, options);
      } catch (error) {
        const { errors, status } = formatErrors([error as HubError], { log: request.log as Logger, requestId: String(request.id) });
        return [JSON.stringify({ errors }), { status: status ?? 400, statusText: 'Refused', headers: { 'content-type': 'application/json; charset=utf-8' } }];
      }
      const answer = await pipeline.answer({
        params: params as GraphQLParams,
        method: request.method === 'GET' ? 'GET' : 'POST',
        streams: true,
        client: clientName(request),
        context,
        backlogged: () => reply.raw.writableLength > 0,
      });
      if (answer.kind === 'result') return { data: undefined, ...answer.result } as SseResult;
      if (answer.kind === 'incremental') return incrementalPayloads(answer.initial, answer.subsequent) as AsyncIterable<SseResult>;
      return live(answer.events, 'sse', context, reply) as AsyncIterable<SseResult>;
    },
  });

  /**
   * A subscription's events for one HTTP connection, registered among the live connections;
   * a failure becomes the last event's errors, and `end` (access ended) ends it the same way.
   */
  const live = (events: ResultStream, transport: 'sse' | 'multipart', context: GatewayContext, reply: FastifyReply): AsyncIterableIterator<FormattedExecutionResult> => {
    let ended: GraphQLFormattedError[] | undefined;
    let finished = false;
    let wake: (() => void) | undefined;
    const forget = options.connections.add({
      transport,
      caller: context.caller,
      end: (code, reason) => {
        ended = [{ message: reason, extensions: { code } }];
        void events.return();
        wake?.();
      },
    });
    reply.raw.once('close', () => {
      forget();
      void events.return();
    });
    return {
      async next() {
        if (finished) return { done: true, value: undefined };
        try {
          const step = await Promise.race([events.next(), new Promise<IteratorResult<FormattedExecutionResult>>((resolve) => (wake = () => resolve({ done: true, value: undefined })))]);
          if (!step.done && !ended) return step;
        } catch (error) {
          ended = pipeline.formatFailure(error, context);
        }
        finished = true;
        forget();
        return ended ? { done: false, value: { errors: ended } } : { done: true, value: undefined };
      },
      async return() {
        finished = true;
        forget();
        await events.return();
        return { done: true, value: undefined };
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  };

  const sendSse = async (request: FastifyRequest, reply: FastifyReply) => {
    let params: GraphQLParams;
    try {
      params = readParams(request);
    } catch (error) {
      return refuse(request, reply, error);
    }
    // The handler reads the parameters as a JSON POST's, and needs a query: a persisted document may come without one.
    const [body, init] = await sse({
      method: 'POST',
      url: request.url,
      headers: { get: (key: string) => (key === 'content-type' ? JSON_TYPE : (request.headers[key] as string | undefined)) },
      body: { ...params, query: params.query ?? '' },
      raw: request,
      context: { reply },
    });
    writeHead(reply, init.status, { ...(init.headers as Record<string, string> | undefined), 'x-correlation-id': request.correlationId });
    if (!body || typeof body === 'string') {
      reply.raw.end(body ?? undefined);
      return;
    }
    reply.raw.once('close', () => void body.return(undefined));
    for await (const chunk of body) {
      if (!reply.raw.writable) break;
      reply.raw.write(chunk);
    }
    reply.raw.end();
  };

  const sendMultipartSubscription = async (events: AsyncIterableIterator<FormattedExecutionResult>, reply: FastifyReply, correlationId: string) => {
    writeHead(reply, 200, { 'content-type': SUBSCRIPTION_CONTENT_TYPE, 'cache-control': 'no-store', 'x-correlation-id': correlationId });
    reply.raw.write(OPENING + HEARTBEAT);
    const heartbeat = setInterval(() => reply.raw.writable && reply.raw.write(HEARTBEAT), MULTIPART_HEARTBEAT_MS);
    try {
      for (;;) {
        const step = await events.next();
        // The client hung up: nothing more to write.
        if (!reply.raw.writable) return;
        if (step.done) {
          reply.raw.end(subscriptionEnd());
          return;
        }
        const value = step.value;
        // A result with errors and no data is the stream's end (a failure), sent as the protocol's transport error.
        if (value.data === undefined && value.errors) {
          reply.raw.end(subscriptionEnd(value.errors));
          return;
        }
        reply.raw.write(subscriptionEvent(value));
      }
    } finally {
      clearInterval(heartbeat);
      await events.return?.();
    }
  };

  const sendDefer = async (answer: Extract<Answer, { kind: 'incremental' }>, reply: FastifyReply, correlationId: string) => {
    writeHead(reply, 200, { 'content-type': DEFER_CONTENT_TYPE, 'cache-control': 'no-store', 'x-correlation-id': correlationId });
    for await (const chunk of deferParts(answer.initial, answer.subsequent)) {
      if (!reply.raw.writable) return;
      reply.raw.write(chunk);
    }
    reply.raw.end();
  };

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const accept = request.headers.accept;
    if (accept === 'text/event-stream') return sendSse(request, reply);
    reply.header('x-correlation-id', request.correlationId);
    const single = responseType(accept);
    const multipartSubscription = accepts(accept, SUBSCRIPTION_TYPE);
    let params: GraphQLParams;
    let context: GatewayContext;
    try {
      refuseCsrf(request);
      context = await contextOf(request, options);
      params = readParams(request);
      if (!single && !accepts(accept, DEFER_TYPE) && !multipartSubscription) {
        throw requestError(ErrorCode.BadRequest, `An 'accept' header was provided for this request which does not accept application/json or application/graphql-response+json`, {}, 406);
      }
    } catch (error) {
      return refuse(request, reply, error);
    }
    const answer = await pipeline.answer({
      params,
      method: request.method === 'GET' ? 'GET' : 'POST',
      streams: multipartSubscription,
      client: clientName(request),
      context,
      backlogged: () => reply.raw.writableLength > 0,
    });
    if (answer.kind === 'stream') return sendMultipartSubscription(live(answer.events, 'multipart', context, reply), reply, request.correlationId);
    if (answer.kind === 'incremental' && accepts(accept, DEFER_TYPE)) return sendDefer(answer, reply, request.correlationId);
    const result = answer.kind === 'incremental' ? await collectIncremental(answer.initial, answer.subsequent) : answer.result;
    const type = single ?? JSON_TYPE;
    let status = answer.kind === 'result' ? (answer.status ?? 200) : 200;
    // GraphQL over HTTP: `application/json` answers a well-formed request that could not run with 200; graphql-response+json keeps the 4xx.
    if (status === 400 && type === JSON_TYPE) status = 200;
    if (answer.kind === 'result') reply.headers(answer.headers);
    if (request.method === 'GET' && answer.byId && answer.operationType === 'query') {
      // Every answer depends on the caller's token (what it may see, what the subgraphs show it): never shared.
      reply.header('cache-control', result.errors ? 'no-store' : `private, max-age=${PERSISTED_MAX_AGE_SECONDS}`).header('vary', 'Authorization');
    }
    const body = request.headers['x-correlation-id'] ? { ...result, extensions: { ...result.extensions, correlationId: request.correlationId } } : result;
    return reply.code(status).type(`${type}; charset=utf-8`).send(options.serializer.serialize(orderFields(body)));
  };

  app.route({ method: ['GET', 'POST'], url: options.path, handler });
}

/** `errors` first, then `data`, then `extensions`, as Apollo Server writes them. */
function orderFields(result: FormattedExecutionResult): FormattedExecutionResult {
  const { errors, data, extensions, ...rest } = result;
  return { ...(errors ? { errors } : {}), ...(data !== undefined ? { data } : {}), ...(extensions ? { extensions } : {}), ...rest };
}
