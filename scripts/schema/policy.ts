// The hub's schema policy: graphql-inspector classifies each change between the released and the
// proposed API schema (breaking, dangerous, safe); the registered operations decide what a
// breaking change costs. See the README's "Schema governance".
import { ChangeType, CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  validate,
  type GraphQLSchema,
  type GraphQLType,
} from 'graphql';
import { coordinatesUsed } from '../../gateway/documents.ts';
import type { RegisteredOperation } from './operations.ts';

export type Level = 'breaking' | 'dangerous' | 'safe';
/** `fail` stops the check; `warn` passes it with a warning; `ok` passes it. */
export type Verdict = 'fail' | 'warn' | 'ok';

export interface OperationRef {
  client: string;
  name: string;
  source: string;
}

export interface ChangeVerdict {
  level: Level;
  verdict: Verdict;
  /** graphql-inspector's change type, e.g. `FIELD_REMOVED`. */
  type: string;
  message: string;
  /** Schema coordinate, e.g. `Customer.invoices.first`. */
  path: string | undefined;
  /** The subgraphs that define it (in the released graph for a removal). */
  subgraphs: string[];
  /** Why this verdict, in a sentence. */
  reason: string;
  /** The registered operations that use what changed. */
  operations: OperationRef[];
}

export interface BrokenOperation extends OperationRef {
  /** Why the operation no longer validates against the proposed schema. */
  errors: string[];
}

export interface DeprecatedUse {
  coordinate: string;
  reason: string;
  operations: OperationRef[];
}

export interface CheckReport {
  verdict: 'fail' | 'warn' | 'pass';
  /** What the proposed schema was compared with. */
  baseline: string;
  operations: number;
  changes: ChangeVerdict[];
  /** Registered operations that do not validate against the proposed schema. */
  brokenOperations: BrokenOperation[];
  /** Deprecated elements of the proposed schema that registered operations still use: what blocks their removal. */
  deprecatedInUse: DeprecatedUse[];
}

export interface CheckInput {
  released: GraphQLSchema;
  proposed: GraphQLSchema;
  /** Subgraphs defining a coordinate: `released` for what the proposed schema no longer has. */
  owners: { released: (coordinate: string) => string[]; proposed: (coordinate: string) => string[] };
  operations: RegisteredOperation[];
  baseline: string;
}

/** Removals the deprecation policy lets through when nothing registered uses them. */
const REMOVALS = new Set<string>([ChangeType.FieldRemoved, ChangeType.FieldArgumentRemoved, ChangeType.InputFieldRemoved, ChangeType.EnumValueRemoved]);
/** Additions that reach the operations using the parent (a required argument reaches every caller of its field). */
const ADDED_MEMBERS = new Set<string>([ChangeType.FieldArgumentAdded, ChangeType.InputFieldAdded]);
/** What `@deprecated` without a reason means; the policy asks for a reason. */
const DEFAULT_DEPRECATION_REASON = 'No longer supported';

const LEVELS: Record<CriticalityLevel, Level> = {
  [CriticalityLevel.Breaking]: 'breaking',
  [CriticalityLevel.Dangerous]: 'dangerous',
  [CriticalityLevel.NonBreaking]: 'safe',
};

/** Compares the proposed schema with the released one and judges every change against the registered operations. */
export async function checkSchema(input: CheckInput): Promise<CheckReport> {
  const { released, proposed, operations } = input;
  const used = operations.map((operation) => ({ operation: ref(operation), released: coordinatesUsed(released, operation.document), proposed: coordinatesUsed(proposed, operation.document) }));
  const changes = (await diff(released, proposed))
    // Directive usages repeat what the change they belong to says (`@deprecated` on `Query.b`: FIELD_DEPRECATION_ADDED).
    .filter((change) => !(change.type.startsWith('DIRECTIVE_USAGE_') && change.criticality.level === CriticalityLevel.NonBreaking))
    .map((change) => judge(change, input, used));
  const brokenOperations = operations.flatMap((operation) => {
    const errors = validate(proposed, operation.document).map((error) => error.message);
    return errors.length > 0 ? [{ ...ref(operation), errors }] : [];
  });
  const deprecatedInUse = deprecatedElements(proposed)
    .map(({ coordinate, reason }) => ({ coordinate, reason, operations: used.filter((use) => use.proposed.has(coordinate)).map((use) => use.operation) }))
    .filter((use) => use.operations.length > 0);
  const verdict = brokenOperations.length > 0 || changes.some((c) => c.verdict === 'fail') ? 'fail' : changes.some((c) => c.verdict === 'warn') ? 'warn' : 'pass';
  return { verdict, baseline: input.baseline, operations: operations.length, changes, brokenOperations, deprecatedInUse };
}

type Use = { operation: OperationRef; released: Set<string>; proposed: Set<string> };

