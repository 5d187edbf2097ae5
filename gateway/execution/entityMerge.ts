/**
 * Several `_entities` fetches to one subgraph as one operation: each fetch's `_entities` field
 * under an alias of its own, its variables and fragments renamed apart. Any federation subgraph
 * answers it (no HTTP batching needed); the answer splits back into one `_entities` answer per
 * fetch, each error going to the fetch its path names.
 */
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { Kind, parse, print, visit, type DefinitionNode, type DocumentNode, type FieldNode, type GraphQLFormattedError, type OperationDefinitionNode } from 'graphql';
import { LRUCache } from 'lru-cache';

/** The operation that carries several fetches, and how to fill in its variables. */
export interface MergedFetches {
  query: string;
  operationName: string | undefined;
  /** For each fetch, the names of its variables (`representations` among them). */
  variableNames: readonly (readonly string[])[];
}

const ALIAS = /^_(\d+)_entities$/;
const alias = (index: number) => `_${index}_entities`;
/** Names of fetch `index` in the merged operation: digits end every one, so two fetches' never meet. */
const renamed = (name: string, index: number) => `${name}__${index}`;

/** Merged operations by their fetches' documents (false: those cannot merge); a plan's side-by-side fetches meet again on every run. */
const merged = new LRUCache<string, MergedFetches | false>({ max: 1000 });

/**
 * The operation that carries the `_entities` fetches `queries` (one per fetch, in order), or
 * null when one of them is not a plain `_entities` query (then each goes out alone).
 */
export function mergeEntityQueries(queries: readonly string[]): MergedFetches | null {
  const key = queries.join('\u0000');
  let found = merged.get(key);
  if (found === undefined) {
    found = merge(queries) ?? false;
    merged.set(key, found);
  }
  return found || null;
}

function merge(queries: readonly string[]): MergedFetches | null {
  const operations: OperationDefinitionNode[] = [];
  const fragments: DefinitionNode[] = [];
  for (const [index, query] of queries.entries()) {
    let document: DocumentNode;
    try {
      document = parse(query);
    } catch {
      return null;
    }
    const apart = visit(document, {
      Variable: (node) => ({ ...node, name: { ...node.name, value: renamed(node.name.value, index) } }),
      FragmentSpread: (node) => ({ ...node, name: { ...node.name, value: renamed(node.name.value, index) } }),
      FragmentDefinition: (node) => ({ ...node, name: { ...node.name, value: renamed(node.name.value, index) } }),
    });
    const own = apart.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
    const operation = own[0];
    const field = operation?.selectionSet.selections[0];
    if (own.length !== 1 || operation!.operation !== 'query' || operation!.directives?.length || operation!.selectionSet.selections.length !== 1) return null;
    if (field?.kind !== Kind.FIELD || field.name.value !== '_entities' || field.alias || field.directives?.length) return null;
    operations.push({ ...operation!, selectionSet: { ...operation!.selectionSet, selections: [{ ...field, alias: { kind: Kind.NAME, value: alias(index) } } satisfies FieldNode] } });
    fragments.push(...apart.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION));
  }
  const operationName = operations[0]?.name?.value;
  const operation: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: operations[0]!.operation,
    ...(operationName !== undefined && { name: { kind: Kind.NAME, value: operationName } }),
    variableDefinitions: operations.flatMap((each) => each.variableDefinitions ?? []),
    selectionSet: { kind: Kind.SELECTION_SET, selections: operations.flatMap((each) => each.selectionSet.selections) },
  };
  const variableNames = operations.map((each, index) => (each.variableDefinitions ?? []).map((definition) => definition.variable.name.value.slice(0, -`__${index}`.length)));
  return { query: print({ kind: Kind.DOCUMENT, definitions: [operation, ...fragments] }), operationName, variableNames };
}

/** The merged operation's variables: each fetch's own (`representations` among them) under its renamed names. */
export function mergedVariables(merged: MergedFetches, variables: readonly Record<string, unknown>[]): Record<string, unknown> {
  const all: Record<string, unknown> = Object.create(null);
  merged.variableNames.forEach((names, index) => {
    for (const name of names) if (variables[index]![name] !== undefined) all[renamed(name, index)] = variables[index]![name];
  });
  return all;
}

/**
 * The merged answer as `count` answers of one `_entities` fetch each: fetch `i` gets the field
 * aliased for it, and the errors whose path starts there (its path renamed back); an error that
 * names no fetch (the request as a whole) goes to every fetch. Without `data` the subgraph
 * refused the operation as a whole: then undefined, and each fetch goes out alone.
 */
export function splitMergedAnswer(response: GatewayGraphQLResponse, count: number): GatewayGraphQLResponse[] | undefined {
  const data = response.data;
  if (!data) return undefined;
  const { errors, ...rest } = response;
  const errorsOf: GraphQLFormattedError[][] = Array.from({ length: count }, () => []);
  for (const error of errors ?? []) {
    const [field, ...path] = error.path ?? [];
    const match = typeof field === 'string' ? ALIAS.exec(field) : null;
    const index = match ? Number(match[1]) : undefined;
    if (index === undefined || index >= count) for (const own of errorsOf) own.push(error);
    else errorsOf[index]!.push({ ...error, path: ['_entities', ...path] });
  }
  const parts = errorsOf.map((own, index): GatewayGraphQLResponse => ({ ...rest, data: { _entities: data[alias(index)] }, ...(own.length > 0 && { errors: own }) }));
  return parts;
}
