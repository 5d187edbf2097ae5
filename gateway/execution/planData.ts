/**
 * The data a plan run builds: one tree of the subgraphs' answers merged, read at a Flatten's path,
 * turned into entity representations for `_entities` fetches and rewritten where the planner asks
 * (a field fetched under another name, a `__typename` the subgraph does not know). The same rules
 * as the federation query planner's reference executor, as its plans are written for them.
 */
import type { FetchDataRewrite, QueryPlanSelectionNode } from '@apollo/query-planner';
import { isAbstractType, isInterfaceType, isObjectType, Kind, type GraphQLSchema } from 'graphql';
import { setOwn } from './jsonData.ts';
import type { ResultPath } from './shape.ts';

export type DataObject = Record<string, unknown>;

const isObject = (value: unknown): value is DataObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Merges `source` into `target` in place: objects field by field, lists of the same length element by element. */
export function deepMerge(target: DataObject, source: unknown): void {
  if (!isObject(source)) return;
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (value === undefined || key === '__proto__') continue;
    const existing = target[key];
    if (isObject(existing) && isObject(value)) deepMerge(existing, value);
    else if (Array.isArray(value) && Array.isArray(existing) && value.length === existing.length) {
      for (let i = 0; i < value.length; i++) {
        if (isObject(existing[i]) && isObject(value[i])) deepMerge(existing[i] as DataObject, value[i]);
        else existing[i] = value[i];
      }
    } else target[key] = value;
  }
}

/** Whether `object` passes a type condition step of a Flatten path (`|[A,B]`, as @apollo/gateway writes them). */
function passesTypeCondition(step: string | number, object: unknown): boolean {
  return String(step).slice(2, -1).split(',').includes(String((object as DataObject).__typename));
}

const isTypeCondition = (step: string | number | undefined): boolean => typeof step === 'string' && step.startsWith('|[');

/** The values at `path` below `value`, lists (`@`) flattened; undefined where the path runs out or a type condition fails. */
export function flattenAtPath(value: unknown, path: readonly (string | number)[]): unknown {
  return flattenFrom(value, path, 0);
}

/**
 * `flattenAtPath` from the path's step `step` on. By position rather than copying the rest of the
 * path, and each list's values pushed onto one array rather than flat-mapped level by level: a
 * Flatten deep in a plan reaches hundreds of objects per operation.
 */
function flattenFrom(value: unknown, path: readonly (string | number)[], step: number): unknown {
  if (step === path.length || value === undefined || value === null) return value;
  const current = path[step];
  if (current === '@') {
    const into: unknown[] = [];
    pushEach(value, path, step + 1, into);
    return into;
  }
  if (isTypeCondition(current)) return passesTypeCondition(current!, value) ? flattenFrom(value, path, step + 1) : undefined;
  return flattenFrom(field(value, current), path, step + 1);
}

/** Onto `into`, for each element of the list `value`, what `flattenFrom` gives it, a list's elements one by one (as `flatMap`). */
function pushEach(value: unknown, path: readonly (string | number)[], step: number, into: unknown[]): void {
  if (!Array.isArray(value)) throw new TypeError(`Expected a list at a Flatten's "@", got ${typeof value}`);
  for (const element of value) pushFlattened(element, path, step, into);
}

function pushFlattened(value: unknown, path: readonly (string | number)[], step: number, into: unknown[]): void {
  if (step === path.length || value === undefined || value === null) {
    if (Array.isArray(value)) for (const element of value) into.push(element);
    else into.push(value);
    return;
  }
  const current = path[step];
  if (current === '@') return pushEach(value, path, step + 1, into);
  if (isTypeCondition(current)) {
    if (passesTypeCondition(current!, value)) pushFlattened(value, path, step + 1, into);
    else into.push(undefined);
    return;
  }
  pushFlattened(field(value, current), path, step + 1, into);
}

/** The field `step` of an object on a Flatten's path. */
function field(value: unknown, step: string | number | undefined): unknown {
  if (typeof step !== 'string' || Array.isArray(value)) throw new Error(`Unexpected path element ${String(step)} in the plan`);
  const object = value as DataObject;
  return Object.hasOwn(object, step) ? object[step] : undefined;
}

