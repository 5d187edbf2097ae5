/**
 * Rules every service applies to a GraphQL request's input, whatever its transport: how deep its
 * variables and extensions may nest, which operation of its document it runs, and which strings
 * an argument may carry. The gateway and every subgraph (Apollo and mercurius) call these, so a
 * subgraph refuses the same input on its own as it does behind the gateway.
 */
import { defaultFieldResolver, getOperationAST, isObjectType, Kind, type DocumentNode, type GraphQLFieldResolver, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { badInput, ErrorCode, requestError } from './errors.ts';

/**
 * Levels of lists and objects a request's variables or extensions may nest: far more than any
 * input type of the graph needs, far fewer than the recursive code that reads them (variable
 * coercion, hashing, JSON.stringify towards a subgraph) can take before the stack runs out.
 */
export const MAX_INPUT_DEPTH = 64;

/** Refuses a value nested deeper than MAX_INPUT_DEPTH; measured without recursion, so any depth is safe to measure. */
export function guardInputDepth(value: unknown, what: string): void {
  const pending: [unknown, number][] = [[value, 1]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth > MAX_INPUT_DEPTH) {
      throw requestError(ErrorCode.InputTooDeep, `${what} nest lists and objects more than ${MAX_INPUT_DEPTH} levels deep.`, { limit: MAX_INPUT_DEPTH });
    }
    for (const inner of Object.values(current)) pending.push([inner, depth + 1]);
  }
}

/**
 * Refuses a GraphQL request (a POST body, GET parameters, a graphql-ws payload) whose variables or
 * extensions nest too deep. GET parameters carry them as JSON text, read here as the server will.
 */
export function guardRequestDepth(params: { variables?: unknown; extensions?: unknown }): void {
  for (const key of ['variables', 'extensions'] as const) {
    let value = params[key];
    if (typeof value === 'string') {
      try {
        value = JSON.parse(value);
      } catch {
        continue; // Not JSON: the server refuses it as a bad request.
      }
    }
    guardInputDepth(value, `The request's ${key}`);
  }
}

/**
 * The operation a request runs: the one its `operationName` names, or the document's only one.
 * Otherwise OPERATION_NOT_FOUND or OPERATION_NAME_REQUIRED (400), listing the operations there are.
 */
export function resolveOperation(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode {
  const operation = getOperationAST(document, operationName);
  if (operation) return operation;
  const names = document.definitions.flatMap((definition) => (definition.kind === Kind.OPERATION_DEFINITION ? [definition.name?.value ?? '(anonymous)'] : []));
  if (operationName || names.length === 0) {
    const has = names.length === 0 ? 'no operation' : `only ${names.join(', ')}`;
    throw requestError(ErrorCode.OperationNotFound, `The document has no operation named "${operationName ?? ''}": it has ${has}.`, { operationName: operationName ?? null });
  }
  throw requestError(ErrorCode.OperationNameRequired, `The document has ${names.length} operations (${names.join(', ')}): name the one to run in operationName.`);
}

// A NUL character, or a UTF-16 surrogate without its other half: neither has a UTF-8 form, and
// PostgreSQL refuses both in text and in JSON.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What makes a string unstorable, or undefined when it is fine. */
export function unstorable(value: string): string | undefined {
  const found = UNSTORABLE.exec(value)?.[0];
  if (found === undefined) return undefined;
  if (found === '\u0000') return 'contains a NUL character (U+0000)';
  return `contains a lone UTF-16 surrogate (U+${found.charCodeAt(0).toString(16).toUpperCase()})`;
}

/** The path (`input.lines[2].description`) and problem of the first unstorable string in a field's arguments, keys included. */
function firstUnstorable(args: Record<string, unknown>): { path: string; problem: string } | undefined {
  const pending: [unknown, string][] = Object.entries(args).map(([name, value]) => [value, name]);
  while (pending.length > 0) {
    const [value, path] = pending.pop()!;
    if (typeof value === 'string') {
      const problem = unstorable(value);
      if (problem) return { path, problem };
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push([item, `${path}[${index}]`]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        const problem = unstorable(key);
        if (problem) return { path, problem: `has a key that ${problem}` };
        pending.push([inner, `${path}.${key}`]);
      }
    }
  }
  return undefined;
}

/** Refuses a field's arguments (as coerced) holding a NUL character or a lone surrogate anywhere: BAD_USER_INPUT naming the argument. */
export function refuseUnstorable(args: Record<string, unknown>): void {
  const found = firstUnstorable(args);
  if (found) throw badInput(found.path, `${found.problem}, which cannot be stored`);
}

/**
 * Makes every field with arguments refuse a NUL character or a lone surrogate in any string of
 * them (literal or variable, nested or not) with BAD_USER_INPUT naming the argument, before its
 * resolver or any database sees it. Changes the schema's fields in place; wrap it outermost.
 */
export function refuseUnstorableArguments(schema: GraphQLSchema): GraphQLSchema {
  const guard = <Source, Context>(inner: GraphQLFieldResolver<Source, Context>): GraphQLFieldResolver<Source, Context> =>
    (source, args, context, info) => {
      refuseUnstorable(args);
      return inner(source, args, context, info);
    };
  // A subscription refused as it starts fails its stream, so graphql-ws answers an `error`
  // message (as for an unknown `after`); a thrown error would read as one event and the end.
  const guardStream = <Source, Context>(inner: GraphQLFieldResolver<Source, Context>): GraphQLFieldResolver<Source, Context> =>
    (source, args, context, info) => {
      try {
        refuseUnstorable(args);
      } catch (error) {
        return failedStream(error);
      }
      return inner(source, args, context, info);
    };
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0) continue;
      field.resolve = guard(field.resolve ?? defaultFieldResolver);
      if (field.subscribe) field.subscribe = guardStream(field.subscribe);
    }
  }
  return schema;
}

async function* failedStream(error: unknown): AsyncGenerator<never> {
  throw error;
}
