/**
 * The gateway's entity cache as configuration makes it: in Redis when `REDIS_URL` is set (shared
 * by every replica), else in this process; following the event stream the subgraphs publish on
 * (the embedded hub's own, or Redis's), or not kept at all when the gateway has no such stream.
 */
import type { GraphQLSchema } from 'graphql';
import type { HubConfig } from '../../platform/config.ts';
import { createEventStream, type EventStream } from '../../platform/events/index.ts';
import type { Logger } from '../../platform/logger.ts';
import { createRedis, Outage } from '../../platform/redis.ts';
import { CacheRules } from './cacheShape.ts';
import { MemoryEntries, RedisEntries, type EntryStore } from './cacheStores.ts';
import { EntityCache, followStream } from './entityCache.ts';

/** A running cache: what the engine looks entries up in, and how it stops. */
export interface GatewayCache {
  cache: EntityCache;
  close(): Promise<void>;
}

/**
 * @param events the stream of the subgraphs of this process (embedded); without it, the gateway
 * follows Redis's when `REDIS_URL` is set, and keeps no cache otherwise (its subgraphs' events
 * never reach it, so nothing could evict).
 */
export function entityCache(config: HubConfig, events: EventStream | undefined, schema: () => GraphQLSchema, log: Logger): GatewayCache | undefined {
  if (new CacheRules(config.entityCache.spec).none) return undefined;
  const { redisUrl } = config.events;
  if (!events && !redisUrl) return undefined;
  const own = events ? undefined : createEventStream(config.events, log);
  const stream = events ?? own!;
  const ttlMs = config.entityCache.ttlSeconds * 1000;
  const settings = { ...config.events, redisUrl: redisUrl ?? '' };
  const store: EntryStore = redisUrl
    ? new RedisEntries(
        // A slow Redis costs a request at most the gateway's budget: a lookup that times out is a miss.
        createRedis(settings, new Outage(log, 'entity cache'), { commandTimeoutMs: config.events.redisGatewayTimeoutMs }),
        // An eviction that times out empties the cache: it gets the stream's longer timeout.
        createRedis(settings, new Outage(log, 'entity cache evictions')),
        config.events.redisPrefix,
        ttlMs,
      )
    : new MemoryEntries(config.entityCache.maxBytes, ttlMs);
  const cache = new EntityCache(config.entityCache, store, schema, log);
  const stop = followStream(cache, stream, log);
  return {
    cache,
    async close() {
      stop();
      cache.close();
      await own?.close();
    },
  };
}
