/** The writes billing owns. Each runs inside the caller's transaction and returns the entity's id. */
import type { Queryable } from '../../platform/db/db.ts';
import { addDays, addMonths, today } from '../../platform/dates.ts';
import { badInput, conflict, ErrorCode, HubError, notFound } from '../../platform/errors.ts';
import { OVERPAYMENT } from './errors.ts';
import type { DataOf, Emit } from '../../platform/events/index.ts';
import { newId } from '../../platform/ids.ts';
import { Decimal, toAmount } from '../../platform/money.ts';
import * as check from '../../platform/validate.ts';
import type { RecordPaymentInput } from './generated/resolvers.ts';
import { CUSTOMER_STANDING_SQL } from './store.ts';
import type { BillingAccountRow, CreditNoteRow, InvoiceKind, InvoiceRow, PaymentRow, SubscriptionRow } from './rows.ts';

export const PAYMENT_METHODS = ['card', 'ach', 'wire', 'sepa', 'check'] as const;

/** A subscription as events carry it (docs/events.md). */
export function subscriptionData(row: SubscriptionRow): DataOf<'subscription.created'> {
  return {
    id: row.id,
    customerId: row.customer_id,
    contractId: row.contract_id,
    planCode: row.plan_code,
    seats: row.seats,
    unitPrice: toAmount(row.unit_price),
    currency: row.currency,
    interval: row.interval,
    status: row.status,
    currentPeriodStart: row.current_period_start,
    currentPeriodEnd: row.current_period_end,
  };
}

/** What is still owed on an invoice: nothing unless it is OPEN. */
export function invoiceAmountDue(row: Pick<InvoiceRow, 'status' | 'total' | 'amount_paid'>): Decimal {
  return row.status === 'OPEN' ? new Decimal(row.total).minus(row.amount_paid) : new Decimal(0);
}

/**
 * An issued invoice as events carry it (docs/events.md). The contract is the subscription's,
 * which the invoice row does not hold; `kind` defaults to the row's own.
 */
export function invoiceData(row: InvoiceRow & { contract_id: string | null }, kind: InvoiceKind = row.kind): DataOf<'invoice.issued'> {
  return {
    id: row.id,
    number: row.number,
    kind,
    customerId: row.customer_id,
    subscriptionId: row.subscription_id,
    contractId: row.contract_id,
    status: row.status,
    currency: row.currency,
    issuedAt: row.issued_at,
    issuedOn: row.issued_at ? row.issued_at.slice(0, 10) : null,
    dueDate: row.due_date,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    subtotal: toAmount(row.subtotal),
    tax: toAmount(row.tax),
    total: toAmount(row.total),
    amountPaid: toAmount(row.amount_paid),
  };
}

/** An invoice's standing, as `invoice.status_changed` carries it. */
export function invoiceStatusData(row: InvoiceRow): DataOf<'invoice.status_changed'> {
  return {
    id: row.id,
    number: row.number,
    customerId: row.customer_id,
    status: row.status,
    total: toAmount(row.total),
    amountPaid: toAmount(row.amount_paid),
    amountDue: toAmount(invoiceAmountDue(row)),
    currency: row.currency,
  };
}

/** A voided invoice as `invoice.voided` carries it. */
export function invoiceVoidedData(row: InvoiceRow): DataOf<'invoice.voided'> {
  return { id: row.id, number: row.number, customerId: row.customer_id, reason: row.void_reason, total: toAmount(row.total), currency: row.currency };
}

/** A customer's open balance and the part of it past due, as `payment.received` carries them. */
export interface CustomerStanding {
  balance: string;
  overdueAmount: string;
}

/** A payment as `payment.received` carries it, with its invoice after the payment and the customer's standing. */
export function paymentReceivedData(payment: PaymentRow, invoice: InvoiceRow, standing: CustomerStanding): DataOf<'payment.received'> {
  return {
    id: payment.id,
    invoiceId: invoice.id,
    customerId: invoice.customer_id,
    amount: toAmount(payment.amount),
    currency: payment.currency,
    method: payment.method,
    reference: payment.reference,
    receivedAt: payment.received_at,
    invoice: { status: invoice.status, amountPaid: toAmount(invoice.amount_paid), amountDue: toAmount(invoiceAmountDue(invoice)) },
    customer: { balance: standing.balance, overdueAmount: standing.overdueAmount },
  };
}

