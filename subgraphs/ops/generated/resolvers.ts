import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CustomerRef as CustomerRefModel, ContractRef as ContractRefModel, EventRow as EventRowModel, WorkflowRunRow as WorkflowRunRowModel, WorkflowStepRow as WorkflowStepRowModel, ExceptionRow as ExceptionRowModel, DeadLetterRow as DeadLetterRowModel, AuditRow as AuditRowModel, ReconciliationRunRow as ReconciliationRunRowModel, DifferenceRecord as DifferenceRecordModel, ReconciliationView as ReconciliationViewModel } from '../rows.ts';
import type { OpsContext } from '../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** ISO-8601 instant in UTC, e.g. "2026-11-22T10:15:00.000Z". */
  DateTime: { input: string; output: string; }
  /** Exact decimal number as a string, e.g. "1250.00"; never a float. */
  Decimal: { input: string; output: string; }
  /** Any JSON value. */
  JSON: { input: unknown; output: unknown; }
  _FieldSet: { input: any; output: any; }
};

/**
 * One mutation as the system that ran it recorded it; one operation the gateway refused (outcome
 * its refusal code, arguments the scopes it lacked and the fields refused); or one response that
 * showed contacts' personal data whole (operation "readContacts").
 */
export type AuditEntry = {
  __typename?: 'AuditEntry';
  /** Who called it: the token's subject. */
  actor: Scalars['String']['output'];
  /** Its arguments, with personal data and secrets (e-mails, phones, tokens...) redacted. */
  arguments: Scalars['JSON']['output'];
  /** When it ran. */
  at: Scalars['DateTime']['output'];
  /** The correlation id of the request. */
  correlationId?: Maybe<Scalars['ID']['output']>;
  /** Stable identifier (the id of its audit.recorded event). */
  id: Scalars['ID']['output'];
  /** The mutation, e.g. "recordPayment". */
  operation: Scalars['String']['output'];
  /** "OK", or the error code it failed with, e.g. "FORBIDDEN" or "NOT_FOUND". */
  outcome: Scalars['String']['output'];
  /** The caller's roles, comma-separated. */
  role: Scalars['String']['output'];
  /** The system that ran the mutation. */
  system: System;
};

/** A page of the audit trail, newest first. */
export type AuditEntryConnection = {
  __typename?: 'AuditEntryConnection';
  /** The entries on this page. */
  nodes: Array<AuditEntry>;
  /** Where this page ends. */
  pageInfo: PageInfo;
};

/** Narrows the audit trail; every given condition must hold. */
export type AuditFilter = {
  /** Only this caller (token subject). */
  actor?: InputMaybe<Scalars['String']['input']>;
  /** Only this mutation, e.g. "createCustomer". */
  operation?: InputMaybe<Scalars['String']['input']>;
  /** Only this outcome: "OK" or an error code. */
  outcome?: InputMaybe<Scalars['String']['input']>;
  /** Only mutations run at or after this instant. */
  since?: InputMaybe<Scalars['DateTime']['input']>;
  /** Only mutations of this system. */
  system?: InputMaybe<System>;
};

/** Something that happened in a system of record, as the event log recorded it. */
export type BusinessEvent = {
  __typename?: 'BusinessEvent';
  /** The event or request that caused it. */
  causationId?: Maybe<Scalars['ID']['output']>;
  /** Shared by everything one request caused, downstream too. */
  correlationId?: Maybe<Scalars['ID']['output']>;
  /** The customer it concerns, or null. */
  customer?: Maybe<Customer>;
  /** The entity's new state, as the event catalog describes it for this type. */
  data: Scalars['JSON']['output'];
  /** Unique identity, e.g. "evt_…"; also the cursor of the event log (`events(after:)`). */
  id: Scalars['ID']['output'];
  /** When it happened at its source. */
  occurredAt: Scalars['DateTime']['output'];
  /** On updates: the changed fields' old values; null otherwise. */
  previous?: Maybe<Scalars['JSON']['output']>;
  /** The system that owns the change. */
  source: System;
  /** The entity it is about, e.g. "Invoice:inv_123". */
  subject: Scalars['String']['output'];
  /** What happened, e.g. "invoice.issued". */
  type: Scalars['String']['output'];
};

/** A signed commercial agreement: plan, seats, term and value. Owned by CRM. */
export type Contract = {
  __typename?: 'Contract';
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** The quote-to-cash run its activation started, or null when ops has not seen it. */
  quoteToCash?: Maybe<WorkflowRun>;
};

/** A customer account: the company we sell to, bill and serve. Owned by CRM. */
export type Customer = {
  __typename?: 'Customer';
  /** Events about the customer, newest first. */
  events?: Maybe<Array<BusinessEvent>>;
  /** Stable identifier, e.g. "cus_000042". */
  id: Scalars['ID']['output'];
  /** The customer's open exceptions, newest first. */
  openExceptions?: Maybe<Array<OpsException>>;
};


/** A customer account: the company we sell to, bill and serve. Owned by CRM. */
export type CustomerEventsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  types?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** An event a consumer gave up on after its retries, kept whole for replay. */
export type DeadLetter = {
  __typename?: 'DeadLetter';
  /** Deliveries tried before it was given up on, over every replay that failed again. */
  attempts: Scalars['Int']['output'];
  /** The consumer that failed, e.g. "erp.post-invoice". */
  consumer: Scalars['String']['output'];
  /** When it was given up on (the latest time, if it failed again after a replay). */
  deadAt: Scalars['DateTime']['output'];
  /** The last error the consumer raised. */
  error: Scalars['String']['output'];
  /** The event that failed, as it was delivered. */
  event: BusinessEvent;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** When its consumer applied it on replay; null until then. */
  replayedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Where it stands. */
  status: DeadLetterStatus;
};

