/**
 * Result shaping: the response data for the client's operation out of the data merged from the
 * subgraphs, per the GraphQL spec's value completion: the fields the client asked for (after
 * `@skip`/`@include`), under its aliases, in its order, `__typename` as the client sees it, and
 * null propagation — a null in a non-null position nulls the nearest nullable parent. A field the
 * caller may not see (a denial) is null with its FORBIDDEN error, and propagates the same way.
 * Fragments under an active `@defer` are left out and handed back, each with the object it applies
 * to, so they can be shaped later into their own payload.
 */
import {
  GraphQLError,
  isAbstractType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isSpecifiedScalarType,
  Kind,
  GraphQLBoolean,
  GraphQLFloat,
  GraphQLID,
  GraphQLInt,
  type DirectiveNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLEnumType,
  type GraphQLField,
  type GraphQLLeafType,
  type GraphQLList,
  type GraphQLNonNull,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import type { AccessRequirement } from '../../platform/auth/caller.ts';
import { forbidden } from '../../platform/auth/policy.ts';
import { setOwn } from './jsonData.ts';

export type ResultPath = (string | number)[];

/** The denied fields of an operation as a tree of response keys (list positions not included). */
export interface DenialTree {
  requirement?: AccessRequirement;
  children: Map<string, DenialTree>;
}

export function denialTree(denials: readonly { path: readonly string[]; requirement: AccessRequirement }[]): DenialTree | undefined {
  if (denials.length === 0) return undefined;
  const root: DenialTree = { children: new Map() };
  for (const { path, requirement } of denials) {
    let node = root;
    for (const key of path) {
      let child = node.children.get(key);
      if (!child) node.children.set(key, (child = { children: new Map() }));
      node = child;
    }
    node.requirement = requirement;
  }
  return root;
}

/** A fragment under an active `@defer`, at one place in the result, to be shaped into a later payload. */
export interface DeferredFragment {
  /** The label the planner knows it by (see `labelDefers`). */
  label: string;
  path: ResultPath;
  selectionSet: SelectionSetNode;
  type: GraphQLCompositeType;
  typeKnown: boolean;
  /** The merged subgraph data of the object it applies to; later fetches fill it in place. */
  input: Record<string, unknown>;
  denials: DenialTree | undefined;
}

export interface ShapeOptions {
  schema: GraphQLSchema;
  fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  /** Coerced, defaults included. */
  variables: Record<string, unknown>;
  denials: DenialTree | undefined;
  /** Whether `@defer` splits fragments out (an incremental response) or is read as a plain fragment. */
  deferring: boolean;
  /** The label a `@defer` is planned under (the engine labels those the client did not). */
  deferLabel: (directive: DirectiveNode) => string | undefined;
  /** The value of a root `__schema` or `__type` field, answered against the API schema. */
  introspect?: (field: FieldNode) => unknown;
}

export interface Shaped {
  data: Record<string, unknown> | null;
  /** The errors of the data itself: denials (FORBIDDEN). */
  errors: GraphQLError[];
  /** Nulls and values the schema does not allow where no other error explains them. */
  completionErrors: GraphQLError[];
  deferred: DeferredFragment[];
}

/** A null that has already been explained by an error and propagates to the nearest nullable parent. */
const BUBBLE = Symbol('bubble');

/** Fields by response key, and the deferred fragments, of one selection for one runtime type. */
interface Collected {
  fields: Map<string, FieldNode[]>;
  deferred: { label: string; selectionSet: SelectionSetNode; type: GraphQLCompositeType }[];
  /** The fields' definitions on the type they were last completed for (a schema reload brings new type objects). */
  completions?: { type: GraphQLCompositeType; fields: FieldCompletion[] };
}

/** One response key of a collected selection with what completing it needs, looked up once. */
interface FieldCompletion {
  key: string;
  group: FieldNode[];
  name: string;
  /** Undefined for `__typename`, introspection and fields the type does not have. */
  definition: GraphQLField<unknown, unknown> | undefined;
  completion: Completion | undefined;
}

/**
 * How a value of one output type completes, read off the type once: graphql-js's type predicates
 * (`isListType`, ...) cost a check of the value's class name on every call outside production.
 */
type Completion =
  | { kind: 'nonNull'; type: GraphQLNonNull<GraphQLOutputType>; of: Completion }
  | { kind: 'list'; type: GraphQLList<GraphQLOutputType>; of: Completion }
  | { kind: 'composite'; type: GraphQLCompositeType }
  | LeafCompletion;

interface LeafCompletion {
  kind: 'leaf';
  type: GraphQLLeafType;
  /** A custom scalar: a subgraph may return any value for it. */
  anyValue: boolean;
  enumType: boolean;
}

/** Types are the schema's own objects (wrappers included, one per field), so a type's completion lives as long as its schema. */
const completions = new WeakMap<GraphQLOutputType, Completion>();

function completionOf(type: GraphQLOutputType): Completion {
  let completion = completions.get(type);
  if (completion) return completion;
  if (isNonNullType(type)) completion = { kind: 'nonNull', type, of: completionOf(type.ofType) };
  else if (isListType(type)) completion = { kind: 'list', type, of: completionOf(type.ofType) };
  else if (isObjectType(type) || isAbstractType(type)) completion = { kind: 'composite', type };
  else completion = { kind: 'leaf', type, anyValue: !isSpecifiedScalarType(type) && !isEnumType(type), enumType: isEnumType(type) };
  completions.set(type, completion);
  return completion;
}

/** Directive-free selections collect the same way every time; kept per field group and runtime type. */
const collectedCache = new WeakMap<object, Map<string, Collected>>();

/** Shapes `input` to the root selection set of an operation (or a deferred fragment's). */
export class Shaper {
  readonly errors: GraphQLError[] = [];
  readonly completionErrors: GraphQLError[] = [];
  readonly deferred: DeferredFragment[] = [];

  constructor(private readonly options: ShapeOptions) {}

  /** The data of `selectionSet` over `input`, an object of `type`; null if a non-null field nulled it. */
  object(selectionSet: SelectionSetNode, type: GraphQLCompositeType, typeKnown: boolean, input: Record<string, unknown>, path: ResultPath, denials: DenialTree | undefined): Record<string, unknown> | null {
    const collected = this.#collect(selectionSet, type, typeKnown);
    // One path for the whole walk, each step pushed and popped; errors and deferred fragments get copies.
    const shaped = this.#fields(collected, type, input, [...path], denials);
    return shaped === BUBBLE ? null : shaped;
  }

  result(data: Record<string, unknown> | null): Shaped {
    return { data, errors: this.errors, completionErrors: this.completionErrors, deferred: this.deferred };
  }

  #fields(collected: Collected, type: GraphQLCompositeType, input: Record<string, unknown>, path: ResultPath, denials: DenialTree | undefined): Record<string, unknown> | typeof BUBBLE {
    const { schema } = this.options;
    // A plain object, not a null-prototype one: V8 builds and serialises those much faster (keys go in by setOwn).
    const output: Record<string, unknown> = {};
    for (const { key, group, name, definition, completion } of fieldCompletions(collected, type)) {
      if (name === '__typename') {
        let value = Object.hasOwn(input, key) ? input[key] : undefined;
        if ((value === undefined || value === null) && key !== '__typename') value = input.__typename;
        const runtime = typeof value === 'string' ? (schema.getType(value) ?? type) : type;
        if (!isObjectType(runtime)) return BUBBLE;
        setOwn(output, key, runtime.name);
        continue;
      }
      if ((name === '__schema' || name === '__type') && path.length === 0 && this.options.introspect) {
        setOwn(output, key, this.options.introspect(group[0]!));
        continue;
      }
      if (!definition || !completion) throw new GraphQLError(`Cannot query field "${name}" on type "${type.name}".`, { path: [...path, key] });
      const denial = denials?.children.get(key);
      if (denial?.requirement) {
        this.errors.push(forbidden(denial.requirement, [...path, key]));
        if (completion.kind === 'nonNull') return BUBBLE;
        setOwn(output, key, null);
        continue;
      }
      const raw = Object.hasOwn(input, key) ? input[key] : undefined;
      path.push(key);
      const value = this.#value(completion, raw ?? null, group, path, denial, type.name);
      path.pop();
      if (value === BUBBLE) return BUBBLE;
      setOwn(output, key, value);
    }
    for (const fragment of collected.deferred) {
      this.deferred.push({ ...fragment, path: path.slice(), typeKnown: true, type: fragment.type, input, denials });
    }
    return output;
  }

  /** `path` is the walk's own, popped after: what keeps it (an error) gets a copy. */
  #value(completion: Completion, input: unknown, group: readonly FieldNode[], path: ResultPath, denials: DenialTree | undefined, parentName: string): unknown {
    if (completion.kind === 'nonNull') {
      const value = this.#nullable(completion.of, input, group, path, denials, parentName);
      if (value === null) {
        this.completionErrors.push(new GraphQLError(`Cannot return null for non-nullable ${describe(path, completion.type.ofType, parentName)}.`, { path: path.slice(), extensions: { code: 'INVALID_GRAPHQL' } }));
        return BUBBLE;
      }
      return value;
    }
    const value = this.#nullable(completion, input, group, path, denials, parentName);
    return value === BUBBLE ? null : value;
  }

  #nullable(completion: Completion, input: unknown, group: readonly FieldNode[], path: ResultPath, denials: DenialTree | undefined, parentName: string): unknown {
    if (input === null) return null;
    if (completion.kind === 'list') {
      if (!Array.isArray(input)) throw new GraphQLError(`Invalid non-list value ${JSON.stringify(input)} returned by subgraph for list type ${String(completion.type)}`, { path: path.slice() });
      const list = new Array<unknown>(input.length);
      for (let index = 0; index < input.length; index++) {
        path.push(index);
        const value = this.#value(completion.of, input[index] ?? null, group, path, denials, parentName);
        path.pop();
        if (value === BUBBLE) return BUBBLE;
        list[index] = value;
      }
      return list;
    }
    if (completion.kind === 'composite') {
      const { type } = completion;
      if (typeof input !== 'object') throw new GraphQLError(`Invalid non-object value ${JSON.stringify(input)} returned by subgraph for composite type ${type.name}`, { path: path.slice() });
      const object = input as Record<string, unknown>;
      const typename = object.__typename;
      let runtime: GraphQLCompositeType = type;
      if (typename !== undefined && typename !== null) {
        const named = typeof typename === 'string' ? this.options.schema.getType(typename) : undefined;
        if (!named || completionOf(named as GraphQLOutputType).kind !== 'composite') {
          this.completionErrors.push(new GraphQLError(`Invalid __typename found for object at ${describe(path, type, parentName)}.`, { path: path.slice(), extensions: { code: 'INVALID_GRAPHQL' } }));
          return BUBBLE;
        }
        runtime = named as GraphQLCompositeType;
      }
      const collected = this.#collect(group, runtime, typename !== undefined && typename !== null);
      return this.#fields(collected, runtime, object, path, denials);
    }
    // A non-null type here (never from a valid schema) was taken as a custom scalar.
    if (completion.kind !== 'leaf' || isValidLeaf(input, completion)) return input;
    this.completionErrors.push(new GraphQLError(`Invalid value found for ${describe(path, completion.type, parentName)}.`, { path: path.slice(), extensions: { code: 'INVALID_GRAPHQL' } }));
    return BUBBLE;
  }

  /**
   * The fields (and deferred fragments) of a selection set, or of a field group's selection sets,
   * for `type`, as GraphQL's CollectFields.
   */
  #collect(cacheKey: SelectionSetNode | readonly FieldNode[], type: GraphQLCompositeType, typeKnown: boolean): Collected {
    const typeKey = typeKnown ? type.name : `?${type.name}`;
    const cached = collectedCache.get(cacheKey)?.get(typeKey);
    if (cached) return cached;
    const selectionSets = Array.isArray(cacheKey) ? cacheKey.map((field: FieldNode) => field.selectionSet!) : [cacheKey as SelectionSetNode];
    const collected: Collected = { fields: new Map(), deferred: [] };
    let dynamic = false;
    const visitedFragments = new Set<string>();
    const walk = (selectionSet: SelectionSetNode, conditionType: GraphQLCompositeType): void => {
      for (const selection of selectionSet.selections) {
        if (selection.directives?.length) {
          dynamic = true;
          if (!this.#included(selection.directives)) continue;
        }
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          const group = collected.fields.get(key);
          if (group) group.push(selection);
          else collected.fields.set(key, [selection]);
          continue;
        }
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? this.options.fragments.get(selection.name.value) : undefined;
        if (selection.kind === Kind.FRAGMENT_SPREAD && !fragment) continue;
        const condition = selection.kind === Kind.INLINE_FRAGMENT ? selection.typeCondition : fragment!.typeCondition;
        const conditionNamed = condition ? this.options.schema.getType(condition.name.value) : undefined;
        if (condition && !(conditionNamed && applies(this.options.schema, conditionNamed as GraphQLCompositeType, typeKnown ? type : conditionType))) continue;
        const inner = selection.kind === Kind.INLINE_FRAGMENT ? selection.selectionSet : fragment!.selectionSet;
        const defer = this.options.deferring ? activeDefer(selection.directives, this.options.variables) : undefined;
        if (defer) {
          collected.deferred.push({ label: this.options.deferLabel(defer) ?? '', selectionSet: inner, type });
          continue;
        }
        if (fragment) {
          if (visitedFragments.has(fragment.name.value)) continue;
          visitedFragments.add(fragment.name.value);
        }
        walk(inner, (conditionNamed as GraphQLCompositeType | undefined) ?? conditionType);
      }
    };
    for (const selectionSet of selectionSets) walk(selectionSet, type);
    if (!dynamic) {
      let byType = collectedCache.get(cacheKey);
      if (!byType) collectedCache.set(cacheKey, (byType = new Map()));
      byType.set(typeKey, collected);
    }
    return collected;
  }

  #included(directives: readonly DirectiveNode[]): boolean {
    for (const directive of directives) {
      const name = directive.name.value;
      if (name !== 'skip' && name !== 'include') continue;
      const value = argumentValue(directive, 'if', this.options.variables);
      if (name === 'skip' && value === true) return false;
      if (name === 'include' && value !== true) return false;
    }
    return true;
  }
}

