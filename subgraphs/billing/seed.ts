import type { Db } from '../../platform/db/db.ts';
import { setSequence, type SeedTables } from '../../platform/db/bulk.ts';
import type { BillingAccountRow, CreditNoteRow, InvoiceLineRow, InvoiceRow, PaymentRow, SubscriptionRow } from './rows.ts';

/** Billing's demo data for one batch of customers, row for row as its tables hold it. */
export interface BillingSeedBatch {
  accounts: BillingAccountSeed[];
  subscriptions: SubscriptionSeed[];
  invoices: InvoiceSeed[];
  lines: InvoiceLineSeed[];
  payments: PaymentSeed[];
  creditNotes: CreditNoteSeed[];
}

export type BillingAccountSeed = BillingAccountRow;

/** A seeded subscription: made for a contract, never TRIALING. */
export type SubscriptionSeed = SubscriptionRow & { contract_id: string; status: 'ACTIVE' | 'PAST_DUE' | 'CANCELED' };

/** A seeded invoice: issued for a subscription, recurring or a seat increase's proration. */
export type InvoiceSeed = InvoiceRow & { subscription_id: string; status: 'OPEN' | 'PAID' | 'VOID'; issued_at: string; due_date: string; period_start: string; period_end: string };

/** A seeded invoice line: its currency is its invoice's, not a column of its own; it always covers a period. */
export type InvoiceLineSeed = Omit<InvoiceLineRow, 'currency' | 'period_start' | 'period_end'> & { period_start: string; period_end: string };

/** A seeded credit note: a seat decrease's, credited against its subscription. */
export type CreditNoteSeed = CreditNoteRow & { subscription_id: string; period_start: string; period_end: string };

/** A seeded payment: succeeded or failed, never refunded. */
export type PaymentSeed = PaymentRow & { status: 'SUCCEEDED' | 'FAILED' };

/** The table each list of a batch fills, in load order: parents before children for the foreign keys. */
export const BILLING_SEED_TABLES: SeedTables<BillingSeedBatch> = {
  accounts: 'billing_accounts',
  subscriptions: 'subscriptions',
  invoices: 'invoices',
  lines: 'invoice_lines',
  payments: 'payments',
  creditNotes: 'credit_notes',
};

/** After the last batch: invoice and credit note numbers continue after the seeded INV-yyyy-nnnnnn and CN-yyyy-nnnnnn. */
export async function finishBillingSeed(db: Db, lastInvoiceNumber: number, lastCreditNoteNumber: number): Promise<void> {
  await setSequence(db, 'invoice_number_seq', lastInvoiceNumber);
  await setSequence(db, 'credit_note_number_seq', lastCreditNoteNumber);
}
