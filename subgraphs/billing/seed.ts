import type { Db } from '../../platform/db/db.ts';
import { loadTables, setSequence } from '../../platform/db/bulk.ts';
import type { BillingAccountRow, InvoiceLineRow, InvoiceRow, PaymentRow, SubscriptionRow } from './rows.ts';

/** Billing's demo data for one batch of customers, row for row as its tables hold it. */
export interface BillingSeedBatch {
  accounts: BillingAccountSeed[];
  subscriptions: SubscriptionSeed[];
  invoices: InvoiceSeed[];
  lines: InvoiceLineSeed[];
  payments: PaymentSeed[];
}

export type BillingAccountSeed = BillingAccountRow;

/** A seeded subscription: made for a contract, never TRIALING. */
export type SubscriptionSeed = SubscriptionRow & { contract_id: string; status: 'ACTIVE' | 'PAST_DUE' | 'CANCELED' };

/** A seeded invoice: issued for a subscription, of the default kind. */
export type InvoiceSeed = Omit<InvoiceRow, 'kind'> & { subscription_id: string; status: 'OPEN' | 'PAID' | 'VOID'; issued_at: string; due_date: string; period_start: string; period_end: string };

/** A seeded invoice line: its currency is its invoice's, not a column of its own; it always covers a period. */
export type InvoiceLineSeed = Omit<InvoiceLineRow, 'currency' | 'period_start' | 'period_end'> & { period_start: string; period_end: string };

/** A seeded payment: succeeded or failed, never refunded. */
export type PaymentSeed = PaymentRow & { status: 'SUCCEEDED' | 'FAILED' };

/** Writes one batch in one transaction; parents before children for the foreign keys. */
export function writeBillingSeed(db: Db, batch: BillingSeedBatch): Promise<void> {
  return loadTables(db, [
    ['billing_accounts', batch.accounts],
    ['subscriptions', batch.subscriptions],
    ['invoices', batch.invoices],
    ['invoice_lines', batch.lines],
    ['payments', batch.payments],
  ]);
}

/** After the last batch: invoice numbers continue after the seeded INV-yyyy-nnnnnn. */
export async function finishBillingSeed(db: Db, lastInvoiceNumber: number): Promise<void> {
  await setSequence(db, 'invoice_number_seq', lastInvoiceNumber);
}
