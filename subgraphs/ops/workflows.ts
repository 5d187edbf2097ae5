import type { Queryable } from '../../platform/db/db.ts';
import { CATALOGUE, type EventType, type HubEvent } from '../../platform/events/index.ts';
import { newId } from '../../platform/ids.ts';
import { systemOf } from './commands.ts';
import type { SystemValue, WorkflowKind, WorkflowStateValue } from './rows.ts';

/**
 * The one table of workflows: each kind of run is the events that complete its steps, in order.
 * The first one starts a run; each step is named after its event (`invoice.issued` →
 * INVOICE_ISSUED) and done by the system that emits it.
 */
export const WORKFLOWS = {
  'quote-to-cash': ['contract.activated', 'subscription.created', 'invoice.issued', 'invoice.posted', 'onboarding.started'],
  amendment: ['contract.amended', 'invoice.issued', 'invoice.posted'],
  'seat-decrease': ['contract.amended', 'credit_note.issued', 'credit_note.posted'],
} as const satisfies Record<WorkflowKind, readonly EventType[]>;

type StepEvent = (typeof WORKFLOWS)[WorkflowKind][number];

/** The outcomes of posting an invoice: both kinds post one, so these find their run by the invoice. */
const POSTING_OUTCOMES: readonly EventType[] = ['invoice.posted', 'invoice.posting_rejected'];

const KINDS = Object.keys(WORKFLOWS) as WorkflowKind[];

export function isWorkflowKind(kind: string): kind is WorkflowKind {
  return (KINDS as string[]).includes(kind);
}

function stepName(type: StepEvent): string {
  return type.toUpperCase().replace('.', '_');
}

/** The steps a kind of run expects, in order, and the system that does each. */
export function stepsOf(kind: WorkflowKind): { name: string; system: SystemValue }[] {
  return WORKFLOWS[kind].map((type) => ({ name: stepName(type), system: systemOf(CATALOGUE[type].source[0]) ?? 'OPS' }));
}

function isStepEvent(type: EventType): type is StepEvent {
  return KINDS.some((kind) => (WORKFLOWS[kind] as readonly EventType[]).includes(type));
}

/** Event types that move a run. */
export const WORKFLOW_TYPES: readonly EventType[] = [...new Set([...KINDS.flatMap((kind) => WORKFLOWS[kind]), ...POSTING_OUTCOMES])];

/** The kind of run an event starts, if it is the first step of one. */
function startedBy(type: EventType): WorkflowKind | null {
  return KINDS.find((kind) => WORKFLOWS[kind][0] === type) ?? null;
}

/**
 * The kind of run an event belongs to, when the event alone tells: the one kind whose steps it is
 * in, or for an invoice, by what it bills. A posting outcome does not (both kinds post an
 * invoice), so it never starts a run; see trackWorkflow.
 */
function kindOf(event: HubEvent): WorkflowKind | null {
  if (event.type === 'invoice.issued') return event.data.kind === 'PRORATION' ? 'amendment' : 'quote-to-cash';
  // Fewer seats are credited, more are billed: the same event starts one kind or the other.
  if (event.type === 'contract.amended') return event.data.amendment.seatsDelta < 0 ? 'seat-decrease' : 'amendment';
  if (POSTING_OUTCOMES.includes(event.type)) return null;
  const kinds = KINDS.filter((kind) => (WORKFLOWS[kind] as readonly EventType[]).includes(event.type));
  return kinds.length === 1 ? kinds[0] : null;
}

function contractOf(event: HubEvent): string | null {
  switch (event.type) {
    case 'contract.activated':
    case 'contract.amended':
      return event.data.id;
    case 'subscription.created':
    case 'invoice.issued':
    case 'onboarding.started':
    case 'credit_note.issued':
      return event.data.contractId;
    default:
      return null;
  }
}

