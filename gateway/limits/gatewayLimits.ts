/**
 * Everything the gateway refuses and why, in one place: body size, operation depth, aliases,
 * fields and cost, the per-client rate limit, the request deadline, trusted documents, CORS and
 * the GraphQL-over-HTTP status rules. server.ts hands these to Apollo and Fastify.
 */
import cors from '@fastify/cors';
import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode, ParseOptions } from 'graphql';
import type { IncomingMessage } from 'node:http';
import Negotiator from 'negotiator';
import type { HubConfig } from '../../platform/config.ts';
import { sendRequestError } from '../../platform/http.ts';
import { guardRequestDepth, resolveOperation } from '../../platform/input.ts';
import { ErrorCode, requestError, type HubError } from '../../platform/errors.ts';
import type { Logger } from '../../platform/logger.ts';
import { createRedis, Outage } from '../../platform/redis.ts';
import { guardNesting, OperationLimits } from './operationLimits.ts';
import type { GatewayContext } from '../context.ts';
import type { RecordRefusal, RefusalContext } from '../security/auditTrail.ts';
import type { Authenticate } from '../security/authenticate.ts';
import { clientKey, RateLimiter } from './rateLimit.ts';
import { documentIdAsPersistedQuery, loadManifests, sha256, TrustedDocuments } from './trustedDocuments.ts';

/**
 * Tokens graphql-js reads before it gives up on a document: enough for any operation within the
 * other limits, and it keeps a 1 MiB body of tokens from costing a full parse.
 */
const MAX_TOKENS = 50_000;

/** While Redis does not answer, how often the rate limit asks it again. */
const RETRY_REDIS_MS = 1000;

const JSON_TYPE = 'application/json';
const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json';

/** The media type of a GraphQL response to a request with this `Accept` header, as Apollo chooses it. */
function responseType(accept: string | null | undefined): string | undefined {
  return accept ? new Negotiator({ headers: { accept } }).mediaType([JSON_TYPE, GRAPHQL_RESPONSE_TYPE]) : JSON_TYPE;
}

/** Answers a refusal made before Apollo sees the request, shaped as a GraphQL response. */
function sendRefusal(request: FastifyRequest, reply: FastifyReply, error: HubError): FastifyReply {
  return sendRequestError(reply, error, `${responseType(request.headers.accept) ?? JSON_TYPE}; charset=utf-8`);
}

/** An operation sent over WebSocket, parsed and validated. */
export interface SocketOperation {
  /** The client name the connection declared (`apollographql-client-name`). */
  client: string | undefined;
  source: string;
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables: Record<string, unknown> | undefined;
}

export interface GatewayLimits {
  /** Options for the gateway's ApolloServer. */
  apollo: {
    parseOptions: ParseOptions;
    persistedQueries: { cache: TrustedDocuments['cache'] };
    plugin: ApolloServerPlugin<GatewayContext>;
  };
  /** Refuses a request nested too deep to read safely (its document, variables or extensions); call before parsing. */
  checkRequest(request: { query: string; variables?: unknown; extensions?: unknown }): void;
  /** The trusted-document rule and the operation limits, for operations sent over WebSocket (a refusal is recorded for `context`). */
  checkOperation(operation: SocketOperation, context: RefusalContext): void;
  /** Answers a WebSocket upgrade the rate limit refuses (an HTTP status line), or undefined to let it through. */
  refuseUpgrade(request: IncomingMessage): Promise<string | undefined>;
  /** CORS, the rate limit and persisted-document ids on the gateway's HTTP server. */
  register(app: FastifyInstance, path: string): Promise<void>;
  /** `/metrics` lines: requests let through unchecked because Redis did not answer in time. */
  metrics(): string[];
  /** Whether the rate limit's Redis answers; undefined without Redis. */
  redisHealth(): 'up' | 'down' | undefined;
  close(): Promise<void>;
}