/** Where a dead letter stands. */
export type DeadLetterStatus =
  /** Given up on; waiting for a replay. */
  | 'DEAD'
  /** Applied by its consumer on replay. */
  | 'REPLAYED'
  /** A replay was requested and has not been applied yet. */
  | 'REPLAYING';

/**
 * How often one client's operation selected a deprecated field, as the gateways counted and reported
 * it: what still blocks the field's removal (see the README's "Schema governance").
 */
export type DeprecatedFieldUsage = {
  __typename?: 'DeprecatedFieldUsage';
  /** The client's `apollographql-client-name` header; "unknown" without one. */
  client: Scalars['String']['output'];
  /** Executions that selected it. */
  count: Scalars['Int']['output'];
  /** The deprecated field, as a schema coordinate, e.g. "Customer.legacyCode". */
  field: Scalars['String']['output'];
  /** When a gateway first counted it. */
  firstSeenAt: Scalars['DateTime']['output'];
  /** When a gateway last counted it. */
  lastSeenAt: Scalars['DateTime']['output'];
  /** The operation's name; "(anonymous)" without one. */
  operation: Scalars['String']['output'];
};

/** What a gateway counted since its last report: one client's operation and one deprecated field. */
export type DeprecatedUsageInput = {
  client: Scalars['String']['input'];
  /** Executions since the last report, 1 or more. */
  count: Scalars['Int']['input'];
  field: Scalars['String']['input'];
  /** When the last of them ran. */
  lastSeenAt: Scalars['DateTime']['input'];
  operation: Scalars['String']['input'];
};

/** How many differences of one kind, and who owns them. */
export type DifferenceCount = {
  __typename?: 'DifferenceCount';
  /** How many. */
  count: Scalars['Int']['output'];
  /** The difference kind, e.g. BALANCE_MISMATCH. */
  kind: Scalars['String']['output'];
  /** The team that owns it: finance-ops, billing-ops or revops. */
  owner: Scalars['String']['output'];
};

/** One system's side of a difference reconciliation found. */
export type DifferenceSide = {
  __typename?: 'DifferenceSide';
  /** The amount it says, exact: a balance, a total, a monthly value; null when it has none. */
  amount?: Maybe<Scalars['Decimal']['output']>;
  /** The currency of the amount. */
  currency?: Maybe<Scalars['String']['output']>;
  /** The system that says it. */
  system: System;
  /** What it says, in words, e.g. "ACTIVE, GROWTH, 20 seats at 100.00 EUR a month" or "2400.00 EUR". */
  value: Scalars['String']['output'];
};

/** Whether an exception still needs someone. */
export type ExceptionStatus =
  /** Waiting for its owner to act. */
  | 'OPEN'
  /** Resolved, by the system or by a person. */
  | 'RESOLVED';

/** One entry of the gateway's audit: an operation it refused, or one of its own mutations. */
export type GatewayAuditInput = {
  actor: Scalars['String']['input'];
  arguments: Scalars['JSON']['input'];
  at: Scalars['DateTime']['input'];
  correlationId?: InputMaybe<Scalars['String']['input']>;
  operation: Scalars['String']['input'];
  outcome: Scalars['String']['input'];
  role: Scalars['String']['input'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * The gateway's report of deprecated fields its clients selected (not part of the API schema:
   * only the gateway calls it). Returns how many entries were recorded.
   */
  recordDeprecatedUsage: Scalars['Int']['output'];
  /**
   * The gateway's audit entries (not part of the API schema: only the gateway calls it), filed
   * into the audit trail as system GATEWAY. Returns how many entries were recorded.
   */
  recordGatewayAudit: Scalars['Int']['output'];
  /**
   * Every mutation takes an optional idempotencyKey: a retry with the same key and the same
   * arguments returns the first result and has no second effect; the same key with other
   * arguments is refused with extensions.code IDEMPOTENCY_KEY_REUSED.
   * Sends a dead letter's event to its consumer again (REPLAYING until the consumer applied it);
   * NOT_FOUND when unknown, CONFLICT when already REPLAYED.
   */
  replayDeadLetter: DeadLetter;
  /** Resolves an open exception with a note; NOT_FOUND when unknown, CONFLICT when already RESOLVED. */
  resolveException: OpsException;
  /**
   * Starts a reconciliation run now, or answers with the one already RUNNING; it runs in the
   * background: read reconciliation.lastRuns for its outcome.
   */
  runReconciliation: ReconciliationRun;
};


export type MutationRecordDeprecatedUsageArgs = {
  idempotencyKey: Scalars['String']['input'];
  usage: Array<DeprecatedUsageInput>;
};


export type MutationRecordGatewayAuditArgs = {
  entries: Array<GatewayAuditInput>;
  idempotencyKey: Scalars['String']['input'];
};


export type MutationReplayDeadLetterArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationResolveExceptionArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  note: Scalars['String']['input'];
};


export type MutationRunReconciliationArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};

