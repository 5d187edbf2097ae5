import type { Queryable } from '../../platform/db.ts';
import type { BusinessEvent } from '../../platform/events/index.ts';
import { newId } from '../../platform/ids.ts';
import type { SystemValue, WorkflowKind } from './rows.ts';

/** The steps each kind of run expects, in order, and the system that does each. */
export const STEPS: Record<WorkflowKind, readonly { name: string; system: SystemValue }[]> = {
  'quote-to-cash': [
    { name: 'CONTRACT_ACTIVATED', system: 'CRM' },
    { name: 'SUBSCRIPTION_CREATED', system: 'BILLING' },
    { name: 'INVOICE_ISSUED', system: 'BILLING' },
    { name: 'INVOICE_POSTED', system: 'ERP' },
    { name: 'ONBOARDING_STARTED', system: 'CUSTOMER_SUCCESS' },
  ],
  amendment: [
    { name: 'CONTRACT_AMENDED', system: 'CRM' },
    { name: 'INVOICE_ISSUED', system: 'BILLING' },
    { name: 'INVOICE_POSTED', system: 'ERP' },
  ],
};

/** The step each event type does. */
const STEP_OF: Record<string, string> = {
  'contract.activated': 'CONTRACT_ACTIVATED',
  'contract.amended': 'CONTRACT_AMENDED',
  'subscription.created': 'SUBSCRIPTION_CREATED',
  'invoice.issued': 'INVOICE_ISSUED',
  'invoice.posted': 'INVOICE_POSTED',
  'onboarding.started': 'ONBOARDING_STARTED',
};

const POSTING_OUTCOMES = new Set(['invoice.posted', 'invoice.posting_rejected']);

/** Event types that move a run. */
export const WORKFLOW_TYPES: readonly string[] = [...Object.keys(STEP_OF), 'invoice.posting_rejected'];

function stringField(event: BusinessEvent, key: string): string | null {
  const value = event.data[key];
  return typeof value === 'string' ? value : null;
}

/**
 * The kind of run an event belongs to, when the event alone tells. A posting outcome does not
 * (both kinds post an invoice), so it never starts a run; see trackWorkflow.
 */
function kindOf(event: BusinessEvent): WorkflowKind | null {
  switch (event.type) {
    case 'contract.activated':
    case 'subscription.created':
    case 'onboarding.started':
      return 'quote-to-cash';
    case 'contract.amended':
      return 'amendment';
    case 'invoice.issued':
      return stringField(event, 'kind') === 'PRORATION' ? 'amendment' : 'quote-to-cash';
    default:
      return null;
  }
}

function contractOf(event: BusinessEvent): string | null {
  return event.type === 'contract.activated' || event.type === 'contract.amended' ? stringField(event, 'id') : stringField(event, 'contractId');
}

/**
 * The run of `kind` for a correlation id, created with all its steps pending when this is its
 * first event: systems react in parallel, so a run may well hear of billing before crm.
 * ON CONFLICT lets two consumer replicas race for the same run safely.
 */
async function ensureRun(tx: Queryable, kind: WorkflowKind, correlationId: string, at: string): Promise<string> {
  const id = newId('wf');
  const [created] = await tx.query<{ id: string }>(
    `INSERT INTO workflow_runs (id, kind, correlation_id, state, started_at, updated_at) VALUES ($1, $2, $3, 'IN_PROGRESS', $4, $4)
     ON CONFLICT (correlation_id, kind) DO NOTHING RETURNING id`,
    [id, kind, correlationId, at],
  );
  if (created) {
    const steps = STEPS[kind];
    await tx.query(
      `INSERT INTO workflow_steps (run_id, name, system, position)
       SELECT $1, step.name, step.system, step.position FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS step (name, system, position)
       ON CONFLICT DO NOTHING`,
      [id, steps.map((step) => step.name), steps.map((step) => step.system)],
    );
    return id;
  }
  const [existing] = await tx.query<{ id: string }>('SELECT id FROM workflow_runs WHERE correlation_id = $1 AND kind = $2', [correlationId, kind]);
  return existing.id;
}

/** The event types that start a run. */
const STARTED_BY: Record<string, WorkflowKind> = { 'contract.activated': 'quote-to-cash', 'contract.amended': 'amendment' };

async function runOf(tx: Queryable, kind: WorkflowKind, correlationId: string): Promise<string | null> {
  const [run] = await tx.query<{ id: string }>('SELECT id FROM workflow_runs WHERE correlation_id = $1 AND kind = $2', [correlationId, kind]);
  return run?.id ?? null;
}

/**
 * Starts (or finds) a run, and completes the steps of events of its correlation id already in
 * the log: a consumer retry can put a downstream event in the log before the contract's.
 */
