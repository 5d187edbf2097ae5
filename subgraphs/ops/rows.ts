/** Rows of the ops database, as resolvers receive them (the codegen mappers). */
import type { BusinessEvent } from '../../platform/events/index.ts';

/** A CRM customer ops adds its events and open exceptions to. */
export interface CustomerRef {
  id: string;
}

/** A CRM contract ops adds its quote-to-cash run to. */
export interface ContractRef {
  id: string;
}

/**
 * An event of the log in its envelope shape, so a dead letter's stored event and a logged one
 * resolve alike.
 */
export type EventRow = BusinessEvent;

export type SystemValue = 'CRM' | 'BILLING' | 'ERP' | 'CUSTOMER_SUCCESS' | 'OPS';
export type WorkflowKind = 'quote-to-cash' | 'amendment' | 'seat-decrease';
export type WorkflowStateValue = 'IN_PROGRESS' | 'COMPLETED' | 'EXCEPTION';

export interface WorkflowRunRow {
  id: string;
  kind: WorkflowKind;
  correlation_id: string;
  contract_id: string | null;
  state: WorkflowStateValue;
  started_at: string;
  updated_at: string;
}

export interface WorkflowStepRow {
  run_id: string;
  name: string;
  system: SystemValue;
  position: number;
  completed_at: string | null;
  event_id: string | null;
}

export interface ExceptionRow {
  id: string;
  kind: string;
  system: SystemValue;
  owner: string;
  priority: 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';
  status: 'OPEN' | 'RESOLVED';
  message: string;
  subject: string;
  correlation_id: string | null;
  customer_id: string | null;
  opened_at: string;
  resolved_at: string | null;
  resolution_note: string | null;
  /** What reconciliation found different, for the exceptions it opens. */
  difference: DifferenceRecord | null;
}

/** One system's side of a difference. */
export interface DifferenceSideRecord {
  system: SystemValue;
  value: string;
  amount: string | null;
  currency: string | null;
}

/** A difference reconciliation found, as the exception it opened keeps it. */
export interface DifferenceRecord {
  kind: string;
  customerId: string | null;
  left: DifferenceSideRecord;
  right: DifferenceSideRecord;
  subjectIds: string[];
  runId: string;
}

export interface ReconciliationRunRow {
  id: string;
  trigger: 'START' | 'SCHEDULE' | 'MANUAL';
  status: 'RUNNING' | 'COMPLETED' | 'FAILED';
  started_at: string;
  finished_at: string | null;
  claimed: boolean;
  customers: number;
  invoices: number;
  explained: number;
  differences: number;
  by_kind: { kind: string; owner: string; count: number }[];
  opened: number;
  resolved: number;
  error: string | null;
}

export interface DeadLetterRow {
  id: string;
  consumer: string;
  event_id: string;
  event: BusinessEvent;
  error: string;
  attempts: number;
  dead_at: string;
  replayed_at: string | null;
  status: 'DEAD' | 'REPLAYING' | 'REPLAYED';
}

/** One entry of the audit trail, as ops collected it from an audit.recorded event. */
export interface AuditRow {
  event_id: string;
  seq: string;
  system: string;
  actor: string;
  role: string;
  correlation_id: string | null;
  operation: string;
  arguments: unknown;
  outcome: string;
  at: string;
}

/** The `reconciliation` query's answer before its fields resolve: how many runs it covers. */
export interface ReconciliationView {
  runs: number;
}