/** The state of the integration at a glance. */
export type OperationsHealth = {
  __typename?: 'OperationsHealth';
  /** Dead letters not replayed yet. */
  deadLetters: Scalars['Int']['output'];
  /** Open exceptions by owning team, with the age of each team's oldest (the same figures as openExceptions, split). */
  exceptionsByOwner: Array<OwnerExceptions>;
  /** Invoices issued whose latest posting outcome is not POSTED (awaiting or rejected); voided ones excepted. */
  invoicesAwaitingPosting: Scalars['Int']['output'];
  /** Seconds the oldest open exception has been open; null when none is. */
  oldestExceptionAgeSeconds?: Maybe<Scalars['Int']['output']>;
  /** Differences reconciliation found between the systems that are still open (part of openExceptions). */
  openDifferences: Scalars['Int']['output'];
  /** Exceptions still open. */
  openExceptions: Scalars['Int']['output'];
  /** 95th percentile of seconds from invoice issued to posted, over invoices posted in the last 24 hours; 0 when none. */
  postingLatencySeconds: Scalars['Float']['output'];
  /** Always "hub": there is one; the gateway adds its view of the subgraphs (subgraphs) by this key. */
  scope: Scalars['String']['output'];
  /** How far consumers are behind. */
  syncLag: Array<SyncLag>;
  /** Workflow runs by kind and state, since the log began. */
  workflowRuns: Array<WorkflowRunCount>;
};

/** A problem in the flow between systems that a team must act on. */
export type OpsException = {
  __typename?: 'OpsException';
  /** Seconds it has been open, or was open until resolved. */
  ageSeconds: Scalars['Int']['output'];
  /** The correlation id of the request whose events ran into it. */
  correlationId?: Maybe<Scalars['ID']['output']>;
  /** What reconciliation found different, for an exception it opened; null for other kinds. */
  difference?: Maybe<ReconciliationDifference>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** What went wrong: "POSTING_REJECTED", "DEAD_LETTER", or a reconciliation difference's kind (see ReconciliationDifference.kind). */
  kind: Scalars['String']['output'];
  /** What went wrong, in words. */
  message: Scalars['String']['output'];
  /** When it was raised (the time of the failing event). */
  openedAt: Scalars['DateTime']['output'];
  /** The team that must act: "finance-ops", "integration-ops", "billing-ops" or "revops". */
  owner: Scalars['String']['output'];
  /** How urgent it is. */
  priority: Priority;
  /** How it was resolved, e.g. "posted", "replayed" or a person's note; null while open. */
  resolutionNote?: Maybe<Scalars['String']['output']>;
  /** When it was resolved; null while open. */
  resolvedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Whether it still needs someone. */
  status: ExceptionStatus;
  /** The entity it is about, e.g. "Invoice:inv_123" or "DeadLetter:dl_…". */
  subject: Scalars['String']['output'];
  /** The system where it went wrong. */
  system: System;
};

/** One team's open exceptions. */
export type OwnerExceptions = {
  __typename?: 'OwnerExceptions';
  /** Seconds its oldest open exception has been open. */
  oldestAgeSeconds: Scalars['Int']['output'];
  /** Its exceptions still open. */
  open: Scalars['Int']['output'];
  /** The owning team, e.g. "finance-ops". */
  owner: Scalars['String']['output'];
};

/** Where a page of a connection ends and whether another follows. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to read the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when another page follows this one. */
  hasNextPage: Scalars['Boolean']['output'];
};

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

export type Query = {
  __typename?: 'Query';
  /** Every system's audit trail of mutations, newest first, a page at a time (at most 200); needs audit:read. */
  auditTrail: AuditEntryConnection;
  /** Dead letters, those not replayed first, newest first. */
  deadLetters: Array<DeadLetter>;
  /** Which clients' operations still select deprecated fields, by field, client and operation. */
  deprecatedUsage: Array<DeprecatedFieldUsage>;
  /** The event log, in the order ops recorded it. */
  events: Array<BusinessEvent>;
  /** Exceptions, newest first. */
  exceptions: Array<OpsException>;
  /** The state of the integration at a glance. */
  operationsHealth: OperationsHealth;
  /** How the systems of record reconcile: the last runs, open differences by kind, and the trend. */
  reconciliation: Reconciliation;
  /** The workflow run of a correlation id, or null. */
  workflow?: Maybe<WorkflowRun>;
  /** How many runs of a kind have done each of its steps; BAD_USER_INPUT for an unknown kind. */
  workflowFunnel: WorkflowFunnel;
  /** Workflow runs, the latest started first. */
  workflows: Array<WorkflowRun>;
};


export type QueryAuditTrailArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryDeadLettersArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryDeprecatedUsageArgs = {
  client?: InputMaybe<Scalars['String']['input']>;
  field?: InputMaybe<Scalars['String']['input']>;
};


export type QueryEventsArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  correlationId?: InputMaybe<Scalars['ID']['input']>;
  customerId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  types?: InputMaybe<Array<Scalars['String']['input']>>;
};


export type QueryExceptionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  owner?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<ExceptionStatus>;
};


export type QueryReconciliationArgs = {
  runs?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryWorkflowArgs = {
  correlationId: Scalars['ID']['input'];
};


export type QueryWorkflowFunnelArgs = {
  kind?: Scalars['String']['input'];
};


export type QueryWorkflowsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  kind?: InputMaybe<Scalars['String']['input']>;
  state?: InputMaybe<WorkflowState>;
};

