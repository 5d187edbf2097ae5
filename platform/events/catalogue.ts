// The event catalogue: every event type the hub's systems emit, its payload's schema and its
// schema version, in one definition. Types are derived from it, `parseEvent` validates against it,
// and docs/events.md is generated from it (`npm run events:docs`). Any system may import it;
// systems still never import each other.
import { z } from 'zod';
import { SYSTEMS } from '../config.ts';
import type { BusinessEvent, EventSource } from './envelope.ts';
import { PermanentEventError } from './permanent.ts';

// Field kinds. Money is an exact decimal string with its currency beside it; dates are ISO strings.
const id = z.string().min(1).meta({ description: 'id' });
const text = z.string().meta({ description: 'string' });
const decimal = z.string().regex(/^-?\d+(\.\d+)?$/, 'expected a decimal string like "-12.50"').meta({ description: 'decimal string' });
const amount = z.string().regex(/^\d+(\.\d+)?$/, 'expected a non-negative decimal string like "125.00"').meta({ description: 'non-negative decimal string' });
const currency = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO-4217 currency code like "USD"').meta({ description: 'currency code' });
const date = z.iso.date().meta({ description: 'ISO date' });
const instant = z.iso.datetime({ offset: true }).meta({ description: 'ISO instant' });
const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected an accounting period like "2026-11"').meta({ description: 'period YYYY-MM' });
const count = z.number().int().meta({ description: 'integer' });
const seats = z.number().int().nonnegative().meta({ description: 'seat count' });
const score = z.number().int().min(0).max(100).meta({ description: 'score 0-100' });
const interval = z.enum(['MONTHLY', 'ANNUAL']);

/**
 * An event carried inside another one (a dead letter, a replay request): only its identity is
 * required, since the event may be one that was refused for being malformed.
 */
const carriedEvent = z
  .looseObject({
    id,
    type: text,
    subject: text.optional(),
    correlationId: text.nullish(),
    customerId: text.nullish(),
  })
  .meta({ description: 'the whole event' });

const customer = z.object({
  id,
  name: text,
  domain: text.nullable(),
  segment: z.enum(['SMB', 'MID_MARKET', 'ENTERPRISE']),
  region: text,
  currency,
  parentId: id.nullable(),
  accountOwner: text.nullable(),
});

const contract = z.object({
  id,
  number: text,
  customerId: id,
  opportunityId: id.nullable(),
  status: z.enum(['DRAFT', 'ACTIVE', 'EXPIRED', 'TERMINATED']),
  planCode: text,
  seats,
  startDate: date,
  endDate: date,
  termMonths: count,
  billingInterval: interval,
  /** The price of one seat for one month. */
  unitPrice: amount,
  value: decimal,
  currency,
});

const subscription = z.object({
  id,
  customerId: id,
  contractId: id.nullable(),
  planCode: text,
  seats,
  unitPrice: amount,
  currency,
  interval,
  status: z.enum(['TRIALING', 'ACTIVE', 'PAST_DUE', 'CANCELED']),
  currentPeriodStart: date,
  currentPeriodEnd: date,
});

const invoiceStatus = z.enum(['DRAFT', 'OPEN', 'PAID', 'VOID', 'UNCOLLECTIBLE']);
const periodStatus = z.enum(['OPEN', 'LOCKED', 'CLOSED']);
const risk = z.enum(['LOW', 'MEDIUM', 'HIGH']);
const periodChange = z.object({ id: period, status: periodStatus, reason: text.nullable() });

/** One event type: who emits it, what it is about, its schema version and its payload. */
interface EventSpec {
  /** The systems that emit it; `any` for the runner's and audit's events, which every system emits. */
  source: readonly EventSource[] | 'any';
  /** Its subject, `<Type>:<id>`. */
  subject: string;
  /** What it says and when it is emitted, for docs/events.md. */
  summary: string;
  /** The schema version producers write; consumers read this version (and none other) of `data`. */
  version: number;
  data: z.ZodObject;
}

