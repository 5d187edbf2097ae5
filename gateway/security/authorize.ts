/**
 * Authorization at the gateway, before planning: the supergraph's `@authenticated` and
 * `@requiresScopes` decide which fields of an operation the caller may see. Fields it may not
 * are taken out of the document; the rest is planned and executed, and each removed field comes
 * back as null with a FORBIDDEN error naming the scopes (the engine's result shaping puts it back,
 * null propagation included). A mutation field it may not call, or a
 * subscription with any such field, refuses the whole operation: nothing is executed.
 */
import { createHash } from 'node:crypto';
import {
  getNamedType,
  getOperationAST,
  isInterfaceType,
  isObjectType,
  Kind,
  print,
  type DocumentNode,
  type FieldNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';
import { LRUCache } from 'lru-cache';
import { satisfies, type AccessRequirement, type Caller } from '../../platform/auth/caller.ts';
import { fieldRequirement, forbidden, readAccessPolicy, type AccessPolicy } from '../../platform/auth/policy.ts';
import type { HubError } from '../../platform/errors.ts';
import { fragmentsOf } from '../documents.ts';

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
 * Authorizes operations against one supergraph's policy, each answer cached per (operation,
 * caller's scopes): most requests pay a map lookup.
 */
export class OperationAuthorizer {
  private readonly policy: AccessPolicy;
  private readonly cache = new LRUCache<string, Authorization>({ max: CACHE_LIMIT });

  constructor(supergraphSdl: string) {
    this.policy = readAccessPolicy(supergraphSdl);
  }

  authorize(schema: GraphQLSchema, document: DocumentNode, queryHash: string, operationName: string | null | undefined, caller: Caller): Authorization {
    const key = `${queryHash}\n${operationName ?? ''}\n${caller.scopes.join(' ')}`;
    let authorization = this.cache.get(key);
    if (!authorization) {
      authorization = authorizeOperation(schema, document, operationName, this.policy, caller.scopes);
      this.cache.set(key, authorization);
    }
    return authorization;
  }
}
