/**
 * Billing's invoices and payments of one contract, and ERP's mirror of them: the receivable,
 * its posting and the journal entries. Both sides are written from the same values here, so the
 * systems agree to the cent by construction.
 */
import { addDays, addMonths, daysBetween, periodOf } from '../platform/dates.ts';
import { Decimal, toAmount } from '../platform/money.ts';
import type { InvoiceSeed } from '../subgraphs/billing/seed.ts';
import { ACCOUNTS } from '../subgraphs/erp/commands.ts';
import { at, id, minDate, pad, type ContractPlan, type Counters, type CustomerPlan, type Payer, type SeedBatch } from './model.ts';
import { Rng, streamSeed, type Quota } from './random.ts';

export interface LedgerContext {
  asOf: string;
  /** The month before asOf's month, CLOSED: a few of its invoices failed to post into it. */
  rejectPeriod: string;
  /** About 3% of the invoices issued in the reject period failed to post. */
  rejections: Quota;
  /** The first day of the events the seed replays (seed/events.ts). */
  eventsFrom: string;
  /**
   * Of the sales replayed as events whose first invoice fell in the reject period, the first and
   * then one in twenty had that invoice rejected: even a small seed shows a quote-to-cash run
   * stopped by an exception.
   */
  saleRejections: Quota;
  counters: Counters;
  batch: SeedBatch;
}

/** A signed amount on one account: positive debits it, negative credits it. */
type Leg = [account: string, amount: Decimal];

const ZERO = new Decimal(0);

type Outcome = 'onTime' | 'late' | 'retried' | 'partial' | 'unpaid';

/** How invoices already due were settled, per kind of payer (relative weights). */
const OUTCOMES: Record<Payer, Record<Outcome, number>> = {
  GOOD: { onTime: 93, late: 6, retried: 0, partial: 0.5, unpaid: 0.5 },
  SLOW: { onTime: 45, late: 46, retried: 1, partial: 3, unpaid: 5 },
  FAILING: { onTime: 55, late: 10, retried: 30, partial: 1, unpaid: 4 },
  POOR: { onTime: 20, late: 42, retried: 3, partial: 15, unpaid: 20 },
};

/** The share of invoices not due yet that are already paid. */
const EARLY: Record<Payer, number> = { GOOD: 0.4, SLOW: 0.1, FAILING: 0.3, POOR: 0.05 };

const FAILURES: Record<string, readonly string[]> = {
  card: ['card_declined', 'insufficient_funds', 'expired_card'],
  other: ['insufficient_funds', 'account_closed', 'bank_rejected'],
};

interface Attempt {
  date: string;
  amount: Decimal;
  failure: string | null;
}

function settle(rng: Rng, customer: CustomerPlan, asOf: string, issued: string, due: string, total: Decimal): Attempt[] {
  const terms = customer.paymentTermsDays;
  const failure = () => rng.pick(FAILURES[customer.method] ?? FAILURES.other);
  if (due >= asOf) {
    if (!rng.chance(EARLY[customer.payer])) return [];
    return [{ date: addDays(issued, rng.int(0, Math.min(terms, daysBetween(issued, asOf)))), amount: total, failure: null }];
  }
  const overdueDays = daysBetween(due, asOf);
  const weights = { ...OUTCOMES[customer.payer] };
  if (overdueDays > 90 && customer.payer !== 'POOR') {
    // Old debts of decent payers have long been chased and paid.
    weights.partial *= 0.2;
    weights.unpaid *= 0.2;
  }
  switch (rng.weighted(weights)) {
    case 'onTime':
      return [{ date: addDays(issued, rng.int(1, terms)), amount: total, failure: null }];
    case 'late':
      return [{ date: addDays(due, rng.int(1, Math.min(60, overdueDays))), amount: total, failure: null }];
    case 'retried': {
      const failed = addDays(due, -rng.int(0, 5));
      return [
        { date: failed, amount: total, failure: failure() },
        { date: minDate(addDays(failed, rng.int(1, 4)), asOf), amount: total, failure: null },
      ];
    }
    case 'partial': {
      const part = total.mul(rng.int(30, 70)).div(100).toDecimalPlaces(0, Decimal.ROUND_DOWN);
      if (part.lte(0)) return [];
      return [{ date: minDate(addDays(issued, rng.int(1, terms + 30)), asOf), amount: part, failure: null }];
    }
    case 'unpaid':
      return customer.payer === 'FAILING' ? [{ date: due, amount: total, failure: failure() }] : [];
  }
}

