import type { Queryable } from '../../platform/db.ts';
import { ErrorCode, HubError } from '../../platform/errors.ts';
import { PermanentEventError, type BusinessEvent, type ConsumerDefinition, type Emit } from '../../platform/events/index.ts';
import * as commands from './commands.ts';

/** What ERP does with other systems' events (docs/events.md). */

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const AMOUNT = /^\d+(\.\d+)?$/;

// A malformed event will be just as malformed on every retry, so these refuse it for good.
function field(event: BusinessEvent, name: string): unknown {
  return event.data[name];
}

function text(event: BusinessEvent, name: string): string {
  const value = field(event, name);
  if (typeof value !== 'string' || value.length === 0) throw new PermanentEventError(`${event.type} ${event.id}: data.${name} is missing`);
  return value;
}

function amount(event: BusinessEvent, name: string): string {
  const value = text(event, name);
  if (!AMOUNT.test(value)) throw new PermanentEventError(`${event.type} ${event.id}: data.${name} is not a non-negative amount: "${value}"`);
  return value;
}

/** The UTC calendar date of an ISO date or instant. */
function dateOf(event: BusinessEvent, value: unknown, name: string): string {
  if (typeof value === 'string' && DATE.test(value)) return value;
  const time = typeof value === 'string' ? new Date(value) : null;
  if (!time || Number.isNaN(time.getTime())) throw new PermanentEventError(`${event.type} ${event.id}: ${name} is not a date: "${String(value)}"`);
  return time.toISOString().slice(0, 10);
}

/**
 * ERP's own refusals (a CLOSED period, an overpayment, a VOID invoice, a bad amount) come back the
 * same on every retry, so they are dead-lettered at once: ops raises an exception, finance fixes
 * the cause and replays. NOT_FOUND stays transient: the event it depends on may not be applied yet.
 */
async function refusalsArePermanent<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof HubError && error.extensions.code !== ErrorCode.NotFound) throw new PermanentEventError(error.message);
    throw error;
  }
}

async function upsertAccount(tx: Queryable, event: BusinessEvent): Promise<void> {
  // The credit limit is finance's to set, so an account created from CRM has none.
  await tx.query(
    `INSERT INTO erp_customers (customer_id, currency, credit_limit) VALUES ($1, $2, NULL)
     ON CONFLICT (customer_id) DO UPDATE SET currency = EXCLUDED.currency`,
    [text(event, 'id'), text(event, 'currency')],
  );
}

/** Mirrors the invoice billing issued as a receivable item and posts it into its issue period. */
async function invoiceIssued(tx: Queryable, event: BusinessEvent, emit: Emit): Promise<void> {
  const invoiceId = text(event, 'id');
  const total = amount(event, 'total');
  const tax = field(event, 'tax') == null ? '0' : amount(event, 'tax');
  const amountPaid = field(event, 'amountPaid') == null ? '0' : amount(event, 'amountPaid');
  const issuedOn = dateOf(event, field(event, 'issuedOn') ?? field(event, 'issuedAt'), 'data.issuedAt');
  const periodEnd = field(event, 'periodEnd') == null ? null : dateOf(event, field(event, 'periodEnd'), 'data.periodEnd');
  // On a replay the row exists: its description is refreshed, but amount_paid and status belong
  // to the payments and voids applied since.
  await tx.query(
    `INSERT INTO erp_invoices (invoice_id, customer_id, number, currency, total, tax, amount_paid, issued_on, due_date, status, service_period_end)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'OPEN', $10)
     ON CONFLICT (invoice_id) DO UPDATE SET
       customer_id = EXCLUDED.customer_id, number = EXCLUDED.number, currency = EXCLUDED.currency, total = EXCLUDED.total,
       tax = EXCLUDED.tax, issued_on = EXCLUDED.issued_on, due_date = EXCLUDED.due_date, service_period_end = EXCLUDED.service_period_end`,
    [
      invoiceId,
      text(event, 'customerId'),
      text(event, 'number'),
      text(event, 'currency'),
      total,
      tax,
      amountPaid,
      issuedOn,
      dateOf(event, field(event, 'dueDate'), 'data.dueDate'),
      periodEnd,
    ],
  );
  await tx.query(`INSERT INTO postings (invoice_id, status) VALUES ($1, 'PENDING') ON CONFLICT (invoice_id) DO NOTHING`, [invoiceId]);
  const [posting] = await tx.query<{ status: string }>('SELECT status FROM postings WHERE invoice_id = $1', [invoiceId]);
  // Posted before (a replayed event): posting again would be a CONFLICT and change nothing.
  if (posting.status === 'POSTED') return;
  // A CLOSED or LOCKED period is a REJECTED posting and `invoice.posting_rejected`, not a failure.
  await refusalsArePermanent(() => commands.postInvoice(tx, emit, invoiceId, { correlationId: event.correlationId }));
}

export const consumers: ConsumerDefinition[] = [
  {
    name: 'erp.accounts',
    types: ['customer.created'],
    handle: (tx, event) => upsertAccount(tx, event),
  },
  {
    name: 'erp.invoices',
    types: ['invoice.issued', 'invoice.voided'],
    async handle(tx, event, emit) {
      if (event.type === 'invoice.issued') return invoiceIssued(tx, event, emit);
      // An invoice ERP has not mirrored yet is NOT_FOUND, retried until invoice.issued is applied.
      // The reversal is dated the day of the void, whenever the event is applied.
      await refusalsArePermanent(() =>
        commands.reverseInvoice(tx, emit, text(event, 'id'), { date: dateOf(event, event.time, 'time'), correlationId: event.correlationId }),
      );
    },
  },
  {
    name: 'erp.payments',
    types: ['payment.received'],
    async handle(tx, event, emit) {
      const invoiceId = text(event, 'invoiceId');
      const [invoice] = await tx.query<{ currency: string }>('SELECT currency FROM erp_invoices WHERE invoice_id = $1', [invoiceId]);
      if (!invoice) throw new Error(`invoice ${invoiceId} is not known to ERP yet; its invoice.issued is not applied`);
      const currency = text(event, 'currency');
      if (currency !== invoice.currency) {
        throw new PermanentEventError(`payment ${text(event, 'id')} is in ${currency}, its invoice ${invoiceId} in ${invoice.currency}`);
      }
      await refusalsArePermanent(() =>
        commands.postPayment(tx, emit, {
          paymentId: text(event, 'id'),
          invoiceId,
          amount: amount(event, 'amount'),
          date: dateOf(event, field(event, 'receivedAt'), 'data.receivedAt'),
          correlationId: event.correlationId,
        }),
      );
    },
  },
];
