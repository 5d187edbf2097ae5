/** Rows of the erp database, as resolvers receive them (the codegen mappers). */

/** A customer owned by CRM; ERP resolves its receivable and credit limit from the id alone. */
export interface CustomerRef {
  id: string;
}

/** An invoice owned by billing; ERP resolves its posting from the id alone. */
export interface InvoiceRef {
  id: string;
}

export type PostingStatus = 'PENDING' | 'POSTED' | 'REJECTED';
export type PeriodStatus = 'OPEN' | 'LOCKED' | 'CLOSED';
export type JournalSource = 'INVOICE' | 'PAYMENT' | 'CREDIT' | 'CASH_APPLICATION' | 'MANUAL';

export interface PostingRow {
  invoice_id: string;
  status: PostingStatus;
  period: string | null;
  journal_entry_id: string | null;
  posted_at: string | null;
  rejection_reason: string | null;
  attempts: number;
}

export interface JournalEntryRow {
  id: string;
  number: string;
  date: string;
  period: string;
  source: JournalSource;
  source_id: string;
  customer_id: string | null;
  currency: string;
  correlation_id: string | null;
  memo: string | null;
  created_at: string;
}

/** A journal line with its entry's currency, so debit and credit can be Money on their own. */
export interface JournalLineRow {
  journal_entry_id: string;
  line_no: number;
  account: string;
  debit: string;
  credit: string;
  currency: string;
}

export interface AccountingPeriodRow {
  id: string;
  status: PeriodStatus;
  closed_at: string | null;
  reopened_at: string | null;
  reopen_reason: string | null;
}

export interface ErpCustomerRow {
  customer_id: string;
  currency: string;
  credit_limit: string | null;
}

export interface ErpInvoiceRow {
  invoice_id: string;
  customer_id: string;
  number: string;
  currency: string;
  total: string;
  tax: string;
  amount_paid: string;
  issued_on: string;
  due_date: string;
  status: 'OPEN' | 'PAID' | 'VOID';
  service_period_end: string | null;
}

/** One customer's open posted receivable in one currency, summed per aging bucket. */
export interface ReceivableRow {
  customer_id: string;
  currency: string;
  balance: string;
  current: string;
  days1to30: string;
  days31to60: string;
  days61to90: string;
  over90: string;
}

/** One customer's sum of something (credit notes, unapplied cash) in one currency. */
export interface CustomerTotalRow {
  customer_id: string;
  currency: string;
  total: string;
}

export interface TrialBalanceRow {
  account: string;
  currency: string;
  debit: string;
  credit: string;
}