function reference(rng: Rng, method: string): string {
  const digits = (n: number) => String(rng.int(0, 10 ** n - 1)).padStart(n, '0');
  switch (method) {
    case 'card':
      return `ch_${rng.int(0, 0xffffff).toString(16).padStart(6, '0')}${rng.int(0, 0xffffff).toString(16).padStart(6, '0')}`;
    case 'check':
      return `CHK-${digits(6)}`;
    default:
      return `${method.toUpperCase()}-${digits(8)}`;
  }
}

/** Writes one balanced journal entry, numbered like ERP numbers them. */
function journal(
  ctx: LedgerContext,
  customer: CustomerPlan,
  entry: { date: string; source: 'INVOICE' | 'PAYMENT' | 'CREDIT'; sourceId: string; memo: string; createdAt: string },
  legs: Leg[],
): string {
  const sum = legs.reduce((total, [, amount]) => total.plus(amount), ZERO);
  if (!sum.isZero()) throw new Error(`seed journal entry for ${entry.source} ${entry.sourceId} does not balance`);
  const n = ++ctx.counters.journal;
  const entryId = id('je', n);
  ctx.batch.erp.entries.push({
    id: entryId,
    number: `JE-${entry.date.slice(0, 4)}-${pad(n)}`,
    date: entry.date,
    period: periodOf(entry.date),
    source: entry.source,
    source_id: entry.sourceId,
    customer_id: customer.id,
    currency: customer.currency,
    correlation_id: null,
    memo: entry.memo,
    created_at: entry.createdAt,
  });
  legs.forEach(([account, amount], index) => {
    ctx.batch.erp.lines.push({
      journal_entry_id: entryId,
      line_no: index + 1,
      account,
      debit: amount.isPositive() ? toAmount(amount) : '0.00',
      credit: amount.isNegative() ? toAmount(amount.negated()) : '0.00',
    });
  });
  return entryId;
}

/** As ERP posts an invoice (or, negated, a credit note): revenue not earned by the end of the issue month is deferred. */
function invoiceLegs(invoice: Pick<InvoiceSeed, 'total' | 'tax' | 'issued_at' | 'period_end'>): Leg[] {
  const total = new Decimal(invoice.total);
  const tax = new Decimal(invoice.tax);
  const deferred = periodOf(invoice.period_end) > periodOf(invoice.issued_at.slice(0, 10));
  const legs: Leg[] = [
    [ACCOUNTS.receivable, total],
    [deferred ? ACCOUNTS.deferredRevenue : ACCOUNTS.revenue, total.minus(tax).negated()],
  ];
  if (tax.isPositive()) legs.push([ACCOUNTS.salesTax, tax.negated()]);
  return legs;
}

interface Amounts {
  subtotal: string;
  tax: string;
  total: string;
}

interface Period {
  start: string;
  end: string;
  seats: number;
  amounts: Amounts;
}

/** An invoice to write: when, the service it bills and its one line. */
interface InvoiceDraft {
  kind: InvoiceSeed['kind'];
  issuedAt: string;
  start: string;
  end: string;
  amounts: Amounts;
  line: { description: string; quantity: number; unitPrice: string };
}

/** Writes an invoice and its line in billing; the caller mirrors it in ERP, settles, posts or voids it. */
function write(ctx: LedgerContext, customer: CustomerPlan, contract: ContractPlan, draft: InvoiceDraft): InvoiceSeed {
  const n = ++ctx.counters.invoice;
  const day = draft.issuedAt.slice(0, 10);
  const invoice: InvoiceSeed = {
    id: id('inv', n),
    number: `INV-${day.slice(0, 4)}-${pad(n)}`,
    kind: draft.kind,
    customer_id: customer.id,
    subscription_id: contract.subscriptionId,
    status: 'OPEN',
    currency: customer.currency,
    issued_at: draft.issuedAt,
    due_date: addDays(day, customer.paymentTermsDays),
    period_start: draft.start,
    period_end: draft.end,
    ...draft.amounts,
    amount_paid: '0.00',
    void_reason: null,
    voided_at: null,
    created_at: draft.issuedAt,
    updated_at: draft.issuedAt,
  };
  ctx.batch.billing.invoices.push(invoice);
  ctx.batch.billing.lines.push({
    invoice_id: invoice.id,
    position: 1,
    description: draft.line.description,
    quantity: draft.line.quantity,
    unit_price: draft.line.unitPrice,
    amount: draft.amounts.subtotal,
    period_start: draft.start,
    period_end: draft.end,
  });
  return invoice;
}