/** What trackWorkflow reads and writes: ops's tables live, maps when the seed loads its history in bulk (replay.ts). */
export interface WorkflowStore {
  /** The run whose INVOICE_ISSUED step is the invoice.issued of `subject` (the earliest completed), if any. */
  runIssuing(subject: string): Promise<string | null>;
  /** The earliest started run of a correlation id, if any. */
  firstRunOf(correlationId: string): Promise<string | null>;
  runOf(kind: WorkflowKind, correlationId: string): Promise<string | null>;
  /** The run of `kind` for a correlation id, created with `steps` pending when there is none yet. */
  ensureRun(kind: WorkflowKind, correlationId: string, at: string, steps: readonly { name: string; system: SystemValue }[]): Promise<string>;
  /** The logged events of a correlation id of these types, in recorded order. */
  logged(correlationId: string, types: readonly EventType[]): Promise<{ id: string; type: string; time: string }[]>;
  /** The first invoice.posted of an invoice in the log, if any. */
  firstPosted(subject: string): Promise<{ id: string; time: string } | null>;
  /** Completes a step that is still pending. */
  completeStep(runId: string, name: string, time: string, eventId: string): Promise<void>;
  /** The run's pending steps, and whether the log holds a rejected posting of its correlation id or of the invoice it issued. */
  standing(runId: string): Promise<{ pending: string[]; rejected: boolean }>;
  /** Sets the run's state, keeps its first contract id, and widens its time span to `at`. */
  updateRun(runId: string, contractId: string | null, at: string, state: WorkflowStateValue): Promise<void>;
}

/**
 * A run's state from its steps: COMPLETED when none is pending; EXCEPTION while the posting is
 * not done and a rejection is in the log for it (a later successful posting, a retry, completes
 * the run); else IN_PROGRESS.
 */
export function runState(pending: readonly string[], rejected: boolean): WorkflowStateValue {
  if (pending.length === 0) return 'COMPLETED';
  return pending.includes('INVOICE_POSTED') && rejected ? 'EXCEPTION' : 'IN_PROGRESS';
}

/** The store of a transaction on ops's database. */
export function sqlWorkflowStore(tx: Queryable): WorkflowStore {
  return {
    async runIssuing(subject) {
      const [run] = await tx.query<{ run_id: string }>(
        `SELECT s.run_id FROM workflow_steps s JOIN events issued ON issued.id = s.event_id
         WHERE s.name = 'INVOICE_ISSUED' AND issued.type = 'invoice.issued' AND issued.subject = $1 ORDER BY s.completed_at LIMIT 1`,
        [subject],
      );
      return run?.run_id ?? null;
    },
    async firstRunOf(correlationId) {
      const [run] = await tx.query<{ id: string }>('SELECT id FROM workflow_runs WHERE correlation_id = $1 ORDER BY started_at, id LIMIT 1', [correlationId]);
      return run?.id ?? null;
    },
    async runOf(kind, correlationId) {
      const [run] = await tx.query<{ id: string }>('SELECT id FROM workflow_runs WHERE correlation_id = $1 AND kind = $2', [correlationId, kind]);
      return run?.id ?? null;
    },
    // ON CONFLICT lets two consumer replicas race for the same run safely.
    async ensureRun(kind, correlationId, at, steps) {
      const [created] = await tx.query<{ id: string }>(
        `INSERT INTO workflow_runs (id, kind, correlation_id, state, started_at, updated_at) VALUES ($1, $2, $3, 'IN_PROGRESS', $4, $4)
         ON CONFLICT (correlation_id, kind) DO NOTHING RETURNING id`,
        [newId('wf'), kind, correlationId, at],
      );
      if (!created) return (await this.runOf(kind, correlationId))!;
      await tx.query(
        `INSERT INTO workflow_steps (run_id, name, system, position)
         SELECT $1, step.name, step.system, step.position FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS step (name, system, position)
         ON CONFLICT DO NOTHING`,
        [created.id, steps.map((step) => step.name), steps.map((step) => step.system)],
      );
      return created.id;
    },
    logged(correlationId, types) {
      return tx.query<{ id: string; type: string; time: string }>(
        'SELECT id, type, time FROM events WHERE correlation_id = $1 AND type = ANY($2) ORDER BY recorded_seq',
        [correlationId, types],
      );
    },
    async firstPosted(subject) {
      const [posted] = await tx.query<{ id: string; time: string }>(
        `SELECT id, time FROM events WHERE type = 'invoice.posted' AND subject = $1 ORDER BY recorded_seq LIMIT 1`,
        [subject],
      );
      return posted ?? null;
    },
    async completeStep(runId, name, time, eventId) {
      await tx.query('UPDATE workflow_steps SET completed_at = $3, event_id = $4 WHERE run_id = $1 AND name = $2 AND completed_at IS NULL', [
        runId,
        name,
        time,
        eventId,
      ]);
    },
    async standing(runId) {
      const [row] = await tx.query<{ pending: string[]; rejected: boolean }>(
        `SELECT
           ARRAY(SELECT s.name FROM workflow_steps s WHERE s.run_id = run.id AND s.completed_at IS NULL) AS pending,
           EXISTS (
             SELECT 1 FROM events rejected
             WHERE rejected.type = 'invoice.posting_rejected'
               AND (rejected.correlation_id = run.correlation_id OR rejected.subject IN (
                 SELECT issued.subject FROM workflow_steps s JOIN events issued ON issued.id = s.event_id
                 WHERE s.run_id = run.id AND s.name = 'INVOICE_ISSUED'))
           ) AS rejected
         FROM workflow_runs run WHERE run.id = $1`,
        [runId],
      );
      return row;
    },
    async updateRun(runId, contractId, at, state) {
      await tx.query(
        `UPDATE workflow_runs SET contract_id = COALESCE(contract_id, $2), started_at = LEAST(started_at, $3),
           updated_at = GREATEST(updated_at, $3), state = $4 WHERE id = $1`,
        [runId, contractId, at, state],
      );
    },
  };
}

