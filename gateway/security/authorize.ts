/**
 * Authorization at the gateway, before planning: the supergraph's `@authenticated` and
 * `@requiresScopes` decide which fields of an operation the caller may see. Fields it may not
 * are taken out of the document; the rest is planned and executed, and each removed field comes
 * back as null with a FORBIDDEN error naming the scopes. A mutation field it may not call, or a
 * subscription with any such field, refuses the whole operation: nothing is executed.
 */
import { createHash } from 'node:crypto';
import type { GatewayExecutor } from '@apollo/server-gateway-interface';
import {
  getNamedType,
  getOperationAST,
  isInterfaceType,
  isObjectType,
  Kind,
  print,
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import { satisfies, type AccessRequirement, type Caller } from '../../platform/auth/caller.ts';
import { fieldRequirement, forbidden, readAccessPolicy, type AccessPolicy } from '../../platform/auth/policy.ts';
import { unauthenticated } from '../../platform/auth/subgraphTokens.ts';
import type { HubError } from '../../platform/errors.ts';
import type { GatewayContext } from '../context.ts';
import { fragmentsOf } from '../documents.ts';
import type { RecordRefusal } from './auditTrail.ts';

/**
 * The supergraph as @apollo/gateway takes it. The gateway refuses a supergraph linking security
 * features it does not enforce itself (`for: SECURITY`), as the Router does enforce them; here
 * they are enforced by this file, so their links lose that purpose. Directives stay in place.
 */
export function supergraphForGateway(supergraphSdl: string): string {
  return supergraphSdl.replace(/(@link\(url: "https:\/\/specs\.apollo\.dev\/(?:authenticated|requiresScopes)\/v[\d.]+"), for: SECURITY\)/g, '$1)');
}

/** A field taken out of the operation: its response path (list positions not included) and what it needs. */
export interface Denial {
  path: readonly string[];
  requirement: AccessRequirement;
}

export type Authorization =
  | {
      kind: 'allowed';
      /** The operation to plan: the original when nothing was removed. */
      document: DocumentNode;
      source?: string;
      queryHash?: string;
      denials: readonly Denial[];
      /** Where a stand-in `__typename` keeps a selection set valid; removed from the result. */
      placeholders: readonly (readonly string[])[];
    }
  | { kind: 'refused'; errors: readonly HubError[] };

/** The response key of a stand-in selection, stripped from results. */
const PLACEHOLDER = '_authorizationPlaceholder';
const CACHE_LIMIT = 1000;

const typenameAs = (alias: string): FieldNode => ({ kind: Kind.FIELD, alias: { kind: Kind.NAME, value: alias }, name: { kind: Kind.NAME, value: '__typename' } });

/**
 * Decides what of one operation a caller with these scopes may run (see the file's comment).
 * Fragments are inlined where they are spread, so a field removed under one path is removed
 * there only. Pure: the same arguments give the same answer.
 */
export function authorizeOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  policy: AccessPolicy,
  scopes: readonly string[],
): Authorization {
  const operation = getOperationAST(document, operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return { kind: 'allowed', document, denials: [], placeholders: [] };
  const fragments = fragmentsOf(document);
  const denials: Denial[] = [];
  const placeholders: string[][] = [];

  const filter = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType, path: string[], spreading: ReadonlySet<string>): SelectionSetNode => {
    const kept = selectionSet.selections.flatMap((selection): SelectionNode[] => {
      if (selection.kind === Kind.FIELD) {
        const name = selection.name.value;
        const definition = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
        if (name.startsWith('__') || !definition) return [selection];
        const key = selection.alias?.value ?? name;
        const type = getNamedType(definition.type);
        const requirement = fieldRequirement(policy, parent.name, name, type.name);
        if (requirement && !satisfies(scopes, requirement)) {
          denials.push({ path: [...path, key], requirement });
          return [];
        }
        if (!selection.selectionSet) return [selection];
        return [{ ...selection, selectionSet: filter(selection.selectionSet, type as GraphQLCompositeType, [...path, key], spreading) }];
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as GraphQLCompositeType | undefined) : parent;
        if (!type) return [selection];
        return [{ ...selection, selectionSet: filter(selection.selectionSet, type, path, spreading) }];
      }
      const fragment = fragments.get(selection.name.value);
      const type = fragment && (schema.getType(fragment.typeCondition.name.value) as GraphQLCompositeType | undefined);
      // Unknown or cyclic fragments fail validation; they are left for it to report.
      if (!fragment || !type || spreading.has(fragment.name.value)) return [selection];
      const selections = filter(fragment.selectionSet, type, path, new Set([...spreading, fragment.name.value]));
      return [{ kind: Kind.INLINE_FRAGMENT, typeCondition: fragment.typeCondition, directives: selection.directives, selectionSet: selections }];
    });
    if (kept.length > 0) return { ...selectionSet, selections: kept };
    placeholders.push(path);
    return { ...selectionSet, selections: [typenameAs(PLACEHOLDER)] };
  };

  const selectionSet = filter(operation.selectionSet, root, [], new Set());
  if (denials.length === 0) return { kind: 'allowed', document, denials, placeholders: [] };
  const refusesWhole = operation.operation === 'subscription' || (operation.operation === 'mutation' && denials.some((denial) => denial.path.length === 1));
  if (refusesWhole) {
    const refused = operation.operation === 'mutation' ? denials.filter((denial) => denial.path.length === 1) : denials;
    return { kind: 'refused', errors: refused.map((denial) => forbidden(denial.requirement, denial.path)) };
  }
  const filtered: OperationDefinitionNode = { ...operation, selectionSet };
  const filteredDocument: DocumentNode = { kind: Kind.DOCUMENT, definitions: [filtered] };
  const source = print(filteredDocument);
  return { kind: 'allowed', document: filteredDocument, source, queryHash: createHash('sha256').update(source).digest('hex'), denials, placeholders };
}