/** Issues a period's recurring invoice. */
function issue(ctx: LedgerContext, rng: Rng, customer: CustomerPlan, contract: ContractPlan, period: Period, unitPrice: string, hour: number): InvoiceSeed {
  return write(ctx, customer, contract, {
    kind: 'RECURRING',
    issuedAt: at(period.start, hour, rng.int(0, 50)),
    start: period.start,
    end: period.end,
    amounts: period.amounts,
    line: { description: `${contract.planCode} plan, ${period.seats} seats, ${period.start} to ${period.end}`, quantity: period.seats, unitPrice },
  });
}

/** ERP's receivable item for an invoice; filled in after settlement so both sides agree. */
function mirror(ctx: LedgerContext, invoice: InvoiceSeed): void {
  ctx.batch.erp.invoices.push({
    invoice_id: invoice.id,
    customer_id: invoice.customer_id,
    number: invoice.number,
    currency: invoice.currency,
    total: invoice.total,
    tax: invoice.tax,
    amount_paid: invoice.amount_paid,
    issued_on: invoice.issued_at.slice(0, 10),
    due_date: invoice.due_date,
    status: invoice.status,
    service_period_end: invoice.period_end,
  });
}

function post(ctx: LedgerContext, customer: CustomerPlan, invoice: InvoiceSeed): void {
  const postedAt = new Date(Date.parse(invoice.issued_at) + 5 * 60_000).toISOString();
  const entryId = journal(
    ctx,
    customer,
    { date: invoice.issued_at.slice(0, 10), source: 'INVOICE', sourceId: invoice.id, memo: `invoice ${invoice.number}`, createdAt: postedAt },
    invoiceLegs(invoice),
  );
  ctx.batch.erp.postings.push({
    invoice_id: invoice.id,
    status: 'POSTED',
    period: periodOf(invoice.issued_at.slice(0, 10)),
    journal_entry_id: entryId,
    posted_at: postedAt,
    rejection_reason: null,
    attempts: 1,
    updated_at: postedAt,
  });
}

function reject(ctx: LedgerContext, rng: Rng, invoice: InvoiceSeed): void {
  const period = periodOf(invoice.issued_at.slice(0, 10));
  ctx.batch.erp.postings.push({
    invoice_id: invoice.id,
    status: 'REJECTED',
    period,
    journal_entry_id: null,
    posted_at: null,
    rejection_reason: `period ${period} is CLOSED`,
    attempts: rng.int(1, 3),
    updated_at: at(ctx.asOf, 0, rng.int(0, 59)),
  });
}

/** Records the attempts in billing, with a cash receipt in ERP for each one that succeeded. */
function pay(ctx: LedgerContext, rng: Rng, customer: CustomerPlan, invoice: InvoiceSeed, attempts: Attempt[]): void {
  let paid = ZERO;
  for (const attempt of attempts) {
    const paymentId = id('pay', ++ctx.counters.payment);
    const receivedAt = at(attempt.date, rng.int(8, 19), rng.int(0, 59));
    const amount = toAmount(attempt.amount);
    ctx.batch.billing.payments.push({
      id: paymentId,
      invoice_id: invoice.id,
      customer_id: customer.id,
      amount,
      currency: customer.currency,
      method: customer.method,
      reference: reference(rng, customer.method),
      status: attempt.failure ? 'FAILED' : 'SUCCEEDED',
      failure_reason: attempt.failure,
      received_at: receivedAt,
    });
    invoice.updated_at = receivedAt;
    if (attempt.failure) continue;
    paid = paid.plus(attempt.amount);
    journal(
      ctx,
      customer,
      { date: attempt.date, source: 'PAYMENT', sourceId: paymentId, memo: `payment for invoice ${invoice.number}`, createdAt: receivedAt },
      [
        [ACCOUNTS.cash, attempt.amount],
        [ACCOUNTS.receivable, attempt.amount.negated()],
      ],
    );
  }
  invoice.amount_paid = toAmount(paid);
  if (paid.equals(invoice.total)) invoice.status = 'PAID';
}

