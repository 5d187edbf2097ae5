/**
 * Depth, alias, field and cost limits of one operation, checked after validation and before the
 * gateway plans or executes anything. The counts that do not depend on variables are kept per
 * document (Apollo caches parsed documents by hash, so a repeated document is measured once).
 */
import {
  getNamedType,
  GraphQLInt,
  getNullableType,
  isCompositeType,
  isInputType,
  isListType,
  Kind,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  typeFromAST,
  valueFromAST,
  type DocumentNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { LimitsConfig } from '../../platform/config.ts';
import { ErrorCode, requestError } from '../../platform/errors.ts';
import { fragmentsOf } from '../documents.ts';

/** What one operation asks for, fragments counted wherever they are spread. */
export interface OperationSize {
  depth: number;
  aliases: number;
  fields: number;
  cost: number;
}

/** A measure, and whether it depends on the request's variables (a `first: $n`). */
interface Measured {
  size: OperationSize;
  variableCost: boolean;
}

type Limits = Pick<LimitsConfig, 'depth' | 'aliases' | 'fields' | 'cost' | 'listSize'>;

/** The field a selection names on its parent type, introspection fields included. */
function fieldDef(schema: GraphQLSchema, parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === '__typename') return TypeNameMetaFieldDef;
  if (parent === schema.getQueryType()) {
    if (name === '__schema') return SchemaMetaFieldDef;
    if (name === '__type') return TypeMetaFieldDef;
  }
  return 'getFields' in parent ? parent.getFields()[name] : undefined;
}

/**
 * Measures one operation. Cost: every field counts 1 times the size of each list around it; a
 * list's size is its `first` argument, or `listSize` for an unbounded list. A field with `first`
 * that returns a connection object sizes the list fields directly inside it (`nodes`), which then
 * do not multiply again. Each fragment is measured once per multiplier, so fragment bombs stay cheap.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  listSize: number,
): Measured {
  const fragments = fragmentsOf(document);
  const variableDefaults = Object.fromEntries(
    (operation.variableDefinitions ?? []).flatMap((definition) => {
      const type = typeFromAST(schema, definition.type);
      return definition.defaultValue && type && isInputType(type) ? [[definition.variable.name.value, valueFromAST(definition.defaultValue, type)]] : [];
    }),
  );
  const memo = new Map<string, OperationSize>();
  let variableCost = false;

  const measure = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, sizedByConnection: boolean, visiting: Set<string>): OperationSize => {
    const total: OperationSize = { depth: 0, aliases: 0, fields: 0, cost: 0 };
    const add = (size: OperationSize) => {
      total.depth = Math.max(total.depth, size.depth);
      total.aliases += size.aliases;
      total.fields += size.fields;
      total.cost += size.cost;
    };
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = fieldDef(schema, parent, selection.name.value);
        const returns = field?.type;
        let multiplier = 1;
        let connection = false;
        const first = selection.arguments?.find((arg) => arg.name.value === 'first');
        const firstDefault = field?.args.find((arg) => arg.name === 'first');
        if (first?.value.kind === Kind.VARIABLE) variableCost = true;
        if (first || firstDefault) {
          const value = first ? valueFromAST(first.value, firstDefault?.type ?? GraphQLInt, { ...variableDefaults, ...variables }) : firstDefault?.defaultValue;
          // A `first` that is not a valid size is refused when variables are coerced; estimate it as unbounded.
          multiplier = Number.isSafeInteger(value) && (value as number) >= 0 ? (value as number) : listSize;
          connection = !returns || !isListType(getNullableType(returns));
        } else if (returns && isListType(getNullableType(returns)) && !sizedByConnection) {
          multiplier = listSize;
        }
        const named = returns ? getNamedType(returns) : undefined;
        const inner =
          selection.selectionSet && named && isCompositeType(named)
            ? measure(selection.selectionSet, named, connection, visiting)
            : { depth: 0, aliases: 0, fields: 0, cost: 0 };
        add({ depth: inner.depth + 1, aliases: inner.aliases + (selection.alias ? 1 : 0), fields: inner.fields + 1, cost: multiplier * (1 + inner.cost) });
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        add(measure(selection.selectionSet, condition && isCompositeType(condition) ? condition : parent, sizedByConnection, visiting));
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        const condition = fragment && schema.getType(fragment.typeCondition.name.value);
        // Validation refuses cycles and unknown fragments; this guard only keeps the walk finite.
        if (!fragment || !condition || !isCompositeType(condition) || visiting.has(name)) continue;
        const key = `${name}:${sizedByConnection}`;
        let size = memo.get(key);
        if (!size) {
          visiting.add(name);
          size = measure(fragment.selectionSet, condition, sizedByConnection, visiting);
          visiting.delete(name);
          memo.set(key, size);
        }
        add(size);
      }
    }
    return total;
  };

  const root = schema.getRootType(operation.operation);
  const size = root ? measure(operation.selectionSet, root, false, new Set()) : { depth: 0, aliases: 0, fields: 0, cost: 0 };
  return { size, variableCost };
}

/** Room for nested input literals (`{a: [{b: 1}]}`) above the field depth, in brackets. */
const LITERAL_NESTING = 64;