/** Every event type, by its `type`. */
export const CATALOGUE = {
  'customer.created': { source: ['crm'], subject: 'Customer:<id>', summary: 'A customer was created.', version: 1, data: customer },
  'customer.updated': { source: ['crm'], subject: 'Customer:<id>', summary: 'A customer changed; `previous` has the changed fields.', version: 1, data: customer },
  'opportunity.created': {
    source: ['crm'],
    subject: 'Opportunity:<id>',
    summary: 'An opportunity was opened.',
    version: 1,
    data: z.object({
      id,
      customerId: id,
      name: text,
      stage: z.enum(['PROSPECTING', 'QUALIFICATION', 'PROPOSAL', 'NEGOTIATION', 'CLOSED_WON', 'CLOSED_LOST']),
      amount,
      currency,
      planCode: text,
      seats,
      termMonths: count,
      billingInterval: interval,
    }),
  },
  'contract.activated': { source: ['crm'], subject: 'Contract:<id>', summary: 'An opportunity was won: its contract is ACTIVE (starts quote-to-cash).', version: 1, data: contract },
  'contract.amended': {
    source: ['crm'],
    subject: 'Contract:<id>',
    summary: 'A contract\'s seats changed; `previous: { seats, value }` (starts an amendment run).',
    version: 1,
    data: contract.extend({ amendment: z.object({ id, effectiveDate: date, seatsDelta: count, valueDelta: decimal, reason: text }) }),
  },
  'contract.terminated': { source: ['crm'], subject: 'Contract:<id>', summary: 'A contract was terminated; `previous: { status }`.', version: 1, data: contract.extend({ reason: text.nullable() }) },
  'subscription.created': { source: ['billing'], subject: 'BillingSubscription:<id>', summary: 'Billing subscribed an activated contract.', version: 1, data: subscription },
  'subscription.updated': { source: ['billing'], subject: 'BillingSubscription:<id>', summary: 'A subscription\'s seats changed; `previous` has the changed fields.', version: 1, data: subscription },
  'subscription.canceled': {
    source: ['billing'],
    subject: 'BillingSubscription:<id>',
    summary: 'A subscription was canceled: `previous: { status }` when at once, `{ cancelAtPeriodEnd }` when set to end with its period.',
    version: 1,
    data: subscription.extend({ cancelAtPeriodEnd: z.boolean() }),
  },
  'invoice.issued': {
    source: ['billing'],
    subject: 'Invoice:<id>',
    summary: 'An invoice was issued, OPEN (subscribers\' `invoiceStatusChanged`, from no status to OPEN).',
    version: 1,
    data: z.object({
      id,
      number: text,
      kind: z.enum(['RECURRING', 'PRORATION']),
      customerId: id,
      subscriptionId: id.nullable(),
      contractId: id.nullable(),
      status: invoiceStatus,
      currency,
      issuedAt: instant.nullable(),
      issuedOn: date.nullable(),
      dueDate: date.nullable(),
      periodStart: date.nullable(),
      periodEnd: date.nullable(),
      subtotal: amount,
      tax: amount,
      total: amount,
      amountPaid: amount,
    }),
  },
  'invoice.status_changed': {
    source: ['billing'],
    subject: 'Invoice:<id>',
    summary: 'An invoice\'s status moved (paid, voided); `previous: { status }`.',
    version: 1,
    data: z.object({ id, number: text, customerId: id, status: invoiceStatus, total: amount, amountPaid: amount, amountDue: amount, currency }),
  },
  'invoice.voided': {
    source: ['billing'],
    subject: 'Invoice:<id>',
    summary: 'An invoice was voided (followed by `invoice.status_changed` to VOID).',
    version: 1,
    data: z.object({ id, number: text, customerId: id, reason: text.nullable(), total: amount, currency }),
  },
  'payment.received': {
    source: ['billing'],
    subject: 'Payment:<id>',
    summary: 'A payment was recorded against an invoice, with the invoice and the customer\'s standing after it (absent from other producers\' payments).',
    version: 1,
    data: z.object({
      id,
      invoiceId: id,
      customerId: id,
      amount,
      currency,
      method: text,
      reference: text.nullable(),
      receivedAt: instant,
      invoice: z.object({ status: invoiceStatus, amountPaid: amount, amountDue: amount }).optional(),
      customer: z.object({ balance: decimal, overdueAmount: amount }).optional(),
    }),
  },
  'invoice.posted': {
    source: ['erp'],
    subject: 'Invoice:<id>',
    summary: 'ERP posted an invoice into a period (resolves a posting exception).',
    version: 1,
    data: z.object({ invoiceId: id, customerId: id, period, journalEntryId: id, journalEntryNumber: text, postedAt: instant.nullable(), attempts: count }),
  },
  'invoice.posting_rejected': {
    source: ['erp'],
    subject: 'Invoice:<id>',
    summary: 'ERP refused to post an invoice into a CLOSED or LOCKED period (an OpsException owned by `finance-ops`).',
    version: 1,
    data: z.object({ invoiceId: id, customerId: id, period, reason: text, attempts: count }),
  },
  'invoice.reversed': {
    source: ['erp'],
    subject: 'Invoice:<id>',
    summary: 'ERP reversed a voided invoice\'s posting; `journalEntryId` is null when it had not been posted.',
    version: 1,
    data: z.object({ invoiceId: id, customerId: id, journalEntryId: id.nullable() }),
  },
  'payment.posted': {
    source: ['erp'],
    subject: 'Payment:<id>',
    summary:
      'ERP posted a cash receipt into the first OPEN period from the day it was received: against the receivable, or as unapplied cash (`unapplied: true`) while the invoice\'s own posting is not POSTED.',
    version: 1,
    data: z.object({ paymentId: id, invoiceId: id, customerId: id, journalEntryId: id, period, unapplied: z.boolean().optional() }),
  },
  'payment.applied': {
    source: ['erp'],
    subject: 'Payment:<id>',
    summary: 'ERP applied cash it held as unapplied (its invoice\'s posting was not POSTED when the cash came) to the invoice, once the invoice posted.',
    version: 1,
    data: z.object({ paymentId: id, invoiceId: id, customerId: id, journalEntryId: id, period, amount, currency }),
  },
  'credit_note.issued': {
    source: ['billing'],
    subject: 'CreditNote:<id>',
    summary: 'Billing credited a customer: a seat decrease part-way through a contract, for the value removed from the rest of its term, tax included.',
    version: 1,
    data: z.object({
      id,
      number: text,
      customerId: id,
      subscriptionId: id.nullable(),
      contractId: id.nullable(),
      reason: text,
      currency,
      issuedOn: date,
      periodStart: date.nullable(),
      periodEnd: date.nullable(),
      subtotal: amount,
      tax: amount,
      total: amount,
    }),
  },
  'credit_note.posted': {
    source: ['erp'],
    subject: 'CreditNote:<id>',
    summary: 'ERP posted a credit note: DR revenue (or deferred revenue) and sales tax, CR accounts receivable.',
    version: 1,
    data: z.object({ creditNoteId: id, customerId: id, journalEntryId: id, period }),
  },
  'reconciliation.completed': {
    source: ['ops'],
    subject: 'ReconciliationRun:<id>',
    summary: 'Ops reconciled the systems of record: the unexplained differences it found, and the exceptions it opened and resolved.',
    version: 1,
    data: z.object({ runId: id, customers: count, differences: count, opened: count, resolved: count }),
  },
  'period.closed': { source: ['erp'], subject: 'AccountingPeriod:<id>', summary: 'An accounting period was closed; `previous: { status }`.', version: 1, data: periodChange },
  'period.locked': { source: ['erp'], subject: 'AccountingPeriod:<id>', summary: 'An accounting period was locked; `previous: { status }`.', version: 1, data: periodChange },
  'period.reopened': { source: ['erp'], subject: 'AccountingPeriod:<id>', summary: 'An accounting period was reopened, with the reason; `previous: { status }`.', version: 1, data: periodChange },
  'onboarding.started': {
    source: ['customer-success'],
    subject: 'Onboarding:<customerId>',
    summary: 'Customer success opened the onboarding plan of a new contract (the last quote-to-cash step).',
    version: 1,
    data: z.object({ customerId: id, contractId: id, status: z.literal('IN_PROGRESS'), milestones: z.array(z.object({ name: text, dueDate: date })) }),
  },
  'renewal.created': {
    source: ['customer-success'],
    subject: 'Renewal:<id>',
    summary: 'A contract\'s renewal was opened, due the day after it ends.',
    version: 1,
    data: z.object({
      id,
      customerId: id,
      contractId: id,
      renewalDate: date,
      stage: z.enum(['UPCOMING', 'IN_PROGRESS', 'RENEWED', 'CHURNED']),
      risk,
      forecastArr: amount,
      currency,
    }),
  },
  'renewal.risk_changed': {
    source: ['customer-success'],
    subject: 'Renewal:<id>',
    summary: 'A renewal\'s risk moved (setRenewalRisk, a payment, `contract.terminated`); `previous: { risk }`.',
    version: 1,
    data: z.object({ id, customerId: id, contractId: id, risk, riskReasons: z.array(text) }),
  },
  'health.changed': {
    source: ['customer-success'],
    subject: 'Customer:<id>',
    summary: 'A health factor moved: `score` is the overall health score after it, `factorScore` the factor\'s own.',
    version: 1,
    data: z.object({ customerId: id, factor: text, score, factorScore: score }),
  },
  'milestone.completed': {
    source: ['customer-success'],
    subject: 'Onboarding:<customerId>',
    summary: 'An onboarding milestone was done; `onboardingStatus` is COMPLETED after the last one.',
    version: 1,
    data: z.object({ customerId: id, contractId: id, name: text, status: z.literal('DONE'), onboardingStatus: z.enum(['IN_PROGRESS', 'COMPLETED']) }),
  },
  'event.dead_lettered': {
    source: 'any',
    subject: 'the failed event\'s subject',
    summary: 'A consumer gave up on an event (after its retries, or at once for a permanent refusal): a DeadLetter and an OpsException.',
    version: 1,
    data: z.object({ consumer: text, error: text, attempts: count, event: carriedEvent }),
  },
  'event.replay_requested': {
    source: ['ops'],
    subject: 'DeadLetter:<id>',
    summary: 'ops asks the named consumer to apply a dead letter\'s event again; only that consumer receives it.',
    version: 1,
    data: z.object({ deadLetterId: id, consumer: text, event: carriedEvent }),
  },
  'event.replayed': {
    source: 'any',
    subject: 'DeadLetter:<id>',
    summary: 'The consumer applied a replayed dead letter (the dead letter is REPLAYED, its exception resolved).',
    version: 1,
    data: z.object({ deadLetterId: id, consumer: text, eventId: id }),
  },
  'exception.resolved': {
    source: ['ops'],
    subject: 'OpsException:<id>',
    summary: 'An OpsException was resolved, by `resolveException` or by ops itself when a posting or replay clears it.',
    version: 1,
    data: z.object({
      id,
      kind: text,
      system: z.enum(['CRM', 'BILLING', 'ERP', 'CUSTOMER_SUCCESS', 'OPS']),
      owner: text,
      priority: z.enum(['LOW', 'MEDIUM', 'HIGH', 'CRITICAL']),
      status: z.enum(['OPEN', 'RESOLVED']),
      message: text,
      subject: text,
      correlationId: text.nullable(),
      customerId: id.nullable(),
      openedAt: instant,
      resolvedAt: instant.nullable(),
      resolutionNote: text.nullable(),
    }),
  },
  'audit.recorded': {
    source: 'any',
    subject: 'AuditEntry:<audit_log id>',
    summary: 'A mutation ran (in its transaction when it commits, in one of its own when it fails); `arguments` are redacted. Not a business event: neither in the event log nor in `businessEvents`.',
    version: 1,
    data: z.object({ actor: text, role: text, correlationId: text.nullable(), operation: text, arguments: z.unknown(), outcome: text, at: instant }),
  },
} as const satisfies Record<string, EventSpec>;