/** Whether the systems of record agree, as ops's reconciliation last found. */
export type Reconciliation = {
  __typename?: 'Reconciliation';
  /** The latest runs, newest first. */
  lastRuns: Array<ReconciliationRun>;
  /** Open differences (exceptions reconciliation opened and has not seen fixed), by kind. */
  openByKind: Array<DifferenceCount>;
  /** The open differences themselves, newest first. */
  openDifferences: Array<OpsException>;
  /** Differences of completed runs, oldest first: the trend. */
  trend: Array<ReconciliationTrendPoint>;
};


/** Whether the systems of record agree, as ops's reconciliation last found. */
export type ReconciliationOpenDifferencesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  kind?: InputMaybe<Scalars['String']['input']>;
};

/** Something two systems (or ERP's journal and its trial balance) disagree on, that nothing already explains. */
export type ReconciliationDifference = {
  __typename?: 'ReconciliationDifference';
  /** The customer it concerns, or null for the ledger's own checks. */
  customer?: Maybe<Customer>;
  /**
   * CONTRACT_MISMATCH (CRM's contract vs billing's subscription, owner revops), INVOICE_NOT_POSTED
   * (an issued invoice neither posted nor with an open posting exception, finance-ops),
   * POSTING_AMOUNT_MISMATCH (billing's total vs what ERP booked, billing-ops), BALANCE_MISMATCH
   * (billing's open balance vs ERP's receivable, billing-ops), TRIAL_BALANCE_UNBALANCED (a period's
   * debits vs credits, finance-ops) or RECEIVABLE_LEDGER_MISMATCH (the 1200 account vs the customers'
   * receivables, finance-ops).
   */
  kind: Scalars['String']['output'];
  /** The first system's side: CRM, billing, or ERP's journal. */
  left: DifferenceSide;
  /** The other system's side: billing or ERP. */
  right: DifferenceSide;
  /** The run that last found it. */
  runId: Scalars['ID']['output'];
  /** The ids of the entities involved, e.g. the contract and the subscription. */
  subjectIds: Array<Scalars['ID']['output']>;
};

/** One pass of reconciliation over every customer and the ledger. */
export type ReconciliationRun = {
  __typename?: 'ReconciliationRun';
  /** Customers compared. */
  customers: Scalars['Int']['output'];
  /** Unexplained differences found. */
  differences: Scalars['Int']['output'];
  /** The same, by kind. */
  differencesByKind: Array<DifferenceCount>;
  /** Why it FAILED; null otherwise. */
  error?: Maybe<Scalars['String']['output']>;
  /** Differences explained by an exception already open (a rejected posting, a dead letter): not raised again. */
  explained: Scalars['Int']['output'];
  /** When it ended; null while RUNNING. */
  finishedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** Invoices compared. */
  invoices: Scalars['Int']['output'];
  /** Exceptions it opened. */
  opened: Scalars['Int']['output'];
  /** Exceptions it resolved because what they reported was no longer different. */
  resolved: Scalars['Int']['output'];
  /** When it started. */
  startedAt: Scalars['DateTime']['output'];
  /** Where it stands. */
  status: ReconciliationStatus;
  /** What started it. */
  trigger: ReconciliationTrigger;
};

/** Where a reconciliation run stands. */
export type ReconciliationStatus =
  /** Every check ran; its differences are open exceptions, and the ones it no longer found are resolved. */
  | 'COMPLETED'
  /** It could not read a system (or was stopped); exceptions were left as they were. */
  | 'FAILED'
  /** Reading the systems. */
  | 'RUNNING';

/** A point of the reconciliation trend: one completed run. */
export type ReconciliationTrendPoint = {
  __typename?: 'ReconciliationTrendPoint';
  /** When the run ended. */
  at: Scalars['DateTime']['output'];
  /** Unexplained differences it found. */
  differences: Scalars['Int']['output'];
};

/** What started a reconciliation run. */
export type ReconciliationTrigger =
  /** The runReconciliation mutation. */
  | 'MANUAL'
  /** RECONCILE_INTERVAL came round. */
  | 'SCHEDULE'
  /** The service started (which, for the embedded hub, follows its seed). */
  | 'START';

/**
 * Live events over graphql-ws (subprotocol graphql-transport-ws, at /graphql). With `after`, every
 * matching event after that event id is replayed first, then live ones follow, with no gap and no
 * duplicate; an unknown or expired `after` is refused with BAD_USER_INPUT.
 */
export type Subscription = {
  __typename?: 'Subscription';
  /** Every business event of every system from now on (or after `after`), in stream order. */
  businessEvents: BusinessEvent;
};


/**
 * Live events over graphql-ws (subprotocol graphql-transport-ws, at /graphql). With `after`, every
 * matching event after that event id is replayed first, then live ones follow, with no gap and no
 * duplicate; an unknown or expired `after` is refused with BAD_USER_INPUT.
 */
export type SubscriptionBusinessEventsArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  customerId?: InputMaybe<Scalars['ID']['input']>;
  types?: InputMaybe<Array<Scalars['String']['input']>>;
};