/** An invoice issued twice by mistake and voided within days; ERP reverses its posting. */
function voidDuplicate(ctx: LedgerContext, rng: Rng, customer: CustomerPlan, contract: ContractPlan, period: Period, unitPrice: string, original: InvoiceSeed): void {
  const duplicate = issue(ctx, rng, customer, contract, period, unitPrice, 7);
  const voidedOn = minDate(addDays(period.start, rng.int(0, 3)), ctx.asOf);
  duplicate.status = 'VOID';
  duplicate.void_reason = `duplicate of ${original.number}`;
  duplicate.voided_at = at(voidedOn, 11, rng.int(0, 59));
  duplicate.updated_at = duplicate.voided_at;
  mirror(ctx, duplicate);
  post(ctx, customer, duplicate);
  journal(
    ctx,
    customer,
    { date: voidedOn, source: 'CREDIT', sourceId: duplicate.id, memo: `reversal of invoice ${duplicate.number}`, createdAt: duplicate.voided_at },
    invoiceLegs(duplicate).map(([account, amount]): Leg => [account, amount.negated()]),
  );
}

/** An amount and the customer's tax on it. */
function taxed(customer: CustomerPlan, subtotal: Decimal): Amounts {
  const tax = new Decimal(toAmount(subtotal.mul(customer.taxRate)));
  return { subtotal: toAmount(subtotal), tax: toAmount(tax), total: toAmount(subtotal.plus(tax)) };
}

/**
 * What billing and ERP did when the contract's seats changed, as they do live: more seats are a
 * PRORATION invoice for the value CRM added over the rest of the term (posted, then settled like
 * any invoice); fewer are a credit note for the value removed, which ERP posts (DR revenue or
 * deferred revenue and sales tax, CR receivable). Its own random stream, so the rest of the
 * customer's data is the same with or without it.
 */
function billAmendment(ctx: LedgerContext, customer: CustomerPlan, contract: ContractPlan): void {
  const amendment = contract.amendment;
  if (!amendment) return;
  const rng = new Rng(streamSeed(Number(contract.id.slice(4)), 0x5ea7));
  const madeAt = new Date(Date.parse(amendment.madeAt) + 60_000).toISOString();
  const day = madeAt.slice(0, 10);
  const value = new Decimal(amendment.valueDelta);
  const seats = Math.abs(amendment.seatsDelta);
  if (value.isPositive()) {
    const invoice = write(ctx, customer, contract, {
      kind: 'PRORATION',
      issuedAt: madeAt,
      start: amendment.effectiveDate,
      end: contract.endDate,
      amounts: taxed(customer, value),
      line: { description: `Seat change +${seats} from ${amendment.effectiveDate}`, quantity: seats, unitPrice: toAmount(value.div(seats)) },
    });
    post(ctx, customer, invoice);
    pay(ctx, rng, customer, invoice, settle(rng, customer, ctx.asOf, day, invoice.due_date, new Decimal(invoice.total)));
    mirror(ctx, invoice);
  } else if (value.isNegative() && amendment.seatsDelta < 0) {
    const amounts = taxed(customer, value.negated());
    const n = ++ctx.counters.creditNote;
    const note = {
      id: id('cn', n),
      number: `CN-${day.slice(0, 4)}-${pad(n)}`,
      customer_id: customer.id,
      subscription_id: contract.subscriptionId,
      currency: customer.currency,
      reason: `Seat change -${seats} from ${amendment.effectiveDate}`,
      issued_at: madeAt,
      period_start: amendment.effectiveDate,
      period_end: contract.endDate,
      ...amounts,
    };
    ctx.batch.billing.creditNotes.push(note);
    const postedAt = new Date(Date.parse(madeAt) + 5 * 60_000).toISOString();
    const legs = invoiceLegs({ total: note.total, tax: note.tax, issued_at: madeAt, period_end: note.period_end });
    const entryId = journal(
      ctx,
      customer,
      { date: day, source: 'CREDIT', sourceId: note.id, memo: `credit note ${note.number}`, createdAt: postedAt },
      legs.map(([account, amount]): Leg => [account, amount.negated()]),
    );
    ctx.batch.erp.creditNotes.push({
      credit_note_id: note.id,
      customer_id: customer.id,
      number: note.number,
      currency: customer.currency,
      total: note.total,
      issued_on: day,
      journal_entry_id: entryId,
    });
  }
}