export type EventType = keyof typeof CATALOGUE;

/** Every event type, in catalogue order. */
export const EVENT_TYPES = Object.keys(CATALOGUE) as EventType[];

/** The audit trail's event: it travels the stream but is no business event (see BUSINESS_EVENT_TYPES). */
export const AUDIT_EVENT = 'audit.recorded' satisfies EventType;

/**
 * The business events: every type but the audit trail's. ops's event log records exactly these,
 * and its `businessEvents` subscription serves exactly these.
 */
export const BUSINESS_EVENT_TYPES = EVENT_TYPES.filter((type): type is Exclude<EventType, typeof AUDIT_EVENT> => type !== AUDIT_EVENT);
export type BusinessEventType = (typeof BUSINESS_EVENT_TYPES)[number];

/** The payload of one event type, as its current schema version defines it. */
export type DataOf<T extends EventType> = z.infer<(typeof CATALOGUE)[T]['data']>;

/**
 * A parsed event of one type (of each, for a union): the envelope with its `type`, `version`,
 * typed `data` and `previous` (on updates: the old values of the fields of `data` that changed).
 */
export type EventOf<T extends EventType> = T extends EventType
  ? Omit<BusinessEvent, 'type' | 'version' | 'data' | 'previous'> & { type: T; version: number; data: DataOf<T>; previous?: Partial<DataOf<T>> }
  : never;

