/**
 * Where the entity cache keeps its entries: in this process (the embedded default), or in Redis
 * when `REDIS_URL` is set, so every gateway replica shares them and a write's eviction on one
 * replica holds on all. Both close the same race: an answer fetched while one of its entities was
 * evicted is not stored (the lookup hands out a guard, the put checks it).
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import { redisScript, type RedisScript } from '../../platform/redis.ts';

/** What a lookup says of a later put: which evictions it has seen. */
export type Guard = string;

export interface Lookup {
  key: string;
  /** The entities (and `Type:*`) the entry shows. */
  deps: readonly string[];
}

/** Entries evicted for size or expiry, as a store counts them. */
export interface StoreCounts {
  size: number;
  ttl: number;
  /** Entries found whose entities changed after they were stored, not served; never expected. */
  stale: number;
}

export interface EntryStore {
  readonly kind: 'memory' | 'redis';
  /** Each key's answer as JSON (undefined when absent), and the guard a put of it must show. */
  lookup(items: readonly Lookup[]): Promise<{ json: string | undefined; guard: Guard }[]>;
  /** Stores an answer unless one of its entities was evicted since the lookup that gave `guard`. */
  put(item: Lookup, json: string, guard: Guard): Promise<void>;
  /** Evicts every entry that shows one of `deps` (entities and `Type:*`); the number of entries, or of deps when a store cannot tell. */
  evict(deps: readonly string[]): Promise<number>;
  /** Forgets every entry; the number forgotten, when the store can tell. */
  clear(): Promise<number>;
  counts(): StoreCounts;
  /** Entries and their bytes, in this process (undefined in Redis). */
  size(): { entries: number; bytes: number } | undefined;
  close(): void;
}

/** Eviction numbers remembered per entity; older ones are forgotten and a fetch that old is not stored. */
const REMEMBERED_EVICTIONS = 100_000;

interface MemoryEntry {
  json: string;
  deps: readonly string[];
  /** The eviction number it was stored at. */
  stored: number;
}

/** Entries in this process, least recently used out past `maxBytes`. */
export class MemoryEntries implements EntryStore {
  readonly kind = 'memory';
  readonly #entries: LRUCache<string, MemoryEntry>;
  /** The entries that show each entity (or `Type:*`). */
  readonly #dependents = new Map<string, Set<string>>();
  /** The number of the latest eviction of each entity. */
  readonly #evictedAt: LRUCache<string, number>;
  #seq = 0;
  /** Lookups before this number are not stored: evictions after it may be forgotten. */
  #floor = 0;
  readonly #counts: StoreCounts = { size: 0, ttl: 0, stale: 0 };