/**
 * The run a posting outcome belongs to: the run that issued the invoice (a retried posting carries
 * the retry's correlation id, not the sale's), else a run of its correlation id, else none yet:
 * when the invoice.issued event arrives, its run picks the outcome up from the log.
 */
async function postingRun(store: WorkflowStore, event: HubEvent): Promise<string | null> {
  return (await store.runIssuing(event.subject)) ?? (event.correlationId ? store.firstRunOf(event.correlationId) : null);
}

/**
 * Moves the workflow run an event belongs to: completes the event's step and recomputes the
 * run's state from its steps and the log, so the outcome is the same in whatever order the
 * events arrive. The event must already be in the log.
 */
export async function trackWorkflow(store: WorkflowStore, event: HubEvent): Promise<void> {
  if (!WORKFLOW_TYPES.includes(event.type)) return;
  let runId: string | null;
  if (POSTING_OUTCOMES.includes(event.type)) {
    runId = await postingRun(store, event);
  } else {
    const kind = kindOf(event);
    if (!kind || !event.correlationId) return;
    // Only a contract starts a run; an invoice issued on its own (issueInvoice) belongs to none.
    if (startedBy(event.type)) {
      runId = await store.ensureRun(kind, event.correlationId, event.time, stepsOf(kind));
      // A consumer retry can put a downstream event in the log before the contract's.
      for (const earlier of await store.logged(event.correlationId, WORKFLOWS[kind].slice(1))) {
        await store.completeStep(runId, stepName(earlier.type as StepEvent), earlier.time, earlier.id);
      }
    } else {
      runId = await store.runOf(kind, event.correlationId);
    }
  }
  if (!runId) return;
  if (isStepEvent(event.type)) await store.completeStep(runId, stepName(event.type), event.time, event.id);
  if (event.type === 'invoice.issued') {
    // The invoice may have been posted before its issue reached the log.
    const posted = await store.firstPosted(event.subject);
    if (posted) await store.completeStep(runId, 'INVOICE_POSTED', posted.time, posted.id);
  }
  const { pending, rejected } = await store.standing(runId);
  await store.updateRun(runId, contractOf(event), event.time, runState(pending, rejected));
}

export interface WorkflowFunnel {
  kind: WorkflowKind;
  runs: number;
  inProgress: number;
  completed: number;
  exception: number;
  steps: { name: string; system: SystemValue; completed: number }[];
}

/**
 * How many runs of a kind are in each state and have done each step, in two statements. Every
 * step of the kind is listed, with 0 before any run did it, so a chart keeps its bars.
 */
export async function workflowFunnel(db: Queryable, kind: WorkflowKind): Promise<WorkflowFunnel> {
  const [states, steps] = await Promise.all([
    db.query<{ state: string; count: number }>('SELECT state, count(*)::int AS count FROM workflow_runs WHERE kind = $1 GROUP BY state', [kind]),
    db.query<{ name: string; count: number }>(
      `SELECT s.name, count(*)::int AS count FROM workflow_steps s JOIN workflow_runs r ON r.id = s.run_id
       WHERE r.kind = $1 AND s.completed_at IS NOT NULL GROUP BY s.name`,
      [kind],
    ),
  ]);
  const inState = (state: string) => states.find((row) => row.state === state)?.count ?? 0;
  const done = new Map(steps.map((row) => [row.name, row.count]));
  return {
    kind,
    runs: states.reduce((sum, row) => sum + row.count, 0),
    inProgress: inState('IN_PROGRESS'),
    completed: inState('COMPLETED'),
    exception: inState('EXCEPTION'),
    steps: stepsOf(kind).map((step) => ({ ...step, completed: done.get(step.name) ?? 0 })),
  };
}
