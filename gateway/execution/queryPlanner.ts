/**
 * The gateway's one seam to a query planner: an operation in, the plan the executor runs out
 * (planRun.ts; its node types are @apollo/query-planner's). Apollo's planner is the default;
 * Hive Router's Rust planner (GATEWAY_QUERY_PLANNER=hive) answers in its own plan format, which
 * `fromHivePlan` translates into the same node types.
 */
import { createRequire } from 'node:module';
import { operationFromDocument, type Schema, type Supergraph } from '@apollo/federation-internals';
import { QueryPlanner } from '@apollo/query-planner';
import type { FetchDataRewrite, FetchNode, PlanNode, QueryPlanSelectionNode, SubscriptionNode } from '@apollo/query-planner';
import type * as hive from '@graphql-hive/router-query-planner';
import { getOperationAST, Kind, OperationTypeNode, parse, print, visit, type DefinitionNode, type DocumentNode, type FieldNode, type OperationDefinitionNode } from 'graphql';

export type PlannerKind = 'apollo' | 'hive';

export interface OperationPlanner {
  /** The plan of `operationName` (or the document's only operation); undefined when nothing needs fetching. */
  plan(document: DocumentNode, operationName: string | undefined): PlanNode | SubscriptionNode | undefined;
}

/**
 * Both plan `@defer` as Defer nodes. With `hive`, subscriptions are still planned by Apollo's
 * planner (built on the first one): on Hive's plans the subscription tests do not stream yet.
 */
export function createPlanner(kind: PlannerKind, supergraph: Supergraph, supergraphSdl: string, federationApiSchema: Schema): OperationPlanner {
  let apollo: QueryPlanner | undefined;
  const apolloPlan: OperationPlanner['plan'] = (document, operationName) =>
    (apollo ??= new QueryPlanner(supergraph, { incrementalDelivery: { enableDefer: true } })).buildQueryPlan(operationFromDocument(federationApiSchema, document, { operationName })).node;
  if (kind === 'apollo') return { plan: apolloPlan };
  // Loaded only when chosen: the default gateway never loads the native addon.
  const { QueryPlanner: HivePlanner } = createRequire(import.meta.url)('@graphql-hive/router-query-planner') as typeof hive;
  const planner = new HivePlanner(supergraphSdl);
  const noLabels = new Set<string>();
  return {
    plan: (document, operationName) =>
      getOperationAST(document, operationName)?.operation === OperationTypeNode.SUBSCRIPTION ? apolloPlan(document, operationName) : fromHivePlan(planner.plan(print(document), operationName, noLabels, 0)),
  };
}

/** Hive's plan of a query or mutation as the executor's node types; throws on what they cannot say. */
export function fromHivePlan(plan: hive.QueryPlan): PlanNode | undefined {
  return plan.node && planNode(plan.node);
}

function planNode(node: hive.PlanNode): PlanNode {
  switch (node.kind) {
    case 'Fetch':
      return fetchNode(node);
    case 'Sequence':
    case 'Parallel':
      return { kind: node.kind, nodes: node.nodes.map(planNode) };
    case 'Flatten':
      return { kind: 'Flatten', path: node.path.map(flattenSegment), node: planNode(node.node) };
    case 'Condition':
      return { kind: 'Condition', condition: node.condition, ifClause: node.ifClause && planNode(node.ifClause), elseClause: node.elseClause && planNode(node.elseClause) };
    case 'Defer':
      return {
        kind: 'Defer',
        primary: { subselection: node.primary.subselection, node: node.primary.node && planNode(node.primary.node) },
        deferred: node.deferred.map((deferred) => ({ ...deferred, node: deferred.node && planNode(deferred.node) })),
      };
    case 'BatchFetch':
      return batchFetch(node);
    case 'Subscription':
      throw new Error(`The Hive planner made a ${node.kind} node where the gateway cannot run one`);
  }
}

/**
 * A BatchFetch asks one subgraph for the entities of several paths in one request, an `_entities`
 * alias per group of paths: here one Apollo-style entity fetch per alias, under a Flatten for each
 * of its paths (the fetcher joins `_entities` fetches of one turn again).
 */
function batchFetch(node: hive.BatchFetchNode): PlanNode {
  const document = parse(node.operation);
  const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  const nodes = node.entityBatch.aliases.flatMap((alias) => {
    const field = operation.selectionSet.selections.find((selection): selection is FieldNode => selection.kind === Kind.FIELD && selection.alias?.value === alias.alias);
    if (!field) throw new Error(`The Hive planner's BatchFetch has no field ${alias.alias}`);
    const { used, text } = entitiesOperation(operation, field, fragments, alias.representationsVariableName);
    const fetch = fetchNode({ kind: 'Fetch', serviceName: node.serviceName, operationKind: node.operationKind, operationName: node.operationName, operation: text, variableUsages: node.variableUsages?.filter((name) => used.has(name)), ...alias });
    return alias.paths.map((path): PlanNode => ({ kind: 'Flatten', path: path.map(flattenSegment), node: fetch }));
  });
  return nodes.length === 1 ? nodes[0]! : { kind: 'Parallel', nodes };
}

