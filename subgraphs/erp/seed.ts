import type { Db } from '../../platform/db/db.ts';
import { insertRows, setSequence, type SeedTables } from '../../platform/db/bulk.ts';
import type { ErpCustomerRow, ErpInvoiceRow } from './rows.ts';

/** ERP's demo data for one batch of customers, row for row as its tables hold it. */
export interface ErpSeedBatch {
  customers: ErpCustomerSeed[];
  invoices: ErpInvoiceSeed[];
  entries: JournalEntrySeed[];
  lines: JournalLineSeed[];
  postings: PostingSeed[];
  creditNotes: ErpCreditNoteSeed[];
}

export interface AccountingPeriodSeed {
  id: string;
  status: 'OPEN' | 'CLOSED';
  closed_at: string | null;
}

export type ErpCustomerSeed = ErpCustomerRow;

export type ErpInvoiceSeed = ErpInvoiceRow & { service_period_end: string };

/** A credit note billing issued, as ERP posted it. */
export interface ErpCreditNoteSeed {
  credit_note_id: string;
  customer_id: string;
  number: string;
  currency: string;
  total: string;
  issued_on: string;
  journal_entry_id: string;
}

export interface JournalEntrySeed {
  id: string;
  number: string;
  date: string;
  period: string;
  source: 'INVOICE' | 'PAYMENT' | 'CREDIT';
  source_id: string;
  customer_id: string;
  currency: string;
  correlation_id: string | null;
  memo: string;
  created_at: string;
}

export interface JournalLineSeed {
  journal_entry_id: string;
  line_no: number;
  account: string;
  debit: string;
  credit: string;
}

export interface PostingSeed {
  invoice_id: string;
  status: 'POSTED' | 'REJECTED';
  period: string;
  journal_entry_id: string | null;
  posted_at: string | null;
  rejection_reason: string | null;
  attempts: number;
  updated_at: string;
}

/** Before the first batch: the accounting periods every journal entry refers to. */
export async function writeErpPeriods(db: Db, periods: AccountingPeriodSeed[]): Promise<void> {
  await insertRows(db, 'accounting_periods', periods);
}

/** The table each list of a batch fills, in load order: parents before children for the foreign keys. */
export const ERP_SEED_TABLES: SeedTables<ErpSeedBatch> = {
  customers: 'erp_customers',
  invoices: 'erp_invoices',
  entries: 'journal_entries',
  lines: 'journal_lines',
  postings: 'postings',
  creditNotes: 'erp_credit_notes',
};

/** After the last batch: journal numbers continue after the seeded JE-yyyy-nnnnnn. */
export async function finishErpSeed(db: Db, lastJournalNumber: number): Promise<void> {
  await setSequence(db, 'journal_number_seq', lastJournalNumber);
}