/**
 * Puts each denied field back into a result as null with its FORBIDDEN error, at every place
 * its parent object is in the data (each element of a list), and drops the stand-ins.
 */
export function withDenials(result: ExecutionResult, authorization: Extract<Authorization, { kind: 'allowed' }>): ExecutionResult {
  const errors: HubError[] = [];
  const visit = (value: unknown, path: readonly string[], at: (string | number)[], leaf: (object: Record<string, unknown>, at: (string | number)[]) => void): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach((item, index) => visit(item, path, [...at, index], leaf));
    if (path.length === 0) return leaf(value as Record<string, unknown>, at);
    visit((value as Record<string, unknown>)[path[0]], path.slice(1), [...at, path[0]], leaf);
  };
  for (const path of authorization.placeholders) visit(result.data, path, [], (object) => delete object[PLACEHOLDER]);
  for (const { path, requirement } of authorization.denials) {
    const key = path[path.length - 1];
    visit(result.data, path.slice(0, -1), [], (object, at) => {
      object[key] = null;
      errors.push(forbidden(requirement, [...at, key]));
    });
  }
  return errors.length === 0 ? result : { ...result, errors: [...(result.errors ?? []), ...errors] };
}

/**
 * Authorizes operations against one supergraph's policy, each answer cached per (operation,
 * caller's scopes): most requests pay a map lookup.
 */
export class OperationAuthorizer {
  private readonly policy: AccessPolicy;
  private readonly cache = new Map<string, Authorization>();

  constructor(supergraphSdl: string) {
    this.policy = readAccessPolicy(supergraphSdl);
  }

  authorize(schema: GraphQLSchema, document: DocumentNode, queryHash: string, operationName: string | null | undefined, caller: Caller): Authorization {
    const key = `${queryHash}\n${operationName ?? ''}\n${caller.scopes.join(' ')}`;
    let authorization = this.cache.get(key);
    if (!authorization) {
      authorization = authorizeOperation(schema, document, operationName, this.policy, caller.scopes);
      if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
      this.cache.set(key, authorization);
    }
    return authorization;
  }
}

/**
 * Wraps the gateway's executor: the operation is authorized before it is planned; the inner
 * executor gets a request context whose document, source and hash are the authorized ones.
 * Refusals, of the whole operation or of some fields, are recorded (the gateway's audit trail).
 */
export function authorizingExecutor(inner: GatewayExecutor, authorizer: OperationAuthorizer, recordRefusal: RecordRefusal): GatewayExecutor {
  return async (requestContext) => {
    const context = requestContext.context as Partial<GatewayContext>;
    const { caller, log } = context;
    if (!caller) return { errors: [unauthenticated('Authentication required.')] };
    const { operationName } = requestContext.request;
    const authorization = authorizer.authorize(requestContext.schema, requestContext.document, requestContext.queryHash, operationName, caller);
    // The operation's own name, also when the request did not say which one to run.
    const refusedName = requestContext.operationName;
    if (authorization.kind === 'refused') {
      log?.warn({ actor: caller.sub, role: caller.role, operationName, refused: authorization.errors.map((error) => error.path) }, 'operation refused');
      recordRefusal({ caller, correlationId: context.correlationId ?? '' }, refusedName, authorization.errors);
      return { errors: [...authorization.errors] };
    }
    if (authorization.denials.length === 0) return inner(requestContext);
    recordRefusal(
      { caller, correlationId: context.correlationId ?? '' },
      refusedName,
      authorization.denials.map((denial) => forbidden(denial.requirement, denial.path)),
    );
    const { document, source, queryHash } = authorization;
    const operation = getOperationAST(document, operationName)!;
    const result = await inner({ ...requestContext, document, source: source!, queryHash: queryHash!, operation });
    return withDenials(result, authorization);
  };
}

