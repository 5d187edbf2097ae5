import type { Queryable } from '../../platform/db.ts';
import { addDays, addMonths, today } from '../../platform/dates.ts';
import { badInput, conflict, ErrorCode, HubError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { Decimal, toAmount } from '../../platform/money.ts';
import * as check from '../../platform/validate.ts';
import type { RecordPaymentInput } from './generated/resolvers.ts';
import type { BillingAccountRow, InvoiceRow, SubscriptionRow } from './rows.ts';

/** The writes billing owns. Each runs inside the caller's transaction and returns the entity's id. */

export const PAYMENT_METHODS = ['card', 'ach', 'wire', 'sepa', 'check'] as const;

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
  const start = addDays(end, 1);
  return { start, end: addDays(addMonths(start, interval === 'ANNUAL' ? 12 : 1), -1) };
}

/** Monthly recurring revenue of one subscription, to the cent. */
export function subscriptionMrr(subscription: Pick<SubscriptionRow, 'seats' | 'unit_price' | 'interval'>): Decimal {
  const perInterval = new Decimal(subscription.unit_price).mul(subscription.seats);
  return new Decimal(toAmount(subscription.interval === 'ANNUAL' ? perInterval.div(12) : perInterval));
}

export async function issueInvoice(tx: Queryable, subscriptionId: string): Promise<string> {
  const subscription = await lockSubscription(tx, subscriptionId);
  if (subscription.status === 'CANCELED') throw conflict(`subscription ${subscriptionId} is CANCELED`, { status: subscription.status });
  // Bills the first period not invoiced yet, from the current one on: the current period if it
  // has no invoice, else the next one in advance. A period is never billed twice.
  const [billed] = await tx.query<{ through: string | null }>(
    "SELECT max(period_end) AS through FROM invoices WHERE subscription_id = $1 AND status <> 'VOID' AND period_end >= $2",
    [subscriptionId, subscription.current_period_start],
  );
  const { start: periodStart, end: periodEnd } = billed.through
    ? nextPeriod(billed.through, subscription.interval)
    : { start: subscription.current_period_start, end: subscription.current_period_end };
  const [account] = await tx.query<BillingAccountRow>('SELECT * FROM billing_accounts WHERE customer_id = $1', [subscription.customer_id]);
  const issueDate = today();
  const subtotal = new Decimal(subscription.unit_price).mul(subscription.seats);
  const tax = new Decimal(toAmount(subtotal.mul(account.tax_rate)));
  const [{ seq }] = await tx.query<{ seq: number }>("SELECT nextval('invoice_number_seq') AS seq");
  const id = newId('inv');
  await tx.query(
    `INSERT INTO invoices (id, number, customer_id, subscription_id, status, currency, issued_at, due_date,
                           period_start, period_end, subtotal, tax, total)
     VALUES ($1, $2, $3, $4, 'OPEN', $5, now(), $6, $7, $8, $9, $10, $11)`,
    [
      id,
      `INV-${issueDate.slice(0, 4)}-${String(seq).padStart(6, '0')}`,
      subscription.customer_id,
      subscriptionId,
      subscription.currency,
      addDays(issueDate, account.payment_terms_days),
      periodStart,
      periodEnd,
      toAmount(subtotal),
      toAmount(tax),
      toAmount(subtotal.plus(tax)),
    ],
  );
  await tx.query(
    `INSERT INTO invoice_lines (invoice_id, position, description, quantity, unit_price, amount, period_start, period_end)
     VALUES ($1, 1, $2, $3, $4, $5, $6, $7)`,
    [
      id,
      `${subscription.plan_code} plan, ${subscription.seats} seats, ${periodStart} to ${periodEnd}`,
      subscription.seats,
      subscription.unit_price,
      toAmount(subtotal),
      periodStart,
      periodEnd,
    ],
  );
  return id;
}

export async function voidInvoice(tx: Queryable, id: string, reason: string): Promise<string> {
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
  await tx.query("UPDATE invoices SET status = 'VOID', void_reason = $2, voided_at = now(), updated_at = now() WHERE id = $1", [id, voidReason]);
  return id;
}

export async function recordPayment(tx: Queryable, input: RecordPaymentInput): Promise<string> {
  if (new Decimal(input.amount).lte(0)) throw badInput('input.amount', `must be more than 0, got ${input.amount}`);
  const amount = check.amount('input.amount', input.amount);
  const method = check.oneOf('input.method', input.method.trim().toLowerCase(), PAYMENT_METHODS);
  const reference = check.optionalText('input.reference', input.reference);
  const invoice = await lockInvoice(tx, input.invoiceId);
  if (invoice.status !== 'OPEN') {
    throw conflict(`invoice ${invoice.number} is ${invoice.status}; payments are recorded against OPEN invoices only`, { status: invoice.status });
  }
  const amountDue = new Decimal(invoice.total).minus(invoice.amount_paid);
  if (amount.greaterThan(amountDue)) {
    throw new HubError(ErrorCode.Overpayment, `input.amount: ${toAmount(amount)} exceeds the ${toAmount(amountDue)} ${invoice.currency} due on invoice ${invoice.number}`, {
      field: 'input.amount',
      amountDue: toAmount(amountDue),
      currency: invoice.currency,
    });
  }
  const id = newId('pay');
  await tx.query(
    `INSERT INTO payments (id, invoice_id, customer_id, amount, currency, method, reference, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'SUCCEEDED')`,
    [id, invoice.id, invoice.customer_id, toAmount(amount), invoice.currency, method, reference],
  );
  await tx.query(
    `UPDATE invoices SET amount_paid = amount_paid + $2,
            status = CASE WHEN amount_paid + $2 = total THEN 'PAID' ELSE status END, updated_at = now()
     WHERE id = $1`,
    [invoice.id, toAmount(amount)],
  );
  return id;
}

export async function cancelSubscription(tx: Queryable, id: string, atPeriodEnd: boolean): Promise<string> {
  const subscription = await lockSubscription(tx, id);
  if (subscription.status === 'CANCELED') throw conflict(`subscription ${id} is already CANCELED`, { status: subscription.status });
  if (atPeriodEnd) {
    await tx.query('UPDATE subscriptions SET cancel_at_period_end = true, updated_at = now() WHERE id = $1', [id]);
  } else {
    await tx.query("UPDATE subscriptions SET status = 'CANCELED', canceled_at = now(), updated_at = now() WHERE id = $1", [id]);
  }
  return id;
}