/** Every event of the catalogue, discriminated on `type`. */
export type HubEvent = { [T in EventType]: EventOf<T> }[EventType];

/** What a producer says about an event of type `T`; the runtime fills in identity, lineage and version. */
export interface EventDraft<T extends EventType = EventType> {
  type: T;
  subject: string;
  customerId: string | null;
  data: DataOf<T>;
  previous?: Partial<DataOf<T>>;
}

export type CustomerCreated = EventOf<'customer.created'>;
export type CustomerUpdated = EventOf<'customer.updated'>;
export type OpportunityCreated = EventOf<'opportunity.created'>;
export type ContractActivated = EventOf<'contract.activated'>;
export type ContractAmended = EventOf<'contract.amended'>;
export type ContractTerminated = EventOf<'contract.terminated'>;
export type SubscriptionCreated = EventOf<'subscription.created'>;
export type SubscriptionUpdated = EventOf<'subscription.updated'>;
export type SubscriptionCanceled = EventOf<'subscription.canceled'>;
export type InvoiceIssued = EventOf<'invoice.issued'>;
export type InvoiceStatusChanged = EventOf<'invoice.status_changed'>;
export type InvoiceVoided = EventOf<'invoice.voided'>;
export type PaymentReceived = EventOf<'payment.received'>;
export type InvoicePosted = EventOf<'invoice.posted'>;
export type InvoicePostingRejected = EventOf<'invoice.posting_rejected'>;
export type InvoiceReversed = EventOf<'invoice.reversed'>;
export type PaymentPosted = EventOf<'payment.posted'>;
export type PaymentApplied = EventOf<'payment.applied'>;
export type CreditNoteIssued = EventOf<'credit_note.issued'>;
export type CreditNotePosted = EventOf<'credit_note.posted'>;
export type ReconciliationCompleted = EventOf<'reconciliation.completed'>;
export type PeriodClosed = EventOf<'period.closed'>;
export type PeriodLocked = EventOf<'period.locked'>;
export type PeriodReopened = EventOf<'period.reopened'>;
export type OnboardingStarted = EventOf<'onboarding.started'>;
export type RenewalCreated = EventOf<'renewal.created'>;
export type RenewalRiskChanged = EventOf<'renewal.risk_changed'>;
export type HealthChanged = EventOf<'health.changed'>;
export type MilestoneCompleted = EventOf<'milestone.completed'>;
export type EventDeadLettered = EventOf<'event.dead_lettered'>;
export type EventReplayRequested = EventOf<'event.replay_requested'>;
export type EventReplayed = EventOf<'event.replayed'>;
export type ExceptionResolved = EventOf<'exception.resolved'>;
export type AuditRecorded = EventOf<'audit.recorded'>;

