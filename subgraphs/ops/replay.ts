/**
 * Ops's tables as its `ops.log` consumer would leave them after a history of events, computed in
 * memory so a seed can load them in one go instead of applying 100,000 events one by one. The
 * workflow runs come from the consumer's own trackWorkflow, over maps instead of tables.
 */
import { BUSINESS_EVENT_TYPES, type BusinessEvent, type EventType, type HubEvent } from '../../platform/events/index.ts';
import { newId } from '../../platform/ids.ts';
import { loggedEvent } from './consumers.ts';
import type { ExceptionRow, WorkflowKind, WorkflowRunRow, WorkflowStepRow } from './rows.ts';
import { trackWorkflow, type WorkflowStore } from './workflows.ts';

/** The rows of ops's tables a history comes to, ready for a bulk load. */
export interface OpsHistory {
  events: {
    id: string;
    type: string;
    source: string;
    subject: string;
    time: string;
    correlation_id: string | null;
    causation_id: string | null;
    customer_id: string | null;
    data: unknown;
    previous: unknown;
    recorded_seq: number;
  }[];
  processed: { consumer: string; event_id: string }[];
  runs: WorkflowRunRow[];
  steps: WorkflowStepRow[];
  exceptions: Omit<ExceptionRow, 'difference'>[];
}

const later = (a: string, b: string) => Date.parse(a) > Date.parse(b);

interface Run {
  row: WorkflowRunRow;
  steps: WorkflowStepRow[];
}

/** trackWorkflow's store over the history replayed so far; `log` is the event log in recorded order. */
class MemoryStore implements WorkflowStore {
  readonly runs: Run[] = [];
  private readonly runById = new Map<string, Run>();
  private readonly runByKey = new Map<string, Run>();
  private readonly runsByCorrelation = new Map<string, Run[]>();
  /** Runs by the subject of the invoice.issued that completed their INVOICE_ISSUED step. */
  private readonly issuing = new Map<string, Run[]>();
  private readonly eventById = new Map<string, HubEvent>();
  private readonly byCorrelation = new Map<string, HubEvent[]>();
  readonly posted = new Map<string, HubEvent[]>();
  private readonly rejectedCorrelations = new Set<string>();
  private readonly rejectedSubjects = new Set<string>();

  /** Appends an event to the log; false when it is there already (the consumer's ON CONFLICT DO NOTHING). */
  record(event: HubEvent): boolean {
    if (this.eventById.has(event.id)) return false;
    this.eventById.set(event.id, event);
    if (event.correlationId) append(this.byCorrelation, event.correlationId, event);
    if (event.type === 'invoice.posted') append(this.posted, event.subject, event);
    if (event.type === 'invoice.posting_rejected') {
      if (event.correlationId) this.rejectedCorrelations.add(event.correlationId);
      this.rejectedSubjects.add(event.subject);
    }
    return true;
  }

  async runIssuing(subject: string) {
    const issuedAt = (run: Run) => Date.parse(run.steps.find((step) => step.name === 'INVOICE_ISSUED')!.completed_at!);
    const first = [...(this.issuing.get(subject) ?? [])].sort((a, b) => issuedAt(a) - issuedAt(b))[0];
    return first?.row.id ?? null;
  }

  async firstRunOf(correlationId: string) {
    const runs = this.runsByCorrelation.get(correlationId) ?? [];
    const first = [...runs].sort((a, b) => Date.parse(a.row.started_at) - Date.parse(b.row.started_at) || a.row.id.localeCompare(b.row.id))[0];
    return first?.row.id ?? null;
  }

  async runOf(kind: WorkflowKind, correlationId: string) {
    return this.runByKey.get(`${kind}/${correlationId}`)?.row.id ?? null;
  }

  async ensureRun(kind: WorkflowKind, correlationId: string, at: string, steps: readonly { name: string; system: WorkflowStepRow['system'] }[]) {
    const existing = this.runByKey.get(`${kind}/${correlationId}`);
    if (existing) return existing.row.id;
    const id = newId('wf');
    const run: Run = {
      row: { id, kind, correlation_id: correlationId, contract_id: null, state: 'IN_PROGRESS', started_at: at, updated_at: at },
      steps: steps.map((step, index) => ({ run_id: id, name: step.name, system: step.system, position: index + 1, completed_at: null, event_id: null })),
    };
    this.runs.push(run);
    this.runById.set(id, run);
    this.runByKey.set(`${kind}/${correlationId}`, run);
    append(this.runsByCorrelation, correlationId, run);
    return id;
  }

