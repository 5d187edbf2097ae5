/**
 * The gateway's entity cache: subgraph answers for one entity (an `_entities` representation, or a
 * root field that fetches by key such as `customer(id:)`), kept exact by eviction rather than by
 * expiry. Each entry depends on the entities it shows; the event stream (every event names the
 * entities it changes, platform/events/changes.ts) and each mutation's own answer
 * (`extensions.changedEntities`) evict them. The TTL is a backstop only.
 *
 * Two races are closed here. A fetch that started before an eviction of one of its entities may
 * carry the old state: it is not stored (each eviction is numbered, each fetch remembers the number
 * it started at). And while the stream is lost the cache serves nothing, and forgets everything
 * when it comes back, since the evictions of the outage are unknown.
 */
import { createHash } from 'node:crypto';
import type { FetchNode } from '@apollo/query-planner';
import { LRUCache } from 'lru-cache';
import { Kind, getNamedType, parse, isObjectType, type FieldNode, type FragmentDefinitionNode, type GraphQLNamedType, type GraphQLSchema, type SelectionSetNode } from 'graphql';
import type { EntityCacheConfig } from '../../platform/config.ts';
import { changedEntities, HELD_BY, type EntityRef } from '../../platform/events/changes.ts';
import { parseEvent, type HubEvent } from '../../platform/events/catalogue.ts';
import type { EventStream } from '../../platform/events/stream.ts';
import type { Logger } from '../../platform/logger.ts';
import type { Caller } from '../../platform/auth/caller.ts';
import { PII_SCOPE } from '../../platform/auth/pii.ts';

/** Why an entry left the cache, for `/metrics`. */
export type EvictionReason = 'event' | 'mutation' | 'ttl' | 'size' | 'stream';
const REASONS: readonly EvictionReason[] = ['event', 'mutation', 'ttl', 'size', 'stream'];

/** Eviction numbers remembered per entity; older ones are forgotten and a fetch that old is not stored. */
const REMEMBERED_EVICTIONS = 100_000;

/** The scopes that change what a subgraph answers for the same entity and selection. */
const ANSWER_SCOPES = [PII_SCOPE];

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

/** The cache's counters, as the gateway's `/metrics` reads them. */
export interface EntityCacheStats {
  hits: number;
  misses: number;
  evictions: Record<EvictionReason, number>;
  /** Entries served that an eviction had already removed: must stay 0 (the consistency test checks it). */
  staleServed: number;
  entries: number;
  bytes: number;
  /** Seconds between an event's time and its eviction here, for the latest event. */
  streamLagSeconds: number;
  /** 1 while the cache serves, 0 while the stream is lost. */
  serving: number;
}

interface Entry {
  /** The answer as JSON: every reader parses its own copy, since the engine writes into answers. */
  json: string;
  deps: readonly string[];
}

/** What the cache needs of a fetch, worked out once per plan node. */
interface FetchShape {
  /** Hash of the fetch's document: the fields fetched. */
  selection: string;
  /** For every entity type the fetch may start at: what else its answer depends on (`Type:*`). */
  typeDeps: Map<string, string[]>;
  /** For a root field that fetches by key: the field's response name, its type and the key's variable or value. */
  root?: { responseName: string; type: string; id: { variable: string } | { value: string } };
}

/** Which subgraphs and types are cached, from `ENTITY_CACHE`. */
export class CacheRules {
  readonly #include = new Set<string>();
  readonly #exclude = new Set<string>();
  readonly #all: boolean;

  /**
   * @param spec `on`, `off`, or a comma-separated list of `subgraph` or `subgraph.Type`, each
   * optionally prefixed `-` to leave it out; `*` stands for every subgraph. `on` is `*,-ops`.
   */
  constructor(spec: string) {
    const items = spec === 'on' ? ['*', '-ops'] : spec === 'off' ? [] : spec.split(',').map((item) => item.trim()).filter(Boolean);
    let all = false;
    for (const item of items) {
      if (item === '*') all = true;
      else if (item.startsWith('-')) this.#exclude.add(item.slice(1));
      else this.#include.add(item);
    }
    this.#all = all;
  }

  get none(): boolean {
    return !this.#all && this.#include.size === 0;
  }