/** The `@defer` among `directives` if it is active (no `if:`, or `if:` true). */
export function activeDefer(directives: readonly DirectiveNode[] | undefined, variables: Record<string, unknown>): DirectiveNode | undefined {
  const defer = directives?.find((directive) => directive.name.value === 'defer');
  return defer && argumentValue(defer, 'if', variables) !== false ? defer : undefined;
}

function argumentValue(directive: DirectiveNode, name: string, variables: Record<string, unknown>): unknown {
  const argument = directive.arguments?.find((arg) => arg.name.value === name);
  return argument ? literalValue(argument.value, variables) : undefined;
}

function literalValue(value: ValueNode, variables: Record<string, unknown>): unknown {
  switch (value.kind) {
    case Kind.VARIABLE:
      return variables[value.name.value];
    case Kind.BOOLEAN:
    case Kind.STRING:
    case Kind.ENUM:
      return value.value;
    default:
      return undefined;
  }
}

/** Whether a fragment on `condition` applies to an object of `type`. */
function applies(schema: GraphQLSchema, condition: GraphQLCompositeType, type: GraphQLCompositeType): boolean {
  if (condition === type) return true;
  return isAbstractType(condition) && (isObjectType(type) || 'getInterfaces' in type) && schema.isSubType(condition, type as GraphQLObjectType);
}