  async logged(correlationId: string, types: readonly EventType[]) {
    return (this.byCorrelation.get(correlationId) ?? []).filter((event) => types.includes(event.type));
  }

  async firstPosted(subject: string) {
    return this.posted.get(subject)?.[0] ?? null;
  }

  async completeStep(runId: string, name: string, time: string, eventId: string) {
    const run = this.runById.get(runId)!;
    const step = run.steps.find((candidate) => candidate.name === name);
    if (!step || step.completed_at !== null) return;
    step.completed_at = time;
    step.event_id = eventId;
    if (name !== 'INVOICE_ISSUED') return;
    const issued = this.eventById.get(eventId);
    if (issued?.type === 'invoice.issued') append(this.issuing, issued.subject, run);
  }

  async standing(runId: string) {
    const run = this.runById.get(runId)!;
    const issued = run.steps.find((step) => step.name === 'INVOICE_ISSUED')?.event_id;
    const issuedSubject = issued ? this.eventById.get(issued)?.subject : undefined;
    return {
      pending: run.steps.filter((step) => step.completed_at === null).map((step) => step.name),
      rejected: this.rejectedCorrelations.has(run.row.correlation_id) || (issuedSubject !== undefined && this.rejectedSubjects.has(issuedSubject)),
    };
  }

  async updateRun(runId: string, contractId: string | null, at: string, state: WorkflowRunRow['state']) {
    const { row } = this.runById.get(runId)!;
    row.contract_id ??= contractId;
    if (later(row.started_at, at)) row.started_at = at;
    if (later(at, row.updated_at)) row.updated_at = at;
    row.state = state;
  }
}

function append<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * What `ops.log` makes of these events, applied in order. It handles the history a seed makes:
 * events that would make ops emit one of its own (a posting that resolves an exception, a dead
 * letter's replay) or a dead letter are refused, since a bulk load sends nothing to the stream.
 */
export async function replayHistory(history: readonly BusinessEvent[]): Promise<OpsHistory> {
  const store = new MemoryStore();
  const result: OpsHistory = { events: [], processed: [], runs: [], steps: [], exceptions: [] };
  const openExceptions = new Map<string, Omit<ExceptionRow, 'difference'>>();
  const claimed = new Set<string>();
  for (const raw of history) {
    if (!(BUSINESS_EVENT_TYPES as readonly string[]).includes(raw.type) || claimed.has(raw.id)) continue;
    claimed.add(raw.id);
    result.processed.push({ consumer: 'ops.log', event_id: raw.id });
    const event = loggedEvent(raw);
    if (!event) throw new Error(`seed event ${raw.id} (${raw.type}) is malformed`);
    if (store.record(event)) {
      result.events.push({
        id: event.id,
        type: event.type,
        source: event.source,
        subject: event.subject,
        time: event.time,
        correlation_id: event.correlationId,
        causation_id: event.causationId,
        customer_id: event.customerId,
        data: event.data,
        previous: event.previous ?? null,
        recorded_seq: result.events.length + 1,
      });
    }
    await trackWorkflow(store, event);
    switch (event.type) {
      case 'invoice.posting_rejected': {
        // As commands.postingRejected: a rejection already overtaken by a posting opens nothing.
        if ((store.posted.get(event.subject) ?? []).some((posted) => !later(event.time, posted.time))) break;
        const key = `${event.subject}/POSTING_REJECTED`;
        const open = openExceptions.get(key);
        if (open) {
          open.message = event.data.reason || 'posting rejected';
          break;
        }
        const row: Omit<ExceptionRow, 'difference'> = {
          id: newId('exc'),
          kind: 'POSTING_REJECTED',
          system: 'ERP',
          owner: 'finance-ops',
          priority: 'HIGH',
          status: 'OPEN',
          message: event.data.reason || 'posting rejected',
          subject: event.subject,
          correlation_id: event.correlationId,
          customer_id: event.customerId,
          opened_at: event.time,
          resolved_at: null,
          resolution_note: null,
        };
        openExceptions.set(key, row);
        result.exceptions.push(row);
        break;
      }
      case 'invoice.posted':
        if (openExceptions.has(`${event.subject}/POSTING_REJECTED`)) throw new Error(`seed history resolves the rejected posting of ${event.subject}: load it through the consumer`);
        break;
      case 'event.dead_lettered':
      case 'event.replayed':
        throw new Error(`seed history holds ${event.type}: load it through the consumer`);
      default:
        break;
    }
  }
  for (const run of store.runs) {
    result.runs.push(run.row);
    result.steps.push(...run.steps);
  }
  return result;
}
