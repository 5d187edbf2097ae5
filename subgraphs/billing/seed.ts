import type { Db } from '../../platform/db/db.ts';
import { insertRows, loadTransaction, setSequence } from '../../platform/db/bulk.ts';
import type { BillingAccountRow } from './rows.ts';

/** Billing's demo data for one batch of customers, row for row as its tables hold it. */
export interface BillingSeedBatch {
  accounts: BillingAccountSeed[];
  subscriptions: SubscriptionSeed[];
  invoices: InvoiceSeed[];
  lines: InvoiceLineSeed[];
  payments: PaymentSeed[];
}

export type BillingAccountSeed = BillingAccountRow;

export interface SubscriptionSeed {
  id: string;
  customer_id: string;
  contract_id: string;
  plan_code: string;
  seats: number;
  unit_price: string;
  currency: string;
  status: 'ACTIVE' | 'PAST_DUE' | 'CANCELED';
  interval: 'MONTHLY' | 'ANNUAL';
  current_period_start: string;
  current_period_end: string;
  cancel_at_period_end: boolean;
  canceled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface InvoiceSeed {
  id: string;
  number: string;
  customer_id: string;
  subscription_id: string;
  status: 'OPEN' | 'PAID' | 'VOID';
  currency: string;
  issued_at: string;
  due_date: string;
  period_start: string;
  period_end: string;
  subtotal: string;
  tax: string;
  total: string;
  amount_paid: string;
  void_reason: string | null;
  voided_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface InvoiceLineSeed {
  invoice_id: string;
  position: number;
  description: string;
  quantity: number;
  unit_price: string;
  amount: string;
  period_start: string;
  period_end: string;
}

export interface PaymentSeed {
  id: string;
  invoice_id: string;
  customer_id: string;
  amount: string;
  currency: string;
  method: string;
  reference: string | null;
  status: 'SUCCEEDED' | 'FAILED';
  failure_reason: string | null;
  received_at: string;
}

/** Writes one batch in one transaction; parents before children for the foreign keys. */
export async function writeBillingSeed(db: Db, batch: BillingSeedBatch): Promise<void> {
  await loadTransaction(db, async (tx) => {
    await insertRows(tx, 'billing_accounts', batch.accounts);
    await insertRows(tx, 'subscriptions', batch.subscriptions);
    await insertRows(tx, 'invoices', batch.invoices);
    await insertRows(tx, 'invoice_lines', batch.lines);
    await insertRows(tx, 'payments', batch.payments);
  });
}

/** After the last batch: invoice numbers continue after the seeded INV-yyyy-nnnnnn. */
export async function finishBillingSeed(db: Db, lastInvoiceNumber: number): Promise<void> {
  await setSequence(db, 'invoice_number_seq', lastInvoiceNumber);
}