  constructor(maxBytes: number, ttlMs: number) {
    this.#entries = new LRUCache<string, MemoryEntry>({
      maxSize: maxBytes,
      // UTF-16 in memory: two bytes a character, plus the dependency keys.
      sizeCalculation: (entry, key) => 2 * (entry.json.length + key.length) + entry.deps.reduce((sum, dep) => sum + 2 * dep.length, 0),
      ttl: ttlMs,
      dispose: (entry, key, reason) => {
        for (const dep of entry.deps) {
          const keys = this.#dependents.get(dep);
          keys?.delete(key);
          if (keys?.size === 0) this.#dependents.delete(dep);
        }
        if (reason === 'evict') this.#counts.size += 1;
        else if (reason === 'expire') this.#counts.ttl += 1;
      },
    });
    this.#evictedAt = new LRUCache<string, number>({
      max: REMEMBERED_EVICTIONS,
      dispose: (seq, _key, reason) => {
        if (reason === 'evict') this.#floor = Math.max(this.#floor, seq);
      },
    });
  }

  async lookup(items: readonly Lookup[]): Promise<{ json: string | undefined; guard: Guard }[]> {
    const guard = String(this.#seq);
    return items.map(({ key }) => {
      const entry = this.#entries.get(key);
      // Eviction removes an entry with its entities: one that outlived one is a bug, not served.
      if (entry && entry.deps.some((dep) => (this.#evictedAt.get(dep) ?? -1) > entry.stored)) {
        this.#counts.stale += 1;
        this.#entries.delete(key);
        return { json: undefined, guard };
      }
      return { json: entry?.json, guard };
    });
  }

  async put(item: Lookup, json: string, guard: Guard): Promise<void> {
    const started = Number(guard);
    if (started < this.#floor) return;
    for (const dep of item.deps) if ((this.#evictedAt.get(dep) ?? -1) > started) return;
    this.#entries.set(item.key, { json, deps: item.deps, stored: this.#seq });
    // The entry may have been too large to keep.
    if (!this.#entries.has(item.key)) return;
    for (const dep of item.deps) {
      let keys = this.#dependents.get(dep);
      if (!keys) this.#dependents.set(dep, (keys = new Set()));
      keys.add(item.key);
    }
  }

  async evict(deps: readonly string[]): Promise<number> {
    const seq = ++this.#seq;
    let evicted = 0;
    for (const dep of deps) {
      this.#evictedAt.set(dep, seq);
      for (const key of [...(this.#dependents.get(dep) ?? [])]) if (this.#entries.delete(key)) evicted += 1;
    }
    return evicted;
  }

  async clear(): Promise<number> {
    const forgotten = this.#entries.size;
    // Deleted one by one: not counted as size or TTL evictions.
    for (const key of [...this.#entries.keys()]) this.#entries.delete(key);
    this.#floor = ++this.#seq;
    return forgotten;
  }

  counts(): StoreCounts {
    return { ...this.#counts };
  }

  size(): { entries: number; bytes: number } {
    return { entries: this.#entries.size, bytes: this.#entries.calculatedSize };
  }

  close(): void {
    this.#entries.clear();
  }
}

/**
 * Validates and stores an entry only if every version is still the one the lookup read.
 * KEYS: the entry, then each dependency's version. ARGV: the entry's value, its TTL (ms), then the versions read.
 */
const PUT_SCRIPT = `
for i = 2, #KEYS do
  if (redis.call('GET', KEYS[i]) or '0') ~= ARGV[i + 1] then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
`;

/**
 * Bumps each dependency's version and keeps it for the TTL, atomically: one command however many
 * dependencies an eviction has. KEYS: the versions. ARGV: their TTL (ms).
 */
const EVICT_SCRIPT = `
for i = 1, #KEYS do
  redis.call('INCR', KEYS[i])
  redis.call('PEXPIRE', KEYS[i], ARGV[1])
end
return #KEYS
`;

/**
 * Entries in Redis, shared by every replica. An eviction does not delete entries: it bumps the
 * version of each entity (and of `Type:*`), and an entry is served only while every version it
 * was stored with is current. Forgetting everything bumps one version every entry depends on.
 * Memory is bounded by the TTL and by Redis's own `maxmemory` (entries all expire: `volatile-lru`).
 */
export class RedisEntries implements EntryStore {
  readonly kind = 'redis';
  readonly #counts: StoreCounts = { size: 0, ttl: 0, stale: 0 };
  /** Versions outlive entries by this much, so a version never falls back to a value a guard holds. */
  readonly #versionTtlMs: number;
  readonly #put: RedisScript<number>;
  readonly #evict: RedisScript<number>;

  /**
   * @param redis lookups and stores: a short command timeout, as a failure is only a miss.
   * @param evictions evictions: the stream's longer timeout, as a failed one empties the cache.
   */
  constructor(
    private readonly redis: Redis,
    private readonly evictions: Redis,
    private readonly prefix: string,
    private readonly ttlMs: number,
  ) {
    this.#versionTtlMs = ttlMs + 3_600_000;
    this.#put = redisScript<number>(redis, 'hubCachePut', PUT_SCRIPT);
    this.#evict = redisScript<number>(evictions, 'hubCacheEvict', EVICT_SCRIPT);
  }

  #entryKey(key: string): string {
    return `${this.prefix}:entity-cache:entry:${createHash('sha256').update(key).digest('base64url')}`;
  }

  #versionKey(dep: string): string {
    return `${this.prefix}:entity-cache:version:${dep}`;
  }

  /** Every entry depends on `*`: bumping it forgets them all. */
  #deps(item: Lookup): string[] {
    return ['*', ...item.deps];
  }

  async lookup(items: readonly Lookup[]): Promise<{ json: string | undefined; guard: Guard }[]> {
    if (items.length === 0) return [];
    // One MGET for every entry and every version they show (`*` and `Type:*` are shared by most):
    // entries first, then each version once.
    const keys = items.map((item) => this.#entryKey(item.key));
    const versionAt = new Map<string, number>();
    const versionsOf = items.map((item) =>
      this.#deps(item).map((dep) => {
        let at = versionAt.get(dep);
        if (at === undefined) versionAt.set(dep, (at = keys.push(this.#versionKey(dep)) - 1));
        return at;
      }),
    );
    const values = await this.redis.mget(...keys);
    return items.map((_, index) => {
      const guard = versionsOf[index]!.map((at) => values[at] ?? '0').join(',');
      const entry = values[index];
      if (typeof entry !== 'string') return { json: undefined, guard };
      const cut = entry.indexOf('\n');
      // Stored with other versions: one of its entities changed since, so it is not served.
      if (entry.slice(0, cut) !== guard) return { json: undefined, guard };
      return { json: entry.slice(cut + 1), guard };
    });
  }

  async put(item: Lookup, json: string, guard: Guard): Promise<void> {
    const deps = this.#deps(item);
    await this.#put([this.#entryKey(item.key), ...deps.map((dep) => this.#versionKey(dep))], [`${guard}\n${json}`, String(this.ttlMs), ...guard.split(',')]);
  }

  async evict(deps: readonly string[]): Promise<number> {
    await this.#evict(deps.map((dep) => this.#versionKey(dep)), [String(this.#versionTtlMs)]);
    return deps.length;
  }

  async clear(): Promise<number> {
    await this.evict(['*']);
    return 0;
  }

  counts(): StoreCounts {
    return { ...this.#counts };
  }

  size(): undefined {
    return undefined;
  }

  close(): void {
    this.redis.disconnect();
    this.evictions.disconnect();
  }
}
