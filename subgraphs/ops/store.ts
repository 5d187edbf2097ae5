import DataLoader from 'dataloader';
import type { Queryable } from '../../platform/db/db.ts';
import { badInput } from '../../platform/errors.ts';
import { byId, listBy, listLoader, rowLoader } from '../../platform/loaders.ts';
import type { AuditRow, DeadLetterRow, EventRow, ExceptionRow, ReconciliationRunRow, WorkflowRunRow, WorkflowStepRow } from './rows.ts';

/** The event log's columns in envelope shape (see EventRow). */
export const EVENT_COLUMNS = `id, type, source, subject, time, correlation_id AS "correlationId", causation_id AS "causationId",
  customer_id AS "customerId", data, previous`;

/**
 * A customer's newest events, one statement for every customer of the request: the window
 * keeps `first` per customer. One loader per distinct (first, types), since they change the SQL.
 */
function customerEventsLoader(db: Queryable, first: number, types: readonly string[] | null): DataLoader<string, EventRow[]> {
  return new DataLoader(async (customerIds) => {
    const rows = await db.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM (
         SELECT *, row_number() OVER (PARTITION BY customer_id ORDER BY recorded_seq DESC) AS rank
         FROM events WHERE customer_id = ANY($1) AND ($2::text[] IS NULL OR type = ANY($2))
       ) ranked
       WHERE rank <= $3 ORDER BY recorded_seq DESC`,
      [customerIds, types, first],
    );
    const byCustomer = new Map<string, EventRow[]>(customerIds.map((id) => [id, []]));
    for (const row of rows) byCustomer.get(row.customerId ?? '')?.push(row);
    return customerIds.map((id) => byCustomer.get(id) ?? []);
  });
}

/** One set per request, so every entity reference and per-parent list is one batched query. */
export function createLoaders(db: Queryable) {
  const eventLoaders = new Map<string, DataLoader<string, EventRow[]>>();
  return {
    run: byId<WorkflowRunRow>(db, 'workflow_runs'),
    // Ordered so that, were a contract ever in two runs, the latest one wins.
    quoteToCashByContract: rowLoader<WorkflowRunRow>(
      db,
      "SELECT * FROM workflow_runs WHERE kind = 'quote-to-cash' AND contract_id = ANY($1) ORDER BY started_at, id",
      'contract_id',
    ),
    steps: listBy<WorkflowStepRow>(db, 'workflow_steps', 'run_id', 'position'),
    exception: byId<ExceptionRow>(db, 'exceptions'),
    reconciliationRun: byId<ReconciliationRunRow>(db, 'reconciliation_runs'),
    exceptionsByCorrelation: listBy<ExceptionRow>(db, 'exceptions', 'correlation_id', 'opened_at DESC, id'),
    openExceptionsByCustomer: listLoader<ExceptionRow>(
      db,
      "SELECT * FROM exceptions WHERE status = 'OPEN' AND customer_id = ANY($1) ORDER BY opened_at DESC, id",
      'customer_id',
    ),
    deadLetter: byId<DeadLetterRow>(db, 'dead_letters'),
    customerEvents(first: number, types: readonly string[] | null | undefined): DataLoader<string, EventRow[]> {
      const key = JSON.stringify([first, types ?? null]);
      let loader = eventLoaders.get(key);
      if (!loader) eventLoaders.set(key, (loader = customerEventsLoader(db, first, types ?? null)));
      return loader;
    },
  };
}

export type OpsLoaders = ReturnType<typeof createLoaders>;

/** The run of a correlation id; the earliest if (against expectation) both kinds share it. */
export async function workflowByCorrelation(db: Queryable, correlationId: string): Promise<WorkflowRunRow | null> {
  const [row] = await db.query<WorkflowRunRow>('SELECT * FROM workflow_runs WHERE correlation_id = $1 ORDER BY started_at, id LIMIT 1', [
    correlationId,
  ]);
  return row ?? null;
}

/** Workflow runs, the latest started first. */
export async function workflowList(db: Queryable, kind: string | null, state: string | null, first: number): Promise<WorkflowRunRow[]> {
  return db.query<WorkflowRunRow>(
    `SELECT * FROM workflow_runs WHERE ($1::text IS NULL OR kind = $1) AND ($2::text IS NULL OR state = $2)
     ORDER BY started_at DESC, id LIMIT $3`,
    [kind, state, first],
  );
}

export async function exceptionList(db: Queryable, status: string | null, owner: string | null, first: number): Promise<ExceptionRow[]> {
  return db.query<ExceptionRow>(
    `SELECT * FROM exceptions WHERE ($1::text IS NULL OR status = $1) AND ($2::text IS NULL OR owner = $2)
     ORDER BY opened_at DESC, id LIMIT $3`,
    [status, owner, first],
  );
}

export async function deadLetterList(db: Queryable, first: number): Promise<DeadLetterRow[]> {
  return db.query<DeadLetterRow>("SELECT * FROM dead_letters ORDER BY status = 'REPLAYED', dead_at DESC, id LIMIT $1", [first]);
}

export interface EventLogFilter {
  first: number;
  after: string | null;
  types: readonly string[] | null;
  customerId: string | null;
  correlationId: string | null;
}

/** The event log in recorded order, after the event `after` (its id is the cursor). */
export async function eventLog(db: Queryable, filter: EventLogFilter): Promise<EventRow[]> {
  let afterSeq = 0;
  if (filter.after) {
    const [row] = await db.query<{ recorded_seq: number }>('SELECT recorded_seq FROM events WHERE id = $1', [filter.after]);
    if (!row) throw badInput('after', `no event ${filter.after} in the log`);
    afterSeq = row.recorded_seq;
  }
  return db.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM events
     WHERE recorded_seq > $1 AND ($2::text[] IS NULL OR type = ANY($2))
       AND ($3::text IS NULL OR customer_id = $3) AND ($4::text IS NULL OR correlation_id = $4)
     ORDER BY recorded_seq LIMIT $5`,
    [afterSeq, filter.types, filter.customerId, filter.correlationId, filter.first],
  );
}

export interface AuditFilter {
  system: string | null;
  actor: string | null;
  operation: string | null;
  outcome: string | null;
  since: string | null;
}

/** A page of the audit trail, newest first, before the entry of sequence `beforeSeq` (the cursor). */
export async function auditPage(db: Queryable, first: number, beforeSeq: string | null, filter: AuditFilter): Promise<{ rows: AuditRow[]; hasNextPage: boolean }> {
  const rows = await db.query<AuditRow>(
    `SELECT * FROM audit_trail
     WHERE ($1::bigint IS NULL OR seq < $1) AND ($2::text IS NULL OR system = $2) AND ($3::text IS NULL OR actor = $3)
       AND ($4::text IS NULL OR operation = $4) AND ($5::text IS NULL OR outcome = $5) AND ($6::timestamptz IS NULL OR at >= $6)
     ORDER BY seq DESC LIMIT $7`,
    [beforeSeq, filter.system, filter.actor, filter.operation, filter.outcome, filter.since, first + 1],
  );
  return { rows: rows.slice(0, first), hasNextPage: rows.length > first };
}

/** The deprecated-usage totals, by field, client and operation. */
export function deprecatedUsageList(db: Queryable, field: string | null, client: string | null) {
  // GraphQL's Int is 32 bits; a total beyond it reads as the largest.
  return db.query<{ client: string; operation: string; field: string; count: number; firstSeenAt: string; lastSeenAt: string }>(
    `SELECT client, operation, field, LEAST(count, 2147483647)::int AS count, first_seen_at AS "firstSeenAt", last_seen_at AS "lastSeenAt"
     FROM deprecated_usage WHERE ($1::text IS NULL OR field = $1) AND ($2::text IS NULL OR client = $2)
     ORDER BY field, client, operation`,
    [field, client],
  );
}

/** The latest reconciliation runs, newest first. */
export function reconciliationRuns(db: Queryable, first: number): Promise<ReconciliationRunRow[]> {
  return db.query<ReconciliationRunRow>('SELECT * FROM reconciliation_runs ORDER BY started_at DESC, id DESC LIMIT $1', [first]);
}

/** Open exceptions reconciliation raised, counted by kind (and its owner). */
export function openDifferencesByKind(db: Queryable, kinds: readonly string[]): Promise<{ kind: string; owner: string; count: number }[]> {
  return db.query<{ kind: string; owner: string; count: number }>(
    `SELECT kind, owner, count(*)::int AS count FROM exceptions WHERE status = 'OPEN' AND kind = ANY($1) GROUP BY kind, owner ORDER BY kind, owner`,
    [kinds],
  );
}

/** The open exceptions reconciliation raised, newest first, optionally of one kind. */
export function openDifferences(db: Queryable, kinds: readonly string[], kind: string | null, first: number): Promise<ExceptionRow[]> {
  return db.query<ExceptionRow>(
    `SELECT * FROM exceptions WHERE status = 'OPEN' AND kind = ANY($1) AND ($2::text IS NULL OR kind = $2)
     ORDER BY opened_at DESC, id LIMIT $3`,
    [kinds, kind, first],
  );
}
