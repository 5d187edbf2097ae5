/**
 * The gateway's executor: plans an operation once (plans cached by the document's hash and the
 * operation's name), runs every node of the plan (planRun.ts) and shapes the result to the
 * client's operation (shape.ts): queries, mutations, each event of a subscription, and `@defer`
 * as an initial payload and later ones. Introspection is answered by graphql-js over the API schema.
 */
import type { PlanNode } from '@apollo/query-planner';
import { LRUCache } from 'lru-cache';
import {
  executeSync,
  getOperationAST,
  GraphQLError,
  Kind,
  visit,
  type DirectiveNode,
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { QueryDeduplication } from './deduplication.ts';
import type { EntityCache } from './entityCache.ts';
import type { Federation } from './federation.ts';
import type { IncrementalDeferResult, OperationOutcome, OperationRequest, SubsequentIncrementalResult } from './operation.ts';
import { applyRewrites, type DataObject } from './planData.ts';
import { PlanRun, type SubgraphSource } from './planRun.ts';
import { activeDefer, denialTree, Shaper, type DeferredFragment, type DenialTree } from './shape.ts';
import { inSpanSync } from '../../platform/tracing.ts';

const PLAN_CACHE_SIZE = 1000;

/** An operation ready to run: planned, with what shaping its results needs. */
interface Prepared {
  operation: OperationDefinitionNode;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  node: PlanNode | undefined;
  /** The document's `@defer` directives: the answer is incremental when one of them is active. */
  defers: readonly DirectiveNode[];
  /** The label each `@defer` is planned under: the client's, or one given here where it has none. */
  deferLabels: ReadonlyMap<DirectiveNode, string>;
  denials: DenialTree | undefined;
}

export interface EngineOptions {
  federation: Federation;
  /** The API schema operations are validated against: results are shaped and introspection answered with it. */
  apiSchema: () => GraphQLSchema;
  sources: Readonly<Record<string, SubgraphSource>>;
  /** GATEWAY_DEDUPLICATION: identical queries in flight at once share one execution. */
  deduplicate: boolean;
  /** The entity cache fetches go through, when the gateway keeps one. */
  cache?: EntityCache;
}

/** Labels the engine gives a `@defer` the client did not label, so every deferred block of a plan is known by its label. */
const OWN_LABEL = 'hub_defer_';

export class Engine {
  readonly #plans = new LRUCache<string, Prepared | GraphQLError>({ max: PLAN_CACHE_SIZE });
  readonly deduplication = new QueryDeduplication();

  constructor(private readonly options: EngineOptions) {}

  /** Runs one operation (the pipeline's ExecuteOperation). */
  readonly execute = async (request: OperationRequest): Promise<OperationOutcome> => {
    const prepared = this.#prepare(request);
    if (prepared instanceof GraphQLError) return { kind: 'single', result: { errors: [prepared] } };
    if (prepared.defers.some((directive) => activeDefer([directive], request.variables)) && prepared.operation.operation !== 'subscription') {
      return this.#incremental(prepared, request);
    }
    const run = () => this.#single(prepared, request);
    // A request that asks what the cache did runs on its own: a shared execution traces another's.
    if (this.options.deduplicate && prepared.operation.operation === 'query' && !request.context.cacheTrace && !request.context.noCache) return { kind: 'single', result: await this.deduplication.run(request, run) };
    return { kind: 'single', result: await run() };
  };

  /**
   * One event of a subscription: `data` is what the owning subgraph streamed (the plan's primary
   * fetch), `rest` fetches the other subgraphs' fields of it; shaped to the client's selection.
   */
  async executeEvent(request: OperationRequest, rest: PlanNode | undefined, primaryRewrites: Parameters<typeof applyRewrites>[1], data: DataObject | null | undefined): Promise<ExecutionResult> {
    const prepared = this.#prepare(request, false);
    if (prepared instanceof GraphQLError) return { errors: [prepared] };
    // Several subscribers may share one upstream event; each completes its own copy.
    const root: DataObject = data ? structuredClone(data) : Object.create(null);
    applyRewrites(this.options.federation().supergraphSchema, primaryRewrites, root);
    return this.#complete({ ...prepared, node: rest }, request, root);
  }

  #single(prepared: Prepared, request: OperationRequest): Promise<ExecutionResult> {
    return this.#complete(prepared, request, Object.create(null));
  }

  async #complete(prepared: Prepared, request: OperationRequest, root: DataObject): Promise<ExecutionResult> {
    const run = this.#run(request);
    const errors: GraphQLError[] = [];
    if (prepared.node) await run.run(prepared.node, root, errors);
    try {
      const shaper = this.#shaper(prepared, request, false);
      return withCacheTrace(resultOf(shaper.object(prepared.operation.selectionSet, this.#rootType(prepared), true, root, [], prepared.denials), shaper, errors), request);
    } catch (error) {
      return { errors: [asGraphQLError(error)] };
    }
  }

  async #incremental(prepared: Prepared, request: OperationRequest): Promise<OperationOutcome> {
    const run = this.#run(request);
    const root: DataObject = Object.create(null);
    const errors: GraphQLError[] = [];
    if (prepared.node) await run.run(prepared.node, root, errors);
    let shaper: Shaper;
    let initial: ExecutionResult;
    try {
      shaper = this.#shaper(prepared, request, true);
      initial = withCacheTrace(resultOf(shaper.object(prepared.operation.selectionSet, this.#rootType(prepared), true, root, [], prepared.denials), shaper, errors), request);
    } catch (error) {
      return { kind: 'single', result: { errors: [asGraphQLError(error)] } };
    }
    // A deferred fragment under a null object has nowhere to go.
    const pending = initial.data ? shaper.deferred : [];
    const clientLabel = new Map([...prepared.deferLabels].map(([directive, label]) => [label, directive.arguments?.some((arg) => arg.name.value === 'label') ? label : undefined]));
    const engine = this;
    async function* subsequent(): AsyncGenerator<SubsequentIncrementalResult> {
      while (pending.length > 0) {
        const labels = [...new Set(pending.map((fragment) => fragment.label))];
        const ready = await Promise.race(labels.map(async (label) => ({ label, errors: (await run.blocks.get(label)?.done) ?? [] })));
        const fragments = pending.filter((fragment) => fragment.label === ready.label);
        pending.splice(0, pending.length, ...pending.filter((fragment) => fragment.label !== ready.label));
        const incremental = fragments.map((fragment, index) => engine.#deferredResult(prepared, request, fragment, index === 0 ? ready.errors : [], clientLabel.get(fragment.label), pending));
        yield { incremental, hasNext: pending.length > 0 };
      }
    }
    return { kind: 'incremental', initial: { ...initial, hasNext: pending.length > 0 }, subsequent: subsequent() };
  }

  /** One deferred fragment's payload; the fragments deferred inside it join `pending`. */
  #deferredResult(prepared: Prepared, request: OperationRequest, fragment: DeferredFragment, fetchErrors: GraphQLError[], label: string | undefined, pending: DeferredFragment[]): IncrementalDeferResult {
    const shaper = this.#shaper(prepared, request, true);
    let result: ExecutionResult;
    try {
      const data = shaper.object(fragment.selectionSet, fragment.type, fragment.typeKnown, fragment.input, fragment.path, fragment.denials);
      result = resultOf(data, shaper, fetchErrors);
      if (data) pending.push(...shaper.deferred);
    } catch (error) {
      result = { data: null, errors: [asGraphQLError(error)] };
    }
    return { data: result.data ?? null, path: fragment.path, ...(label !== undefined && { label }), ...(result.errors && { errors: result.errors }) };
  }

  #run(request: OperationRequest): PlanRun {
    return new PlanRun(this.options.federation().supergraphSchema, this.options.sources, request.variables, request.context, this.options.cache);
  }

  #rootType(prepared: Prepared): GraphQLObjectType {
    const type = this.options.apiSchema().getRootType(prepared.operation.operation);
    if (!type) throw new GraphQLError(`The schema has no ${prepared.operation.operation} type.`);
    return type;
  }

  #shaper(prepared: Prepared, request: OperationRequest, deferring: boolean): Shaper {
    const schema = this.options.apiSchema();
    const { operation, fragments } = prepared;
    const labels = prepared.deferLabels;
    return new Shaper({
      schema,
      fragments,
      variables: request.variables,
      denials: prepared.denials,
      deferring,
      deferLabel: (directive) => labels.get(directive),
      introspect: (field) => introspect(schema, operation, fragments, field, request.variables),
    });
  }

  /** The operation planned (once per document, operation name and what the caller may see) or why it cannot be. */
  #prepare(request: OperationRequest, plan = true): Prepared | GraphQLError {
    const { authorization } = request;
    const key = `${request.queryHash}\n${request.operationName ?? ''}\n${authorization.queryHash ?? ''}\n${plan}`;
    let prepared = this.#plans.get(key);
    if (!prepared) {
      try {
        // Planned once per document: a span only when it is (a cached plan costs nothing to trace).
        prepared = inSpanSync('graphql.plan', {}, () => this.#plan(request, plan));
      } catch (error) {
        prepared = asGraphQLError(error);
      }
      this.#plans.set(key, prepared);
    }
    return prepared;
  }

  #plan(request: OperationRequest, plan: boolean): Prepared {
    const operation = getOperationAST(request.document, request.operationName);
    if (!operation) throw new GraphQLError(request.operationName ? `Unknown operation named "${request.operationName}".` : 'Must provide operation name if query contains multiple operations.');
    const fragments = new Map(request.document.definitions.filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION).map((fragment) => [fragment.name.value, fragment]));
    const deferLabels = new Map<DirectiveNode, string>();
    const defers: DirectiveNode[] = [];
    const label = (directive: DirectiveNode): void => {
      if (directive.name.value !== 'defer' || deferLabels.has(directive)) return;
      const given = directive.arguments?.find((arg) => arg.name.value === 'label')?.value;
      deferLabels.set(directive, given?.kind === Kind.STRING ? given.value : `${OWN_LABEL}${deferLabels.size}`);
    };
    visit(request.document, { Directive: (directive) => void (label(directive), directive.name.value === 'defer' && defers.push(directive)) });
    const planned = request.authorization.document;
    // Denied fields are out of the planned document; its @defer nodes are the client's own.
    visit(planned, { Directive: (directive) => void label(directive) });
    let node: PlanNode | undefined;
    if (plan) {
      const built = this.options.federation().planner.plan(withDeferLabels(planned, deferLabels), request.operationName);
      if (built?.kind === 'Subscription') throw new GraphQLError('A subscription is served over a subscription transport.');
      node = built;
    }
    return { operation, fragments, node, defers, deferLabels, denials: denialTree(request.authorization.denials) };
  }
}