/**
 * Refuses a document nested far deeper than the depth limit before it is parsed: graphql-js
 * parses recursively, and a few thousand levels of brackets exhaust the stack. Counts `{`, `[`
 * and `(` outside strings and comments, in one pass.
 */
export function guardNesting(source: string, depthLimit: number): void {
  const limit = depthLimit + LITERAL_NESTING;
  let nesting = 0;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '#') {
      while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i++;
    } else if (char === '"') {
      const block = source.startsWith('"""', i);
      i += block ? 3 : 1;
      while (i < source.length && !(block ? source.startsWith('"""', i) : source[i] === '"' || source[i] === '\n')) i += source[i] === '\\' ? 2 : 1;
      if (block) i += 2;
    } else if (char === '{' || char === '[' || char === '(') {
      if (++nesting > limit) throw requestError(ErrorCode.QueryTooDeep, `The operation nests more than ${limit} brackets; at most ${depthLimit} levels of fields are allowed.`, { limit: depthLimit });
    } else if (char === '}' || char === ']' || char === ')') {
      nesting--;
    }
  }
}

/** Throws the refusal for the first limit the operation is over, with the limit and the measure. */
export function enforceLimits(size: OperationSize, limits: Limits): void {
  const checks: [keyof OperationSize, number, ErrorCode, string][] = [
    ['depth', limits.depth, ErrorCode.QueryTooDeep, `The operation nests ${size.depth} levels of fields; at most ${limits.depth} are allowed.`],
    ['aliases', limits.aliases, ErrorCode.TooManyAliases, `The operation has ${size.aliases} aliases; at most ${limits.aliases} are allowed.`],
    ['fields', limits.fields, ErrorCode.TooManyFields, `The operation selects ${size.fields} fields; at most ${limits.fields} are allowed.`],
    [
      'cost',
      limits.cost,
      ErrorCode.QueryTooCostly,
      `The operation's estimated cost is ${size.cost}; at most ${limits.cost} is allowed. Ask for smaller pages (\`first\`) or fewer fields.`,
    ],
  ];
  for (const [measure, limit, code, message] of checks) {
    if (size[measure] > limit) throw requestError(code, message, { limit, [measure]: size[measure] });
  }
}

/**
 * Checks operations against the limits, remembering the measure of each document and operation
 * for as long as the document is cached; a cost that depends on variables is measured per request.
 */
export class OperationLimits {
  private readonly measured = new WeakMap<DocumentNode, Map<string, OperationSize>>();

  constructor(private readonly limits: Limits) {}

  check(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): OperationSize {
    const key = operation.name?.value ?? '';
    let byOperation = this.measured.get(document);
    let size = byOperation?.get(key);
    if (!size) {
      const measured = measureOperation(schema, document, operation, variables ?? {}, this.limits.listSize);
      size = measured.size;
      if (!measured.variableCost) {
        if (!byOperation) this.measured.set(document, (byOperation = new Map()));
        byOperation.set(key, size);
      }
    }
    enforceLimits(size, this.limits);
    return size;
  }
}