/** The fields of `collected` with their definitions on `type`, looked up on the first completion for that type. */
function fieldCompletions(collected: Collected, type: GraphQLCompositeType): FieldCompletion[] {
  if (collected.completions?.type === type) return collected.completions.fields;
  const fields = [...collected.fields].map(([key, group]): FieldCompletion => {
    const name = group[0]!.name.value;
    const definition = name !== '__typename' && (isObjectType(type) || 'getFields' in type) ? (type as GraphQLObjectType).getFields()[name] : undefined;
    return { key, group, name, definition, completion: definition && completionOf(definition.type) };
  });
  collected.completions = { type, fields };
  return fields;
}

/** What a subgraph may return for a leaf: any value for a custom scalar, the right kind for the built-ins and enums. */
function isValidLeaf(value: unknown, leaf: LeafCompletion): boolean {
  if (leaf.anyValue) return true;
  const { type } = leaf;
  if (typeof value === 'boolean') return type === GraphQLBoolean;
  if (typeof value === 'number' && Number.isFinite(value)) return type === GraphQLInt || type === GraphQLID ? Number.isInteger(value) : type === GraphQLFloat;
  if (typeof value === 'string') return leaf.enumType ? (type as GraphQLEnumType).getValue(value) !== undefined : type !== GraphQLBoolean && type !== GraphQLInt && type !== GraphQLFloat;
  return false;
}

function describe(path: ResultPath, type: GraphQLOutputType, parentName: string): string {
  const last = path[path.length - 1];
  return typeof last === 'string' ? `field ${parentName}.${last}` : `array element of type ${String(type)} at index ${last}`;
}