/** The operation of one `_entities` alias alone, its representations in `$representations` as Apollo's plans name them. */
function entitiesOperation(operation: OperationDefinitionNode, field: FieldNode, fragments: readonly DefinitionNode[], representations: string): { used: Set<string>; text: string } {
  const renamed = visit({ ...field, alias: undefined }, { Variable: (variable) => (variable.name.value === representations ? { ...variable, name: { ...variable.name, value: 'representations' } } : undefined) });
  const used = new Set<string>();
  const spread = new Set<string>();
  const collect = (node: object) => visit(node as FieldNode, { Variable: (variable) => void used.add(variable.name.value), FragmentSpread: (fragment) => void spread.add(fragment.name.value) });
  collect(renamed);
  const kept = fragments.filter((fragment) => fragment.kind === Kind.FRAGMENT_DEFINITION && spread.has(fragment.name.value));
  kept.forEach(collect);
  const definition: OperationDefinitionNode = {
    ...operation,
    variableDefinitions: operation.variableDefinitions?.flatMap((definition) => {
      const name = definition.variable.name.value === representations ? 'representations' : definition.variable.name.value;
      return used.has(name) ? [{ ...definition, variable: { ...definition.variable, name: { ...definition.variable.name, value: name } } }] : [];
    }),
    selectionSet: { ...operation.selectionSet, selections: [renamed] },
  };
  return { used, text: print({ kind: Kind.DOCUMENT, definitions: [definition, ...kept] }) };
}

function fetchNode(node: hive.FetchNode): FetchNode {
  const renames: FetchDataRewrite[] = [];
  const inputRewrites = [...(node.inputRewrites?.flatMap(rewrite) ?? [])];
  return {
    kind: 'Fetch',
    serviceName: node.serviceName,
    variableUsages: node.variableUsages ?? [],
    requires: node.requires?.map((required) => selection(required, [], renames)),
    operation: node.operation,
    operationName: node.operationName,
    operationKind: (node.operationKind ?? 'query') as OperationTypeNode,
    // Renamed keys first: Hive's own input rewrites name the keys the subgraph gets.
    inputRewrites: renames.length + inputRewrites.length > 0 ? [...renames, ...inputRewrites] : undefined,
    outputRewrites: node.outputRewrites?.flatMap(rewrite),
  };
}

/** A type condition in a Flatten path, as @apollo/gateway's executor writes one: `|[A,B]`. */
function flattenSegment(segment: hive.FlattenNodePathSegment): string {
  if (segment === '@') return '@';
  if ('Field' in segment) return segment.Field;
  return `|[${segment.TypeCondition.join(',')}]`;
}

/**
 * A `requires` selection in Apollo's terms. Hive's `alias` is the key the subgraph gets for a
 * value the gateway holds under `name` (a field fetched with other arguments under an internal
 * alias); Apollo reads and sends one key, so that is a KeyRenamer input rewrite, in `renames`.
 */
function selection(node: hive.RequiresSelection, path: string[], renames: FetchDataRewrite[]): QueryPlanSelectionNode {
  if (node.kind === 'Field') {
    const at = [...path, node.name];
    const selections = node.selections?.map((inner) => selection(inner, at, renames));
    // After the keys inside it, whose paths name this one as the gateway holds it.
    if (node.alias && node.alias !== node.name) renames.push({ kind: 'KeyRenamer', path: at, renameKeyTo: node.alias });
    return { kind: 'Field', name: node.name, selections };
  }
  // Entity representations are built without the operation's variables.
  if (node.kind === 'FragmentSpread' || node.skipIf || node.includeIf) throw new Error('The Hive planner made a conditional or fragment `requires` the gateway cannot build');
  const at = [...path, `... on ${node.typeCondition}`];
  return { kind: 'InlineFragment', typeCondition: node.typeCondition, selections: node.selections.map((inner) => selection(inner, at, renames)) };
}

/** One Apollo rewrite per type a `TypenameEquals` step names (an object has one type, so at most one applies). */
function rewrite(rewrite: hive.FetchRewrite): FetchDataRewrite[] {
  const [path, make] =
    'KeyRenamer' in rewrite
      ? [rewrite.KeyRenamer.path, (path: string[]): FetchDataRewrite => ({ kind: 'KeyRenamer', path, renameKeyTo: rewrite.KeyRenamer.renameKeyTo })]
      : 'ValueSetter' in rewrite
        ? [rewrite.ValueSetter.path, (path: string[]): FetchDataRewrite => ({ kind: 'ValueSetter', path, setValueTo: rewrite.ValueSetter.setValueTo })]
        : [rewrite.path, (path: string[]): FetchDataRewrite => ({ kind: 'ValueSetter', path, setValueTo: rewrite.setValueTo })];
  let paths: string[][] = [[]];
  for (const segment of path) {
    const steps = 'Key' in segment ? [segment.Key] : segment.TypenameEquals.map((type) => `... on ${type}`);
    paths = paths.flatMap((prefix) => steps.map((step) => [...prefix, step]));
  }
  return paths.map(make);
}