const envelope = z.object({
  id,
  type: text,
  // Events written before versioning carry none: they are version 1, the only one there was.
  version: z.number().int().positive().default(1),
  source: z.enum(SYSTEMS),
  subject: z.string().min(1),
  time: instant,
  correlationId: text.nullable(),
  causationId: text.nullable(),
  customerId: id.nullable(),
  data: z.record(z.string(), z.unknown()),
  previous: z.record(z.string(), z.unknown()).optional(),
});

/** An event `parseEvent` refuses: malformed, of an unknown type, or of a version no consumer reads. Permanent. */
export class MalformedEventError extends PermanentEventError {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedEventError';
  }
}

function describeIssues(error: z.ZodError, prefix: string): string {
  return error.issues.map((issue) => `${[prefix, ...issue.path.map(String)].filter(Boolean).join('.')}: ${issue.message}`).join('; ');
}

function isEventType(type: string): type is EventType {
  return Object.hasOwn(CATALOGUE, type);
}

/**
 * Validates an event as it came off the stream (or out of a dead letter): its envelope, its type,
 * its schema version and its payload. Throws MalformedEventError, which a consumer dead-letters at
 * once with the message as the reason, since the same event is just as wrong on every retry.
 */
export function parseEvent(raw: unknown): HubEvent {
  const label = labelOf(raw);
  const parsed = envelope.safeParse(raw);
  if (!parsed.success) throw new MalformedEventError(`${label} has a malformed envelope: ${describeIssues(parsed.error, '')}`);
  const event = parsed.data;
  if (!isEventType(event.type)) throw new MalformedEventError(`${label} is of an unknown type "${event.type}"; the catalogue knows ${EVENT_TYPES.length} types`);
  const spec: EventSpec = CATALOGUE[event.type];
  if (event.version !== spec.version) {
    throw new MalformedEventError(`${label} is version ${event.version}; this consumer reads ${event.type} version ${spec.version} only`);
  }
  const data = spec.data.safeParse(event.data);
  if (!data.success) throw new MalformedEventError(`${label} has a malformed payload: ${describeIssues(data.error, 'data')}`);
  if (event.previous === undefined) return { ...event, data: data.data } as HubEvent;
  const previous = previousSchema(event.type).safeParse(event.previous);
  if (!previous.success) throw new MalformedEventError(`${label} has a malformed previous: ${describeIssues(previous.error, 'previous')}`);
  return { ...event, data: data.data, previous: previous.data } as HubEvent;
}

const previousSchemas = new Map<EventType, z.ZodObject>();

/** `previous` holds old values of fields of `data`: any of them, each as `data` defines it. */
function previousSchema(type: EventType): z.ZodObject {
  let schema = previousSchemas.get(type);
  if (!schema) previousSchemas.set(type, (schema = (CATALOGUE[type].data as z.ZodObject).partial()));
  return schema;
}

/** `<type> <id>` of whatever was received, for error messages. */
function labelOf(raw: unknown): string {
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const type = typeof record.type === 'string' ? record.type : 'event';
  return typeof record.id === 'string' ? `${type} ${record.id}` : type;
}

/** For the default of an exhaustive `switch` on an event's `type`: a type added to the catalogue is a compile error there. */
export class UnreachableCaseError extends Error {
  constructor(value: never) {
    super(`Unreachable case: ${JSON.stringify(value)}`);
    this.name = 'UnreachableCaseError';
  }
}
