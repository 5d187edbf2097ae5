/**
 * The audit trail: every mutation is recorded by the system that owns it (its `audit_log`) and
 * announced as an `audit.recorded` event, which ops collects into the trail the graph serves.
 */
import { defaultFieldResolver, GraphQLError, type GraphQLSchema } from 'graphql';
import type { Caller } from './auth/caller.ts';
import type { Queryable } from './db/db.ts';
import { AUDIT_EVENT, type DataOf } from './events/catalogue.ts';
import type { EventOrigin } from './events/envelope.ts';
import { emitAboutRow, insertWithRows, type RowEvent, type RowsInsert } from './events/outbox.ts';
import { ErrorCode } from './errors.ts';

/** What an `audit.recorded` event carries: one row of its system's audit log; `outcome` is "OK" or the error code the mutation failed with. */
export type AuditRecord = DataOf<typeof AUDIT_EVENT>;

/** Argument names whose values are never written down: personal data and secrets. */
const REDACTED = /e-?mail|phone|token|secret|password|authorization|credential|api_?key/i;

/** An e-mail address anywhere in the arguments (e.g. `accountOwner`) is personal data too. */
const EMAIL = /^[^@\s]+@[^@\s]+$/;

/** The arguments as the audit keeps them: every value under a personal or secret name, and every e-mail address, replaced. */
export function redact(value: unknown): unknown {
  if (typeof value === 'string') return EMAIL.test(value) ? '[redacted]' : value;
  if (Array.isArray(value)) return value.map(redact);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, REDACTED.test(key) ? '[redacted]' : redact(inner)]));
}

/** Audit rows as `insertWithRows` writes them, from the fields of an `audit.recorded` event's data. */
const AUDIT_ROWS: RowsInsert = {
  table: 'audit_log',
  sql: `inserted AS (
    INSERT INTO audit_log (id, at, actor, role, correlation_id, operation, arguments, outcome)
    SELECT id, (row->>'at')::timestamptz, row->>'actor', row->>'role', row->>'correlationId', row->>'operation', row->'arguments', row->>'outcome'
    FROM rows ORDER BY ord)`,
  subjectPrefix: 'AuditEntry',
};

/** The row and event of one audit entry, handed to `write`. */
function auditEntry<R>(origin: EventOrigin, caller: Caller, operation: string, args: unknown, outcome: string, write: (item: RowEvent) => Promise<R>): Promise<R> {
  const data: AuditRecord = { actor: caller.sub, role: caller.role, correlationId: origin.correlationId, operation, arguments: redact(args) ?? {}, outcome, at: new Date().toISOString() };
  return emitAboutRow(origin, { type: AUDIT_EVENT, customerId: null, data }, AUDIT_ROWS.subjectPrefix, (event) => write({ event, row: data }));
}

/** Writes one audit row and its event inside a write's transaction: they commit with the write. */
export function writeAudit(tx: Queryable, origin: EventOrigin, caller: Caller, operation: string, args: unknown, outcome: string): Promise<void> {
  return auditEntry(origin, caller, operation, args, outcome, (item) => insertWithRows(tx, AUDIT_ROWS, [item]));
}

/** The most audit entries one statement writes. */
const MAX_GROUP = 100;

/**
 * Writes the audit entries that have no transaction to join (a read's, a failed mutation's) a
 * group at a time: while one group's statement is in flight, the entries that arrive wait and go
 * together in the next. Each caller still waits until its own entry is committed, so a response
 * is sent only once its audit is written; under load, one statement and one commit serve many.
 */
export class AuditWriter {
  #waiting: { item: RowEvent; resolve: () => void; reject: (error: unknown) => void }[] = [];
  #writing = false;

  constructor(private readonly db: Queryable) {}

  record(origin: EventOrigin, caller: Caller, operation: string, args: unknown, outcome: string): Promise<void> {
    return auditEntry(origin, caller, operation, args, outcome, (item) =>
      new Promise<void>((resolve, reject) => {
        this.#waiting.push({ item, resolve, reject });
        if (!this.#writing) void this.#write();
      }),
    );
  }

  async #write(): Promise<void> {
    this.#writing = true;
    while (this.#waiting.length > 0) {
      const group = this.#waiting.splice(0, MAX_GROUP);
      try {
        await insertWithRows(this.db, AUDIT_ROWS, group.map(({ item }) => item));
        for (const { resolve } of group) resolve();
      } catch (error) {
        for (const { reject } of group) reject(error);
      }
    }
    this.#writing = false;
  }
}

/** A request's audit bookkeeping (on BaseContext): how many of its writes were audited in their transactions. */
export interface AuditState {
  written: number;
  /** Records a mutation in a transaction of its own: failures, and what ran without `ctx.write`. */
  record(operation: string, args: unknown, outcome: string): Promise<void>;
}

function outcomeOf(error: unknown): string {
  const code = error instanceof GraphQLError ? error.extensions?.code : undefined;
  return typeof code === 'string' ? code : ErrorCode.InternalServerError;
}

/**
 * Makes every mutation of a subgraph's schema audited: `ctx.write` records a committed write in
 * its own transaction; whatever it did not record (a failure, a refused scope, an idempotent
 * replay, a mutation without a write) is recorded here, in a transaction of its own.
 */
export function auditMutations(schema: GraphQLSchema): GraphQLSchema {
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = async (source, args, context: { audit: AuditState }, info) => {
      const before = context.audit.written;
      const { idempotencyKey: _key, ...recorded } = args as Record<string, unknown>;
      try {
        const result = await resolve(source, args, context, info);
        if (context.audit.written === before) await context.audit.record(field.name, recorded, 'OK');
        return result;
      } catch (error) {
        await context.audit.record(field.name, recorded, outcomeOf(error));
        throw error;
      }
    };
  }
  return schema;
}
