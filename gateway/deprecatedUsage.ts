/**
 * Which deprecated fields the gateway's clients still select: every executed operation's
 * deprecated fields are counted per client (`apollographql-client-name`) and operation name, for
 * `/metrics`, and reported to ops (`deprecatedUsage`) a few seconds later, so a team knows what
 * blocks a field's removal. See the README's "Schema governance".
 */
import { isInterfaceType, isObjectType, Kind, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { Logger } from '../platform/logger.ts';
import { mirroredCounter, OTHER, type Registry } from '../platform/metrics.ts';
import { coordinatesUsed, fragmentsOf, withFragments } from './documents.ts';
import { OpsReports } from './opsReports.ts';

/** One client's operation and one deprecated field it selected. */
export interface DeprecatedUsageEntry {
  client: string;
  operation: string;
  field: string;
  count: number;
  lastSeenAt: string;
}

/** A report to ops; sent again with the same key until ops has it, so it is counted once. */
export interface DeprecatedUsageReport {
  idempotencyKey: string;
  usage: DeprecatedUsageEntry[];
}

/** How long counts wait before they are reported, so a busy client costs ops one report per interval. */
const REPORT_DELAY_MS = 2000;
/** Distinct (client, operation, field) series kept; client-chosen names beyond them count as "(other)". */
const MAX_SERIES = 1000;

export class DeprecatedUsage {
  /** Since the gateway started, for `/metrics`. */
  readonly #totals = new Map<string, DeprecatedUsageEntry>();
  /** Not yet reported to ops. */
  #pending = new Map<string, DeprecatedUsageEntry>();
  readonly #reports: OpsReports<DeprecatedUsageEntry[]>;
  /** Deprecated fields per operation of a parsed document (Apollo keeps one object per document text). */
  readonly #byDocument = new WeakMap<DocumentNode, Map<string, readonly string[]>>();
  readonly #hasDeprecated = new WeakMap<GraphQLSchema, boolean>();

  /** `report` sends a report to ops and throws unless ops recorded it. */
  constructor(report: (report: DeprecatedUsageReport) => Promise<void>, log: Logger) {
    this.#reports = new OpsReports({
      delayMs: REPORT_DELAY_MS,
      waiting: () => this.#pending.size > 0,
      take: () => {
        const usage = [...this.#pending.values()].map((entry) => ({ ...entry }));
        this.#pending = new Map();
        return usage;
      },
      send: (usage, idempotencyKey) => report({ idempotencyKey, usage }),
      log,
      failure: 'deprecated-field usage not reported to ops; retrying',
    });
  }

  /** Counts the deprecated fields one operation selects, for its client (`unknown` without a name). */
  record(schema: GraphQLSchema, document: DocumentNode, operationName: string | null, client: string | undefined): void {
    const fields = this.#deprecatedFields(schema, document, operationName);
    if (fields.length > 0) this.count(client || 'unknown', operationName ?? '(anonymous)', fields);
  }

  count(client: string, operation: string, fields: readonly string[]): void {
    const lastSeenAt = new Date().toISOString();
    for (const field of fields) {
      const series = this.#totals.has(seriesKey(client, operation, field)) || this.#totals.size < MAX_SERIES ? { client, operation } : { client: OTHER, operation: OTHER };
      const key = seriesKey(series.client, series.operation, field);
      for (const map of [this.#totals, this.#pending]) {
        const entry = map.get(key) ?? { ...series, field, count: 0, lastSeenAt };
        entry.count++;
        entry.lastSeenAt = lastSeenAt;
        map.set(key, entry);
      }
    }
    this.#reports.due();
  }

  /** Registers `gateway_deprecated_field_usage_total`. */
  registerMetrics(registry: Registry): void {
    mirroredCounter({
      registry,
      name: 'gateway_deprecated_field_usage_total',
      help: 'Executed operations that selected a deprecated field, by client, operation and field.',
      labelNames: ['client', 'operation', 'field'],
      read: () => [...this.#totals.values()].map(({ client, operation, field, count }) => [{ client, operation, field }, count] as const),
    });
  }

  /** Reports what is not yet reported, once more. */
  close(): Promise<void> {
    return this.#reports.close();
  }

  #deprecatedFields(schema: GraphQLSchema, document: DocumentNode, operationName: string | null): readonly string[] {
    if (!this.#schemaHasDeprecatedFields(schema)) return [];
    const byOperation = this.#byDocument.get(document) ?? new Map<string, readonly string[]>();
    this.#byDocument.set(document, byOperation);
    const key = operationName ?? '';
    let fields = byOperation.get(key);
    if (!fields) {
      fields = deprecatedFieldsSelected(schema, document, operationName);
      byOperation.set(key, fields);
    }
    return fields;
  }

  #schemaHasDeprecatedFields(schema: GraphQLSchema): boolean {
    let has = this.#hasDeprecated.get(schema);
    if (has === undefined) {
      has = Object.values(schema.getTypeMap()).some(
        (type) => !type.name.startsWith('__') && (isObjectType(type) || isInterfaceType(type)) && Object.values(type.getFields()).some((field) => field.deprecationReason),
      );
      this.#hasDeprecated.set(schema, has);
    }
    return has;
  }
}

/** The deprecated fields (`Type.field`) the named operation selects, its fragments included, in name order. */
export function deprecatedFieldsSelected(schema: GraphQLSchema, document: DocumentNode, operationName: string | null): string[] {
  const operation = document.definitions.find(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION && (operationName === null || definition.name?.value === operationName),
  );
  if (!operation) return [];
  return [...coordinatesUsed(schema, withFragments(operation, fragmentsOf(document)))].filter((coordinate) => isDeprecatedField(schema, coordinate)).sort();
}

/** Whether a coordinate names a deprecated field of an object or interface type (not an argument, input field or enum value). */
function isDeprecatedField(schema: GraphQLSchema, coordinate: string): boolean {
  const [typeName, fieldName, ...rest] = coordinate.split('.');
  if (!typeName || !fieldName || rest.length > 0) return false;
  const type = schema.getType(typeName);
  return (isObjectType(type) || isInterfaceType(type)) && Boolean(type.getFields()[fieldName]?.deprecationReason);
}

function seriesKey(client: string, operation: string, field: string): string {
  return JSON.stringify([client, operation, field]);
}