export interface BilledContract {
  /** Whether an invoice of this contract is OPEN past its due date. */
  overdue: boolean;
}

/**
 * Bills every period of the contract from its start up to asOf (or its end or termination),
 * each invoice issued on its period's first day, then writes the subscription as of asOf.
 */
export function billContract(ctx: LedgerContext, rng: Rng, customer: CustomerPlan, contract: ContractPlan): BilledContract {
  const annual = contract.interval === 'ANNUAL';
  const step = annual ? 12 : 1;
  const unitPrice = toAmount(new Decimal(contract.monthlyPrice).mul(annual ? 12 : 1));
  const billUntil = minDate(ctx.asOf, contract.terminatedOn ?? contract.endDate);
  const amountsBySeats = new Map<number, Amounts>();
  const amountsFor = (seats: number): Amounts => {
    let amounts = amountsBySeats.get(seats);
    if (!amounts) {
      const subtotal = new Decimal(unitPrice).mul(seats);
      const tax = new Decimal(toAmount(subtotal.mul(customer.taxRate)));
      amounts = { subtotal: toAmount(subtotal), tax: toAmount(tax), total: toAmount(subtotal.plus(tax)) };
      amountsBySeats.set(seats, amounts);
    }
    return amounts;
  };

  let overdue = false;
  let last: Period | undefined;
  let lastIssuedAt = '';
  for (let k = 0; ; k++) {
    const start = addMonths(contract.startDate, k * step);
    if (start > billUntil) break;
    const end = minDate(addDays(addMonths(contract.startDate, (k + 1) * step), -1), contract.endDate);
    const seats = contract.amendment && start >= contract.amendment.effectiveDate ? contract.finalSeats : contract.seats;
    const period: Period = { start, end, seats, amounts: amountsFor(seats) };
    const invoice = issue(ctx, rng, customer, contract, period, unitPrice, 6);
    const rejected =
      periodOf(start) === ctx.rejectPeriod && (ctx.rejections.take() || (k === 0 && start >= ctx.eventsFrom && ctx.saleRejections.take()));
    if (rejected) {
      mirror(ctx, invoice);
      reject(ctx, rng, invoice);
    } else {
      post(ctx, customer, invoice);
      pay(ctx, rng, customer, invoice, settle(rng, customer, ctx.asOf, start, invoice.due_date, new Decimal(invoice.total)));
      mirror(ctx, invoice);
      if (start < ctx.asOf && rng.chance(0.004)) voidDuplicate(ctx, rng, customer, contract, period, unitPrice, invoice);
    }
    if (invoice.status === 'OPEN' && invoice.due_date < ctx.asOf) overdue = true;
    last = period;
    lastIssuedAt = invoice.issued_at;
  }
  if (!last) throw new Error(`contract ${contract.number} starts after ${ctx.asOf}`);
  billAmendment(ctx, customer, contract);

  const canceledAt =
    contract.status === 'TERMINATED' ? at(contract.terminatedOn!, 15) : contract.status === 'EXPIRED' ? at(addDays(contract.endDate, 1), 0, 5) : null;
  ctx.batch.billing.subscriptions.push({
    id: contract.subscriptionId,
    customer_id: customer.id,
    contract_id: contract.id,
    plan_code: contract.planCode,
    seats: contract.finalSeats,
    unit_price: unitPrice,
    currency: customer.currency,
    status: canceledAt ? 'CANCELED' : overdue ? 'PAST_DUE' : 'ACTIVE',
    interval: contract.interval,
    current_period_start: last.start,
    current_period_end: last.end,
    cancel_at_period_end: false,
    canceled_at: canceledAt,
    created_at: at(contract.startDate, 5),
    updated_at: canceledAt ?? lastIssuedAt,
  });
  return { overdue };
}
