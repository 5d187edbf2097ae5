import { ERRORS, errorCodeDef } from '@apollo/federation-internals';
import type { DeferNode, FetchNode, PlanNode } from '@apollo/query-planner';
import type { GatewayGraphQLRequest, GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../context.ts';
import type { FetchShape } from './cacheShape.ts';
import type { Lookup } from './cacheStores.ts';
import type { EntityCache } from './entityCache.ts';
import { canonicalJson } from './inFlight.ts';
import { applyRewrites, deepMerge, flattenAtPath, hydratedPaths, representation, type DataObject } from './planData.ts';
import type { ResultPath } from './shape.ts';
import { HubAttributes, inSpan, SpanKind, tracingOn } from '../../platform/tracing.ts';

/**
 * What the engine sends a subgraph's fetches to: SubgraphFetcher for remote subgraphs, a local
 * data source for the gateway's own; Apollo's GraphQLDataSource has this shape.
 */
export interface SubgraphSource {
  process(options: { request: GatewayGraphQLRequest; context: object; document?: DocumentNode; pathInIncomingRequest?: ResultPath }): Promise<GatewayGraphQLResponse>;
}

/** A fetch's answer: its data, and its errors and extensions as the subgraph sent them. */
interface Sent {
  data: DataObject | null | undefined;
  errors?: readonly GraphQLFormattedError[];
  extensions?: Record<string, unknown>;
}

interface Cursor {
  path: ResultPath;
  data: unknown;
  root: DataObject;
}

/** A deferred block of the plan, run after what it depends on; settles with its fetches' errors. */
export interface DeferredBlock {
  label: string;
  done: Promise<GraphQLError[]>;
}

/**
 * One run of a query plan over one operation: every node kind the planner emits. Fetches merge
 * their answers into one data tree; a fetch that fails costs its own fields (its errors name the
 * subgraph in `serviceName`). Defer nodes run their primary part in line and start their
 * deferred blocks, which the engine awaits for the later payloads.
 */
export class PlanRun {
  /** The deferred blocks started so far, by label. */
  readonly blocks = new Map<string, DeferredBlock>();

  constructor(
    private readonly supergraphSchema: GraphQLSchema,
    private readonly sources: Readonly<Record<string, SubgraphSource>>,
    private readonly variables: Record<string, unknown>,
    private readonly context: GatewayContext,
    private readonly cache?: EntityCache,
  ) {}

  /** Runs `node` over `root`; the errors of its fetches (deferred blocks aside) go to `errors`. */
  run(node: PlanNode, root: DataObject, errors: GraphQLError[]): Promise<void> {
    return this.#node(node, { path: [], data: root, root }, errors);
  }

  async #node(node: PlanNode, cursor: Cursor | undefined, errors: GraphQLError[]): Promise<void> {
    if (!cursor) return;
    switch (node.kind) {
      case 'Sequence':
        for (const child of node.nodes) await this.#node(child, cursor, errors);
        return;
      case 'Parallel':
        await Promise.all(node.nodes.map((child) => this.#node(child, cursor, errors)));
        return;
      case 'Flatten': {
        const data = flattenAtPath(cursor.data, node.path);
        return this.#node(node.node, data ? { path: [...cursor.path, ...node.path], data, root: cursor.root } : undefined, errors);
      }
      case 'Condition': {
        const branch = this.variables[node.condition] === true ? node.ifClause : node.elseClause;
        if (branch) await this.#node(branch, cursor, errors);
        return;
      }
      case 'Defer':
        return this.#defer(node, cursor, errors);
      case 'Fetch':
        try {
          await this.#fetch(node, cursor, errors);
        } catch (error) {
          errors.push(error instanceof GraphQLError ? error : new GraphQLError((error as Error).message, { originalError: error as Error }));
        }
        return;
    }
  }

  async #defer(node: DeferNode, cursor: Cursor, errors: GraphQLError[]): Promise<void> {
    if (node.primary.node) await this.#node(node.primary.node, cursor, errors);
    // The blocks of one Defer may depend on each other's fetches: all are known before any starts.
    const started = node.deferred.map((deferred) => {
      let settle!: (errors: GraphQLError[]) => void;
      const block: DeferredBlock = { label: deferred.label ?? '', done: new Promise((resolve) => (settle = resolve)) };
      this.blocks.set(block.label, block);
      return { deferred, settle };
    });
    const fetchBlocks = new Map<string, string>();
    for (const { deferred } of started) if (deferred.node) for (const id of fetchIds(deferred.node)) fetchBlocks.set(id, deferred.label ?? '');
    for (const { deferred, settle } of started) {
      // On the next turn of the event loop: the initial payload is shaped and written first, not
      // after deferred fetches that answer at once (from the entity cache).
      setImmediate(async () => {
        const own = deferred.label ?? '';
        const awaited = new Set(deferred.depends.map(({ id }) => fetchBlocks.get(id)).filter((label): label is string => label !== undefined && label !== own));
        await Promise.all([...awaited].map((label) => this.blocks.get(label)?.done));
        const blockErrors: GraphQLError[] = [];
        try {
          if (deferred.node) await this.#node(deferred.node, cursor, blockErrors);
        } catch (error) {
          blockErrors.push(new GraphQLError((error as Error).message, { originalError: error as Error }));
        }
        settle(blockErrors);
      });
    }
  }

  async #fetch(fetch: FetchNode, cursor: Cursor, errors: GraphQLError[]): Promise<void> {
    const entities = (Array.isArray(cursor.data) ? cursor.data.filter((entity) => entity !== null && entity !== undefined) : [cursor.data]) as DataObject[];
    if (entities.length === 0) return;
    const variables: Record<string, unknown> = Object.create(null);
    for (const name of fetch.variableUsages ?? []) if (Object.hasOwn(this.variables, name) && this.variables[name] !== undefined) variables[name] = this.variables[name];

    if (!fetch.requires) {
      const received = await this.#sendByKey(fetch, cursor, variables, errors);
      if (received) applyRewrites(this.supergraphSchema, fetch.outputRewrites, received);
      for (const entity of entities) deepMerge(entity, received);
      return;
    }
    const representations: DataObject[] = [];
    const representedEntities: DataObject[] = [];
    for (const entity of entities) {
      const represented = representation(this.supergraphSchema, entity, fetch.requires);
      if (!represented?.__typename) continue;
      applyRewrites(this.supergraphSchema, fetch.inputRewrites, represented);
      representations.push(represented);
      representedEntities.push(entity);
    }
    if (representations.length === 0) return;
    if ('representations' in variables) throw new Error('Variables cannot contain key "representations"');
    const answered = await this.#sendEntities(fetch, cursor, variables, representations, errors);
    if (!answered) return;
    answered.forEach((answer: DataObject | null | undefined, index) => {
      const entity = representedEntities[index]!;
      if (answer && !answer.__typename) answer.__typename = entity.__typename;
      applyRewrites(this.supergraphSchema, fetch.outputRewrites, answer);
      deepMerge(entity, answer);
    });
  }

  /**
   * An `_entities` fetch through the entity cache: the representations it holds are answered from
   * it, only the others are fetched, and their answers without errors are stored.
   */
  async #sendEntities(fetch: FetchNode, cursor: Cursor, variables: Record<string, unknown>, representations: DataObject[], errors: GraphQLError[]): Promise<(DataObject | null | undefined)[] | undefined> {
    const cache = this.#cacheFor(fetch);
    const shape = cache?.cache.shape(fetch);
    const answers: (DataObject | null | undefined)[] = new Array(representations.length);
    const lookups: { index: number; item: Lookup; type: string; id: string }[] = [];
    if (cache && shape) {
      const others = canonicalJson(variables);
      representations.forEach((represented, index) => {
        const type = String(represented.__typename);
        const typeDeps = shape.typeDeps.get(type);
        const id = represented.id;
        if (!typeDeps || typeof id !== 'string' || !cache.cache.rules.allows(fetch.serviceName, type)) return;
        const key = cache.cache.key(fetch.serviceName, type, `${canonicalJson(represented)}\n${others}`, shape, cache.scope);
        lookups.push({ index, item: { key, deps: [`${type}:${id}`, ...typeDeps] }, type, id });
      });
    }
    const found = cache && lookups.length > 0 ? await cache.cache.lookup(lookups.map(({ item }) => item)) : [];
    const guards = new Map<number, { item: Lookup; guard: string }>();
    lookups.forEach(({ index, item, type, id }, position) => {
      const hit = found[position];
      this.context.cacheTrace?.entries.push({ subgraph: fetch.serviceName, type, id, hit: hit?.value !== undefined });
      if (hit?.value !== undefined) answers[index] = hit.value as DataObject;
      else if (hit) guards.set(index, { item, guard: hit.guard });
    });
    const missing: number[] = [];
    const sent: DataObject[] = [];
    for (let index = 0; index < representations.length; index++) {
      if (answers[index] !== undefined) continue;
      missing.push(index);
      sent.push(representations[index]!);
    }
    if (missing.length === 0) return answers;
    const response = await this.#send(fetch, cursor, { ...variables, representations: sent }, errors, missing);
    const received = response.data;
    if (!received) return undefined;
    const fetched = received._entities;
    if (!Array.isArray(fetched)) throw new Error('Expected "data._entities" in response to be an array');
    if (fetched.length !== sent.length) throw new Error(`Expected "data._entities" to contain ${sent.length} elements`);
    const failed = new Set((response.errors ?? []).map((error) => error.path?.[1]));
    const cacheable = response.extensions?.cacheable !== false;
    const puts: Promise<void>[] = [];
    fetched.forEach((answer: DataObject | null | undefined, position) => {
      const index = missing[position]!;
      const guarded = guards.get(index);
      // Stored before the engine writes into the answer.
      if (cache && cacheable && guarded && answer !== null && answer !== undefined && !failed.has(position)) puts.push(cache.cache.put(guarded.item, answer, guarded.guard));
      answers[index] = answer;
    });
    await Promise.all(puts);
    return answers;
  }

  /** A root fetch through the entity cache when it fetches one entity by key (`customer(id:)`). */
  async #sendByKey(fetch: FetchNode, cursor: Cursor, variables: Record<string, unknown>, errors: GraphQLError[]): Promise<DataObject | null | undefined> {
    const cache = this.#cacheFor(fetch);
    const shape: FetchShape | null | undefined = cache?.cache.shape(fetch);
    const root = shape?.root;
    const id = root && ('variable' in root.id ? variables[root.id.variable] : root.id.value);
    if (!cache || !shape || !root || typeof id !== 'string' || cursor.path.length > 0 || !cache.cache.rules.allows(fetch.serviceName, root.type)) {
      const response = await this.#send(fetch, cursor, variables, errors);
      if (fetch.operationKind === 'mutation') await this.#evictChanged(fetch.serviceName, response.extensions);
      return response.data;
    }
    const item: Lookup = { key: cache.cache.key(fetch.serviceName, root.type, `root\n${canonicalJson(variables)}`, shape, cache.scope), deps: [`${root.type}:${id}`, ...(shape.typeDeps.get(root.type) ?? [])] };
    const [found] = await cache.cache.lookup([item]);
    this.context.cacheTrace?.entries.push({ subgraph: fetch.serviceName, type: root.type, id, hit: found?.value !== undefined });
    if (found?.value !== undefined) return found.value as DataObject;
    const { data: received, errors: failed, extensions } = await this.#send(fetch, cursor, variables, errors);
    const answer = received?.[root.responseName];
    if (found && received && answer !== null && answer !== undefined && !failed && extensions?.cacheable !== false) await cache.cache.put(item, received, found.guard);
    return received;
  }

  /** The cache and the caller's scope part, when this fetch may be served from it. */
  #cacheFor(fetch: FetchNode): { cache: EntityCache; scope: string } | undefined {
    const cache = this.cache;
    if (!cache || fetch.operationKind !== 'query') return undefined;
    const trace = this.context.cacheTrace;
    if (this.context.noCache) {
      if (trace) trace.bypassed = 'the request said cache-control: no-cache';
      return undefined;
    }
    if (!cache.serving) {
      if (trace) trace.bypassed = 'the event stream is not followed';
      return undefined;
    }
    return { cache, scope: cache.scopeOf(this.context.caller) };
  }

  /** A mutation's answer names the entities it changed: evicted before the gateway answers. */
  async #evictChanged(subgraph: string, extensions: Record<string, unknown> | undefined): Promise<void> {
    const changed = extensions?.changedEntities;
    if (this.cache && Array.isArray(changed)) await this.cache.evict(changed.filter((ref): ref is string => typeof ref === 'string'), 'mutation');
    else if (this.cache) this.context.log.debug({ subgraph }, 'a mutation answered without changedEntities');
  }

  async #send(fetch: FetchNode, cursor: Cursor, variables: Record<string, unknown>, errors: GraphQLError[], entityIndexes?: readonly number[]): Promise<Sent> {
    const source = this.sources[fetch.serviceName];
    if (!source) throw new Error(`Couldn't find service with name "${fetch.serviceName}"`);
    const send = () =>
      source.process({
        request: { query: fetch.operation, variables, operationName: fetch.operationName },
        context: this.context,
        document: fetch.operationDocumentNode,
        pathInIncomingRequest: cursor.path,
      });
    // One client span per fetch of the plan; the subgraph's server span continues it (traceparent).
    const response = await (tracingOn()
      ? inSpan(`fetch ${fetch.serviceName}`, { kind: SpanKind.CLIENT, attributes: { [HubAttributes.subgraph]: fetch.serviceName, 'graphql.operation.type': fetch.operationKind, ...(fetch.operationName && { 'graphql.operation.name': fetch.operationName }) } }, send)
      : send());
    if (response.errors) {
      let hydrated: ResultPath[] | undefined;
      // An `_entities` error's path names the representation's index: the entity's place in the
      // result (among every representation, when the cache answered some of them).
      const errorPath = (path: GraphQLFormattedError['path']): ResultPath | undefined => {
        if (fetch.requires && typeof path?.[1] === 'number') return [...((hydrated ??= hydratedPaths(cursor.path, cursor.root))[entityIndexes?.[path[1]] ?? path[1]] ?? []), ...path.slice(2)];
        return path ? [...cursor.path, ...path] : undefined;
      };
      errors.push(...response.errors.map((error) => subgraphError(error, fetch.serviceName, errorPath(error.path))));
    }
    return { data: response.data as DataObject | null | undefined, errors: response.errors, extensions: response.extensions };
  }
}

