import type { GraphQLDataSource } from '@apollo/gateway';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types.js';
import { applyRewrites, isObjectOfType } from '@apollo/gateway/dist/dataRewrites.js';
import { generateHydratedPaths } from '@apollo/gateway/dist/executeQueryPlan.js';
import { computeResponse } from '@apollo/gateway/dist/resultShaping.js';
import { deepMerge } from '@apollo/gateway/dist/utilities/deepMerge.js';
import {
  ERRORS,
  errorCodeDef,
  isCompositeType,
  isListType,
  isNonNullType,
  isObjectType,
  isSubtype,
  isValidLeafValue,
  operationFromDocument,
  type CompositeType,
  type Operation,
  type OutputType,
  type Schema,
  type SelectionSet,
} from '@apollo/federation-internals';
import type { FetchNode, PlanNode, QueryPlanSelectionNode, SubscriptionNode } from '@apollo/query-planner';
import type { GatewayExecutionResult, GatewayExecutor, GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { getVariableValues, GraphQLError, Kind, visit, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import type { Federation } from './federation.ts';

const PLAN_CACHE_SIZE = 500;

/** A planned operation this executor runs itself, or `undefined`: Apollo's executor runs it. */
interface Prepared {
  node: PlanNode | undefined;
  operation: Operation;
}

type ResultPath = (string | number)[];
interface Cursor {
  path: ResultPath;
  data: unknown;
  fullResult: Record<string, unknown>;
}

/**
 * Runs query plans made of Fetch, Sequence, Parallel and Flatten nodes — what every hub query and
 * the anchor query plan to — with what Apollo's executeQueryPlan does per request done once per
 * operation instead: the operation is built and planned once and kept with its plan, and the
 * result is shaped by a lean walk over that operation (see `shape`). Anything else (introspection,
 * @skip/@include/@defer, Condition and Defer nodes, mutations) goes to Apollo's executor unchanged,
 * and so does shaping any response that needs an error or a null propagated: Apollo's
 * `computeResponse` then shapes it, so those answers are Apollo's own, byte for byte.
 */
export class PlanExecutor {
  readonly #prepared = new Map<string, Prepared | undefined>();

  constructor(
    private readonly federation: Federation,
    private readonly dataSources: Record<string, GraphQLDataSource>,
  ) {}

  layer = (apollo: GatewayExecutor): GatewayExecutor => {
    return async (requestContext) => {
      const prepared = this.#prepare(requestContext);
      if (!prepared) return apollo(requestContext);
      const variableDefinitions = requestContext.operation?.variableDefinitions;
      if (variableDefinitions?.length) {
        const { errors } = getVariableValues(requestContext.schema, variableDefinitions, requestContext.request.variables ?? {});
        if (errors) return { errors };
      }
      return this.#execute(prepared, requestContext);
    };
  };

  #prepare(requestContext: GatewayGraphQLRequestContext): Prepared | undefined {
    const { document, queryHash, request } = requestContext;
    const key = `${request.operationName ?? ''}\n${queryHash}`;
    if (this.#prepared.has(key)) return this.#prepared.get(key);
    const prepared = requestContext.operation?.operation === 'query' && plainDocument(document) ? this.#plan(document, request.operationName) : undefined;
    if (this.#prepared.size >= PLAN_CACHE_SIZE) this.#prepared.delete(this.#prepared.keys().next().value!);
    this.#prepared.set(key, prepared);
    return prepared;
  }

  #plan(document: DocumentNode, operationName: string | undefined): Prepared | undefined {
    const { planner, federationApiSchema } = this.federation();
    let operation: Operation;
    try {
      operation = operationFromDocument(federationApiSchema, document, { operationName });
    } catch {
      return undefined; // Apollo's executor reports it.
    }
    const { node } = planner.buildQueryPlan(operation);
    return node === undefined || supportedNode(node) ? { node, operation } : undefined;
  }

  async #execute({ node, operation }: Prepared, requestContext: GatewayGraphQLRequestContext): Promise<GatewayExecutionResult> {
    const errors: GraphQLError[] = [];
    const data: Record<string, unknown> = Object.create(null);
    const run = new PlanRun(this.federation().supergraphSchema, this.dataSources, requestContext, errors);
    if (node) await run.node(node, { path: [], data, fullResult: data });
    try {
      const shaped = shape(operation, data);
      if (shaped !== BAIL) return errors.length === 0 ? { data: shaped } : { errors, data: shaped };
      const variables = { ...operation.collectDefaultedVariableValues(), ...requestContext.request.variables };
      const response = computeResponse({ operation, variables, input: data, introspectionHandling: () => null });
      if (errors.length === 0 && response.errors.length > 0) return { extensions: { valueCompletion: response.errors }, data: response.data };
      return errors.length === 0 ? { data: response.data } : { errors, data: response.data };
    } catch (error) {
      return { errors: [error instanceof GraphQLError ? error : new GraphQLError((error as Error).message, { originalError: error as Error })] };
    }
  }
}

/** No directives on any selection and no introspection: what `shape` and the plan runner cover. */
function plainDocument(document: DocumentNode): boolean {
  let plain = true;
  visit(document, {
    Directive: () => void (plain = false),
    Field: (field) => void (field.name.value === '__schema' || field.name.value === '__type' ? (plain = false) : undefined),
  });
  return plain;
}

function supportedNode(node: PlanNode | SubscriptionNode): node is PlanNode {
  switch (node.kind) {
    case 'Fetch':
      return true;
    case 'Flatten':
      return supportedNode(node.node);
    case 'Sequence':
    case 'Parallel':
      return node.nodes.every(supportedNode);
    default:
      return false;
  }
}

/** One request's run of a plan: Apollo's executeNode/executeFetch without tracing. */
class PlanRun {
  constructor(
    private readonly supergraphSchema: GraphQLSchema,
    private readonly dataSources: Record<string, GraphQLDataSource>,
    private readonly requestContext: GatewayGraphQLRequestContext,
    private readonly errors: GraphQLError[],
  ) {}

  async node(node: PlanNode, cursor: Cursor | undefined): Promise<void> {
    if (!cursor) return;
    switch (node.kind) {
      case 'Sequence':
        for (const child of node.nodes) await this.node(child, cursor);
        return;
      case 'Parallel':
        await Promise.all(node.nodes.map((child) => this.node(child, cursor)));
        return;
      case 'Flatten':
        return this.node(node.node, moveIntoCursor(cursor, node.path));
      case 'Fetch':
        try {
          await this.fetch(node, cursor);
        } catch (error) {
          this.errors.push(error as GraphQLError);
        }
        return;
      default:
        throw new Error(`Unsupported plan node ${node.kind}`);
    }
  }

  async fetch(fetch: FetchNode, cursor: Cursor): Promise<void> {
    const entities = (Array.isArray(cursor.data) ? cursor.data.filter((entity) => entity != null) : [cursor.data]) as Record<string, unknown>[];
    if (entities.length < 1) return;
    const provided = this.requestContext.request.variables;
    const variables: Record<string, unknown> = Object.create(null);
    for (const name of fetch.variableUsages ?? []) if (provided && Object.hasOwn(provided, name) && provided[name] !== undefined) variables[name] = provided[name];

    if (!fetch.requires) {
      const received = await this.send(fetch, cursor, variables);
      if (received) applyRewrites(this.supergraphSchema, fetch.outputRewrites, received);
      for (const entity of entities) deepMerge(entity, received);
      return;
    }
    const representations: Record<string, unknown>[] = [];
    const representationToEntity: number[] = [];
    entities.forEach((entity, index) => {
      const representation = selectRequired(this.supergraphSchema, entity, fetch.requires!);
      if (representation?.__typename) {
        applyRewrites(this.supergraphSchema, fetch.inputRewrites, representation);
        representations.push(representation);
        representationToEntity.push(index);
      }
    });
    if (representations.length < 1) return;
    if ('representations' in variables) throw new Error(`Variables cannot contain key "representations"`);
    const received = await this.send(fetch, cursor, { ...variables, representations });
    if (!received) return;
    const answered = received._entities;
    if (!Array.isArray(answered)) throw new Error(`Expected "data._entities" in response to be an array`);
    if (answered.length !== representations.length) throw new Error(`Expected "data._entities" to contain ${representations.length} elements`);
    for (let i = 0; i < entities.length; i++) {
      const entity = answered[i] as Record<string, unknown> | null | undefined;
      const existing = entities[representationToEntity[i]!];
      if (entity && !entity.__typename) entity.__typename = existing?.__typename;
      applyRewrites(this.supergraphSchema, fetch.outputRewrites, entity as Record<string, unknown>);
      deepMerge(existing, entity);
    }
  }

  async send(fetch: FetchNode, cursor: Cursor, variables: Record<string, unknown>): Promise<Record<string, unknown> | null | undefined> {
    const service = this.dataSources[fetch.serviceName];
    if (!service) throw new Error(`Couldn't find service with name "${fetch.serviceName}"`);
    const response = await service.process({
      kind: GraphQLDataSourceRequestKind.INCOMING_OPERATION,
      request: { query: fetch.operation, variables, operationName: fetch.operationName },
      incomingRequestContext: this.requestContext,
      context: this.requestContext.context,
      document: fetch.operationDocumentNode,
      pathInIncomingRequest: cursor.path,
    });
    if (response.errors) {
      const errorPath = lazyErrorPath(fetch, cursor);
      this.errors.push(...response.errors.map((error) => downstreamServiceError(error, fetch.serviceName, errorPath)));
    }
    return response.data as Record<string, unknown> | null | undefined;
  }
}

function lazyErrorPath(fetch: FetchNode, cursor: Cursor): (path: GraphQLFormattedError['path']) => ResultPath | undefined {
  let hydrated: ResultPath[] | undefined;
  return (path) => {
    if (fetch.requires && typeof path?.[1] === 'number') {
      if (!hydrated) generateHydratedPaths([], cursor.path, cursor.fullResult, (hydrated = []));
      return [...(hydrated[path[1]] ?? []), ...path.slice(2)];
    }
    return path ? [...cursor.path, ...path] : undefined;
  };
}

function downstreamServiceError(original: GraphQLFormattedError, serviceName: string, errorPath: (path: GraphQLFormattedError['path']) => ResultPath | undefined): GraphQLError {
  const message = original.message || `Error while fetching subquery from service "${serviceName}"`;
  const options = { originalError: original as Error, path: errorPath(original.path), extensions: { ...original.extensions, serviceName } };
  const code = errorCodeDef(original);
  if (!code && original.extensions?.code) return new GraphQLError(message, options);
  return (code ?? ERRORS.DOWNSTREAM_SERVICE_ERROR).err(message, options);
}

/** The `@requires`/key selection of an entity, as Apollo builds a representation (null if a field is missing). */
function selectRequired(schema: GraphQLSchema, source: unknown, selections: readonly QueryPlanSelectionNode[]): Record<string, unknown> | null {
  if (source === null) return null;
  const object = source as Record<string, unknown>;
  const result: Record<string, unknown> = Object.create(null);
  for (const selection of selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.alias ?? selection.name;
      const value = object[name];
      if (!Object.hasOwn(object, name) || value === undefined) return null;
      const inner = selection.selections;
      if (Array.isArray(value)) result[name] = value.map((element) => (inner ? selectRequired(schema, element, inner) : element));
      else result[name] = inner ? selectRequired(schema, value, inner) : value;
    } else if (selection.typeCondition && isObjectOfType(schema, object, selection.typeCondition)) {
      deepMerge(result, selectRequired(schema, object, selection.selections));
    }
  }
  return result;
}

