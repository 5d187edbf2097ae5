/**
 * Everything the gateway refuses and why, in one place: body size, operation depth, aliases,
 * fields and cost, the per-client rate limit, the request deadline, trusted documents, CORS and
 * CORS. The request pipeline (gateway/pipeline/) runs these.
 */
import cors from '@fastify/cors';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingMessage } from 'node:http';
import Negotiator from 'negotiator';
import type { HubConfig } from '../../platform/config.ts';
import { sendRequestError } from '../../platform/http.ts';
import { guardRequestDepth } from '../../platform/input.ts';
import { ErrorCode, requestError, type HubError } from '../../platform/errors.ts';
import type { Logger } from '../../platform/logger.ts';
import { createRedis, Outage } from '../../platform/redis.ts';
import { guardNesting, OperationLimits } from './operationLimits.ts';
import type { Authenticate } from '../security/authenticate.ts';
import { mirroredCounter, type Registry } from '../../platform/metrics.ts';
import { clientKey, RateLimiter } from './rateLimit.ts';
import { loadManifests, TrustedDocuments } from './trustedDocuments.ts';

/** While Redis does not answer, how often the rate limit asks it again. */
const RETRY_REDIS_MS = 1000;

const JSON_TYPE = 'application/json';
const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json';

/** The media type of a GraphQL response to a request with this `Accept` header (undefined: none acceptable). */
export function responseType(accept: string | null | undefined): string | undefined {
  return accept ? new Negotiator({ headers: { accept } }).mediaType([JSON_TYPE, GRAPHQL_RESPONSE_TYPE]) : JSON_TYPE;
}

/** Answers a refusal made before the pipeline sees the request, shaped as a GraphQL response. */
function sendRefusal(request: FastifyRequest, reply: FastifyReply, error: HubError): FastifyReply {
  return sendRequestError(reply, error, `${responseType(request.headers.accept) ?? JSON_TYPE}; charset=utf-8`);
}

export interface GatewayLimits {
  /** Persisted documents, APQ and the persisted-only rule. */
  trusted: TrustedDocuments;
  /** Depth, alias, field and cost limits of one operation. */
  operations: OperationLimits;
  /** Refuses a request whose variables or extensions are nested too deep to read safely. */
  checkRequest(request: { variables?: unknown; extensions?: unknown }): void;
  /** Refuses a document nested too deep for the parser; call before parsing it (a parsed one is known safe). */
  guardSource(source: string): void;
  /** Answers a WebSocket upgrade the rate limit refuses (an HTTP status line), or undefined to let it through. */
  refuseUpgrade(request: IncomingMessage): Promise<string | undefined>;
  /** CORS, the rate limit and the methods GraphQL is not served over, on the gateway's HTTP server. */
  register(app: FastifyInstance, path: string): Promise<void>;
  /** Registers `gateway_rate_limit_fail_open_total`: requests let through unchecked because Redis did not answer in time. */
  registerMetrics(registry: Registry): void;
  /** Whether the rate limit's Redis answers; undefined without Redis. */
  redisHealth(): 'up' | 'down' | undefined;
  close(): Promise<void>;
}

export function createGatewayLimits(config: HubConfig, log: Logger, authenticate: Authenticate): GatewayLimits {
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

  return {
    trusted,
    operations,
    checkRequest(request) {
      guardRequestDepth(request);
    },
    guardSource(source) {
      guardNesting(source, limits.depth);
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
    },
    redisHealth: () => (redis ? (outage.down ? 'down' : 'up') : undefined),
    registerMetrics: (registry) =>
      mirroredCounter({ registry, name: 'gateway_rate_limit_fail_open_total', help: 'Requests let through unchecked because Redis did not answer the rate limit in time.', read: () => failOpen }),
    async close() {
      redis?.disconnect();
    },
  };
}
