/**
 * The gateway's entity cache: subgraph answers for one entity (an `_entities` representation, or a
 * root field that fetches by key such as `customer(id:)`), kept exact by eviction rather than by
 * expiry. Each entry depends on the entities it shows; the event stream (every event names the
 * entities it changes, platform/events/changes.ts) and each mutation's own answer
 * (`extensions.changedEntities`) evict them. The TTL is a backstop only.
 *
 * Two races are closed here. A fetch that started before an eviction of one of its entities may
 * carry the old state: it is not stored (cacheStores.ts). And while the stream is lost the cache
 * serves nothing, and forgets everything when it comes back, since the evictions of the outage
 * are unknown. A store that fails (Redis down) is a miss, and the cache stops serving until the
 * stream check finds Redis back.
 */
import type { FetchNode } from '@apollo/query-planner';
import type { GraphQLSchema } from 'graphql';
import type { Caller } from '../../platform/auth/caller.ts';
import type { EntityCacheConfig } from '../../platform/config.ts';
import { parseEvent, type HubEvent } from '../../platform/events/catalogue.ts';
import { changedEntities } from '../../platform/events/changes.ts';
import type { EventStream } from '../../platform/events/stream.ts';
import type { Logger } from '../../platform/logger.ts';
import { mirroredCounter, mirroredGauge, type Registry } from '../../platform/metrics.ts';
import { CacheRules, fetchShape, type FetchShape } from './cacheShape.ts';
import type { EntryStore, Guard, Lookup } from './cacheStores.ts';

/** Why an entry left the cache, for `/metrics`. */
export type EvictionReason = 'event' | 'mutation' | 'ttl' | 'size' | 'stream';
const REASONS: readonly EvictionReason[] = ['event', 'mutation', 'ttl', 'size', 'stream'];

/** What one lookup did, for `extensions.cache` (`x-cache-debug: 1`). */
export interface CacheTraceEntry {
  subgraph: string;
  type: string;
  id: string;
  hit: boolean;
}

/** A request's view of the cache: its lookups, and why it was not served from it, if it was not. */
export interface CacheTrace {
  entries: CacheTraceEntry[];
  bypassed?: string;
}

/** The cache's counters, as the gateway's `/metrics` reads them (and the metrics code may). */
export interface EntityCacheStats {
  store: 'memory' | 'redis';
  hits: number;
  misses: number;
  /** Lookups and stores that failed (Redis slow or down): misses not stored. */
  failures: number;
  /** Entries evicted, by why; in Redis `event` and `mutation` count the entities evicted. */
  evictions: Record<EvictionReason, number>;
  /** Entries served that an eviction had already removed: must stay 0 (the consistency test checks it). */
  staleServed: number;
  /** Entries and their bytes in this process; 0 in Redis, which bounds its own memory. */
  entries: number;
  bytes: number;
  /** Seconds between an event's time and its eviction here, for the latest event. */
  streamLagSeconds: number;
  /** 1 while the cache serves, 0 while the stream is lost. */
  serving: number;
}

/** A lookup's answer: the entry (parsed, the caller's own copy) or a miss, and the guard to store it with. */
export interface Found {
  value: unknown;
  guard: Guard;
}

/** The entity cache of one gateway. */
export class EntityCache {
  readonly rules: CacheRules;
  #serving = true;
  readonly #shapes = new WeakMap<FetchNode, FetchShape | null>();
  readonly #counts = { hits: 0, misses: 0, failures: 0, lag: 0, evictions: Object.fromEntries(REASONS.map((reason) => [reason, 0])) as Record<EvictionReason, number> };

  constructor(
    config: EntityCacheConfig,
    private readonly store: EntryStore,
    private readonly schema: () => GraphQLSchema,
    private readonly log?: Logger,
  ) {
    this.rules = new CacheRules(config.spec);
  }

  /** Whether requests may be served from the cache now (the stream is followed). */
  get serving(): boolean {
    return this.#serving;
  }

