import DataLoader from 'dataloader';
import type { Queryable } from '../../platform/db/db.ts';
import { byId, decodeCursor, encodeCursor, groupBy, keysetPage, listBy, listWithParentCurrency, rowBy, type Page } from '../../platform/loaders.ts';
import type { CreditNoteRow, InvoiceLineRow, InvoiceRow, InvoiceStatus, PaymentRow, SubscriptionRow } from './rows.ts';

/** What billing knows of a customer's money, one row per customer with a billing account. */
export interface CustomerSummary {
  customer_id: string;
  currency: string;
  balance: string;
  overdue: string;
}

// A field with arguments needs one loader per distinct argument set, or a batch would mix
// lists cut to different sizes; parents asking with the same arguments still share one query.
function perArguments<Args, Value>(make: (args: Args) => DataLoader<string, Value>): (args: Args) => DataLoader<string, Value> {
  const loaders = new Map<string, DataLoader<string, Value>>();
  return (args) => {
    const key = JSON.stringify(args);
    let loader = loaders.get(key);
    if (!loader) loaders.set(key, (loader = make(args)));
    return loader;
  };
}

/**
 * Customers' open balance (amount due over OPEN invoices, less their credit notes) and the part
 * of it past due on $2, in each account's currency: one statement for the customers in $1.
 */
export const CUSTOMER_STANDING_SQL = `
  SELECT a.customer_id, a.currency,
         coalesce(sum(i.total - i.amount_paid), 0) - coalesce((SELECT sum(c.total) FROM credit_notes c WHERE c.customer_id = a.customer_id), 0) AS balance,
         coalesce(sum(i.total - i.amount_paid) FILTER (WHERE i.due_date < $2::date), 0) AS overdue
  FROM billing_accounts a LEFT JOIN invoices i ON i.customer_id = a.customer_id AND i.status = 'OPEN'
  WHERE a.customer_id = ANY($1) GROUP BY a.customer_id, a.currency`;

/** One set per request, so every entity reference, per-parent list and aggregate is one batched query. */
export function createLoaders(db: Queryable, today: string) {
  return {
    subscription: byId<SubscriptionRow>(db, 'subscriptions'),
    subscriptionByContract: rowBy<SubscriptionRow>(db, 'subscriptions', 'contract_id'),
    subscriptionsByCustomer: listBy<SubscriptionRow>(db, 'subscriptions', 'customer_id', 'created_at DESC, id DESC'),
    invoice: byId<InvoiceRow>(db, 'invoices'),
    invoicesBySubscription: listBy<InvoiceRow>(db, 'invoices', 'subscription_id', 'issued_at DESC, id DESC'),
    lines: listWithParentCurrency<InvoiceLineRow>(db, 'invoice_lines', 'invoice_id', 'invoices', 'position'),
    creditNote: byId<CreditNoteRow>(db, 'credit_notes'),
    creditNotesByCustomer: listBy<CreditNoteRow>(db, 'credit_notes', 'customer_id', 'issued_at DESC, id DESC'),
    payment: byId<PaymentRow>(db, 'payments'),
    paymentsByInvoice: listBy<PaymentRow>(db, 'payments', 'invoice_id', 'received_at, id'),
    invoicesByCustomer: perArguments(({ status, first }: { status: InvoiceStatus | null; first: number }) =>
      new DataLoader<string, InvoiceRow[]>(async (keys) => {
        if (first === 0) return keys.map(() => []);
        const rows = await db.query<InvoiceRow>(
          `SELECT i.* FROM invoices i
           JOIN (SELECT id, row_number() OVER (PARTITION BY customer_id ORDER BY issued_at DESC, id DESC) AS rn
                 FROM invoices WHERE customer_id = ANY($1) AND ($2::text IS NULL OR status = $2)) r ON r.id = i.id
           WHERE r.rn <= $3 ORDER BY r.rn`,
          [keys, status, first],
        );
        return groupBy(keys, rows, 'customer_id');
      }),
    ),
    paymentsByCustomer: perArguments(({ first }: { first: number }) =>
      new DataLoader<string, PaymentRow[]>(async (keys) => {
        if (first === 0) return keys.map(() => []);
        const rows = await db.query<PaymentRow>(
          `SELECT p.* FROM payments p
           JOIN (SELECT id, row_number() OVER (PARTITION BY customer_id ORDER BY received_at DESC, id DESC) AS rn
                 FROM payments WHERE customer_id = ANY($1)) r ON r.id = p.id
           WHERE r.rn <= $2 ORDER BY r.rn`,
          [keys, first],
        );
        return groupBy(keys, rows, 'customer_id');
      }),
    ),
    // Balance and overdue amount of a page of customers in one statement; "today" is fixed per
    // request so both agree with the overdue filter of Query.invoices.
    summary: new DataLoader<string, CustomerSummary | null>(async (keys) => {
      const rows = await db.query<CustomerSummary>(CUSTOMER_STANDING_SQL, [keys, today]);
      const byKey = new Map(rows.map((row) => [row.customer_id, row]));
      return keys.map((key) => byKey.get(key) ?? null);
    }),
  };
}