function moveIntoCursor(cursor: Cursor, path: ResultPath): Cursor | undefined {
  const data = flattenAtPath(cursor.data, path);
  return data ? { path: cursor.path.concat(path), data, fullResult: cursor.fullResult } : undefined;
}

function flattenAtPath(value: unknown, path: ResultPath): unknown {
  if (path.length === 0 || value == null) return value;
  const [current, ...rest] = path;
  if (current === '@') return (value as unknown[]).flatMap((element) => flattenAtPath(element, rest));
  if (typeof current !== 'string' || Array.isArray(value)) throw new Error(`Unexpected path element ${current}`);
  const object = value as Record<string, unknown>;
  return flattenAtPath(Object.hasOwn(object, current) ? object[current] : undefined, rest);
}

// Result shaping.

/** `shape` met something only Apollo's `computeResponse` answers the way Apollo does (an error, a null to propagate). */
const BAIL = Symbol('bail');

/** A selection set's fields for one runtime type, fragments flattened in order. */
interface ShapedField {
  responseName: string;
  typename: boolean;
  type: OutputType;
  selectionSet: SelectionSet | undefined;
}

const flattened = new WeakMap<SelectionSet, Map<string, ShapedField[]>>();

function fieldsFor(selectionSet: SelectionSet, runtimeType: CompositeType): ShapedField[] {
  let byType = flattened.get(selectionSet);
  if (!byType) flattened.set(selectionSet, (byType = new Map()));
  let fields = byType.get(runtimeType.name);
  if (!fields) byType.set(runtimeType.name, (fields = collect(selectionSet, runtimeType, [])));
  return fields;
}

