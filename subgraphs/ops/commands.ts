/**
 * The writes ops owns: the event log, exceptions and dead letters. Each runs inside the caller's
 * transaction (a consumer's or a mutation's); mutations return the entity's id.
 */
import type { Queryable } from '../../platform/db/db.ts';
import { badInput, conflict, notFound } from '../../platform/errors.ts';
import type {
  AuditRecorded,
  BusinessEvent,
  DataOf,
  Emit,
  EventDeadLettered,
  EventReplayed,
  InvoicePosted,
  InvoicePostingRejected,
} from '../../platform/events/index.ts';
import { newId } from '../../platform/ids.ts';
import * as check from '../../platform/validate.ts';
import { DIFFERENCE_KINDS, DIFFERENCE_OWNERS, type Difference, type DifferenceKind } from './reconciliation.ts';
import type { DeadLetterRow, DifferenceRecord, ExceptionRow, ReconciliationRunRow, SystemValue } from './rows.ts';

const SYSTEMS: Record<string, SystemValue> = {
  crm: 'CRM',
  billing: 'BILLING',
  erp: 'ERP',
  'customer-success': 'CUSTOMER_SUCCESS',
  ops: 'OPS',
};

/** A system's enum value from its name (`customer-success` → CUSTOMER_SUCCESS), null when unknown. */
export function systemOf(name: string): SystemValue | null {
  return SYSTEMS[name] ?? null;
}

/** An exception as events carry it (docs/events.md). */
export function exceptionData(row: ExceptionRow): DataOf<'exception.resolved'> {
  return {
    id: row.id,
    kind: row.kind,
    system: row.system,
    owner: row.owner,
    priority: row.priority,
    status: row.status,
    message: row.message,
    subject: row.subject,
    correlationId: row.correlation_id,
    customerId: row.customer_id,
    openedAt: row.opened_at,
    resolvedAt: row.resolved_at,
    resolutionNote: row.resolution_note,
  };
}

/** Appends an event to the log; an event already there (redelivered, replayed) stays as first recorded. */
export async function recordEvent(tx: Queryable, event: BusinessEvent): Promise<void> {
  await tx.query(
    `INSERT INTO events (id, type, source, subject, time, correlation_id, causation_id, customer_id, data, previous)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING`,
    [
      event.id,
      event.type,
      event.source,
      event.subject,
      event.time,
      event.correlationId,
      event.causationId,
      event.customerId,
      JSON.stringify(event.data),
      event.previous ? JSON.stringify(event.previous) : null,
    ],
  );
}

interface NewException {
  kind: string;
  system: SystemValue;
  owner: string;
  priority: ExceptionRow['priority'];
  message: string;
  subject: string;
  correlationId: string | null;
  customerId: string | null;
  openedAt: string;
}

/** Opens an exception, or refreshes the message of the one already open for its subject and kind. */
async function openException(tx: Queryable, exception: NewException): Promise<void> {
  await tx.query(
    `INSERT INTO exceptions (id, kind, system, owner, priority, status, message, subject, correlation_id, customer_id, opened_at)
     VALUES ($1, $2, $3, $4, $5, 'OPEN', $6, $7, $8, $9, $10)
     ON CONFLICT (subject, kind) WHERE status = 'OPEN' DO UPDATE SET message = EXCLUDED.message`,
    [
      newId('exc'),
      exception.kind,
      exception.system,
      exception.owner,
      exception.priority,
      exception.message,
      exception.subject,
      exception.correlationId,
      exception.customerId,
      exception.openedAt,
    ],
  );
}

/** Resolves the open exception of a subject and kind, if any, and tells the stream. */
async function resolveOpen(tx: Queryable, emit: Emit, subject: string, kind: string, at: string, note: string): Promise<void> {
  const resolved = await tx.query<ExceptionRow>(
    `UPDATE exceptions SET status = 'RESOLVED', resolved_at = GREATEST(opened_at, $3::timestamptz), resolution_note = $4
     WHERE subject = $1 AND kind = $2 AND status = 'OPEN' RETURNING *`,
    [subject, kind, at, note],
  );
  for (const row of resolved) await emitResolved(emit, row);
}

function emitResolved(emit: Emit, row: ExceptionRow) {
  return emit({ type: 'exception.resolved', subject: `OpsException:${row.id}`, customerId: row.customer_id, data: exceptionData(row) });
}

/**
 * A rejected posting needs finance: one open exception per invoice. A rejection the log shows
 * was already overtaken by a posting (events arrived out of order) opens nothing.
 */