/** The old values of the fields that differ between two snapshots, for an event's `previous`. */
function changed<T extends object>(before: T, after: T): Partial<T> {
  return Object.fromEntries(Object.entries(before).filter(([key, value]) => after[key as keyof T] !== value)) as Partial<T>;
}

async function lockSubscription(tx: Queryable, id: string): Promise<SubscriptionRow> {
  const [row] = await tx.query<SubscriptionRow>('SELECT * FROM subscriptions WHERE id = $1 FOR UPDATE', [id]);
  if (!row) throw notFound('BillingSubscription', id);
  return row;
}

// Every write to an invoice locks its row first: concurrent payments then queue on the lock and
// each sees the amount paid by the ones before it, so together they never pay more than is due.
async function lockInvoice(tx: Queryable, id: string): Promise<InvoiceRow> {
  const [row] = await tx.query<InvoiceRow>('SELECT * FROM invoices WHERE id = $1 FOR UPDATE', [id]);
  if (!row) throw notFound('Invoice', id);
  return row;
}

/** The period after one that ends on `end`: the next day, for one interval. */
export function nextPeriod(end: string, interval: SubscriptionRow['interval']): { start: string; end: string } {
  return periodFrom(addDays(end, 1), interval);
}

/** One interval starting on `start`, both ends included. */
export function periodFrom(start: string, interval: SubscriptionRow['interval']): { start: string; end: string } {
  return { start, end: addDays(addMonths(start, interval === 'ANNUAL' ? 12 : 1), -1) };
}

/** Monthly recurring revenue of one subscription, to the cent. */
export function subscriptionMrr(subscription: Pick<SubscriptionRow, 'seats' | 'unit_price' | 'interval'>): Decimal {
  const perInterval = new Decimal(subscription.unit_price).mul(subscription.seats);
  return new Decimal(toAmount(subscription.interval === 'ANNUAL' ? perInterval.div(12) : perInterval));
}

interface InvoiceDraft {
  kind: InvoiceKind;
  subscription: SubscriptionRow;
  periodStart: string;
  periodEnd: string;
  /** The one line an invoice of either kind has; its amount is the subtotal. */
  line: { description: string; quantity: number; unitPrice: string; amount: Decimal };
}

/** Issues an OPEN invoice for a subscription, due after the account's payment terms, and announces it. */
async function createInvoice(tx: Queryable, emit: Emit, draft: InvoiceDraft): Promise<string> {
  const { subscription, line } = draft;
  const [account] = await tx.query<BillingAccountRow>('SELECT * FROM billing_accounts WHERE customer_id = $1', [subscription.customer_id]);
  const issueDate = today();
  const subtotal = new Decimal(toAmount(line.amount));
  const tax = new Decimal(toAmount(subtotal.mul(account.tax_rate)));
  const [{ seq }] = await tx.query<{ seq: number }>("SELECT nextval('invoice_number_seq') AS seq");
  const id = newId('inv');
  const [invoice] = await tx.query<InvoiceRow>(
    `INSERT INTO invoices (id, number, kind, customer_id, subscription_id, status, currency, issued_at, due_date,
                           period_start, period_end, subtotal, tax, total)
     VALUES ($1, $2, $3, $4, $5, 'OPEN', $6, now(), $7, $8, $9, $10, $11, $12) RETURNING *`,
    [
      id,
      `INV-${issueDate.slice(0, 4)}-${String(seq).padStart(6, '0')}`,
      draft.kind,
      subscription.customer_id,
      subscription.id,
      subscription.currency,
      addDays(issueDate, account.payment_terms_days),
      draft.periodStart,
      draft.periodEnd,
      toAmount(subtotal),
      toAmount(tax),
      toAmount(subtotal.plus(tax)),
    ],
  );
  await tx.query(
    `INSERT INTO invoice_lines (invoice_id, position, description, quantity, unit_price, amount, period_start, period_end)
     VALUES ($1, 1, $2, $3, $4, $5, $6, $7)`,
    [id, line.description, line.quantity, line.unitPrice, toAmount(subtotal), draft.periodStart, draft.periodEnd],
  );
  await emit({
    type: 'invoice.issued',
    subject: `Invoice:${id}`,
    customerId: invoice.customer_id,
    data: invoiceData({ ...invoice, contract_id: subscription.contract_id }),
  });
  return id;
}