async function startRun(tx: Queryable, kind: WorkflowKind, correlationId: string, at: string): Promise<string> {
  const runId = await ensureRun(tx, kind, correlationId, at);
  const earlier = await tx.query<{ id: string; type: string; time: string }>(
    `SELECT id, type, time FROM events WHERE correlation_id = $1 AND type = ANY($2) ORDER BY recorded_seq`,
    [correlationId, ['subscription.created', 'invoice.issued', 'invoice.posted', 'onboarding.started']],
  );
  for (const event of earlier) {
    await tx.query('UPDATE workflow_steps SET completed_at = $3, event_id = $4 WHERE run_id = $1 AND name = $2 AND completed_at IS NULL', [
      runId,
      STEP_OF[event.type],
      event.time,
      event.id,
    ]);
  }
  return runId;
}

/**
 * The run a posting outcome belongs to: the run that issued the invoice (a retried posting carries
 * the retry's correlation id, not the sale's), else a run of its correlation id, else none yet:
 * when the invoice.issued event arrives, its run picks the outcome up from the log.
 */
async function postingRun(tx: Queryable, event: BusinessEvent): Promise<string | null> {
  const [byInvoice] = await tx.query<{ run_id: string }>(
    `SELECT s.run_id FROM workflow_steps s JOIN events issued ON issued.id = s.event_id
     WHERE s.name = 'INVOICE_ISSUED' AND issued.type = 'invoice.issued' AND issued.subject = $1 ORDER BY s.completed_at LIMIT 1`,
    [event.subject],
  );
  if (byInvoice) return byInvoice.run_id;
  if (!event.correlationId) return null;
  const [byCorrelation] = await tx.query<{ id: string }>('SELECT id FROM workflow_runs WHERE correlation_id = $1 ORDER BY started_at, id LIMIT 1', [
    event.correlationId,
  ]);
  return byCorrelation?.id ?? null;
}

/**
 * Moves the workflow run an event belongs to: completes the event's step and recomputes the
 * run's state from its steps and the log, so the outcome is the same in whatever order the
 * events arrive. The event must already be in the log.
 */
export async function trackWorkflow(tx: Queryable, event: BusinessEvent): Promise<void> {
  if (!WORKFLOW_TYPES.includes(event.type)) return;
  let runId: string | null;
  if (POSTING_OUTCOMES.has(event.type)) {
    runId = await postingRun(tx, event);
  } else {
    const kind = kindOf(event);
    if (!kind || !event.correlationId) return;
    // Only a contract starts a run; an invoice issued on its own (issueInvoice) belongs to none.
    runId = STARTED_BY[event.type] ? await startRun(tx, kind, event.correlationId, event.time) : await runOf(tx, kind, event.correlationId);
  }
  if (!runId) return;
  const step = STEP_OF[event.type];
  if (step) {
    await tx.query('UPDATE workflow_steps SET completed_at = $3, event_id = $4 WHERE run_id = $1 AND name = $2 AND completed_at IS NULL', [
      runId,
      step,
      event.time,
      event.id,
    ]);
  }
  if (event.type === 'invoice.issued') {
    // The invoice may have been posted before its issue reached the log.
    await tx.query(
      `UPDATE workflow_steps step SET completed_at = posted.time, event_id = posted.id
       FROM (SELECT id, time FROM events WHERE type = 'invoice.posted' AND subject = $2 ORDER BY recorded_seq LIMIT 1) posted
       WHERE step.run_id = $1 AND step.name = 'INVOICE_POSTED' AND step.completed_at IS NULL`,
      [runId, event.subject],
    );
  }
  // EXCEPTION while the posting is not done and a rejection is in the log for the run's
  // invoice or correlation id; a later successful posting (a retry) completes the run.
  await tx.query(
    `UPDATE workflow_runs run SET
       contract_id = COALESCE(run.contract_id, $2),
       started_at = LEAST(run.started_at, $3),
       updated_at = GREATEST(run.updated_at, $3),
       state = CASE
         WHEN NOT EXISTS (SELECT 1 FROM workflow_steps s WHERE s.run_id = run.id AND s.completed_at IS NULL) THEN 'COMPLETED'
         WHEN EXISTS (SELECT 1 FROM workflow_steps s WHERE s.run_id = run.id AND s.name = 'INVOICE_POSTED' AND s.completed_at IS NULL)
          AND EXISTS (
            SELECT 1 FROM events rejected
            WHERE rejected.type = 'invoice.posting_rejected'
              AND (rejected.correlation_id = run.correlation_id OR rejected.subject IN (
                SELECT issued.subject FROM workflow_steps s JOIN events issued ON issued.id = s.event_id
                WHERE s.run_id = run.id AND s.name = 'INVOICE_ISSUED'))
          ) THEN 'EXCEPTION'
         ELSE 'IN_PROGRESS'
       END
     WHERE run.id = $1`,
    [runId, contractOf(event), event.time],
  );
}