function collect(selectionSet: SelectionSet, runtimeType: CompositeType, into: ShapedField[]): ShapedField[] {
  for (const selection of selectionSet.selections()) {
    if (selection.kind === 'FieldSelection') {
      const field = selection.element;
      into.push({ responseName: field.responseName(), typename: field.name === '__typename', type: field.definition.type!, selectionSet: selection.selectionSet });
    } else {
      const condition = selection.element.typeCondition;
      if (!condition || isSubtype(condition, runtimeType)) collect(selection.selectionSet, runtimeType, into);
    }
  }
  return into;
}

/**
 * The response data for `operation` out of the merged subgraph data: the fields the client asked
 * for, under their aliases, in the operation's order, `__typename` as the client sees it. The same
 * walk as Apollo's `computeResponse` over fields flattened once per selection set and runtime type,
 * without paths or per-value result objects; it gives up with BAIL where that would add an error.
 */
function shape(operation: Operation, input: Record<string, unknown>): Record<string, unknown> | typeof BAIL {
  const schema = operation.schema();
  const root = schema.schemaDefinition.rootType(operation.rootKind)!;
  const output: Record<string, unknown> = Object.create(null);
  return shapeObject(schema, operation.selectionSet, root, input, output) ? output : BAIL;
}

function shapeObject(schema: Schema, selectionSet: SelectionSet, runtimeType: CompositeType, input: Record<string, unknown>, output: Record<string, unknown>): boolean {
  for (const field of fieldsFor(selectionSet, runtimeType)) {
    const existing = output[field.responseName];
    if (field.typename) {
      if (existing === undefined) output[field.responseName] = runtimeType.name;
      continue;
    }
    if (existing === null || (existing !== undefined && !field.selectionSet)) continue;
    const value = shapeValue(schema, field.type, input[field.responseName] ?? null, field.selectionSet, existing);
    if (value === BAIL) return false;
    output[field.responseName] = value;
  }
  return true;
}