/** `recordRefusal` is told of every operation refused by the trusted-document rule or a limit. */
export function createGatewayLimits(config: HubConfig, log: Logger, authenticate: Authenticate, recordRefusal: RecordRefusal): GatewayLimits {
  const { limits, access, events } = config;
  // Rate limit and APQ documents must never hold a request up: a Redis that does not answer in
  // the gateway's short budget (REDIS_GATEWAY_TIMEOUT_MS) is gone on without.
  const outage = new Outage(log, 'rate limit and APQ documents');
  const redis = events.redisUrl
    ? createRedis({ ...events, redisUrl: events.redisUrl }, outage, { commandTimeoutMs: events.redisGatewayTimeoutMs })
    : undefined;
  let failOpen = 0;
  let retryRedisAt = 0;
  const operations = new OperationLimits(limits);
  const rateLimiter = new RateLimiter({ perMinute: limits.ratePerMinute, redis, redisPrefix: events.redisPrefix });
  const trusted = new TrustedDocuments({
    manifests: loadManifests(access.persistedDocumentsDir),
    persistedOnlyClients: access.persistedOnlyClients,
    redis,
    redisPrefix: events.redisPrefix,
  });

  /**
   * Retry-After seconds when the client is over its budget. A Redis that does not answer lets the
   * request through (fail open): counted, and logged once per outage.
   */
  async function overBudget(request: IncomingMessage): Promise<number | undefined> {
    if (!rateLimiter.enabled) return undefined;
    const client = await clientKey(request, authenticate);
    // During an outage one request a second asks Redis again; the others go through at once.
    if (outage.down && Date.now() < retryRedisAt) {
      failOpen++;
      return undefined;
    }
    let decision;
    try {
      decision = await rateLimiter.take(client);
    } catch (error) {
      failOpen++;
      outage.failed(error);
      retryRedisAt = Date.now() + RETRY_REDIS_MS;
      return undefined;
    }
    outage.recovered();
    return decision.allowed ? undefined : decision.retryAfterSeconds;
  }

  /** Runs a check; a refusal it throws is recorded, then thrown on. */
  const recorded = (context: RefusalContext, operationName: string | null | undefined, check: () => void): void => {
    try {
      check();
    } catch (error) {
      recordRefusal(context, operationName, [error as HubError]);
      throw error;
    }
  };

  const plugin: ApolloServerPlugin<GatewayContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, queryHash, schema, document, contextValue, operationName }) {
          recorded(contextValue, operationName, () => trusted.check(request.http?.headers.get('apollographql-client-name') ?? undefined, queryHash));
          const operation = resolveOperation(document, request.operationName);
          // Apollo's gateway cannot execute one; the subscription server on this path serves them.
          if (operation.operation === 'subscription') {
            throw requestError(ErrorCode.BadRequest, 'Subscriptions are served over WebSocket (graphql-ws, subprotocol graphql-transport-ws) at this same path, not over HTTP.');
          }
          recorded(contextValue, operationName, () => operations.check(schema, document, operation, request.variables));
        },
        // GraphQL over HTTP: an `application/json` response to a well-formed request is 200 even
        // when the operation could not run; `application/graphql-response+json` keeps the 4xx.
        async willSendResponse({ request, response }) {
          if (response.http.status !== 400 || !request.http) return;
          if (responseType(request.http.headers.get('accept')) === JSON_TYPE) response.http.status = 200;
        },
      };
    },
  };

  return {
    apollo: { parseOptions: { maxTokens: MAX_TOKENS }, persistedQueries: { cache: trusted.cache }, plugin },
    checkRequest(request) {
      guardRequestDepth(request);
      guardNesting(request.query, limits.depth);
    },
    checkOperation({ client, source, schema, document, operation, variables }, context) {
      recorded(context, operation.name?.value, () => {
        trusted.check(client, sha256(source));
        operations.check(schema, document, operation, variables);
      });
    },
    async refuseUpgrade(request) {
      return (await overBudget(request)) === undefined ? undefined : '429 Too Many Requests';
    },
    async register(app, path) {
      // No CORS_ORIGINS: no CORS headers at all, so browsers only call from the gateway's own origin.
      await app.register(cors, { origin: access.corsOrigins.length > 0 ? access.corsOrigins : false, maxAge: 600 });
      app.addHook('onRequest', async (request, reply) => {
        if (request.url.split('?')[0] !== path) return;
        const retryAfter = await overBudget(request.raw);
        if (retryAfter === undefined) return;
        reply.header('retry-after', String(retryAfter));
        const message = `Too many requests: at most ${limits.ratePerMinute} a minute; retry in ${retryAfter} s.`;
        return sendRefusal(request, reply, requestError(ErrorCode.RateLimited, message, { retryAfterSeconds: retryAfter }, 429));
      });
      // GraphQL over HTTP: other methods are 405 with the ones that are served.
      app.route({
        method: ['PUT', 'PATCH', 'DELETE'],
        url: path,
        handler: (request, reply) =>
          sendRefusal(request, reply.header('allow', 'GET, POST'), requestError(ErrorCode.BadRequest, 'GraphQL is served over GET (queries) and POST.', {}, 405)),
      });
      app.addHook('preValidation', async (request, reply) => {
        if (request.url.split('?')[0] !== path) return;
        const params = (request.method === 'POST' ? request.body : request.query) as Record<string, unknown> | undefined;
        if (typeof params !== 'object' || params === null || Array.isArray(params)) return;
        if (request.method === 'POST') request.body = documentIdAsPersistedQuery(params);
        try {
          guardRequestDepth(params);
          if (typeof params.query === 'string') guardNesting(params.query, limits.depth);
        } catch (error) {
          return sendRefusal(request, reply, error as HubError);
        }
      });
    },
    redisHealth: () => (redis ? (outage.down ? 'down' : 'up') : undefined),
    metrics: () => ['# TYPE gateway_rate_limit_fail_open_total counter', `gateway_rate_limit_fail_open_total ${failOpen}`],
    async close() {
      redis?.disconnect();
    },
  };
}