/** How far one consumer is behind. */
export type SyncLag = {
  __typename?: 'SyncLag';
  /** The consumer, e.g. "ops.log". */
  consumer: Scalars['String']['output'];
  /** Age in seconds of the oldest unprocessed event; 0 when none. */
  lagSeconds: Scalars['Float']['output'];
  /** Events not yet processed. */
  pending: Scalars['Int']['output'];
};

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

/** How many runs of one kind have done each of its steps: the funnel of quote-to-cash, say. */
export type WorkflowFunnel = {
  __typename?: 'WorkflowFunnel';
  /** Of them, those with every step done. */
  completed: Scalars['Int']['output'];
  /** Of them, those with a failed step waiting for someone. */
  exception: Scalars['Int']['output'];
  /** Of them, those with steps still to come. */
  inProgress: Scalars['Int']['output'];
  /** The kind of run: "quote-to-cash", "amendment" or "seat-decrease". */
  kind: Scalars['String']['output'];
  /** Runs of this kind ops has seen. */
  runs: Scalars['Int']['output'];
  /** The kind's steps in order, each with how many runs have done it. */
  steps: Array<WorkflowFunnelStep>;
};

/** One step of a funnel. */
export type WorkflowFunnelStep = {
  __typename?: 'WorkflowFunnelStep';
  /** Runs that have done it. */
  completed: Scalars['Int']['output'];
  /** The step, e.g. INVOICE_POSTED. */
  name: Scalars['String']['output'];
  /** The system that does it. */
  system: System;
};

/** A business process followed across the systems by its correlation id. */
export type WorkflowRun = {
  __typename?: 'WorkflowRun';
  /** The correlation id of the request that started it; shared by every event of the run. */
  correlationId: Scalars['ID']['output'];
  /** Exceptions raised under the run's correlation id, newest first. */
  exceptions: Array<OpsException>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** "quote-to-cash" (a contract activated), "amendment" (a contract amended to more seats: billed) or "seat-decrease" (to fewer seats: credited). */
  kind: Scalars['String']['output'];
  /** When its earliest event happened. */
  startedAt: Scalars['DateTime']['output'];
  /** Where the run stands. */
  state: WorkflowState;
  /** Its steps, in the order they are expected. */
  steps: Array<WorkflowStep>;
  /** When its latest event happened. */
  updatedAt: Scalars['DateTime']['output'];
};

/** How many workflow runs of one kind are in one state. */
export type WorkflowRunCount = {
  __typename?: 'WorkflowRunCount';
  /** How many there are. */
  count: Scalars['Int']['output'];
  /** The runs' kind, as WorkflowRun.kind: "quote-to-cash", "amendment" or "seat-decrease". */
  kind: Scalars['String']['output'];
  /** Where those runs stand. */
  state: WorkflowState;
};

/** Where a workflow run stands. */
export type WorkflowState =
  /** Every step is done. */
  | 'COMPLETED'
  /** A step failed (e.g. the invoice posting was rejected) and waits for someone to act. */
  | 'EXCEPTION'
  /** Steps are still to come. */
  | 'IN_PROGRESS';