export async function postingRejected(tx: Queryable, event: InvoicePostingRejected): Promise<void> {
  const [posted] = await tx.query(`SELECT 1 FROM events WHERE subject = $1 AND type = 'invoice.posted' AND time >= $2 LIMIT 1`, [
    event.subject,
    event.time,
  ]);
  if (posted) return;
  await openException(tx, {
    kind: 'POSTING_REJECTED',
    system: 'ERP',
    owner: 'finance-ops',
    priority: 'HIGH',
    message: event.data.reason || 'posting rejected',
    subject: event.subject,
    correlationId: event.correlationId,
    customerId: event.customerId,
    openedAt: event.time,
  });
}

export function invoicePosted(tx: Queryable, emit: Emit, event: InvoicePosted): Promise<void> {
  return resolveOpen(tx, emit, event.subject, 'POSTING_REJECTED', event.time, 'posted');
}

/**
 * A consumer gave up on an event: park it as a dead letter (once per consumer and event; a replay
 * that fails again revives the same one) with an exception for integration-ops.
 */
export async function deadLettered(tx: Queryable, event: EventDeadLettered): Promise<void> {
  const { consumer, event: failed, error, attempts } = event.data;
  const [letter] = await tx.query<{ id: string }>(
    `INSERT INTO dead_letters (id, consumer, event_id, event, error, attempts, dead_at, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'DEAD')
     ON CONFLICT (consumer, event_id) DO UPDATE SET
       error = EXCLUDED.error, attempts = dead_letters.attempts + EXCLUDED.attempts, dead_at = EXCLUDED.dead_at, status = 'DEAD'
     RETURNING id`,
    [newId('dl'), consumer, failed.id, JSON.stringify(failed), error, attempts, event.time],
  );
  await openException(tx, {
    kind: 'DEAD_LETTER',
    system: systemOf(consumer.split('.')[0]) ?? systemOf(event.source) ?? 'OPS',
    owner: 'integration-ops',
    priority: 'MEDIUM',
    message: `${consumer} gave up on ${failed.type} ${failed.id} after ${attempts} attempts: ${error}`,
    subject: `DeadLetter:${letter.id}`,
    correlationId: failed.correlationId ?? event.correlationId,
    customerId: failed.customerId ?? event.customerId,
    openedAt: event.time,
  });
}

/** The consumer applied a dead letter on replay: done, and so is its exception. */
export async function replayed(tx: Queryable, emit: Emit, event: EventReplayed): Promise<void> {
  const id = event.data.deadLetterId;
  await tx.query(`UPDATE dead_letters SET status = 'REPLAYED', replayed_at = $2 WHERE id = $1`, [id, event.time]);
  await resolveOpen(tx, emit, `DeadLetter:${id}`, 'DEAD_LETTER', event.time, 'replayed');
}

/**
 * Sends a dead letter's event to its consumer again. The request is written to the log here:
 * consumers other than the one addressed never see a replay request. Returns the row as this
 * transaction left it, since the replay may well be applied before the caller could read it back.
 */
export async function replayDeadLetter(tx: Queryable, emit: Emit, id: string): Promise<DeadLetterRow> {
  const [letter] = await tx.query<DeadLetterRow>('SELECT * FROM dead_letters WHERE id = $1 FOR UPDATE', [id]);
  if (!letter) throw notFound('DeadLetter', id);
  if (letter.status === 'REPLAYED') throw conflict(`DeadLetter ${id} was already replayed`, { status: letter.status });
  const request = await emit({
    type: 'event.replay_requested',
    subject: `DeadLetter:${id}`,
    customerId: letter.event.customerId,
    data: { deadLetterId: id, consumer: letter.consumer, event: letter.event },
  });
  await recordEvent(tx, request);
  const [replaying] = await tx.query<DeadLetterRow>(`UPDATE dead_letters SET status = 'REPLAYING' WHERE id = $1 RETURNING *`, [id]);
  return replaying;
}

/** A person resolves an open exception, saying what was done. */
export async function resolveException(tx: Queryable, emit: Emit, id: string, note: string): Promise<string> {
  const resolution = check.text('note', note, 1000);
  const [exception] = await tx.query<ExceptionRow>('SELECT * FROM exceptions WHERE id = $1 FOR UPDATE', [id]);
  if (!exception) throw notFound('OpsException', id);
  if (exception.status === 'RESOLVED') throw conflict(`OpsException ${id} is already RESOLVED`, { status: exception.status });
  const [row] = await tx.query<ExceptionRow>(
    `UPDATE exceptions SET status = 'RESOLVED', resolved_at = now(), resolution_note = $2 WHERE id = $1 RETURNING *`,
    [id, resolution],
  );
  await emitResolved(emit, row);
  return id;
}

