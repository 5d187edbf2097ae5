/**
 * Authorization declared in the schemas with Federation's `@authenticated` and `@requiresScopes`:
 * read here once, enforced by the gateway before planning (gateway/security/authorize.ts) and
 * again by every subgraph in its resolvers (`enforceAccess`).
 */
import {
  defaultFieldResolver,
  getNamedType,
  isObjectType,
  Kind,
  parse,
  type ConstDirectiveNode,
  type DirectiveNode,
  type DocumentNode,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  type ValueNode,
} from 'graphql';
import { ErrorCode, HubError } from '../errors.ts';
import { requirementMessage, satisfies, type AccessRequirement, type Caller } from './caller.ts';
import { unauthenticated } from './subgraphTokens.ts';

/** What a schema asks of callers: by `Type.field`, and by type (for every field returning it). */
export interface AccessPolicy {
  fields: ReadonlyMap<string, AccessRequirement>;
  types: ReadonlyMap<string, AccessRequirement>;
}

/** What a field asks: its own requirement and its type's, both. */
export function fieldRequirement(policy: AccessPolicy, parentType: string, field: string, returnType: string): AccessRequirement | undefined {
  return both(policy.fields.get(`${parentType}.${field}`), policy.types.get(returnType));
}

export function forbidden(requirement: AccessRequirement, path?: readonly (string | number)[]): HubError {
  const error = new HubError(ErrorCode.Forbidden, requirementMessage(requirement), { requiredScopes: requirement.scopes });
  return path ? Object.assign(error, { path }) : error;
}

/** `@link(url: ".../requiresScopes/v0.1", as: "x")` names the directive `x`; without `as`, by its spec. */
function importedName(document: DocumentNode, spec: string): string {
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const link of definition.directives ?? []) {
      if (link.name.value !== 'link') continue;
      const url = link.arguments?.find((arg) => arg.name.value === 'url')?.value;
      const as = link.arguments?.find((arg) => arg.name.value === 'as')?.value;
      if (url?.kind === Kind.STRING && url.value.includes(`/${spec}/`)) return as?.kind === Kind.STRING ? as.value : spec;
    }
  }
  return spec;
}

function stringLists(value: ValueNode | undefined): string[][] {
  if (value?.kind !== Kind.LIST) return [];
  return value.values.map((inner) => (inner.kind === Kind.LIST ? inner.values.flatMap((item) => (item.kind === Kind.STRING ? [item.value] : [])) : []));
}

/** Both requirements at once: every alternative of one with every alternative of the other. */
function both(a: AccessRequirement | undefined, b: AccessRequirement | undefined): AccessRequirement | undefined {
  if (!a || !b) return a ?? b;
  const scopes = a.scopes.length === 0 ? b.scopes : b.scopes.length === 0 ? a.scopes : a.scopes.flatMap((x) => b.scopes.map((y) => [...x, ...y]));
  return { authenticated: a.authenticated || b.authenticated, scopes };
}

/**
 * Reads `@authenticated` and `@requiresScopes` from SDL: a subgraph's schema, or the supergraph
 * (whose API schema drops them).
 */
export function readAccessPolicy(sdl: string): AccessPolicy {
  const document = parse(sdl);
  const authenticated = importedName(document, 'authenticated');
  const requiresScopes = importedName(document, 'requiresScopes');
  const requirementOf = (directives: readonly (ConstDirectiveNode | DirectiveNode)[] | undefined): AccessRequirement | undefined =>
    (directives ?? []).reduce<AccessRequirement | undefined>((found, directive) => {
      if (directive.name.value === authenticated) return both(found, { authenticated: true, scopes: [] });
      if (directive.name.value === requiresScopes) {
        return both(found, { authenticated: true, scopes: stringLists(directive.arguments?.find((arg) => arg.name.value === 'scopes')?.value) });
      }
      return found;
    }, undefined);
  const fields = new Map<string, AccessRequirement>();
  const types = new Map<string, AccessRequirement>();
  for (const definition of document.definitions) {
    if (!('fields' in definition) || !('name' in definition) || !definition.name) continue;
    const typeName = definition.name.value;
    const onType = requirementOf(definition.directives);
    if (onType) types.set(typeName, both(types.get(typeName), onType)!);
    for (const field of definition.fields ?? []) {
      const onField = requirementOf(field.directives);
      if (onField) fields.set(`${typeName}.${field.name.value}`, onField);
    }
  }
  return { fields, types };
}


/**
 * Makes a subgraph's resolvers check its schema's policy against `context.caller` (from the
 * gateway's token) before resolving: a field the caller may not see raises FORBIDDEN naming the
 * scopes; a live field refuses to subscribe. Changes the schema's fields in place.
 */
export function enforceAccess(schema: GraphQLSchema, policy: AccessPolicy): GraphQLSchema {
  const guard = (requirement: AccessRequirement, inner: GraphQLFieldResolver<unknown, { caller?: Caller }>): GraphQLFieldResolver<unknown, { caller?: Caller }> =>
    (source, args, context, info) => {
      if (!context.caller) throw unauthenticated('No caller: subgraphs serve requests with a gateway token only.');
      if (!satisfies(context.caller.scopes, requirement)) throw forbidden(requirement);
      return inner(source, args, context, info);
    };
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const requirement = fieldRequirement(policy, type.name, field.name, getNamedType(field.type).name);
      if (!requirement) continue;
      field.resolve = guard(requirement, field.resolve ?? defaultFieldResolver);
      if (field.subscribe) field.subscribe = guard(requirement, field.subscribe);
    }
  }
  return schema;
}
