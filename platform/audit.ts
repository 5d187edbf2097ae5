/**
 * The audit trail: every mutation is recorded by the system that owns it (its `audit_log`) and
 * announced as an `audit.recorded` event, which ops collects into the trail the graph serves.
 */
import { defaultFieldResolver, GraphQLError, type GraphQLSchema } from 'graphql';
import type { Caller } from './auth/caller.ts';
import type { Queryable } from './db/db.ts';
import { AUDIT_EVENT, type DataOf } from './events/catalogue.ts';
import type { EventOrigin } from './events/envelope.ts';
import { emitWithRow } from './events/outbox.ts';
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

/**
 * Writes one audit row and its event in one statement: inside a write's transaction, or as a
 * transaction of its own for a read's audit, which is then one round trip on the response's path.
 */
export async function writeAudit(db: Queryable, origin: EventOrigin, caller: Caller, operation: string, args: unknown, outcome: string): Promise<void> {
  const at = new Date().toISOString();
  const recorded = redact(args) ?? {};
  const data: AuditRecord = { actor: caller.sub, role: caller.role, correlationId: origin.correlationId, operation, arguments: recorded, outcome, at };
  await emitWithRow(db, origin, { type: AUDIT_EVENT, customerId: null, data }, {
    sql: 'inserted AS (INSERT INTO audit_log (at, actor, role, correlation_id, operation, arguments, outcome) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id)',
    params: [at, caller.sub, caller.role, origin.correlationId, operation, JSON.stringify(recorded), outcome],
    subjectPrefix: 'AuditEntry',
  });
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
