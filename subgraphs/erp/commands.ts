/** The writes ERP owns. Each runs inside the caller's transaction. */
import type { Queryable } from '../../platform/db/db.ts';
import { periodOf, today } from '../../platform/dates.ts';
import { badInput, conflict, ErrorCode, HubError, notFound } from '../../platform/errors.ts';
import { OVERPAYMENT } from './errors.ts';
import type { DataOf, Emit } from '../../platform/events/index.ts';
import { newId } from '../../platform/ids.ts';
import { Decimal, toAmount } from '../../platform/money.ts';
import * as check from '../../platform/validate.ts';
import type { AccountingPeriodRow, ErpInvoiceRow, JournalSource, PeriodStatus, PostingRow } from './rows.ts';

/** The chart of accounts the hub posts to. */
export const ACCOUNTS = {
  cash: '1000 Cash',
  receivable: '1200 Accounts Receivable',
  salesTax: '2200 Sales Tax Payable',
  unappliedCash: '2300 Unapplied Cash',
  deferredRevenue: '2400 Deferred Revenue',
  revenue: '4000 Revenue',
} as const;

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** An accounting period id, "2026-11"; anything else is BAD_USER_INPUT naming `field`. */
export function periodId(field: string, value: string): string {
  if (!PERIOD.test(value)) throw badInput(field, `must be a month like "2026-11", got "${value}"`);
  return value;
}

/** A signed amount on one account: positive debits it, negative credits it. */
interface Leg {
  account: string;
  amount: Decimal;
}

interface EntryInput {
  date: string;
  /** The period it posts into; the period of its date unless that one was closed (firstOpenPeriodFrom). */
  period?: string;
  source: JournalSource;
  sourceId: string;
  customerId: string | null;
  currency: string;
  correlationId: string | null;
  memo?: string | null;
  legs: Leg[];
}

/**
 * The status of a period, locking its row so a concurrent close waits for this posting to commit.
 * A month ERP has no row for counts as OPEN, and gets one, because journal entries reference it.
 */
async function periodStatus(tx: Queryable, period: string): Promise<PeriodStatus> {
  await tx.query(`INSERT INTO accounting_periods (id, status) VALUES ($1, 'OPEN') ON CONFLICT (id) DO NOTHING`, [period]);
  const [row] = await tx.query<Pick<AccountingPeriodRow, 'status'>>('SELECT status FROM accounting_periods WHERE id = $1 FOR SHARE', [period]);
  return row.status;
}