function shapeValue(schema: Schema, type: OutputType, input: unknown, selectionSet: SelectionSet | undefined, existing: unknown): unknown {
  if (isNonNullType(type)) {
    const value = shapeValue(schema, type.ofType, input, selectionSet, existing);
    return value === null ? BAIL : value;
  }
  if (input === null) return null;
  if (isListType(type)) {
    if (!Array.isArray(input) || (existing !== undefined && (!Array.isArray(existing) || existing.length !== input.length))) return BAIL;
    const list = new Array<unknown>(input.length);
    for (let i = 0; i < input.length; i++) {
      const value = shapeValue(schema, type.ofType, input[i], selectionSet, (existing as unknown[] | undefined)?.[i]);
      if (value === BAIL) return BAIL;
      list[i] = value;
    }
    return list;
  }
  if (isCompositeType(type)) {
    if (typeof input !== 'object' || !selectionSet) return BAIL;
    const typename = (input as Record<string, unknown>).__typename;
    const runtimeType = typename === undefined ? type : typeof typename === 'string' ? schema.type(typename) : undefined;
    // Without a __typename an abstract type's fragments need Apollo's rules; an unknown one is an error.
    if (!runtimeType || !isObjectType(runtimeType)) return BAIL;
    const output = (existing ?? Object.create(null)) as Record<string, unknown>;
    return shapeObject(schema, selectionSet, runtimeType, input as Record<string, unknown>, output) ? output : BAIL;
  }
  if (existing !== undefined) return BAIL;
  return isValidLeafValue(schema, input, type as Parameters<typeof isValidLeafValue>[2]) ? input : BAIL;
}