/** One step of a workflow run, done by one system. */
export type WorkflowStep = {
  __typename?: 'WorkflowStep';
  /** When the step was done (the time of its event); null while pending. */
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The event that did the step; null while pending. */
  eventId?: Maybe<Scalars['ID']['output']>;
  /** CONTRACT_ACTIVATED, CONTRACT_AMENDED, SUBSCRIPTION_CREATED, INVOICE_ISSUED, INVOICE_POSTED, CREDIT_NOTE_ISSUED, CREDIT_NOTE_POSTED or ONBOARDING_STARTED. */
  name: Scalars['String']['output'];
  /** The system that does the step. */
  system: System;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  Contract: Contract;
  Customer: Customer;
  DeadLetter: DeadLetter;
  OpsException: OpsException;
  WorkflowRun: WorkflowRun;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Contract:
    ( { __typename: 'Contract' }
    & GraphQLRecursivePick<FederationTypes['Contract'], {"id":true}> );
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}> );
  DeadLetter:
    ( { __typename: 'DeadLetter' }
    & GraphQLRecursivePick<FederationTypes['DeadLetter'], {"id":true}> );
  OpsException:
    ( { __typename: 'OpsException' }
    & GraphQLRecursivePick<FederationTypes['OpsException'], {"id":true}> );
  WorkflowRun:
    ( { __typename: 'WorkflowRun' }
    & GraphQLRecursivePick<FederationTypes['WorkflowRun'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AuditEntry: ResolverTypeWrapper<AuditRowModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  AuditEntryConnection: ResolverTypeWrapper<Omit<AuditEntryConnection, 'nodes'> & { nodes: Array<ResolversTypes['AuditEntry']> }>;
  AuditFilter: AuditFilter;
  BusinessEvent: ResolverTypeWrapper<EventRowModel>;
  Contract: ResolverTypeWrapper<ContractRefModel>;
  Customer: ResolverTypeWrapper<CustomerRefModel>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DeadLetter: ResolverTypeWrapper<DeadLetterRowModel>;
  DeadLetterStatus: DeadLetterStatus;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  DeprecatedFieldUsage: ResolverTypeWrapper<DeprecatedFieldUsage>;
  DeprecatedUsageInput: DeprecatedUsageInput;
  DifferenceCount: ResolverTypeWrapper<DifferenceCount>;
  DifferenceSide: ResolverTypeWrapper<DifferenceSide>;
  ExceptionStatus: ExceptionStatus;
  GatewayAuditInput: GatewayAuditInput;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OperationsHealth: ResolverTypeWrapper<OperationsHealth>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  OpsException: ResolverTypeWrapper<ExceptionRowModel>;
  OwnerExceptions: ResolverTypeWrapper<OwnerExceptions>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Priority: Priority;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Reconciliation: ResolverTypeWrapper<ReconciliationViewModel>;
  ReconciliationDifference: ResolverTypeWrapper<DifferenceRecordModel>;
  ReconciliationRun: ResolverTypeWrapper<ReconciliationRunRowModel>;
  ReconciliationStatus: ReconciliationStatus;
  ReconciliationTrendPoint: ResolverTypeWrapper<ReconciliationTrendPoint>;
  ReconciliationTrigger: ReconciliationTrigger;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SyncLag: ResolverTypeWrapper<SyncLag>;
  System: System;
  WorkflowFunnel: ResolverTypeWrapper<WorkflowFunnel>;
  WorkflowFunnelStep: ResolverTypeWrapper<WorkflowFunnelStep>;
  WorkflowRun: ResolverTypeWrapper<WorkflowRunRowModel>;
  WorkflowRunCount: ResolverTypeWrapper<WorkflowRunCount>;
  WorkflowState: WorkflowState;
  WorkflowStep: ResolverTypeWrapper<WorkflowStepRowModel>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AuditEntry: AuditRowModel;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  AuditEntryConnection: Omit<AuditEntryConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['AuditEntry']> };
  AuditFilter: AuditFilter;
  BusinessEvent: EventRowModel;
  Contract: ContractRefModel;
  Customer: CustomerRefModel;
  Int: Scalars['Int']['output'];
  DateTime: Scalars['DateTime']['output'];
  DeadLetter: DeadLetterRowModel;
  Decimal: Scalars['Decimal']['output'];
  DeprecatedFieldUsage: DeprecatedFieldUsage;
  DeprecatedUsageInput: DeprecatedUsageInput;
  DifferenceCount: DifferenceCount;
  DifferenceSide: DifferenceSide;
  GatewayAuditInput: GatewayAuditInput;
  JSON: Scalars['JSON']['output'];
  Mutation: Record<PropertyKey, never>;
  OperationsHealth: OperationsHealth;
  Float: Scalars['Float']['output'];
  OpsException: ExceptionRowModel;
  OwnerExceptions: OwnerExceptions;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  Query: Record<PropertyKey, never>;
  Reconciliation: ReconciliationViewModel;
  ReconciliationDifference: DifferenceRecordModel;
  ReconciliationRun: ReconciliationRunRowModel;
  ReconciliationTrendPoint: ReconciliationTrendPoint;
  Subscription: Record<PropertyKey, never>;
  SyncLag: SyncLag;
  WorkflowFunnel: WorkflowFunnel;
  WorkflowFunnelStep: WorkflowFunnelStep;
  WorkflowRun: WorkflowRunRowModel;
  WorkflowRunCount: WorkflowRunCount;
  WorkflowStep: WorkflowStepRowModel;
};

export type AuditEntryResolvers<ContextType = OpsContext, ParentType extends ResolversParentTypes['AuditEntry'] = ResolversParentTypes['AuditEntry']> = {
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  arguments?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  correlationId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  operation?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  system?: Resolver<ResolversTypes['System'], ParentType, ContextType>;
};

