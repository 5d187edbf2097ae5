import { LRUCache } from 'lru-cache';
import { buildOperationContext } from '@apollo/gateway';
import type { FetchNode, PlanNode } from '@apollo/query-planner';
import {
  getNamedType,
  GraphQLError,
  isObjectType,
  Kind,
  parse,
  print,
  stripIgnoredCharacters,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  visit,
} from 'graphql';
import type { Federation } from '../execution/federation.ts';

type OperationContext = ReturnType<typeof buildOperationContext>;

/** Alias of the event id the gateway adds to what it asks the owning subgraph, to resume after it. */
export const CURSOR_ALIAS = 'hubCursor_';
const AFTER_VARIABLE = 'hubAfter_';

/** A subscription operation, planned once and shared by every subscriber that sends the same text. */
export interface SubscriptionPlan {
  /** The subgraph that owns the root field and streams the events. */
  subgraph: string;
  /** The root field's response key (its alias, or its name). */
  responseKey: string;
  /** The fetch that streams from `subgraph`; its data is each event as that subgraph serves it. */
  primary: FetchNode;
  /** Fetches from the other subgraphs that complete each event, as for a query. */
  rest?: PlanNode;
  operationContext: OperationContext;
  /** What `subgraph` is sent: the primary selection with the event id added under CURSOR_ALIAS. */
  upstreamQuery: string;
  /** The same with `after` set from a variable, to resume after the last event received; none if the field has no `after`. */
  resumeQuery?: string;
  /** The variable of `resumeQuery` that carries the event id to resume after. */
  afterVariable: string;
}

const PLAN_CACHE_SIZE = 500;

/**
 * Plans subscriptions with Apollo's query planner over the gateway's supergraph: a `Subscription`
 * node whose `primary` fetch streams from the owning subgraph and whose `rest` fetches the
 * other subgraphs' fields of each event. `@apollo/gateway` plans these too but refuses to run them.
 */
export class SubscriptionPlanner {
  private readonly plans = new LRUCache<string, SubscriptionPlan>({ max: PLAN_CACHE_SIZE });

  /** `apiSchema` is the gateway's own API schema, the one operations are validated against. */
  constructor(
    private readonly federation: Federation,
    private readonly apiSchema: () => GraphQLSchema,
  ) {}

  /** Plans a validated subscription document; throws a GraphQLError if it cannot be planned. */
  plan(document: DocumentNode, operationName: string | undefined, key: string): SubscriptionPlan {
    const cacheKey = `${operationName ?? ''}\n${key}`;
    const cached = this.plans.get(cacheKey);
    if (cached) return cached;
    const plan = this.planFresh(document, operationName);
    this.plans.set(cacheKey, plan);
    return plan;
  }

  private planFresh(document: DocumentNode, operationName: string | undefined): SubscriptionPlan {
    const node = this.federation().planner.plan(document, operationName);
    if (node?.kind !== 'Subscription') throw new GraphQLError('This subscription selects nothing that can be streamed.');
    const upstream = parse(node.primary.operation);
    const definition = upstream.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const root = definition?.selectionSet.selections[0];
    if (!definition || root?.kind !== Kind.FIELD) throw new GraphQLError('The subscription plan has no root field.');

    const schema = this.apiSchema();
    const field = schema.getSubscriptionType()?.getFields()[root.name.value];
    const eventType = field && getNamedType(field.type);
    const cursorField = isObjectType(eventType) ? ['eventId', 'id'].find((name) => name in eventType.getFields()) : undefined;
    const takenVariables = new Set(definition.variableDefinitions?.map((v) => v.variable.name.value));
    let afterVariable = AFTER_VARIABLE;
    while (takenVariables.has(afterVariable)) afterVariable += '_';

    const withCursor = cursorField ? addCursor(definition, root, cursorField) : definition;
    const hasAfter = field?.args.some((arg) => arg.name === 'after') ?? false;
    return {
      subgraph: node.primary.serviceName,
      responseKey: root.alias?.value ?? root.name.value,
      primary: node.primary,
      rest: node.rest,
      operationContext: buildOperationContext({ schema, operationDocument: document, operationName }),
      upstreamQuery: stripIgnoredCharacters(print({ ...upstream, definitions: [withCursor] })),
      resumeQuery: cursorField && hasAfter ? stripIgnoredCharacters(print({ ...upstream, definitions: [resumeAfter(withCursor, afterVariable)] })) : undefined,
      afterVariable,
    };
  }
}

/** The operation with `eventId` (or `id`) also selected under CURSOR_ALIAS on the root field. */
function addCursor(definition: OperationDefinitionNode, root: FieldNode, cursorField: string): OperationDefinitionNode {
  const cursor: FieldNode = { kind: Kind.FIELD, alias: { kind: Kind.NAME, value: CURSOR_ALIAS }, name: { kind: Kind.NAME, value: cursorField } };
  const selections = [...(root.selectionSet?.selections ?? []), cursor];
  return replaceRoot(definition, { ...root, selectionSet: { kind: Kind.SELECTION_SET, selections } });
}

/** The operation with the root field's `after` argument taken from `$variable` (a variable it replaces is dropped if unused). */
function resumeAfter(definition: OperationDefinitionNode, variable: string): OperationDefinitionNode {
  const root = definition.selectionSet.selections[0] as FieldNode;
  const variableNode = { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: variable } } as const;
  const args = [...(root.arguments ?? []).filter((arg) => arg.name.value !== 'after'), { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'after' }, value: variableNode } as const];
  const withArgument = replaceRoot(definition, { ...root, arguments: args });
  const used = new Set<string>();
  visit(withArgument.selectionSet, { Variable: (node) => void used.add(node.name.value) });
  return {
    ...withArgument,
    variableDefinitions: [
      ...(definition.variableDefinitions ?? []).filter((def) => used.has(def.variable.name.value)),
      { kind: Kind.VARIABLE_DEFINITION, variable: variableNode, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'ID' } } },
    ],
  };
}

function replaceRoot(definition: OperationDefinitionNode, root: FieldNode): OperationDefinitionNode {
  return { ...definition, selectionSet: { ...definition.selectionSet, selections: [root] } };
}
