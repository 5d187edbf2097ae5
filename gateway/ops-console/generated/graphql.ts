/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Where a dead letter stands. */
export type DeadLetterStatus =
  /** Given up on; waiting for a replay. */
  | 'DEAD'
  /** Applied by its consumer on replay. */
  | 'REPLAYED'
  /** A replay was requested and has not been applied yet. */
  | 'REPLAYING';

/** Whether an exception still needs someone. */
export type ExceptionStatus =
  /** Waiting for its owner to act. */
  | 'OPEN'
  /** Resolved, by the system or by a person. */
  | 'RESOLVED';

/** How urgent an exception is. */
export type Priority =
  /** An outage; handle now. */
  | 'CRITICAL'
  /** Blocks money or a customer; handle first. */
  | 'HIGH'
  /** Can wait. */
  | 'LOW'
  /** Should be handled today. */
  | 'MEDIUM';

/** A system that owns data or reacts to events. */
export type System =
  /** Subscriptions, invoices and payments. */
  | 'BILLING'
  /** Customers, contacts, opportunities and contracts. */
  | 'CRM'
  /** Health scores, onboarding and renewals. */
  | 'CUSTOMER_SUCCESS'
  /** The general ledger: postings, journal entries and accounting periods. */
  | 'ERP'
  /** The gateway: the operations it refused and its own mutations (revokeAccess). */
  | 'GATEWAY'
  /** The hub's own integration state. */
  | 'OPS';

/** Where a workflow run stands. */
export type WorkflowState =
  /** Every step is done. */
  | 'COMPLETED'
  /** A step failed (e.g. the invoice posting was rejected) and waits for someone to act. */
  | 'EXCEPTION'
  /** Steps are still to come. */
  | 'IN_PROGRESS';

export type OpsConsoleSnapshotQueryVariables = Exact<{ [key: string]: never; }>;


export type OpsConsoleSnapshotQuery = { operationsHealth: { postingLatencySeconds: number, invoicesAwaitingPosting: number, openExceptions: number, oldestExceptionAgeSeconds: number | null, deadLetters: number, syncLag: Array<{ consumer: string, pending: number, lagSeconds: number }> }, exceptions: Array<{ id: string, kind: string, system: System, owner: string, priority: Priority, message: string, subject: string, correlationId: string | null, openedAt: string, ageSeconds: number }>, deadLetters: Array<{ id: string, consumer: string, error: string, attempts: number, deadAt: string, status: DeadLetterStatus, event: { id: string, type: string, subject: string, correlationId: string | null } }>, workflowFunnel: { runs: number, inProgress: number, completed: number, exception: number, steps: Array<{ name: string, system: System, completed: number }> }, workflows: Array<{ correlationId: string, kind: string, state: WorkflowState, startedAt: string }> };

export type OpsConsoleTimelineQueryVariables = Exact<{
  correlationId: string | number;
}>;


export type OpsConsoleTimelineQuery = { workflow: { id: string, kind: string, state: WorkflowState, correlationId: string, startedAt: string, updatedAt: string, steps: Array<{ name: string, system: System, completedAt: string | null, eventId: string | null }>, exceptions: Array<{ id: string, kind: string, owner: string, status: ExceptionStatus, message: string, openedAt: string, resolvedAt: string | null }> } | null, events: Array<{ id: string, type: string, source: System, subject: string, occurredAt: string }> };

export type OpsConsoleEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type OpsConsoleEventsSubscription = { businessEvents: { id: string, type: string, source: System, occurredAt: string } };

export type OpsConsoleResolveExceptionMutationVariables = Exact<{
  id: string | number;
  note: string;
}>;


export type OpsConsoleResolveExceptionMutation = { resolveException: { id: string, status: ExceptionStatus, resolvedAt: string | null } };

export type OpsConsoleReplayDeadLetterMutationVariables = Exact<{
  id: string | number;
}>;


export type OpsConsoleReplayDeadLetterMutation = { replayDeadLetter: { id: string, status: DeadLetterStatus } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const OpsConsoleSnapshotDocument = new TypedDocumentString(`
    query OpsConsoleSnapshot {
  operationsHealth {
    postingLatencySeconds
    invoicesAwaitingPosting
    openExceptions
    oldestExceptionAgeSeconds
    deadLetters
    syncLag {
      consumer
      pending
      lagSeconds
    }
  }
  exceptions(status: OPEN, first: 200) {
    id
    kind
    system
    owner
    priority
    message
    subject
    correlationId
    openedAt
    ageSeconds
  }
  deadLetters(first: 50) {
    id
    consumer
    error
    attempts
    deadAt
    status
    event {
      id
      type
      subject
      correlationId
    }
  }
  workflowFunnel(kind: "quote-to-cash") {
    runs
    inProgress
    completed
    exception
    steps {
      name
      system
      completed
    }
  }
  workflows(first: 20) {
    correlationId
    kind
    state
    startedAt
  }
}
    `) as unknown as TypedDocumentString<OpsConsoleSnapshotQuery, OpsConsoleSnapshotQueryVariables>;
export const OpsConsoleTimelineDocument = new TypedDocumentString(`
    query OpsConsoleTimeline($correlationId: ID!) {
  workflow(correlationId: $correlationId) {
    id
    kind
    state
    correlationId
    startedAt
    updatedAt
    steps {
      name
      system
      completedAt
      eventId
    }
    exceptions {
      id
      kind
      owner
      status
      message
      openedAt
      resolvedAt
    }
  }
  events(correlationId: $correlationId, first: 200) {
    id
    type
    source
    subject
    occurredAt
  }
}
    `) as unknown as TypedDocumentString<OpsConsoleTimelineQuery, OpsConsoleTimelineQueryVariables>;
export const OpsConsoleEventsDocument = new TypedDocumentString(`
    subscription OpsConsoleEvents {
  businessEvents {
    id
    type
    source
    occurredAt
  }
}
    `) as unknown as TypedDocumentString<OpsConsoleEventsSubscription, OpsConsoleEventsSubscriptionVariables>;
export const OpsConsoleResolveExceptionDocument = new TypedDocumentString(`
    mutation OpsConsoleResolveException($id: ID!, $note: String!) {
  resolveException(id: $id, note: $note) {
    id
    status
    resolvedAt
  }
}
    `) as unknown as TypedDocumentString<OpsConsoleResolveExceptionMutation, OpsConsoleResolveExceptionMutationVariables>;
export const OpsConsoleReplayDeadLetterDocument = new TypedDocumentString(`
    mutation OpsConsoleReplayDeadLetter($id: ID!) {
  replayDeadLetter(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<OpsConsoleReplayDeadLetterMutation, OpsConsoleReplayDeadLetterMutationVariables>;