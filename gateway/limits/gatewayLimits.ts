/**
 * Everything the gateway refuses and why, in one place: body size, operation depth, aliases,
 * fields and cost, the per-client rate limit, the request deadline, trusted documents, CORS and
 * the GraphQL-over-HTTP status rules. server.ts hands these to Apollo and Fastify.
 */
import cors from '@fastify/cors';
import type { ApolloServerPlugin } from '@apollo/server';
import type { FastifyInstance } from 'fastify';
import type { DocumentNode, GraphQLSchema, OperationDefinitionNode, ParseOptions } from 'graphql';
import type { IncomingMessage } from 'node:http';
import { Redis } from 'ioredis';
import Negotiator from 'negotiator';
import type { HubConfig } from '../../platform/config.ts';
import { ErrorCode } from '../../platform/errors.ts';
import type { Logger } from '../../platform/logger.ts';
import { OperationLimits } from './operationLimits.ts';
import { clientKey, RateLimiter } from './rateLimit.ts';
import { documentIdAsPersistedQuery, loadManifests, TrustedDocuments } from './trustedDocuments.ts';

/**
 * Tokens graphql-js reads before it gives up on a document: enough for any operation within the
 * other limits, and it keeps a 1 MiB body of tokens from costing a full parse.
 */
const MAX_TOKENS = 50_000;

const JSON_TYPE = 'application/json';
const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json';

export interface GatewayLimits {
  /** Options for the gateway's ApolloServer. */
  apollo: {
    parseOptions: ParseOptions;
    persistedQueries: { cache: TrustedDocuments['cache'] };
    plugin: ApolloServerPlugin;
  };
  /** The operation limits, for operations that do not pass through Apollo (subscriptions). */
  checkOperation(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): void;
  /** Answers a WebSocket upgrade the rate limit refuses (an HTTP status line), or undefined to let it through. */
  refuseUpgrade(request: IncomingMessage): Promise<string | undefined>;
  /** CORS, the rate limit and persisted-document ids on the gateway's HTTP server. */
  register(app: FastifyInstance, path: string): Promise<void>;
  close(): Promise<void>;
}

export function createGatewayLimits(config: HubConfig, log: Logger): GatewayLimits {
  const { limits, access, events } = config;
  const redis = events.redisUrl ? new Redis(events.redisUrl, { maxRetriesPerRequest: 1 }) : undefined;
  const operations = new OperationLimits(limits);
  const rateLimiter = new RateLimiter({ perMinute: limits.ratePerMinute, redis, redisPrefix: events.redisPrefix });
  const trusted = new TrustedDocuments({
    manifests: loadManifests(access.persistedDocumentsDir),
    persistedOnlyClients: access.persistedOnlyClients,
    redis,
    redisPrefix: events.redisPrefix,
  });

  /** Retry-After seconds when the client is over its budget; a Redis outage lets requests through. */
  async function overBudget(request: IncomingMessage): Promise<number | undefined> {
    if (!rateLimiter.enabled) return undefined;
    try {
      const decision = await rateLimiter.take(clientKey(request));
      return decision.allowed ? undefined : decision.retryAfterSeconds;
    } catch (error) {
      log.warn({ err: error }, 'rate limit not checked: Redis unavailable');
      return undefined;
    }
  }

  const plugin: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, queryHash, schema, document, operation }) {
          trusted.check(request.http?.headers.get('apollographql-client-name') ?? undefined, queryHash);
          if (operation) operations.check(schema, document, operation, request.variables);
        },
        // GraphQL over HTTP: an `application/json` response to a well-formed request is 200 even
        // when the operation could not run; `application/graphql-response+json` keeps the 4xx.
        async willSendResponse({ request, response }) {
          if (response.http.status !== 400 || !request.http) return;
          const accept = request.http.headers.get('accept');
          const type = accept ? new Negotiator({ headers: { accept } }).mediaType([JSON_TYPE, GRAPHQL_RESPONSE_TYPE]) : JSON_TYPE;
          if (type === JSON_TYPE) response.http.status = 200;
        },
      };
    },
  };

  return {
    apollo: { parseOptions: { maxTokens: MAX_TOKENS }, persistedQueries: { cache: trusted.cache }, plugin },
    checkOperation: (schema, document, operation, variables) => operations.check(schema, document, operation, variables),
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
        return reply
          .code(429)
          .header('retry-after', String(retryAfter))
          .send({
            errors: [
              {
                message: `Too many requests: at most ${limits.ratePerMinute} a minute; retry in ${retryAfter} s.`,
                extensions: { code: ErrorCode.RateLimited, retryAfterSeconds: retryAfter },
              },
            ],
          });
      });
      app.addHook('preValidation', async (request) => {
        if (request.method === 'POST' && request.url.split('?')[0] === path && typeof request.body === 'object' && request.body !== null && !Array.isArray(request.body)) {
          request.body = documentIdAsPersistedQuery(request.body as Record<string, unknown>);
        }
      });
    },
    async close() {
      redis?.disconnect();
    },
  };
}
