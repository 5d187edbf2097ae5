/**
 * What the entity cache needs of a plan's fetch (worked out once per plan node): whether it fetches
 * entities, the hash of the fields it fetches, and which other entity types its answers show.
 */
import { createHash } from 'node:crypto';
import type { FetchNode } from '@apollo/query-planner';
import { Kind, getNamedType, isObjectType, parse, type FieldNode, type FragmentDefinitionNode, type GraphQLNamedType, type GraphQLSchema, type SelectionSetNode } from 'graphql';
import { HELD_BY } from '../../platform/events/changes.ts';

/** What the cache needs of a fetch, worked out once per plan node. */
export interface FetchShape {
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

/** The entity types (object types with a federation key) of the supergraph. */
function isEntity(type: GraphQLNamedType): boolean {
  return isObjectType(type) && (type.astNode?.directives ?? []).some((directive) => directive.name.value === 'join__type' && directive.arguments?.some((arg) => arg.name.value === 'key'));
}

export function fetchShape(schema: GraphQLSchema, fetch: FetchNode): FetchShape | null {
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