/** The concrete result paths (list positions filled in) of the objects a Flatten at `path` reaches. */
export function hydratedPaths(path: readonly (string | number)[], data: unknown, parent: ResultPath = [], into: ResultPath[] = []): ResultPath[] {
  if (data === undefined || data === null) return into;
  const [head, ...rest] = path;
  if (head === undefined) into.push(parent.slice());
  else if (head === '@') (data as unknown[]).forEach((value, index) => hydratedPaths(rest, value, [...parent, index], into));
  else if (isTypeCondition(head)) {
    if (passesTypeCondition(head!, data)) hydratedPaths(rest, data, parent, into);
  } else if (Array.isArray(data)) data.forEach((value, index) => hydratedPaths(path, value, [...parent, index], into));
  else if (Object.hasOwn(data as DataObject, head as string)) hydratedPaths(rest, (data as DataObject)[head as string], [...parent, head as string], into);
  return into;
}

/** Whether `object` (by its `__typename`) is of `typeCondition`; `whenUnknown` if it names no type. */
export function isObjectOfType(schema: GraphQLSchema, object: DataObject, typeCondition: string, whenUnknown = false): boolean {
  const typename = object.__typename;
  if (!typename) return whenUnknown;
  if (typename === typeCondition) return true;
  const type = schema.getType(String(typename));
  const condition = schema.getType(typeCondition);
  if (!type || !condition || !isAbstractType(condition)) return false;
  return (isObjectType(type) || isInterfaceType(type)) && schema.isSubType(condition, type);
}

/**
 * The representation a `requires` selection makes of an entity (its key and `@requires` fields),
 * or null if one of them is missing (the entity could not be completed upstream).
 */
export function representation(schema: GraphQLSchema, source: unknown, selections: readonly QueryPlanSelectionNode[]): DataObject | null {
  if (source === null || source === undefined) return null;
  const object = source as DataObject;
  // Plain, not null-prototype: every representation is serialised, and V8 does plain objects faster.
  const result: DataObject = {};
  for (const selection of selections) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.alias ?? selection.name;
      const value = Object.hasOwn(object, name) ? object[name] : undefined;
      if (value === undefined) return null;
      const inner = selection.selections;
      if (Array.isArray(value)) setOwn(result, name, value.map((element) => (inner ? representation(schema, element, inner) : element)));
      else setOwn(result, name, inner ? representation(schema, value, inner) : value);
    } else if (selection.typeCondition && isObjectOfType(schema, object, selection.typeCondition)) {
      deepMerge(result, representation(schema, object, selection.selections));
    }
  }
  return result;
}

const FRAGMENT_PREFIX = '... on ';

/** Applies the planner's rewrites to `value` in place: set a value, or rename a key, at a path. */
export function applyRewrites(schema: GraphQLSchema, rewrites: readonly FetchDataRewrite[] | undefined, value: unknown): void {
  for (const rewrite of rewrites ?? []) {
    if (rewrite.path.length === 0) continue;
    const field = rewrite.path[rewrite.path.length - 1]!;
    if (field.startsWith(FRAGMENT_PREFIX)) throw new Error(`Unexpected fragment as last element of ${rewrite.path.join('/')}`);
    applyAtPath(schema, rewrite.path.slice(0, -1), value, (object) => {
      if (rewrite.kind === 'ValueSetter') object[field] = rewrite.setValueTo;
      else {
        const renamed = Object.hasOwn(object, field) ? object[field] : undefined;
        if (renamed) {
          object[rewrite.renameKeyTo] = renamed;
          object[field] = undefined;
        }
      }
    });
  }
}

function applyAtPath(schema: GraphQLSchema, path: readonly string[], value: unknown, rewrite: (object: DataObject) => void): void {
  if (Array.isArray(value)) {
    for (const element of value) applyAtPath(schema, path, element, rewrite);
    return;
  }
  if (!isObject(value)) return;
  if (path.length === 0) return rewrite(value);
  const [first, ...rest] = path as [string, ...string[]];
  if (first.startsWith(FRAGMENT_PREFIX)) {
    if (isObjectOfType(schema, value, first.slice(FRAGMENT_PREFIX.length), true)) applyAtPath(schema, rest, value, rewrite);
  } else applyAtPath(schema, rest, Object.hasOwn(value, first) ? value[first] : undefined, rewrite);
}