/** A subgraph's error as the client gets it: its own message and code, the subgraph in `serviceName`, the path in the client's result. */
function subgraphError(original: GraphQLFormattedError, serviceName: string, path: ResultPath | undefined): GraphQLError {
  const message = original.message || `Error while fetching subquery from service "${serviceName}"`;
  const options = { originalError: original as Error, path, extensions: { ...original.extensions, serviceName } };
  const code = errorCodeDef(original);
  if (!code && original.extensions?.code) return new GraphQLError(message, options);
  return (code ?? ERRORS.DOWNSTREAM_SERVICE_ERROR).err(message, options);
}

function fetchIds(node: PlanNode): string[] {
  switch (node.kind) {
    case 'Fetch':
      return node.id === undefined ? [] : [node.id];
    case 'Flatten':
      return fetchIds(node.node);
    case 'Sequence':
    case 'Parallel':
      return node.nodes.flatMap(fetchIds);
    case 'Condition':
      return [...(node.ifClause ? fetchIds(node.ifClause) : []), ...(node.elseClause ? fetchIds(node.elseClause) : [])];
    case 'Defer':
      return [...(node.primary.node ? fetchIds(node.primary.node) : []), ...node.deferred.flatMap((deferred) => (deferred.node ? fetchIds(deferred.node) : []))];
  }
}