/** The document with each `@defer` given the label it is known by. */
function withDeferLabels(document: DocumentNode, labels: ReadonlyMap<DirectiveNode, string>): DocumentNode {
  return visit(document, {
    Directive(directive) {
      const label = labels.get(directive);
      if (label === undefined || directive.arguments?.some((arg) => arg.name.value === 'label')) return undefined;
      return { ...directive, arguments: [...(directive.arguments ?? []), { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'label' }, value: { kind: Kind.STRING, value: label } }] };
    },
  });
}

/**
 * The response of a shaped operation: fetch errors first, then denials; value-completion errors
 * (a null or value the schema does not allow that no error explains) in `extensions.valueCompletion`
 * when there is no other error, as Apollo's gateway reports them.
 */
function resultOf(data: Record<string, unknown> | null, shaper: Shaper, fetchErrors: readonly GraphQLError[]): ExecutionResult {
  const { errors, completionErrors } = shaper.result(data);
  const all = [...fetchErrors, ...errors];
  if (all.length > 0) return { errors: all, data };
  if (completionErrors.length > 0) return { data, extensions: { valueCompletion: completionErrors } };
  return { data };
}

/** The result with what the entity cache did in `extensions.cache`, when the client asked (`x-cache-debug: 1`). */
function withCacheTrace(result: ExecutionResult, request: OperationRequest): ExecutionResult {
  const trace = request.context.cacheTrace;
  if (!trace) return result;
  const hits = trace.entries.filter((entry) => entry.hit).length;
  const cache = { hits, misses: trace.entries.length - hits, ...(trace.bypassed ? { bypassed: trace.bypassed } : {}), entries: trace.entries };
  return { ...result, extensions: { ...result.extensions, cache } };
}

/** A root `__schema` or `__type` field, executed by graphql-js over the API schema. */
function introspect(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>, field: FieldNode, variables: Record<string, unknown>): unknown {
  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [{ ...operation, operation: 'query' as OperationDefinitionNode['operation'], name: undefined, directives: [], selectionSet: { kind: Kind.SELECTION_SET, selections: [field] } }, ...fragments.values()],
  };
  const { data, errors } = executeSync({ schema, document, variableValues: variables });
  if (errors?.length) throw errors[0];
  return data?.[field.alias?.value ?? field.name.value] ?? null;
}

function asGraphQLError(error: unknown): GraphQLError {
  return error instanceof GraphQLError ? error : new GraphQLError((error as Error).message, { originalError: error as Error });
}