/** Runs RUNNING longer than this were abandoned (their process stopped): a new run may start. */
const ABANDONED_AFTER = '6 hours';

/**
 * Starts a reconciliation run, or answers with the one already RUNNING (there is one at a time
 * across replicas). Returns the run as this transaction left it.
 */
export async function startReconciliation(tx: Queryable, trigger: ReconciliationRunRow['trigger']): Promise<ReconciliationRunRow> {
  await tx.query(
    `UPDATE reconciliation_runs SET status = 'FAILED', finished_at = now(), error = 'abandoned: its process stopped before it finished'
     WHERE status = 'RUNNING' AND started_at < now() - $1::interval`,
    [ABANDONED_AFTER],
  );
  const [created] = await tx.query<ReconciliationRunRow>(
    `INSERT INTO reconciliation_runs (id, trigger, status) VALUES ($1, $2, 'RUNNING')
     ON CONFLICT ((true)) WHERE status = 'RUNNING' DO NOTHING RETURNING *`,
    [newId('rec'), trigger],
  );
  if (created) return created;
  const [running] = await tx.query<ReconciliationRunRow>(`SELECT * FROM reconciliation_runs WHERE status = 'RUNNING'`);
  return running;
}

/** What a run found, for recordReconciliation. */
export interface ReconciliationOutcome {
  customers: number;
  invoices: number;
  explained: number;
  differences: readonly Difference[];
  /** The kinds every subject was checked for: their open exceptions not found again are resolved. */
  checkedKinds: readonly DifferenceKind[];
}

/**
 * Ends a run: every difference found is an open exception (opened, or refreshed with the latest
 * sides), every open exception of a checked kind the run did not find again is resolved (the
 * systems agree again), and the run is COMPLETED with its counts.
 */
export async function recordReconciliation(tx: Queryable, emit: Emit, runId: string, outcome: ReconciliationOutcome): Promise<void> {
  let opened = 0;
  for (const difference of outcome.differences) {
    const record: DifferenceRecord = {
      kind: difference.kind,
      customerId: difference.customerId,
      left: difference.left,
      right: difference.right,
      subjectIds: difference.subjectIds,
      runId,
    };
    const [row] = await tx.query<{ inserted: boolean }>(
      `INSERT INTO exceptions (id, kind, system, owner, priority, status, message, subject, correlation_id, customer_id, opened_at, difference)
       VALUES ($1, $2, $3, $4, $5, 'OPEN', $6, $7, NULL, $8, now(), $9)
       ON CONFLICT (subject, kind) WHERE status = 'OPEN' DO UPDATE SET message = EXCLUDED.message, difference = EXCLUDED.difference
       RETURNING (xmax = 0) AS inserted`,
      [
        newId('exc'),
        difference.kind,
        difference.right.system,
        DIFFERENCE_OWNERS[difference.kind],
        difference.kind === 'CONTRACT_MISMATCH' ? 'MEDIUM' : 'HIGH',
        difference.message,
        difference.subject,
        difference.customerId,
        JSON.stringify(record),
      ],
    );
    if (row.inserted) opened++;
  }
  const found = outcome.differences.map((difference) => `${difference.kind} ${difference.subject}`);
  const fixed = await tx.query<ExceptionRow>(
    `UPDATE exceptions SET status = 'RESOLVED', resolved_at = now(), resolution_note = 'reconciled: the systems agree again'
     WHERE status = 'OPEN' AND kind = ANY($1) AND NOT (kind || ' ' || subject = ANY($2)) RETURNING *`,
    [outcome.checkedKinds, found],
  );
  for (const row of fixed) await emitResolved(emit, row);
  const byKind = DIFFERENCE_KINDS.map((kind) => ({
    kind,
    owner: DIFFERENCE_OWNERS[kind],
    count: outcome.differences.filter((difference) => difference.kind === kind).length,
  })).filter((entry) => entry.count > 0);
  await tx.query(
    `UPDATE reconciliation_runs SET status = 'COMPLETED', finished_at = now(), customers = $2, invoices = $3, explained = $4,
            differences = $5, by_kind = $6, opened = $7, resolved = $8
     WHERE id = $1`,
    [runId, outcome.customers, outcome.invoices, outcome.explained, outcome.differences.length, JSON.stringify(byKind), opened, fixed.length],
  );
  await emit({
    type: 'reconciliation.completed',
    subject: `ReconciliationRun:${runId}`,
    customerId: null,
    data: { runId, customers: outcome.customers, differences: outcome.differences.length, opened, resolved: fixed.length },
  });
}