export async function issueInvoice(tx: Queryable, emit: Emit, subscriptionId: string): Promise<string> {
  const subscription = await lockSubscription(tx, subscriptionId);
  if (subscription.status === 'CANCELED') throw conflict(`subscription ${subscriptionId} is CANCELED`, { status: subscription.status });
  // Bills the first period not invoiced yet, from the current one on: the current period if it
  // has no invoice, else the next one in advance. A period is never billed twice. Proration
  // invoices bill seat changes, not periods, so they do not count.
  const [billed] = await tx.query<{ through: string | null }>(
    `SELECT max(period_end) AS through FROM invoices
     WHERE subscription_id = $1 AND kind = 'RECURRING' AND status <> 'VOID' AND period_end >= $2`,
    [subscriptionId, subscription.current_period_start],
  );
  const { start: periodStart, end: periodEnd } = billed.through
    ? nextPeriod(billed.through, subscription.interval)
    : { start: subscription.current_period_start, end: subscription.current_period_end };
  return createInvoice(tx, emit, {
    kind: 'RECURRING',
    subscription,
    periodStart,
    periodEnd,
    line: {
      description: `${subscription.plan_code} plan, ${subscription.seats} seats, ${periodStart} to ${periodEnd}`,
      quantity: subscription.seats,
      unitPrice: subscription.unit_price,
      amount: new Decimal(subscription.unit_price).mul(subscription.seats),
    },
  });
}

/** A seat increase part-way through a contract: what it adds to the contract's value, billed at once. */
export interface SeatIncrease {
  seatsDelta: number;
  /** The contract's value increase for the rest of its term, as CRM computed it. */
  valueDelta: string;
  effectiveDate: string;
  /** The contract's last day: the increase is billed through it. */
  endDate: string;
}

export async function issueProrationInvoice(tx: Queryable, emit: Emit, subscriptionId: string, increase: SeatIncrease): Promise<string> {
  const subscription = await lockSubscription(tx, subscriptionId);
  if (subscription.status === 'CANCELED') throw conflict(`subscription ${subscriptionId} is CANCELED`, { status: subscription.status });
  const seats = check.integer('seatsDelta', increase.seatsDelta, 1, 100_000);
  const value = check.amount('valueDelta', increase.valueDelta, { min: '0.01' });
  if (increase.endDate < increase.effectiveDate) throw badInput('effectiveDate', `is after the contract's end ${increase.endDate}`);
  return createInvoice(tx, emit, {
    kind: 'PRORATION',
    subscription,
    periodStart: increase.effectiveDate,
    periodEnd: increase.endDate,
    line: { description: `Seat change +${seats} from ${increase.effectiveDate}`, quantity: seats, unitPrice: toAmount(value.div(seats)), amount: value },
  });
}

/** A seat decrease part-way through a contract: the value it removes, credited at once. */
export interface SeatDecrease {
  seatsDelta: number;
  /** The contract's value change for the rest of its term, as CRM computed it: negative. */
  valueDelta: string;
  effectiveDate: string;
  /** The contract's last day: the decrease is credited through it. */
  endDate: string;
}

/** A credit note as `credit_note.issued` carries it. */
export function creditNoteData(row: CreditNoteRow, contractId: string | null): DataOf<'credit_note.issued'> {
  return {
    id: row.id,
    number: row.number,
    customerId: row.customer_id,
    subscriptionId: row.subscription_id,
    contractId,
    reason: row.reason,
    currency: row.currency,
    issuedOn: row.issued_at.slice(0, 10),
    periodStart: row.period_start,
    periodEnd: row.period_end,
    subtotal: toAmount(row.subtotal),
    tax: toAmount(row.tax),
    total: toAmount(row.total),
  };
}

/**
 * Credits a seat decrease: the value removed (the amendment's negative valueDelta) plus the
 * account's tax on it. The customer's balance nets it; ERP posts it (`credit_note.issued`).
 */