export type BillingLoaders = ReturnType<typeof createLoaders>;

/**
 * Where a page of invoices ends. `issuedAt` is PostgreSQL's own text of the instant, so the
 * keyset compares exactly (an ISO string would lose the microseconds PostgreSQL keeps).
 */
export interface InvoiceCursor {
  issuedAt: string | null;
  id: string;
}

const PG_INSTANT = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/;

export function encodeInvoiceCursor(cursor: InvoiceCursor): string {
  return encodeCursor(JSON.stringify([cursor.issuedAt, cursor.id]));
}

/** The cursor, or null when `text` is not one this API returned. */
export function decodeInvoiceCursor(text: string): InvoiceCursor | null {
  try {
    const [issuedAt, id] = JSON.parse(decodeCursor(text)) as unknown[];
    const validInstant = issuedAt === null || (typeof issuedAt === 'string' && PG_INSTANT.test(issuedAt));
    if (validInstant && typeof id === 'string') return { issuedAt, id };
  } catch {
    // not JSON: not ours
  }
  return null;
}

export interface InvoiceFilterArgs {
  customerId?: string | null;
  status?: InvoiceStatus | null;
  overdue?: boolean | null;
  issuedFrom?: string | null;
  issuedTo?: string | null;
}

/** An invoice with PostgreSQL's exact text of its issue instant, for the page's cursor. */
export type PagedInvoiceRow = InvoiceRow & { issued_key: string | null };

/** A page of invoices ordered by (issued_at DESC, id DESC), drafts (no issue time) first. */
export async function invoicePage(db: Queryable, first: number, after: InvoiceCursor | null, filter: InvoiceFilterArgs, today: string): Promise<Page<PagedInvoiceRow>> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.customerId) where.push(`customer_id = $${params.push(filter.customerId)}`);
  if (filter.status) where.push(`status = $${params.push(filter.status)}`);
  if (filter.overdue === true) where.push(`(status = 'OPEN' AND due_date < $${params.push(today)}::date)`);
  if (filter.overdue === false) where.push(`(status <> 'OPEN' OR due_date IS NULL OR due_date >= $${params.push(today)}::date)`);
  if (filter.issuedFrom) where.push(`(issued_at AT TIME ZONE 'UTC')::date >= $${params.push(filter.issuedFrom)}::date`);
  if (filter.issuedTo) where.push(`(issued_at AT TIME ZONE 'UTC')::date <= $${params.push(filter.issuedTo)}::date`);
  return keysetPage<PagedInvoiceRow>(db, {
    select: '*, issued_at::text AS issued_key',
    from: 'invoices',
    where,
    params,
    after: after ? (page) => invoicesAfter(after, page) : undefined,
    orderBy: 'issued_at DESC, id DESC',
    first,
  });
}

/** The invoices past `after` in (issued_at DESC, id DESC) order, drafts (no issue time) first. */
function invoicesAfter(after: InvoiceCursor, params: unknown[]): string {
  // A NULL issued_at compares as NULL and drops out: drafts sort first, so they are behind us.
  if (after.issuedAt) return `(issued_at, id) < ($${params.push(after.issuedAt)}::timestamptz, $${params.push(after.id)})`;
  return `((issued_at IS NULL AND id < $${params.push(after.id)}) OR issued_at IS NOT NULL)`;
}