  /**
   * The scopes a caller's entries are kept under: every scope, since a subgraph refuses fields by
   * scope (`@requiresScopes`) and masks by scope (`pii:read`), so callers with other scopes may get
   * other answers. Masked contact e-mails are never served to a caller who may see them whole, nor
   * the reverse. (An answer that showed personal data whole says `cacheable: false`: its system
   * audits each showing.) Who the caller is does not change an answer: callers with the same
   * scopes share entries.
   */
  scopeOf(caller: Caller): string {
    return caller.scopes.join(' ');
  }

  key(subgraph: string, type: string, identity: string, shape: FetchShape, scope: string): string {
    return `${subgraph}\n${type}\n${identity}\n${shape.selection}\n${scope}`;
  }

  /** Looks entries up; a store that fails (Redis slow or down) answers misses that are not stored. */
  async lookup(items: readonly Lookup[]): Promise<(Found | undefined)[]> {
    if (!this.#serving || items.length === 0) return items.map(() => undefined);
    let found: { json: string | undefined; guard: Guard }[];
    try {
      found = await this.store.lookup(items);
    } catch {
      this.#counts.failures += 1;
      return items.map(() => undefined);
    }
    return found.map(({ json, guard }) => {
      if (json === undefined) this.#counts.misses += 1;
      else this.#counts.hits += 1;
      return { value: json === undefined ? undefined : JSON.parse(json), guard };
    });
  }

  /** Stores an answer found missing by the lookup that gave `guard`, unless one of its entities was evicted since. */
  async put(item: Lookup, value: unknown, guard: Guard): Promise<void> {
    if (!this.#serving) return;
    try {
      await this.store.put(item, JSON.stringify(value), guard);
    } catch {
      // Not stored, or stored late: the store checks the guard when it applies the put, either way.
      this.#counts.failures += 1;
    }
  }

  /** Evicts every entry that shows one of `refs`, and every entry that depends on their types. */
  async evict(refs: readonly string[], reason: EvictionReason): Promise<void> {
    if (refs.length === 0) return;
    const deps = [...new Set(refs.flatMap((ref) => [ref, `${ref.slice(0, ref.indexOf(':'))}:*`]))];
    try {
      this.#counts.evictions[reason] += await this.store.evict(deps);
    } catch (error) {
      // An eviction that may not have happened: nothing is served until the cache starts over.
      this.#failed(error);
    }
  }

  /** The event stream is lost: serve nothing until `resume`. */
  suspend(): void {
    this.#serving = false;
  }

  /** The stream is followed again: start from an empty cache, as evictions were missed. */
  async resume(): Promise<void> {
    if (this.#serving) return;
    try {
      await this.forgetAll();
      this.#serving = true;
    } catch (error) {
      this.#failed(error);
    }
  }

  /** Forgets every entry (an event it cannot read may have changed anything). */
  async forgetAll(): Promise<void> {
    this.#counts.evictions.stream += await this.store.clear();
  }

  /** An event's time reached the cache `seconds` ago. */
  observeLag(seconds: number): void {
    this.#counts.lag = Math.max(0, seconds);
  }

  stats(): EntityCacheStats {
    const { hits, misses, failures, lag, evictions } = this.#counts;
    const store = this.store.counts();
    const size = this.store.size();
    return {
      store: this.store.kind,
      hits,
      misses,
      failures,
      staleServed: store.stale,
      evictions: { ...evictions, size: store.size, ttl: store.ttl },
      entries: size?.entries ?? 0,
      bytes: size?.bytes ?? 0,
      streamLagSeconds: lag,
      serving: this.#serving ? 1 : 0,
    };
  }

  /** Registers the cache's figures (`gateway_entity_cache_*`), read from `stats()` at each scrape. */
  registerMetrics(registry: Registry): void {
    const counter = (name: string, help: string, read: (stats: EntityCacheStats) => number) => mirroredCounter({ registry, name, help, read: () => read(this.stats()) });
    const gauge = (name: string, help: string, read: (stats: EntityCacheStats) => number) => mirroredGauge({ registry, name, help, read: () => read(this.stats()) });
    counter('gateway_entity_cache_hits_total', 'Entities answered from the cache.', (stats) => stats.hits);
    counter('gateway_entity_cache_misses_total', 'Entities fetched from their subgraph because the cache had no current entry.', (stats) => stats.misses);
    counter('gateway_entity_cache_failures_total', 'Cache lookups or writes that failed (Redis down or slow): answered from the subgraph.', (stats) => stats.failures);
    mirroredCounter({
      registry,
      name: 'gateway_entity_cache_evictions_total',
      help: 'Entries evicted, by reason: event, mutation, ttl, size, stream (the stream was lost or unreadable).',
      labelNames: ['reason'] as const,
      read: () => {
        const { evictions } = this.stats();
        return REASONS.map((reason) => [{ reason }, evictions[reason]] as const);
      },
    });
    counter('gateway_entity_cache_stale_served_total', 'Entries found after an eviction should have removed them (not served); always 0.', (stats) => stats.staleServed);
    gauge('gateway_entity_cache_entries', 'Entries held.', (stats) => stats.entries);
    gauge('gateway_entity_cache_bytes', 'Bytes the entries hold (in process; in Redis, its own maxmemory bounds them).', (stats) => stats.bytes);
    gauge('gateway_entity_cache_stream_lag_seconds', 'Age of the latest event when it reached the cache: how stale a derived change may be.', (stats) => stats.streamLagSeconds);
    gauge('gateway_entity_cache_serving', 'Whether the cache serves entries (1) or not, while it has lost the event stream (0).', (stats) => stats.serving);
  }

  /** What caching `fetch` needs, or null when its answers are not cached. */
  shape(fetch: FetchNode): FetchShape | null {
    let shape = this.#shapes.get(fetch);
    if (shape === undefined) {
      shape = this.rules.mayCache(fetch.serviceName) ? fetchShape(this.schema(), fetch) : null;
      this.#shapes.set(fetch, shape);
    }
    return shape;
  }

  close(): void {
    this.store.close();
  }

  #failed(error: unknown): void {
    if (this.#serving) this.log?.warn({ err: error }, 'entity cache: an eviction failed; serving nothing from it until it starts over');
    this.#serving = false;
  }
}

/** How often the gateway checks that it still follows the event stream. */
const STREAM_CHECK_MS = 500;

/**
 * Keeps `cache` exact by the stream: evicts what each event changes, and serves nothing while the
 * stream is down (and until its live tail has its starting point). Returns the stop.
 *
 * The events of one read of the stream are evicted together: their entities deduped, one eviction
 * (one round trip to Redis, however many events), started before the listeners after this one
 * (the subscriptions of this process) get the same events.
 */
export function followStream(cache: EntityCache, stream: EventStream, log: Logger): () => void {
  let ready = false;
  const check = () => {
    if (ready && stream.health().status === 'up') void cache.resume();
    else cache.suspend();
  };
  cache.suspend();
  const unsubscribe = stream.subscribe(
    (deliveries) => {
      const changed: string[] = [];
      let unreadable = false;
      let latest: HubEvent | undefined;
      for (const { event } of deliveries) {
        try {
          latest = parseEvent(event);
        } catch (error) {
          log.warn({ err: error, eventId: event.id }, 'entity cache: an event it cannot read may have changed anything; the cache starts over');
          unreadable = true;
          continue;
        }
        changed.push(...changedEntities(latest));
      }
      if (unreadable) void cache.forgetAll();
      void cache.evict(changed, 'event');
      if (latest) cache.observeLag((Date.now() - Date.parse(latest.time)) / 1000);
    },
    () => {
      ready = true;
      check();
    },
  );
  const timer = setInterval(check, STREAM_CHECK_MS);
  timer.unref();
  return () => {
    clearInterval(timer);
    unsubscribe();
  };
}