/** A run that could not read a system: FAILED with why; exceptions stay as they were. */
export async function failReconciliation(tx: Queryable, runId: string, error: string): Promise<void> {
  await tx.query(`UPDATE reconciliation_runs SET status = 'FAILED', finished_at = now(), error = $2 WHERE id = $1 AND status = 'RUNNING'`, [runId, error.slice(0, 2000)]);
}

/** Files one system's audit row (an audit.recorded event) into the trail. */
export async function recordAudit(tx: Queryable, event: AuditRecorded): Promise<void> {
  const { actor, role, correlationId, operation, arguments: args, outcome, at } = event.data;
  await tx.query(
    `INSERT INTO audit_trail (event_id, system, actor, role, correlation_id, operation, arguments, outcome, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (event_id) DO NOTHING`,
    [event.id, event.source, actor, role, correlationId, operation, JSON.stringify(args), outcome, at],
  );
}

/** One entry of the gateway's audit (gateway/security/auditTrail.ts). */
export interface GatewayAuditReport {
  actor: string;
  role: string;
  correlationId?: string | null;
  operation: string;
  arguments: unknown;
  outcome: string;
  at: string;
}

/** The `system` of the gateway's entries in the audit trail. */
export const GATEWAY_SYSTEM = 'gateway';

/** Entries one gateway audit report may carry. */
const MAX_AUDIT_ENTRIES = 1000;

/** Files the gateway's audit entries into the trail, as system "gateway"; returns how many. */
export async function recordGatewayAudit(tx: Queryable, entries: readonly GatewayAuditReport[], reportId: string): Promise<string> {
  if (entries.length > MAX_AUDIT_ENTRIES) throw badInput('entries', `at most ${MAX_AUDIT_ENTRIES} entries per report`);
  for (const [index, entry] of entries.entries()) {
    await tx.query(
      `INSERT INTO audit_trail (event_id, system, actor, role, correlation_id, operation, arguments, outcome, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (event_id) DO NOTHING`,
      [
        `${GATEWAY_SYSTEM}:${reportId}:${index}`,
        GATEWAY_SYSTEM,
        check.text(`entries.${index}.actor`, entry.actor),
        entry.role,
        entry.correlationId ?? null,
        check.text(`entries.${index}.operation`, entry.operation),
        // The gateway redacted them as the systems do; the sub a revocation names stays whole.
        JSON.stringify(entry.arguments ?? {}),
        check.text(`entries.${index}.outcome`, entry.outcome),
        entry.at,
      ],
    );
  }
  return String(entries.length);
}

/** One entry of a gateway's deprecated-usage report. */
export interface DeprecatedUsageReport {
  client: string;
  operation: string;
  field: string;
  count: number;
  lastSeenAt: string;
}

/** Entries one report may carry. */
const MAX_USAGE_ENTRIES = 1000;

/** Adds a gateway's counts of deprecated fields its clients selected to the totals; returns how many entries. */
export async function recordDeprecatedUsage(tx: Queryable, usage: readonly DeprecatedUsageReport[]): Promise<string> {
  if (usage.length > MAX_USAGE_ENTRIES) throw badInput('usage', `at most ${MAX_USAGE_ENTRIES} entries per report`);
  const rows = usage.map((entry, index) => ({
    client: check.text(`usage.${index}.client`, entry.client),
    operation: check.text(`usage.${index}.operation`, entry.operation),
    field: check.text(`usage.${index}.field`, entry.field),
    count: check.integer(`usage.${index}.count`, entry.count, 1, 1_000_000_000),
    lastSeenAt: entry.lastSeenAt,
  }));
  for (const row of rows) {
    await tx.query(
      `INSERT INTO deprecated_usage (client, operation, field, count, first_seen_at, last_seen_at) VALUES ($1, $2, $3, $4, $5, $5)
       ON CONFLICT (field, client, operation) DO UPDATE
       SET count = deprecated_usage.count + EXCLUDED.count, last_seen_at = GREATEST(deprecated_usage.last_seen_at, EXCLUDED.last_seen_at)`,
      [row.client, row.operation, row.field, row.count, row.lastSeenAt],
    );
  }
  return String(rows.length);
}