  allows(subgraph: string, type: string): boolean {
    const typed = `${subgraph}.${type}`;
    if (this.#exclude.has(typed)) return false;
    if (this.#include.has(typed)) return true;
    if (this.#exclude.has(subgraph)) return false;
    return this.#all || this.#include.has(subgraph);
  }

  /** Whether any type of `subgraph` may be cached. */
  mayCache(subgraph: string): boolean {
    return !this.#exclude.has(subgraph) && (this.#all || [...this.#include].some((item) => item === subgraph || item.startsWith(`${subgraph}.`)));
  }
}

/** The entity cache of one gateway, in process. */
export class EntityCache {
  readonly rules: CacheRules;
  readonly #entries: LRUCache<string, Entry>;
  /** The entries that depend on each entity (or `Type:*`). */
  readonly #dependents = new Map<string, Set<string>>();
  /** The number of the latest eviction of each entity. */
  readonly #evictedAt: LRUCache<string, number>;
  #seq = 0;
  /** Fetches started before this number are not stored: evictions after it may be forgotten. */
  #floor = 0;
  #serving = true;
  readonly #shapes = new WeakMap<FetchNode, FetchShape | null>();
  readonly #counts = { hits: 0, misses: 0, staleServed: 0, lag: 0, evictions: Object.fromEntries(REASONS.map((reason) => [reason, 0])) as Record<EvictionReason, number> };

  constructor(
    config: EntityCacheConfig,
    private readonly schema: () => GraphQLSchema,
  ) {
    this.rules = new CacheRules(config.spec);
    this.#entries = new LRUCache<string, Entry>({
      maxSize: config.maxBytes,
      // UTF-16 in memory: two bytes a character, plus the dependency keys.
      sizeCalculation: (entry, key) => 2 * (entry.json.length + key.length) + entry.deps.reduce((sum, dep) => sum + 2 * dep.length, 0),
      ttl: config.ttlSeconds * 1000,
      // Expired entries are dropped when met, not by a timer per entry.
      ttlAutopurge: false,
      dispose: (entry, key, reason) => {
        for (const dep of entry.deps) {
          const keys = this.#dependents.get(dep);
          keys?.delete(key);
          if (keys?.size === 0) this.#dependents.delete(dep);
        }
        if (reason === 'evict') this.#counts.evictions.size += 1;
        else if (reason === 'expire') this.#counts.evictions.ttl += 1;
      },
    });
    this.#evictedAt = new LRUCache<string, number>({
      max: REMEMBERED_EVICTIONS,
      dispose: (seq, _key, reason) => {
        if (reason === 'evict') this.#floor = Math.max(this.#floor, seq);
      },
    });
  }

  /** Whether requests may be served from the cache now (the stream is followed). */
  get serving(): boolean {
    return this.#serving;
  }

  /**
   * The part of a caller's scopes its entries are kept under: masked contact e-mails are never
   * served to a caller who may see them whole, nor the reverse. (An answer that showed personal
   * data whole says `cacheable: false`: its system audits each showing.)
   */
  scopeOf(caller: Caller): string {
    return ANSWER_SCOPES.filter((scope) => caller.scopes.includes(scope)).join(' ');
  }

  /** The number a fetch starts at: its answer is stored only if none of its entities was evicted since. */
  begin(): number {
    return this.#seq;
  }

  key(subgraph: string, type: string, identity: string, shape: FetchShape, scope: string): string {
    return `${subgraph}\n${type}\n${identity}\n${shape.selection}\n${scope}`;
  }

  get(key: string): unknown {
    if (!this.#serving) return undefined;
    const entry = this.#entries.get(key);
    if (!entry) {
      this.#counts.misses += 1;
      return undefined;
    }
    this.#counts.hits += 1;
    return JSON.parse(entry.json);
  }

  /** Stores an answer fetched since `started`, unless one of `deps` was evicted meanwhile. */
  set(key: string, deps: readonly string[], value: unknown, started: number): void {
    if (!this.#serving || started < this.#floor) return;
    for (const dep of deps) if ((this.#evictedAt.get(dep) ?? -1) > started) return;
    const entry: Entry = { json: JSON.stringify(value), deps };
    this.#entries.set(key, entry);
    // The entry may have been too large to keep.
    if (!this.#entries.has(key)) return;
    for (const dep of deps) {
      let keys = this.#dependents.get(dep);
      if (!keys) this.#dependents.set(dep, (keys = new Set()));
      keys.add(key);
    }
  }

  /** Evicts every entry that shows one of `refs`, and every entry that depends on their types. */
  evict(refs: readonly string[], reason: EvictionReason): void {
    if (refs.length === 0) return;
    const seq = ++this.#seq;
    for (const ref of refs) {
      const type = ref.slice(0, ref.indexOf(':'));
      for (const dep of [ref, `${type}:*`]) {
        this.#evictedAt.set(dep, seq);
        for (const key of [...(this.#dependents.get(dep) ?? [])]) {
          if (this.#entries.delete(key)) this.#counts.evictions[reason] += 1;
        }
      }
    }
  }

  /** The event stream is lost: serve nothing until `resume`. */
  suspend(): void {
    if (!this.#serving) return;
    this.#serving = false;
    this.#clear();
  }

  /** The stream is followed again: start from an empty cache, as evictions were missed. */
  resume(): void {
    if (this.#serving) return;
    this.#clear();
    this.#serving = true;
  }

  /** Forgets every entry (an event it cannot read may have changed anything). */
  forgetAll(): void {
    this.#clear();
  }

  /** An event's time reached the cache `seconds` ago. */
  observeLag(seconds: number): void {
    this.#counts.lag = Math.max(0, seconds);
  }

  stats(): EntityCacheStats {
    const { hits, misses, staleServed, lag, evictions } = this.#counts;
    return { hits, misses, staleServed, evictions: { ...evictions }, entries: this.#entries.size, bytes: this.#entries.calculatedSize, streamLagSeconds: lag, serving: this.#serving ? 1 : 0 };
  }

  /** Lines for the gateway's `/metrics`. */
  metrics(): string[] {
    const stats = this.stats();
    return [
      '# TYPE gateway_entity_cache_hits_total counter',
      `gateway_entity_cache_hits_total ${stats.hits}`,
      '# TYPE gateway_entity_cache_misses_total counter',
      `gateway_entity_cache_misses_total ${stats.misses}`,
      '# TYPE gateway_entity_cache_evictions_total counter',
      ...REASONS.map((reason) => `gateway_entity_cache_evictions_total{reason="${reason}"} ${stats.evictions[reason]}`),
      '# HELP gateway_entity_cache_stale_served_total Entries served after an eviction removed them; always 0.',
      '# TYPE gateway_entity_cache_stale_served_total counter',
      `gateway_entity_cache_stale_served_total ${stats.staleServed}`,
      '# TYPE gateway_entity_cache_entries gauge',
      `gateway_entity_cache_entries ${stats.entries}`,
      '# TYPE gateway_entity_cache_bytes gauge',
      `gateway_entity_cache_bytes ${stats.bytes}`,
      '# HELP gateway_entity_cache_stream_lag_seconds Age of the latest event when it reached the cache: how stale a derived change may be.',
      '# TYPE gateway_entity_cache_stream_lag_seconds gauge',
      `gateway_entity_cache_stream_lag_seconds ${stats.streamLagSeconds}`,
      '# TYPE gateway_entity_cache_serving gauge',
      `gateway_entity_cache_serving ${stats.serving}`,
    ];
  }

  #clear(): void {
    this.#counts.evictions.stream += this.#entries.size;
    // Forget without counting them as size or TTL evictions.
    for (const key of [...this.#entries.keys()]) this.#entries.delete(key);
    this.#floor = ++this.#seq;
  }

  /** What caching `fetch` needs, or null when its answers are not cached. */
  shape(fetch: FetchNode): FetchShape | null {
    let shape = this.#shapes.get(fetch);
    if (shape === undefined) {
      shape = this.#rulesAllow(fetch.serviceName) ? fetchShape(this.schema(), fetch) : null;
      this.#shapes.set(fetch, shape);
    }
    return shape;
  }

  #rulesAllow(subgraph: string): boolean {
    return this.rules.mayCache(subgraph);
  }
}

/** How often the gateway checks that it still follows the event stream. */
const STREAM_CHECK_MS = 500;

/**
 * Keeps `cache` exact by the stream: evicts what each event changes, and serves nothing while the
 * stream is down (and until its live tail has its starting point). Returns the stop.
 */
export function followStream(cache: EntityCache, stream: EventStream, log: Logger): () => void {
  let ready = false;
  const check = () => {
    if (ready && stream.health().status === 'up') cache.resume();
    else cache.suspend();
  };
  cache.suspend();
  const unsubscribe = stream.subscribe(
    (deliveries) => {
      for (const { event } of deliveries) {
        let parsed: HubEvent;
        try {
          parsed = parseEvent(event);
        } catch (error) {
          log.warn({ err: error, eventId: event.id }, 'entity cache: an event it cannot read may have changed anything; the cache starts over');
          cache.forgetAll();
          continue;
        }
        cache.evict(changedEntities(parsed), 'event');
        cache.observeLag((Date.now() - Date.parse(parsed.time)) / 1000);
      }
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

/** The entity types (object types with a federation key) of the supergraph. */
function isEntity(type: GraphQLNamedType): boolean {
  return isObjectType(type) && (type.astNode?.directives ?? []).some((directive) => directive.name.value === 'join__type' && directive.arguments?.some((arg) => arg.name.value === 'key'));
}

function fetchShape(schema: GraphQLSchema, fetch: FetchNode): FetchShape | null {
  if (fetch.operationKind !== 'query') return null;
  // Read once per plan node (the shape is kept with it).
  const document = fetch.operationDocumentNode ?? parse(fetch.operation);
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return null;
  const fragments = new Map(document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]));
  const selection = createHash('sha256').update(fetch.operation).digest('base64url').slice(0, 22);
  const fields = operation.selectionSet.selections;
  const [field] = fields;
  if (fields.length !== 1 || field?.kind !== Kind.FIELD) return null;
  const typeDeps = new Map<string, string[]>();
  if (fetch.requires) {
    if (field.name.value !== '_entities' || !field.selectionSet) return null;
    // `_entities { ... on Customer { … } ... on Invoice { … } }`: one starting type per fragment.
    for (const selection of field.selectionSet.selections) {
      if (selection.kind !== Kind.INLINE_FRAGMENT || !selection.typeCondition) continue;
      const type = selection.typeCondition.name.value;
      const nested = nestedTypes(schema, schema.getType(type), selection.selectionSet, fragments);
      if (nested) typeDeps.set(type, dependencies(type, nested));
    }
    return { selection, typeDeps };
  }
  // A root field that fetches by key: one argument, `id`, returning an entity.
  const queryType = schema.getQueryType();
  const definition = queryType?.getFields()[field.name.value];
  const args = field.arguments ?? [];
  const arg = args[0];
  if (!definition || args.length !== 1 || arg?.name.value !== 'id' || !field.selectionSet) return null;
  const type = getNamedType(definition.type);
  if (!isEntity(type)) return null;
  const id = arg.value.kind === Kind.VARIABLE ? { variable: arg.value.name.value } : arg.value.kind === Kind.STRING ? { value: arg.value.value } : undefined;
  if (!id) return null;
  const nested = nestedTypes(schema, type, field.selectionSet, fragments);
  if (!nested) return null;
  typeDeps.set(type.name, dependencies(type.name, nested));
  return { selection, typeDeps, root: { responseName: field.alias?.value ?? field.name.value, type: type.name, id } };
}

/** An answer of `type` showing entities of `nested`: the types whose every change must evict it. */
function dependencies(type: string, nested: ReadonlySet<string>): string[] {
  return [...nested].filter((inner) => !(HELD_BY[inner] ?? []).includes(type)).map((inner) => `${inner}:*`);
}

/**
 * The entity types a selection shows the fields of, below its root object (a reference that
 * selects only the key, `customer { __typename id }`, shows nothing of it); null when the selection
 * cannot be read against the schema (an abstract type), which is then not cached.
 */
function nestedTypes(schema: GraphQLSchema, type: GraphQLNamedType | undefined, selectionSet: SelectionSetNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): Set<string> | null {
  const found = new Set<string>();
  const walk = (parent: GraphQLNamedType | undefined, set: SelectionSetNode): boolean => {
    if (!parent || !isObjectType(parent)) return false;
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const inner = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (!walk(inner, selection.selectionSet)) return false;
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || !walk(schema.getType(fragment.typeCondition.name.value), fragment.selectionSet)) return false;
      } else if (selection.selectionSet) {
        if (selection.name.value.startsWith('__')) continue;
        const definition = parent.getFields()[selection.name.value];
        if (!definition) return false;
        const inner = getNamedType(definition.type);
        if (isEntity(inner) && !onlyKey(selection)) found.add(inner.name);
        if (!walk(inner, selection.selectionSet)) return false;
      }
    }
    return true;
  };
  return walk(type, selectionSet) ? found : null;
}

function onlyKey(field: FieldNode): boolean {
  return (field.selectionSet?.selections ?? []).every((selection) => selection.kind === Kind.FIELD && (selection.name.value === '__typename' || selection.name.value === 'id'));
}

export type { FetchShape, EntityRef };