export async function issueCreditNote(tx: Queryable, emit: Emit, subscriptionId: string, decrease: SeatDecrease): Promise<string> {
  const subscription = await lockSubscription(tx, subscriptionId);
  const seats = check.integer('seatsDelta', -decrease.seatsDelta, 1, 100_000);
  const value = check.amount('valueDelta', new Decimal(decrease.valueDelta).negated().toFixed(), { min: '0.01' });
  const [account] = await tx.query<BillingAccountRow>('SELECT * FROM billing_accounts WHERE customer_id = $1', [subscription.customer_id]);
  const subtotal = new Decimal(toAmount(value));
  const tax = new Decimal(toAmount(subtotal.mul(account.tax_rate)));
  const [{ seq }] = await tx.query<{ seq: number }>("SELECT nextval('credit_note_number_seq') AS seq");
  const [note] = await tx.query<CreditNoteRow>(
    `INSERT INTO credit_notes (id, number, customer_id, subscription_id, currency, reason, issued_at, period_start, period_end, subtotal, tax, total)
     VALUES ($1, $2, $3, $4, $5, $6, now(), $7, $8, $9, $10, $11) RETURNING *`,
    [
      newId('cn'),
      `CN-${today().slice(0, 4)}-${String(seq).padStart(6, '0')}`,
      subscription.customer_id,
      subscription.id,
      subscription.currency,
      `Seat change -${seats} from ${decrease.effectiveDate}`,
      decrease.effectiveDate,
      decrease.endDate,
      toAmount(subtotal),
      toAmount(tax),
      toAmount(subtotal.plus(tax)),
    ],
  );
  await emit({
    type: 'credit_note.issued',
    subject: `CreditNote:${note.id}`,
    customerId: note.customer_id,
    data: creditNoteData(note, subscription.contract_id),
  });
  return note.id;
}

export async function voidInvoice(tx: Queryable, emit: Emit, id: string, reason: string): Promise<string> {
  const voidReason = check.text('reason', reason, 1000);
  const invoice = await lockInvoice(tx, id);
  if (invoice.status !== 'OPEN') {
    throw conflict(`invoice ${invoice.number} is ${invoice.status}; only OPEN invoices can be voided`, { status: invoice.status });
  }
  if (!new Decimal(invoice.amount_paid).isZero()) {
    throw conflict(`invoice ${invoice.number} has ${invoice.amount_paid} ${invoice.currency} paid on it; an invoice with payments cannot be voided`, {
      amountPaid: invoice.amount_paid,
    });
  }
  const [voided] = await tx.query<InvoiceRow>(
    "UPDATE invoices SET status = 'VOID', void_reason = $2, voided_at = now(), updated_at = now() WHERE id = $1 RETURNING *",
    [id, voidReason],
  );
  const subject = `Invoice:${id}`;
  await emit({
    type: 'invoice.voided',
    subject,
    customerId: voided.customer_id,
    data: invoiceVoidedData(voided),
  });
  await emit({ type: 'invoice.status_changed', subject, customerId: voided.customer_id, data: invoiceStatusData(voided), previous: { status: invoice.status } });
  return id;
}

/** A customer's open balance and the part of it past due on `day`, in the account's currency. */
async function customerStanding(tx: Queryable, customerId: string, day: string): Promise<{ balance: string; overdueAmount: string; currency: string }> {
  const [row] = await tx.query<{ balance: string; overdue: string; currency: string }>(CUSTOMER_STANDING_SQL, [[customerId], day]);
  return { balance: toAmount(row.balance), overdueAmount: toAmount(row.overdue), currency: row.currency };
}

export async function recordPayment(tx: Queryable, emit: Emit, input: RecordPaymentInput): Promise<string> {
  if (new Decimal(input.amount).lte(0)) throw badInput('input.amount', `must be more than 0, got ${input.amount}`);
  const amount = check.amount('input.amount', input.amount);
  const method = check.oneOf('input.method', input.method, PAYMENT_METHODS);
  const reference = check.optionalText('input.reference', input.reference);
  const invoice = await lockInvoice(tx, input.invoiceId);
  if (invoice.status !== 'OPEN') {
    throw conflict(`invoice ${invoice.number} is ${invoice.status}; payments are recorded against OPEN invoices only`, { status: invoice.status });
  }
  const amountDue = new Decimal(invoice.total).minus(invoice.amount_paid);
  if (amount.greaterThan(amountDue)) {
    throw new HubError(OVERPAYMENT, `input.amount: ${toAmount(amount)} exceeds the ${toAmount(amountDue)} ${invoice.currency} due on invoice ${invoice.number}`, {
      field: 'input.amount',
      amountDue: toAmount(amountDue),
      currency: invoice.currency,
    });
  }
  const id = newId('pay');
  const [payment] = await tx.query<PaymentRow>(
    `INSERT INTO payments (id, invoice_id, customer_id, amount, currency, method, reference, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'SUCCEEDED') RETURNING *`,
    [id, invoice.id, invoice.customer_id, toAmount(amount), invoice.currency, method, reference],
  );
  const [paid] = await tx.query<InvoiceRow>(
    `UPDATE invoices SET amount_paid = amount_paid + $2,
            status = CASE WHEN amount_paid + $2 = total THEN 'PAID' ELSE status END, updated_at = now()
     WHERE id = $1 RETURNING *`,
    [invoice.id, toAmount(amount)],
  );
  // Read in this transaction, after the payment: consumers (health, renewal risk) get the
  // standing the payment produced without asking billing back.
  const standing = await customerStanding(tx, invoice.customer_id, today());
  await emit({
    type: 'payment.received',
    subject: `Payment:${id}`,
    customerId: invoice.customer_id,
    data: paymentReceivedData(payment, paid, standing),
  });
  if (paid.status !== invoice.status) {
    await emit({ type: 'invoice.status_changed', subject: `Invoice:${invoice.id}`, customerId: invoice.customer_id, data: invoiceStatusData(paid), previous: { status: invoice.status } });
  }
  return id;
}