/** The month after a period: "2026-12" → "2027-01". */
export function nextPeriodId(period: string): string {
  const [year, month] = period.split('-').map(Number);
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

/**
 * Where an entry dated in `period` goes: that period when it is OPEN, else the first OPEN one
 * after it (a month ERP has no row for is OPEN, so there always is one). Cash, reversals and
 * credits are facts that happened: a CLOSED or LOCKED month is not written to, so they post into
 * the next open month and keep their own date, the way a late entry is booked in a ledger.
 */
async function firstOpenPeriodFrom(tx: Queryable, period: string): Promise<string> {
  let candidate = period;
  while ((await periodStatus(tx, candidate)) !== 'OPEN') candidate = nextPeriodId(candidate);
  return candidate;
}

/** A journal entry just written: its id and its human number. */
interface WrittenEntry {
  id: string;
  number: string;
}

/** Writes a journal entry and its lines; refuses (as a bug, not a user error) one that does not balance. */
async function writeEntry(tx: Queryable, entry: EntryInput): Promise<WrittenEntry> {
  const sum = entry.legs.reduce((total, leg) => total.plus(leg.amount), new Decimal(0));
  if (!sum.isZero()) throw new Error(`journal entry for ${entry.source} ${entry.sourceId} does not balance: off by ${sum.toFixed()}`);
  const id = newId('je');
  const [{ seq }] = await tx.query<{ seq: number }>("SELECT nextval('journal_number_seq') AS seq");
  const number = `JE-${entry.date.slice(0, 4)}-${String(seq).padStart(6, '0')}`;
  await tx.query(
    `INSERT INTO journal_entries (id, number, date, period, source, source_id, customer_id, currency, correlation_id, memo)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      id,
      number,
      entry.date,
      entry.period ?? periodOf(entry.date),
      entry.source,
      entry.sourceId,
      entry.customerId,
      entry.currency,
      entry.correlationId,
      entry.memo ?? null,
    ],
  );
  const params: unknown[] = [id];
  const values = entry.legs.map((leg, index) => {
    const debit = leg.amount.greaterThan(0) ? leg.amount : new Decimal(0);
    const credit = leg.amount.lessThan(0) ? leg.amount.negated() : new Decimal(0);
    return `($1, $${params.push(index + 1)}, $${params.push(leg.account)}, $${params.push(toAmount(debit))}, $${params.push(toAmount(credit))})`;
  });
  await tx.query(`INSERT INTO journal_lines (journal_entry_id, line_no, account, debit, credit) VALUES ${values.join(', ')}`, params);
  return { id, number };
}

/**
 * DR AR the total; CR revenue the total net of tax, deferred when the service runs past the issue
 * month (it is not earned yet); CR sales tax payable the tax, which is owed to the state, not earned.
 */
export function invoiceLegs(invoice: Pick<ErpInvoiceRow, 'total' | 'tax' | 'issued_on' | 'service_period_end'>): Leg[] {
  const total = new Decimal(invoice.total);
  const tax = new Decimal(invoice.tax);
  const deferred = invoice.service_period_end !== null && periodOf(invoice.service_period_end) > periodOf(invoice.issued_on);
  const legs: Leg[] = [
    { account: ACCOUNTS.receivable, amount: total },
    { account: deferred ? ACCOUNTS.deferredRevenue : ACCOUNTS.revenue, amount: total.minus(tax).negated() },
  ];
  if (tax.greaterThan(0)) legs.push({ account: ACCOUNTS.salesTax, amount: tax.negated() });
  return legs;
}

/** A posted invoice as `invoice.posted` carries it. */
export function invoicePostedData(
  invoice: Pick<ErpInvoiceRow, 'invoice_id' | 'customer_id'>,
  period: string,
  entry: { id: string; number: string },
  posting: Pick<PostingRow, 'posted_at' | 'attempts'>,
): DataOf<'invoice.posted'> {
  return {
    invoiceId: invoice.invoice_id,
    customerId: invoice.customer_id,
    period,
    journalEntryId: entry.id,
    journalEntryNumber: entry.number,
    postedAt: posting.posted_at,
    attempts: posting.attempts,
  };
}

/** A refused posting as `invoice.posting_rejected` carries it. */
export function postingRejectedData(invoice: Pick<ErpInvoiceRow, 'invoice_id' | 'customer_id'>, period: string, reason: string, attempts: number): DataOf<'invoice.posting_rejected'> {
  return { invoiceId: invoice.invoice_id, customerId: invoice.customer_id, period, reason, attempts };
}

/** A posted cash receipt as `payment.posted` carries it. */
export function paymentPostedData(paymentId: string, invoice: Pick<ErpInvoiceRow, 'invoice_id' | 'customer_id'>, journalEntryId: string, period: string): DataOf<'payment.posted'> {
  return { paymentId, invoiceId: invoice.invoice_id, customerId: invoice.customer_id, journalEntryId, period };
}

/** A voided invoice's reversal as `invoice.reversed` carries it; no entry when nothing had been posted. */
export function invoiceReversedData(invoice: Pick<ErpInvoiceRow, 'invoice_id' | 'customer_id'>, journalEntryId: string | null): DataOf<'invoice.reversed'> {
  return { invoiceId: invoice.invoice_id, customerId: invoice.customer_id, journalEntryId };
}

async function lockInvoice(tx: Queryable, invoiceId: string): Promise<ErpInvoiceRow> {
  const [invoice] = await tx.query<ErpInvoiceRow>('SELECT * FROM erp_invoices WHERE invoice_id = $1 FOR UPDATE', [invoiceId]);
  if (!invoice) throw notFound('Invoice', invoiceId);
  return invoice;
}

/** What posting an invoice came to, for the caller to report (an event, a mutation's answer). */
export interface PostingResult {
  invoiceId: string;
  status: 'POSTED' | 'REJECTED';
  period: string;
  journalEntryId: string | null;
  rejectionReason: string | null;
}

/**
 * Posts an invoice ERP knows into `period` (re-dated to its first day) or else the period of its
 * issue date, and says so: `invoice.posted`, or `invoice.posting_rejected` when the period is
 * CLOSED or LOCKED. A refusal is not an error: the posting is REJECTED with the reason, for finance
 * to reopen the period or retry into another. Posting twice is a CONFLICT.
 */
export async function postInvoice(
  tx: Queryable,
  emit: Emit,
  invoiceId: string,
  options: { period?: string | null; correlationId: string | null },
): Promise<PostingResult> {
  const requested = options.period === null || options.period === undefined ? null : periodId('period', options.period);
  const invoice = await lockInvoice(tx, invoiceId);
  if (invoice.status === 'VOID') throw conflict(`invoice ${invoice.number} is VOID and is not posted`, { status: invoice.status });
  const issuePeriod = periodOf(invoice.issued_on);
  if (requested !== null && requested < issuePeriod) {
    throw badInput('period', `must not be before ${issuePeriod}, the period the invoice ${invoice.number} was issued in`);
  }
  await tx.query(`INSERT INTO postings (invoice_id, status) VALUES ($1, 'PENDING') ON CONFLICT (invoice_id) DO NOTHING`, [invoiceId]);
  const [posting] = await tx.query<PostingRow>('SELECT * FROM postings WHERE invoice_id = $1 FOR UPDATE', [invoiceId]);
  if (posting.status === 'POSTED') {
    throw conflict(`invoice ${invoice.number} is already POSTED in ${posting.period}`, { status: posting.status, period: posting.period });
  }
  const period = requested ?? issuePeriod;
  const subject = `Invoice:${invoiceId}`;
  const status = await periodStatus(tx, period);
  if (status !== 'OPEN') {
    const reason = `period ${period} is ${status}`;
    const [rejected] = await tx.query<Pick<PostingRow, 'attempts'>>(
      `UPDATE postings SET status = 'REJECTED', period = $2, journal_entry_id = NULL, posted_at = NULL, rejection_reason = $3,
              attempts = attempts + 1, updated_at = now()
       WHERE invoice_id = $1 RETURNING attempts`,
      [invoiceId, period, reason],
    );
    await emit({
      type: 'invoice.posting_rejected',
      subject,
      customerId: invoice.customer_id,
      data: postingRejectedData(invoice, period, reason, rejected.attempts),
    });
    return { invoiceId, status: 'REJECTED', period, journalEntryId: null, rejectionReason: reason };
  }
  const entry = await writeEntry(tx, {
    date: period === issuePeriod ? invoice.issued_on : `${period}-01`,
    source: 'INVOICE',
    sourceId: invoiceId,
    customerId: invoice.customer_id,
    currency: invoice.currency,
    correlationId: options.correlationId,
    memo: `invoice ${invoice.number}`,
    legs: invoiceLegs(invoice),
  });
  const [posted] = await tx.query<Pick<PostingRow, 'attempts' | 'posted_at'>>(
    `UPDATE postings SET status = 'POSTED', period = $2, journal_entry_id = $3, posted_at = now(), rejection_reason = NULL,
            attempts = attempts + 1, updated_at = now()
     WHERE invoice_id = $1 RETURNING attempts, posted_at`,
    [invoiceId, period, entry.id],
  );
  await emit({
    type: 'invoice.posted',
    subject,
    customerId: invoice.customer_id,
    data: invoicePostedData(invoice, period, entry, posted),
  });
  await applyHeldCash(tx, emit, invoice, { date: period === issuePeriod ? invoice.issued_on : `${period}-01`, period, correlationId: options.correlationId });
  return { invoiceId, status: 'POSTED', period, journalEntryId: entry.id, rejectionReason: null };
}

/**
 * Once an invoice posts, the cash held for it as unapplied moves to the receivable it now has:
 * DR 2300 Unapplied Cash / CR 1200 AR, one CASH_APPLICATION entry per payment, dated and
 * periodised like the invoice's own entry; then `payment.applied`.
 */
async function applyHeldCash(
  tx: Queryable,
  emit: Emit,
  invoice: ErpInvoiceRow,
  at: { date: string; period: string; correlationId: string | null },
): Promise<void> {
  const held = await tx.query<{ payment_id: string; amount: string }>(
    'SELECT payment_id, amount FROM unapplied_payments WHERE invoice_id = $1 AND applied_entry_id IS NULL ORDER BY received_on, payment_id FOR UPDATE',
    [invoice.invoice_id],
  );
  for (const payment of held) {
    const amount = new Decimal(payment.amount);
    const entry = await writeEntry(tx, {
      date: at.date,
      period: at.period,
      source: 'CASH_APPLICATION',
      sourceId: payment.payment_id,
      customerId: invoice.customer_id,
      currency: invoice.currency,
      correlationId: at.correlationId,
      memo: `unapplied cash of payment ${payment.payment_id} applied to invoice ${invoice.number}`,
      legs: [
        { account: ACCOUNTS.unappliedCash, amount },
        { account: ACCOUNTS.receivable, amount: amount.negated() },
      ],
    });
    await tx.query('UPDATE unapplied_payments SET applied_entry_id = $2 WHERE payment_id = $1', [payment.payment_id, entry.id]);
    await emit({
      type: 'payment.applied',
      subject: `Payment:${payment.payment_id}`,
      customerId: invoice.customer_id,
      data: {
        paymentId: payment.payment_id,
        invoiceId: invoice.invoice_id,
        customerId: invoice.customer_id,
        journalEntryId: entry.id,
        period: at.period,
        amount: toAmount(amount),
        currency: invoice.currency,
      },
    });
  }
}

/**
 * The retryPosting mutation: posts again and answers with the invoice, whatever the outcome. A
 * REJECTED posting that now posts emits `invoice.posted`, which resolves ops' posting exception.
 */
export async function retryPosting(
  tx: Queryable,
  emit: Emit,
  invoiceId: string,
  period: string | null | undefined,
  correlationId: string | null,
): Promise<string> {
  await postInvoice(tx, emit, invoiceId, { period, correlationId });
  return invoiceId;
}

export interface PaymentInput {
  paymentId: string;
  invoiceId: string;
  amount: string;
  /** The day the cash was received; the entry posts into its period. */
  date: string;
  correlationId: string | null;
}

/**
 * Posts a cash receipt: DR Cash / CR AR, and the invoice's paid amount grows (PAID when settled),
 * then emits `payment.posted`. A payment posts once: delivered again, it answers with the entry it
 * already wrote and emits nothing. It keeps the day the cash came as its date and posts into that
 * day's period, or the first OPEN one after it when that is CLOSED or LOCKED. Returns the journal
 * entry's id.
 *
 * The invoice's own posting may not be POSTED (REJECTED: its period was closed): the cash is real
 * and is recorded anyway, but as unapplied cash (CR 2300, not AR, which holds nothing for the
 * invoice yet); it is applied to AR when the invoice posts (applyHeldCash).
 */
export async function postPayment(tx: Queryable, emit: Emit, input: PaymentInput): Promise<string> {
  const paymentId = check.text('paymentId', input.paymentId);
  if (!/^\d+(\.\d+)?$/.test(input.amount)) throw badInput('amount', `must be a decimal amount like "125.00", got "${input.amount}"`);
  const amount = check.amount('amount', input.amount, { min: '0.01' });
  if (!DATE.test(input.date)) throw badInput('date', `must be a date like "2026-11-22", got "${input.date}"`);
  const [already] = await tx.query<{ id: string }>(`SELECT id FROM journal_entries WHERE source = 'PAYMENT' AND source_id = $1`, [paymentId]);
  if (already) return already.id;
  const invoice = await lockInvoice(tx, input.invoiceId);
  if (invoice.status === 'VOID') throw conflict(`invoice ${invoice.number} is VOID and takes no payments`, { status: invoice.status });
  const paid = new Decimal(invoice.amount_paid).plus(amount);
  if (paid.greaterThan(invoice.total)) {
    throw new HubError(OVERPAYMENT, `payment ${paymentId} of ${toAmount(amount)} exceeds the ${toAmount(new Decimal(invoice.total).minus(invoice.amount_paid))} left on invoice ${invoice.number}`, {
      field: 'amount',
    });
  }
  const period = await firstOpenPeriodFrom(tx, periodOf(input.date));
  const [posting] = await tx.query<Pick<PostingRow, 'status'>>('SELECT status FROM postings WHERE invoice_id = $1 FOR UPDATE', [invoice.invoice_id]);
  const unapplied = posting?.status !== 'POSTED';
  const entry = await writeEntry(tx, {
    date: input.date,
    period,
    source: 'PAYMENT',
    sourceId: paymentId,
    customerId: invoice.customer_id,
    currency: invoice.currency,
    correlationId: input.correlationId,
    memo: `payment for invoice ${invoice.number}${unapplied ? ', held as unapplied cash until the invoice posts' : ''}`,
    legs: [
      { account: ACCOUNTS.cash, amount },
      { account: unapplied ? ACCOUNTS.unappliedCash : ACCOUNTS.receivable, amount: amount.negated() },
    ],
  });
  if (unapplied) {
    await tx.query(
      `INSERT INTO unapplied_payments (payment_id, invoice_id, customer_id, currency, amount, received_on) VALUES ($1, $2, $3, $4, $5, $6)`,
      [paymentId, invoice.invoice_id, invoice.customer_id, invoice.currency, toAmount(amount), input.date],
    );
  }
  await tx.query(
    `UPDATE erp_invoices SET amount_paid = $2, status = CASE WHEN $2::numeric >= total THEN 'PAID' ELSE status END WHERE invoice_id = $1`,
    [invoice.invoice_id, toAmount(paid)],
  );
  await emit({
    type: 'payment.posted',
    subject: `Payment:${paymentId}`,
    customerId: invoice.customer_id,
    data: { ...paymentPostedData(paymentId, invoice, entry.id, period), ...(unapplied ? { unapplied } : {}) },
  });
  return entry.id;
}

/**
 * Voids an invoice: status VOID and, if it was posted, a CREDIT entry mirroring its invoice entry,
 * dated `date` (today by default), in that date's period or the first OPEN one after it; then
 * `invoice.reversed` (its journalEntryId null when nothing had been posted). Voiding again changes
 * and emits nothing. Returns the reversal entry's id, or null when nothing had been posted.
 */
export async function reverseInvoice(
  tx: Queryable,
  emit: Emit,
  invoiceId: string,
  options: { date?: string; correlationId: string | null },
): Promise<string | null> {
  const date = options.date ?? today();
  if (!DATE.test(date)) throw badInput('date', `must be a date like "2026-11-22", got "${date}"`);
  const invoice = await lockInvoice(tx, invoiceId);
  const [reversed] = await tx.query<{ id: string }>(`SELECT id FROM journal_entries WHERE source = 'CREDIT' AND source_id = $1`, [invoiceId]);
  if (invoice.status === 'VOID') return reversed?.id ?? null;
  const [posting] = await tx.query<PostingRow>('SELECT * FROM postings WHERE invoice_id = $1 FOR UPDATE', [invoiceId]);
  await tx.query(`UPDATE erp_invoices SET status = 'VOID' WHERE invoice_id = $1`, [invoiceId]);
  let journalEntryId: string | null = null;
  if (posting?.status === 'POSTED' && posting.journal_entry_id !== null) {
    const lines = await tx.query<{ account: string; debit: string; credit: string }>(
      'SELECT account, debit, credit FROM journal_lines WHERE journal_entry_id = $1 ORDER BY line_no',
      [posting.journal_entry_id],
    );
    const entry = await writeEntry(tx, {
      date,
      period: await firstOpenPeriodFrom(tx, periodOf(date)),
      source: 'CREDIT',
      sourceId: invoiceId,
      customerId: invoice.customer_id,
      currency: invoice.currency,
      correlationId: options.correlationId,
      memo: `reversal of invoice ${invoice.number}`,
      legs: lines.map((line) => ({ account: line.account, amount: new Decimal(line.credit).minus(line.debit) })),
    });
    journalEntryId = entry.id;
  }
  await emit({
    type: 'invoice.reversed',
    subject: `Invoice:${invoiceId}`,
    customerId: invoice.customer_id,
    data: invoiceReversedData(invoice, journalEntryId),
  });
  return journalEntryId;
}

/** A credit note billing issued, as ERP posts it. */
export interface CreditNoteInput {
  id: string;
  number: string;
  customerId: string;
  currency: string;
  subtotal: string;
  tax: string;
  total: string;
  issuedOn: string;
  periodEnd: string | null;
}

/**
 * Posts a credit note: the mirror of an invoice's entry (DR revenue, or deferred revenue when the
 * credited service runs past the issue month; DR sales tax; CR AR), dated its issue day, in that
 * day's period or the first OPEN one after it; then `credit_note.posted`. Posting one again
 * answers with the entry already written and emits nothing. Returns the entry's id.
 */
export async function postCreditNote(tx: Queryable, emit: Emit, note: CreditNoteInput, correlationId: string | null): Promise<string> {
  const [already] = await tx.query<{ journal_entry_id: string }>('SELECT journal_entry_id FROM erp_credit_notes WHERE credit_note_id = $1', [note.id]);
  if (already) return already.journal_entry_id;
  const legs = invoiceLegs({ total: note.total, tax: note.tax, issued_on: note.issuedOn, service_period_end: note.periodEnd });
  const period = await firstOpenPeriodFrom(tx, periodOf(note.issuedOn));
  const entry = await writeEntry(tx, {
    date: note.issuedOn,
    period,
    source: 'CREDIT',
    sourceId: note.id,
    customerId: note.customerId,
    currency: note.currency,
    correlationId,
    memo: `credit note ${note.number}`,
    legs: legs.map((leg) => ({ account: leg.account, amount: leg.amount.negated() })),
  });
  await tx.query(
    `INSERT INTO erp_credit_notes (credit_note_id, customer_id, number, currency, total, issued_on, journal_entry_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [note.id, note.customerId, note.number, note.currency, note.total, note.issuedOn, entry.id],
  );
  await emit({
    type: 'credit_note.posted',
    subject: `CreditNote:${note.id}`,
    customerId: note.customerId,
    data: { creditNoteId: note.id, customerId: note.customerId, journalEntryId: entry.id, period },
  });
  return entry.id;
}

async function lockOrCreatePeriod(tx: Queryable, id: string): Promise<AccountingPeriodRow> {
  await tx.query(`INSERT INTO accounting_periods (id, status) VALUES ($1, 'OPEN') ON CONFLICT (id) DO NOTHING`, [id]);
  const [row] = await tx.query<AccountingPeriodRow>('SELECT * FROM accounting_periods WHERE id = $1 FOR UPDATE', [id]);
  return row;
}

/** Says a period changed status: `period.closed`, `period.locked` or `period.reopened`. */
function periodChanged(emit: Emit, type: 'period.closed' | 'period.locked' | 'period.reopened', id: string, status: PeriodStatus, previous: PeriodStatus, reason: string | null) {
  return emit({ type, subject: `AccountingPeriod:${id}`, customerId: null, data: { id, status, reason }, previous: { status: previous } });
}

export async function closePeriod(tx: Queryable, emit: Emit, rawId: string): Promise<string> {
  const id = periodId('id', rawId);
  const period = await lockOrCreatePeriod(tx, id);
  if (period.status === 'CLOSED') throw conflict(`period ${id} is already CLOSED`, { status: period.status });
  await tx.query(`UPDATE accounting_periods SET status = 'CLOSED', closed_at = now() WHERE id = $1`, [id]);
  await periodChanged(emit, 'period.closed', id, 'CLOSED', period.status, null);
  return id;
}

export async function lockPeriod(tx: Queryable, emit: Emit, rawId: string): Promise<string> {
  const id = periodId('id', rawId);
  const period = await lockOrCreatePeriod(tx, id);
  if (period.status !== 'OPEN') throw conflict(`period ${id} is ${period.status}, not OPEN`, { status: period.status });
  await tx.query(`UPDATE accounting_periods SET status = 'LOCKED' WHERE id = $1`, [id]);
  await periodChanged(emit, 'period.locked', id, 'LOCKED', period.status, null);
  return id;
}

export async function reopenPeriod(tx: Queryable, emit: Emit, rawId: string, reason: string): Promise<string> {
  const id = periodId('id', rawId);
  const why = check.text('reason', reason, 1000);
  const [period] = await tx.query<AccountingPeriodRow>('SELECT * FROM accounting_periods WHERE id = $1 FOR UPDATE', [id]);
  if (!period) throw notFound('AccountingPeriod', id);
  if (period.status === 'OPEN') throw conflict(`period ${id} is already OPEN`, { status: period.status });
  await tx.query(
    `UPDATE accounting_periods SET status = 'OPEN', closed_at = NULL, reopened_at = now(), reopen_reason = $2 WHERE id = $1`,
    [id, why],
  );
  await periodChanged(emit, 'period.reopened', id, 'OPEN', period.status, why);
  return id;
}
