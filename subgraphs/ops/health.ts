import type { Queryable } from '../../platform/db/db.ts';
import type { EventStream } from '../../platform/events/index.ts';
import { DIFFERENCE_KINDS } from './reconciliation.ts';

export interface SyncLag {
  consumer: string;
  pending: number;
  lagSeconds: number;
}

export interface OwnerExceptions {
  owner: string;
  open: number;
  oldestAgeSeconds: number;
}

export interface WorkflowRunCount {
  kind: string;
  state: 'IN_PROGRESS' | 'COMPLETED' | 'EXCEPTION';
  count: number;
}

export interface OperationsHealth {
  /** The key the gateway adds its circuits to OperationsHealth by; there is one, "hub". */
  scope: 'hub';
  invoicesAwaitingPosting: number;
  postingLatencySeconds: number;
  openExceptions: number;
  oldestExceptionAgeSeconds: number | null;
  deadLetters: number;
  openDifferences: number;
  syncLag: SyncLag[];
  exceptionsByOwner: OwnerExceptions[];
  workflowRuns: WorkflowRunCount[];
}

/**
 * Invoices in the log whose latest posting outcome is not a posting: still waiting for erp, or
 * rejected. A voided invoice is no longer expected to post.
 */
const AWAITING_POSTING = `
  SELECT count(*)::int AS count FROM (SELECT DISTINCT subject FROM events WHERE type = 'invoice.issued') invoice
  WHERE NOT EXISTS (SELECT 1 FROM events voided WHERE voided.subject = invoice.subject AND voided.type = 'invoice.voided')
    AND COALESCE((
      SELECT outcome.type FROM events outcome
      WHERE outcome.subject = invoice.subject AND outcome.type IN ('invoice.posted', 'invoice.posting_rejected')
      ORDER BY outcome.time DESC, outcome.recorded_seq DESC LIMIT 1
    ), '') <> 'invoice.posted'`;

/** p95 of issued → first posted per invoice, over invoices first posted in the last 24 hours. */
const POSTING_LATENCY = `
  SELECT COALESCE(percentile_cont(0.95) WITHIN GROUP (ORDER BY GREATEST(0, extract(epoch FROM posted.at - issued.at))::float8), 0)::float8 AS p95
  FROM (SELECT subject, min(time) AS at FROM events WHERE type = 'invoice.posted' GROUP BY subject) posted
  JOIN (SELECT subject, min(time) AS at FROM events WHERE type = 'invoice.issued' GROUP BY subject) issued USING (subject)
  WHERE posted.at > now() - interval '24 hours'`;

/** Open exceptions by owner; the totals are summed from these, so both read one instant. */
const EXCEPTIONS = `
  SELECT owner, count(*)::int AS open, floor(extract(epoch FROM now() - min(opened_at)))::int AS oldest
  FROM exceptions WHERE status = 'OPEN' GROUP BY owner ORDER BY owner`;

const WORKFLOW_RUNS = 'SELECT kind, state, count(*)::int AS count FROM workflow_runs GROUP BY kind, state ORDER BY kind, state';

/**
 * The state of the integration at a glance: one statement per figure, and every consumer group's
 * lag in the stream. The ops subgraph's `/metrics` gauges are these figures too (metrics.ts).
 */
export async function operationsHealth(db: Queryable, stream: EventStream): Promise<OperationsHealth> {
  const [[awaiting], [latency], owners, runs, [letters], [differences], lag] = await Promise.all([
    db.query<{ count: number }>(AWAITING_POSTING),
    db.query<{ p95: number }>(POSTING_LATENCY),
    db.query<{ owner: string; open: number; oldest: number }>(EXCEPTIONS),
    db.query<WorkflowRunCount>(WORKFLOW_RUNS),
    db.query<{ count: number }>("SELECT count(*)::int AS count FROM dead_letters WHERE status <> 'REPLAYED'"),
    db.query<{ count: number }>("SELECT count(*)::int AS count FROM exceptions WHERE status = 'OPEN' AND kind = ANY($1)", [DIFFERENCE_KINDS]),
    stream.lag(),
  ]);
  const exceptionsByOwner = owners.map(({ owner, open, oldest }) => ({ owner, open, oldestAgeSeconds: Math.max(0, oldest) }));
  return {
    scope: 'hub',
    invoicesAwaitingPosting: awaiting.count,
    postingLatencySeconds: Number(latency.p95),
    openExceptions: exceptionsByOwner.reduce((sum, owner) => sum + owner.open, 0),
    oldestExceptionAgeSeconds: exceptionsByOwner.length === 0 ? null : Math.max(...exceptionsByOwner.map((owner) => owner.oldestAgeSeconds)),
    deadLetters: letters.count,
    openDifferences: differences.count,
    syncLag: lag.map(({ group, pending, lagSeconds }) => ({ consumer: group, pending, lagSeconds })).sort((a, b) => a.consumer.localeCompare(b.consumer)),
    exceptionsByOwner,
    workflowRuns: runs,
  };
}