export async function cancelSubscription(tx: Queryable, emit: Emit, id: string, atPeriodEnd: boolean): Promise<string> {
  const subscription = await lockSubscription(tx, id);
  if (subscription.status === 'CANCELED') throw conflict(`subscription ${id} is already CANCELED`, { status: subscription.status });
  const [canceled] = atPeriodEnd
    ? await tx.query<SubscriptionRow>('UPDATE subscriptions SET cancel_at_period_end = true, updated_at = now() WHERE id = $1 RETURNING *', [id])
    : await tx.query<SubscriptionRow>("UPDATE subscriptions SET status = 'CANCELED', canceled_at = now(), updated_at = now() WHERE id = $1 RETURNING *", [id]);
  const before = { ...subscriptionData(subscription), cancelAtPeriodEnd: subscription.cancel_at_period_end };
  const after = { ...subscriptionData(canceled), cancelAtPeriodEnd: canceled.cancel_at_period_end };
  const previous = changed(before, after);
  // Asking again to cancel at the period's end changes nothing, and nothing is announced.
  if (Object.keys(previous).length > 0) {
    await emit({ type: 'subscription.canceled', subject: `BillingSubscription:${id}`, customerId: canceled.customer_id, data: after, previous });
  }
  return id;
}

/** A CRM contract as billing reads it from `contract.*` events. */
export interface ContractTerms {
  id: string;
  customerId: string;
  planCode: string;
  seats: number;
  startDate: string;
  billingInterval: SubscriptionRow['interval'];
  /** The price of one seat for one month. */
  unitPrice: string;
  currency: string;
}

/**
 * The subscription that bills an activated contract, with the invoice for its first period.
 * Returns null, and writes nothing, when the contract already has one.
 */
export async function subscribeContract(tx: Queryable, emit: Emit, contract: ContractTerms): Promise<string | null> {
  const unitPrice = new Decimal(contract.unitPrice).mul(contract.billingInterval === 'ANNUAL' ? 12 : 1);
  const period = periodFrom(contract.startDate, contract.billingInterval);
  const [subscription] = await tx.query<SubscriptionRow>(
    `INSERT INTO subscriptions (id, customer_id, contract_id, plan_code, seats, unit_price, currency, status, interval,
                                current_period_start, current_period_end)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'ACTIVE', $8, $9, $10)
     ON CONFLICT (contract_id) DO NOTHING RETURNING *`,
    [
      newId('sub'),
      contract.customerId,
      contract.id,
      contract.planCode,
      contract.seats,
      toAmount(unitPrice),
      contract.currency,
      contract.billingInterval,
      period.start,
      period.end,
    ],
  );
  if (!subscription) return null;
  await emit({ type: 'subscription.created', subject: `BillingSubscription:${subscription.id}`, customerId: subscription.customer_id, data: subscriptionData(subscription) });
  await issueInvoice(tx, emit, subscription.id);
  return subscription.id;
}

export async function changeSeats(tx: Queryable, emit: Emit, id: string, seatsDelta: number): Promise<string> {
  const subscription = await lockSubscription(tx, id);
  if (subscription.status === 'CANCELED') throw conflict(`subscription ${id} is CANCELED; its seats cannot change`, { status: subscription.status });
  const seats = subscription.seats + seatsDelta;
  if (seats < 1) throw badInput('seatsDelta', `would leave subscription ${id} with ${seats} seats; it keeps at least 1`);
  const [updated] = await tx.query<SubscriptionRow>('UPDATE subscriptions SET seats = $2, updated_at = now() WHERE id = $1 RETURNING *', [id, seats]);
  await emit({
    type: 'subscription.updated',
    subject: `BillingSubscription:${id}`,
    customerId: updated.customer_id,
    data: subscriptionData(updated),
    previous: { seats: subscription.seats },
  });
  return id;
}
