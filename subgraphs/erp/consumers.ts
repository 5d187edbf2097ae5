/**
 * What ERP does with other systems' events (docs/events.md). A CLOSED or LOCKED period refuses
 * nothing here: an invoice's posting is REJECTED (finance decides where it goes), and cash,
 * reversals and credit notes post into the next open period. ERP's own refusals (an overpayment,
 * a VOID invoice) come back the same on every retry, so by the one rule (isPermanent) they are
 * dead-lettered at once: ops raises an exception, finance fixes the cause and replays. NOT_FOUND
 * stays transient: the event it depends on may not be applied yet.
 */
import type { Queryable } from '../../platform/db/db.ts';
import { defineConsumer, PermanentEventError, UnreachableCaseError, type ConsumerDefinition, type Emit, type InvoiceIssued } from '../../platform/events/index.ts';
import * as commands from './commands.ts';

/** The UTC calendar date of an ISO instant. */
function dayOf(instant: string): string {
  return new Date(instant).toISOString().slice(0, 10);
}

/** Mirrors the invoice billing issued as a receivable item and posts it into its issue period. */
async function invoiceIssued(tx: Queryable, event: InvoiceIssued, emit: Emit): Promise<void> {
  const invoice = event.data;
  const issuedOn = invoice.issuedOn ?? (invoice.issuedAt === null ? null : dayOf(invoice.issuedAt));
  if (issuedOn === null || invoice.dueDate === null) throw new PermanentEventError(`${event.type} ${event.id}: an issued invoice needs data.issuedOn and data.dueDate`);
  // On a replay the row exists: its description is refreshed, but amount_paid and status belong
  // to the payments and voids applied since.
  await tx.query(
    `INSERT INTO erp_invoices (invoice_id, customer_id, number, currency, total, tax, amount_paid, issued_on, due_date, status, service_period_end)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'OPEN', $10)
     ON CONFLICT (invoice_id) DO UPDATE SET
       customer_id = EXCLUDED.customer_id, number = EXCLUDED.number, currency = EXCLUDED.currency, total = EXCLUDED.total,
       tax = EXCLUDED.tax, issued_on = EXCLUDED.issued_on, due_date = EXCLUDED.due_date, service_period_end = EXCLUDED.service_period_end`,
    [invoice.id, invoice.customerId, invoice.number, invoice.currency, invoice.total, invoice.tax, invoice.amountPaid, issuedOn, invoice.dueDate, invoice.periodEnd],
  );
  await tx.query(`INSERT INTO postings (invoice_id, status) VALUES ($1, 'PENDING') ON CONFLICT (invoice_id) DO NOTHING`, [invoice.id]);
  const [posting] = await tx.query<{ status: string }>('SELECT status FROM postings WHERE invoice_id = $1', [invoice.id]);
  // Posted before (a replayed event): posting again would be a CONFLICT and change nothing.
  if (posting.status === 'POSTED') return;
  // A CLOSED or LOCKED period is a REJECTED posting and `invoice.posting_rejected`, not a failure.
  await commands.postInvoice(tx, emit, invoice.id, { correlationId: event.correlationId });
}

export const consumers: ConsumerDefinition[] = [
  defineConsumer({
    name: 'erp.accounts',
    types: ['customer.created'],
    async handle(tx, event) {
      // The credit limit is finance's to set, so an account created from CRM has none.
      await tx.query(
        `INSERT INTO erp_customers (customer_id, currency, credit_limit) VALUES ($1, $2, NULL)
         ON CONFLICT (customer_id) DO UPDATE SET currency = EXCLUDED.currency`,
        [event.data.id, event.data.currency],
      );
    },
  }),
  defineConsumer({
    name: 'erp.invoices',
    types: ['invoice.issued', 'invoice.voided'],
    async handle(tx, event, emit) {
      switch (event.type) {
        case 'invoice.issued':
          return invoiceIssued(tx, event, emit);
        case 'invoice.voided':
          // An invoice ERP has not mirrored yet is NOT_FOUND, retried until invoice.issued is applied.
          // The reversal is dated the day of the void, whenever the event is applied.
          await commands.reverseInvoice(tx, emit, event.data.id, { date: dayOf(event.time), correlationId: event.correlationId });
          return;
        default:
          throw new UnreachableCaseError(event);
      }
    },
  }),
  defineConsumer({
    name: 'erp.credit-notes',
    types: ['credit_note.issued'],
    async handle(tx, event, emit) {
      const note = event.data;
      await commands.postCreditNote(
        tx,
        emit,
        {
          id: note.id,
          number: note.number,
          customerId: note.customerId,
          currency: note.currency,
          subtotal: note.subtotal,
          tax: note.tax,
          total: note.total,
          issuedOn: note.issuedOn,
          periodEnd: note.periodEnd,
        },
        event.correlationId,
      );
    },
  }),
  defineConsumer({
    name: 'erp.payments',
    types: ['payment.received'],
    async handle(tx, event, emit) {
      const payment = event.data;
      const [invoice] = await tx.query<{ currency: string }>('SELECT currency FROM erp_invoices WHERE invoice_id = $1', [payment.invoiceId]);
      if (!invoice) throw new Error(`invoice ${payment.invoiceId} is not known to ERP yet; its invoice.issued is not applied`);
      if (payment.currency !== invoice.currency) {
        throw new PermanentEventError(`payment ${payment.id} is in ${payment.currency}, its invoice ${payment.invoiceId} in ${invoice.currency}`);
      }
      await commands.postPayment(tx, emit, {
        paymentId: payment.id,
        invoiceId: payment.invoiceId,
        amount: payment.amount,
        date: dayOf(payment.receivedAt),
        correlationId: event.correlationId,
      });
    },
  }),
];