function judge(change: Change, input: CheckInput, used: Use[]): ChangeVerdict {
  const level = LEVELS[change.criticality.level];
  // `Query.b.@deprecated` is about `Query.b`.
  const path = change.path?.replace(/\.@.*$/, '');
  const reached = path === undefined ? path : ADDED_MEMBERS.has(change.type) ? parentOf(path) : path;
  const operations = reached === undefined ? [] : used.filter((use) => use.released.has(reached)).map((use) => use.operation);
  const removal = REMOVALS.has(change.type);
  const subgraphs = path === undefined ? [] : removal || change.type === ChangeType.TypeRemoved ? input.owners.released(path) : input.owners.proposed(path);
  const base = { level, type: change.type, message: change.message, path, subgraphs, operations };
  if (level === 'safe') return { ...base, verdict: 'ok', reason: 'safe' };
  if (level === 'dangerous') return { ...base, verdict: 'warn', reason: `dangerous: ${change.criticality.reason ?? 'clients may behave differently'}` };
  if (operations.length > 0) {
    const nullable = change.type === ChangeType.FieldTypeChanged && isNullabilityRelaxed(change.meta as { oldFieldType: string; newFieldType: string });
    return {
      ...base,
      verdict: 'fail',
      reason: nullable
        ? `breaks ${count(operations)}: the field may now be null, and they select it; release it deliberately (npm run schema:release -- --accept-breaking "<why>") once their clients handle null`
        : `breaks ${count(operations)}`,
    };
  }
  if (removal) {
    const deprecation = deprecationOf(input.released, path!);
    if (deprecation) return { ...base, verdict: 'warn', reason: `removed after its deprecation ("${deprecation}"); no registered operation uses it` };
    return { ...base, verdict: 'fail', reason: 'removed without being @deprecated(reason:) in the released schema: deprecate it and release first' };
  }
  if (change.type === ChangeType.TypeRemoved && onlyDeprecatedReferences(input.released, path!)) {
    return { ...base, verdict: 'warn', reason: 'removed with the deprecated fields and arguments that used it; no registered operation uses it' };
  }
  return { ...base, verdict: 'fail', reason: 'breaking; no registered operation uses it, but only the removal of a deprecated element passes unused' };
}

function ref({ client, name, source }: RegisteredOperation): OperationRef {
  return { client, name, source };
}

function count(operations: OperationRef[]): string {
  return operations.length === 1 ? '1 registered operation' : `${operations.length} registered operations`;
}

function parentOf(path: string): string {
  return path.slice(0, path.lastIndexOf('.'));
}

/** `String!` → `String`, `[X!]!` → `[X!]` or `[X]`: the same type, fewer guarantees. */
function isNullabilityRelaxed({ oldFieldType, newFieldType }: { oldFieldType: string; newFieldType: string }): boolean {
  return oldFieldType !== newFieldType && oldFieldType.replaceAll('!', '') === newFieldType.replaceAll('!', '');
}

/** The explicit deprecation reason of a field, argument, input field or enum value in `schema`. */
function deprecationOf(schema: GraphQLSchema, path: string): string | undefined {
  const [typeName, member, argument] = path.split('.');
  const type = schema.getType(typeName!);
  let reason: string | null | undefined;
  if (isEnumType(type)) reason = type.getValue(member!)?.deprecationReason;
  else if (isInputObjectType(type)) reason = type.getFields()[member!]?.deprecationReason;
  else if (isObjectType(type) || isInterfaceType(type)) {
    const field = type.getFields()[member!];
    reason = argument === undefined ? field?.deprecationReason : field?.args.find((arg) => arg.name === argument)?.deprecationReason;
  }
  return reason && reason !== DEFAULT_DEPRECATION_REASON ? reason : undefined;
}

/** Whether `typeName` is used in `schema` only by explicitly deprecated fields, arguments and input fields (and at least one). */
function onlyDeprecatedReferences(schema: GraphQLSchema, typeName: string): boolean {
  const usages: { type: GraphQLType; reason: string | null | undefined }[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) usages.push({ type: field.type, reason: field.deprecationReason });
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        usages.push({ type: field.type, reason: field.deprecationReason });
        for (const arg of field.args) usages.push({ type: arg.type, reason: arg.deprecationReason });
      }
    }
  }
  const references = usages.filter((usage) => getNamedType(usage.type).name === typeName);
  return references.length > 0 && references.every((usage) => Boolean(usage.reason) && usage.reason !== DEFAULT_DEPRECATION_REASON);
}

/** Every deprecated field, argument, input field and enum value of `schema`, with its reason. */
export function deprecatedElements(schema: GraphQLSchema): { coordinate: string; reason: string }[] {
  const found: { coordinate: string; reason: string }[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isEnumType(type)) for (const value of type.getValues()) if (value.deprecationReason) found.push({ coordinate: `${type.name}.${value.name}`, reason: value.deprecationReason });
    if (isInputObjectType(type)) for (const field of Object.values(type.getFields())) if (field.deprecationReason) found.push({ coordinate: `${type.name}.${field.name}`, reason: field.deprecationReason });
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (field.deprecationReason) found.push({ coordinate: `${type.name}.${field.name}`, reason: field.deprecationReason });
        for (const arg of field.args) if (arg.deprecationReason) found.push({ coordinate: `${type.name}.${field.name}.${arg.name}`, reason: arg.deprecationReason });
      }
    }
  }
  return found;
}