export type AuditEntryConnectionResolvers<ContextType = OpsContext, ParentType extends ResolversParentTypes['AuditEntryConnection'] = ResolversParentTypes['AuditEntryConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['AuditEntry']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type BusinessEventResolvers<ContextType = OpsContext, ParentType extends ResolversParentTypes['BusinessEvent'] = ResolversParentTypes['BusinessEvent']> = {
  causationId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  correlationId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  data?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  previous?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['System'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ContractResolvers<ContextType = OpsContext, ParentType extends ResolversParentTypes['Contract'] = ResolversParentTypes['Contract'], FederationReferenceType extends FederationReferenceTypes['Contract'] = FederationReferenceTypes['Contract']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Contract']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  quoteToCash?: Resolver<Maybe<ResolversTypes['WorkflowRun']>, ParentType, ContextType>;
};

export type CustomerResolvers<ContextType = OpsContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  events?: Resolver<Maybe<Array<ResolversTypes['BusinessEvent']>>, ParentType, ContextType, RequireFields<CustomerEventsArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  openExceptions?: Resolver<Maybe<Array<ResolversTypes['OpsException']>>, ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DeadLetterResolvers<ContextType = OpsContext, ParentType extends ResolversParentTypes['DeadLetter'] = ResolversParentTypes['DeadLetter'], FederationReferenceType extends FederationReferenceTypes['DeadLetter'] = FederationReferenceTypes['DeadLetter']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['DeadLetter']> | FederationReferenceType, FederationReferenceType, ContextType>;
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  consumer?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  deadAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  error?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  event?: Resolver<ResolversTypes['BusinessEvent'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  replayedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['DeadLetterStatus'], ParentType, ContextType>;
};

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type DeprecatedFieldUsageResolvers<ContextType = OpsContext, ParentType extends ResolversParentTypes['DeprecatedFieldUsage'] = ResolversParentTypes['DeprecatedFieldUsage']> = {
  client?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  firstSeenAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  lastSeenAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  operation?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DifferenceCountResolvers<ContextType = OpsContext, ParentType extends ResolversParentTypes['DifferenceCount'] = ResolversParentTypes['DifferenceCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  owner?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type DifferenceSideResolvers<ContextType = OpsContext, ParentType extends ResolversParentTypes['DifferenceSide'] = ResolversParentTypes['DifferenceSide']> = {
  amount?: Resolver<Maybe<ResolversTypes['Decimal']>, ParentType, ContextType>;
  currency?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  system?: Resolver<ResolversTypes['System'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MutationResolvers<ContextType = OpsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  recordDeprecatedUsage?: Resolver<ResolversTypes['Int'], ParentType, ContextType, RequireFields<MutationRecordDeprecatedUsageArgs, 'idempotencyKey' | 'usage'>>;
  recordGatewayAudit?: Resolver<ResolversTypes['Int'], ParentType, ContextType, RequireFields<MutationRecordGatewayAuditArgs, 'entries' | 'idempotencyKey'>>;
  replayDeadLetter?: Resolver<ResolversTypes['DeadLetter'], ParentType, ContextType, RequireFields<MutationReplayDeadLetterArgs, 'id'>>;
  resolveException?: Resolver<ResolversTypes['OpsException'], ParentType, ContextType, RequireFields<MutationResolveExceptionArgs, 'id' | 'note'>>;
  runReconciliation?: Resolver<ResolversTypes['ReconciliationRun'], ParentType, ContextType, Partial<MutationRunReconciliationArgs>>;
};

export type OperationsHealthResolvers<ContextType = OpsContext, ParentType extends ResolversParentTypes['OperationsHealth'] = ResolversParentTypes['OperationsHealth']> = {
  deadLetters?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  exceptionsByOwner?: Resolver<Array<ResolversTypes['OwnerExceptions']>, ParentType, ContextType>;
  invoicesAwaitingPosting?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  oldestExceptionAgeSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  openDifferences?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  openExceptions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  postingLatencySeconds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  scope?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  syncLag?: Resolver<Array<ResolversTypes['SyncLag']>, ParentType, ContextType>;
  workflowRuns?: Resolver<Array<ResolversTypes['WorkflowRunCount']>, ParentType, ContextType>;
};

export type OpsExceptionResolvers<ContextType = OpsContext, ParentType extends ResolversParentTypes['OpsException'] = ResolversParentTypes['OpsException'], FederationReferenceType extends FederationReferenceTypes['OpsException'] = FederationReferenceTypes['OpsException']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['OpsException']> | FederationReferenceType, FederationReferenceType, ContextType>;
  ageSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  correlationId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  difference?: Resolver<Maybe<ResolversTypes['ReconciliationDifference']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  openedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  owner?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  priority?: Resolver<ResolversTypes['Priority'], ParentType, ContextType>;
  resolutionNote?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  resolvedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ExceptionStatus'], ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  system?: Resolver<ResolversTypes['System'], ParentType, ContextType>;
};

export type OwnerExceptionsResolvers<ContextType = OpsContext, ParentType extends ResolversParentTypes['OwnerExceptions'] = ResolversParentTypes['OwnerExceptions']> = {
  oldestAgeSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  open?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  owner?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = OpsContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = OpsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  auditTrail?: Resolver<ResolversTypes['AuditEntryConnection'], ParentType, ContextType, RequireFields<QueryAuditTrailArgs, 'first'>>;
  deadLetters?: Resolver<Array<ResolversTypes['DeadLetter']>, ParentType, ContextType, RequireFields<QueryDeadLettersArgs, 'first'>>;
  deprecatedUsage?: Resolver<Array<ResolversTypes['DeprecatedFieldUsage']>, ParentType, ContextType, Partial<QueryDeprecatedUsageArgs>>;
  events?: Resolver<Array<ResolversTypes['BusinessEvent']>, ParentType, ContextType, RequireFields<QueryEventsArgs, 'first'>>;
  exceptions?: Resolver<Array<ResolversTypes['OpsException']>, ParentType, ContextType, RequireFields<QueryExceptionsArgs, 'first' | 'status'>>;
  operationsHealth?: Resolver<ResolversTypes['OperationsHealth'], ParentType, ContextType>;
  reconciliation?: Resolver<ResolversTypes['Reconciliation'], ParentType, ContextType, RequireFields<QueryReconciliationArgs, 'runs'>>;
  workflow?: Resolver<Maybe<ResolversTypes['WorkflowRun']>, ParentType, ContextType, RequireFields<QueryWorkflowArgs, 'correlationId'>>;
  workflowFunnel?: Resolver<ResolversTypes['WorkflowFunnel'], ParentType, ContextType, RequireFields<QueryWorkflowFunnelArgs, 'kind'>>;
  workflows?: Resolver<Array<ResolversTypes['WorkflowRun']>, ParentType, ContextType, RequireFields<QueryWorkflowsArgs, 'first'>>;
};

export type ReconciliationResolvers<ContextType = OpsContext, ParentType extends ResolversParentTypes['Reconciliation'] = ResolversParentTypes['Reconciliation']> = {
  lastRuns?: Resolver<Array<ResolversTypes['ReconciliationRun']>, ParentType, ContextType>;
  openByKind?: Resolver<Array<ResolversTypes['DifferenceCount']>, ParentType, ContextType>;
  openDifferences?: Resolver<Array<ResolversTypes['OpsException']>, ParentType, ContextType, RequireFields<ReconciliationOpenDifferencesArgs, 'first'>>;
  trend?: Resolver<Array<ResolversTypes['ReconciliationTrendPoint']>, ParentType, ContextType>;
};

export type ReconciliationDifferenceResolvers<ContextType = OpsContext, ParentType extends ResolversParentTypes['ReconciliationDifference'] = ResolversParentTypes['ReconciliationDifference']> = {
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  left?: Resolver<ResolversTypes['DifferenceSide'], ParentType, ContextType>;
  right?: Resolver<ResolversTypes['DifferenceSide'], ParentType, ContextType>;
  runId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  subjectIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
};

export type ReconciliationRunResolvers<ContextType = OpsContext, ParentType extends ResolversParentTypes['ReconciliationRun'] = ResolversParentTypes['ReconciliationRun']> = {
  customers?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  differences?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  differencesByKind?: Resolver<Array<ResolversTypes['DifferenceCount']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  explained?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoices?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  opened?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  resolved?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ReconciliationStatus'], ParentType, ContextType>;
  trigger?: Resolver<ResolversTypes['ReconciliationTrigger'], ParentType, ContextType>;
};

export type ReconciliationTrendPointResolvers<ContextType = OpsContext, ParentType extends ResolversParentTypes['ReconciliationTrendPoint'] = ResolversParentTypes['ReconciliationTrendPoint']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  differences?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = OpsContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  businessEvents?: SubscriptionResolver<ResolversTypes['BusinessEvent'], "businessEvents", ParentType, ContextType, Partial<SubscriptionBusinessEventsArgs>>;
};

export type SyncLagResolvers<ContextType = OpsContext, ParentType extends ResolversParentTypes['SyncLag'] = ResolversParentTypes['SyncLag']> = {
  consumer?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  lagSeconds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  pending?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type WorkflowFunnelResolvers<ContextType = OpsContext, ParentType extends ResolversParentTypes['WorkflowFunnel'] = ResolversParentTypes['WorkflowFunnel']> = {
  completed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  exception?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  inProgress?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  runs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  steps?: Resolver<Array<ResolversTypes['WorkflowFunnelStep']>, ParentType, ContextType>;
};

export type WorkflowFunnelStepResolvers<ContextType = OpsContext, ParentType extends ResolversParentTypes['WorkflowFunnelStep'] = ResolversParentTypes['WorkflowFunnelStep']> = {
  completed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  system?: Resolver<ResolversTypes['System'], ParentType, ContextType>;
};

export type WorkflowRunResolvers<ContextType = OpsContext, ParentType extends ResolversParentTypes['WorkflowRun'] = ResolversParentTypes['WorkflowRun'], FederationReferenceType extends FederationReferenceTypes['WorkflowRun'] = FederationReferenceTypes['WorkflowRun']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['WorkflowRun']> | FederationReferenceType, FederationReferenceType, ContextType>;
  correlationId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  exceptions?: Resolver<Array<ResolversTypes['OpsException']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['WorkflowState'], ParentType, ContextType>;
  steps?: Resolver<Array<ResolversTypes['WorkflowStep']>, ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type WorkflowRunCountResolvers<ContextType = OpsContext, ParentType extends ResolversParentTypes['WorkflowRunCount'] = ResolversParentTypes['WorkflowRunCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['WorkflowState'], ParentType, ContextType>;
};

export type WorkflowStepResolvers<ContextType = OpsContext, ParentType extends ResolversParentTypes['WorkflowStep'] = ResolversParentTypes['WorkflowStep']> = {
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  eventId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  system?: Resolver<ResolversTypes['System'], ParentType, ContextType>;
};

export type Resolvers<ContextType = OpsContext> = {
  AuditEntry?: AuditEntryResolvers<ContextType>;
  AuditEntryConnection?: AuditEntryConnectionResolvers<ContextType>;
  BusinessEvent?: BusinessEventResolvers<ContextType>;
  Contract?: ContractResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DeadLetter?: DeadLetterResolvers<ContextType>;
  Decimal?: GraphQLScalarType;
  DeprecatedFieldUsage?: DeprecatedFieldUsageResolvers<ContextType>;
  DifferenceCount?: DifferenceCountResolvers<ContextType>;
  DifferenceSide?: DifferenceSideResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  OperationsHealth?: OperationsHealthResolvers<ContextType>;
  OpsException?: OpsExceptionResolvers<ContextType>;
  OwnerExceptions?: OwnerExceptionsResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Reconciliation?: ReconciliationResolvers<ContextType>;
  ReconciliationDifference?: ReconciliationDifferenceResolvers<ContextType>;
  ReconciliationRun?: ReconciliationRunResolvers<ContextType>;
  ReconciliationTrendPoint?: ReconciliationTrendPointResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  SyncLag?: SyncLagResolvers<ContextType>;
  WorkflowFunnel?: WorkflowFunnelResolvers<ContextType>;
  WorkflowFunnelStep?: WorkflowFunnelStepResolvers<ContextType>;
  WorkflowRun?: WorkflowRunResolvers<ContextType>;
  WorkflowRunCount?: WorkflowRunCountResolvers<ContextType>;
  WorkflowStep?: WorkflowStepResolvers<ContextType>;
};

