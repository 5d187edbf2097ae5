import DataLoader from 'dataloader';
import type { Queryable } from '../../platform/db/db.ts';
import { today } from '../../platform/dates.ts';
import { byId, keysetPage, listWithParentCurrency, rowBy, rowLoader, type Page } from '../../platform/loaders.ts';
import { Decimal, money, type Money } from '../../platform/money.ts';
import type {
  AccountingPeriodRow,
  CustomerTotalRow,
  ErpCustomerRow,
  JournalEntryRow,
  JournalLineRow,
  PostingRow,
  ReceivableRow,
  TrialBalanceRow,
} from './rows.ts';

/** What the Receivable type resolves to: ready-made Money, nothing left to load. */
export interface Receivable {
  balance: Money;
  aging: { current: Money; days1to30: Money; days31to60: Money; days61to90: Money; over90: Money };
}

/** Used when ERP neither has an account for the customer nor any posted item to take it from. */
export const FALLBACK_CURRENCY = 'USD';

const RECEIVABLE_SQL = `
  SELECT i.customer_id, i.currency,
         sum(i.total - i.amount_paid) AS balance,
         coalesce(sum(i.total - i.amount_paid) FILTER (WHERE $2::date - i.due_date <= 0), 0) AS current,
         coalesce(sum(i.total - i.amount_paid) FILTER (WHERE $2::date - i.due_date BETWEEN 1 AND 30), 0) AS days1to30,
         coalesce(sum(i.total - i.amount_paid) FILTER (WHERE $2::date - i.due_date BETWEEN 31 AND 60), 0) AS days31to60,
         coalesce(sum(i.total - i.amount_paid) FILTER (WHERE $2::date - i.due_date BETWEEN 61 AND 90), 0) AS days61to90,
         coalesce(sum(i.total - i.amount_paid) FILTER (WHERE $2::date - i.due_date > 90), 0) AS over90
  FROM erp_invoices i JOIN postings p ON p.invoice_id = i.invoice_id
  WHERE i.customer_id = ANY($1) AND i.status = 'OPEN' AND p.status = 'POSTED'
  GROUP BY i.customer_id, i.currency
  ORDER BY i.customer_id, i.currency`;

// Credit notes are not due on any date: they lower the balance and the current bucket.
const CREDITS_SQL = `
  SELECT customer_id, currency, sum(total) AS total FROM erp_credit_notes
  WHERE customer_id = ANY($1) GROUP BY customer_id, currency`;

const UNAPPLIED_SQL = `
  SELECT customer_id, currency, sum(amount) AS total FROM unapplied_payments
  WHERE customer_id = ANY($1) AND applied_entry_id IS NULL GROUP BY customer_id, currency`;

function receivableOf(row: ReceivableRow | undefined, credits: string | undefined, currency: string): Receivable {
  const at = (amount: string | undefined) => money(amount ?? '0', currency);
  const credited = (amount: string | undefined) => money(new Decimal(amount ?? '0').minus(credits ?? '0').toFixed(2), currency);
  return {
    balance: credited(row?.balance),
    aging: {
      current: credited(row?.current),
      days1to30: at(row?.days1to30),
      days31to60: at(row?.days31to60),
      days61to90: at(row?.days61to90),
      over90: at(row?.over90),
    },
  };
}

/** One set per request, so every entity reference and per-parent list is one batched query. */
export function createLoaders(db: Queryable) {
  const erpCustomer = rowBy<ErpCustomerRow>(db, 'erp_customers', 'customer_id');
  const receivable = new DataLoader<string, Receivable>(async (keys) => {
    const [accounts, rows, credits] = await Promise.all([
      erpCustomer.loadMany(keys),
      db.query<ReceivableRow>(RECEIVABLE_SQL, [keys, today()]),
      db.query<CustomerTotalRow>(CREDITS_SQL, [keys]),
    ]);
    return keys.map((key, index) => {
      const account = accounts[index];
      const own = rows.filter((row) => row.customer_id === key);
      const currency = (account && !(account instanceof Error) ? account.currency : own[0]?.currency) ?? FALLBACK_CURRENCY;
      const credit = credits.find((row) => row.customer_id === key && row.currency === currency);
      return receivableOf(own.find((row) => row.currency === currency), credit?.total, currency);
    });
  });
  const unapplied = new DataLoader<string, CustomerTotalRow[]>(async (keys) => {
    const rows = await db.query<CustomerTotalRow>(UNAPPLIED_SQL, [keys]);
    return keys.map((key) => rows.filter((row) => row.customer_id === key));
  });
  return {
    erpCustomer,
    receivable,
    unapplied,
    posting: rowLoader<PostingRow>(
      db,
      'SELECT invoice_id, status, period, journal_entry_id, posted_at, rejection_reason, attempts FROM postings WHERE invoice_id = ANY($1)',
      'invoice_id',
    ),
    period: byId<AccountingPeriodRow>(db, 'accounting_periods'),
    journalEntry: byId<JournalEntryRow>(db, 'journal_entries'),
    lines: listWithParentCurrency<JournalLineRow>(db, 'journal_lines', 'journal_entry_id', 'journal_entries', 'journal_entry_id, line_no'),
  };
}

export type ErpLoaders = ReturnType<typeof createLoaders>;

export interface JournalEntryFilter {
  period?: string | null;
  sourceId?: string | null;
}

/** A page of journal entries ordered by (date, number) descending, after the keyset cursor `after`. */
export async function journalEntryPage(
  db: Queryable,
  first: number,
  after: { date: string; number: string } | null,
  filter: JournalEntryFilter,
): Promise<Page<JournalEntryRow>> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.period) where.push(`period = $${params.push(filter.period)}`);
  if (filter.sourceId) where.push(`source_id = $${params.push(filter.sourceId)}`);
  return keysetPage<JournalEntryRow>(db, {
    from: 'journal_entries',
    where,
    params,
    after: after ? (page) => `(date, number) < ($${page.push(after.date)}::date, $${page.push(after.number)})` : undefined,
    orderBy: 'date DESC, number DESC',
    first,
  });
}

export function accountingPeriods(db: Queryable): Promise<AccountingPeriodRow[]> {
  return db.query<AccountingPeriodRow>('SELECT * FROM accounting_periods ORDER BY id DESC');
}

/**
 * Per (account, currency), from the balances the journal keeps as lines are written (migration
 * 004): amounts in different currencies are never added together.
 */
export function trialBalance(db: Queryable, period: string): Promise<TrialBalanceRow[]> {
  return db.query<TrialBalanceRow>(
    'SELECT account, currency, debit, credit FROM ledger_balances WHERE period = $1 ORDER BY account, currency',
    [period],
  );
}
