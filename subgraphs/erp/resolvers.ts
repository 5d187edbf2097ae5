import { badInput } from '../../platform/errors.ts';
import { connection, decodeCursor, encodeCursor, pageSize } from '../../platform/loaders.ts';
import { money } from '../../platform/money.ts';
import * as commands from './commands.ts';
import { ACCOUNTS } from './commands.ts';
import type { Resolvers } from './generated/resolvers.ts';
import type { AccountingPeriodRow, PostingRow } from './rows.ts';
import { accountingPeriods, journalEntryPage, trialBalance, type ErpLoaders } from './store.ts';

function parseAfter(after: string | null | undefined): { date: string; number: string } | null {
  if (!after) return null;
  try {
    const [date, number] = JSON.parse(decodeCursor(after)) as [string, string];
    const valid = typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(date)) && typeof number === 'string';
    if (valid) return { date, number };
  } catch {
    // fall through to the error below
  }
  throw badInput('after', 'is not a cursor this API returned');
}

/** An invoice ERP has no posting row for has simply not been posted yet; the field is non-null. */
function notYetPosted(invoiceId: string): PostingRow {
  return { invoice_id: invoiceId, status: 'PENDING', period: null, journal_entry_id: null, posted_at: null, rejection_reason: null, attempts: 0 };
}

// The period a mutation just wrote, read after its transaction committed.
async function periodAfterWrite(loaders: ErpLoaders, id: string): Promise<AccountingPeriodRow> {
  const row = await loaders.period.load(id);
  if (!row) throw new Error(`accounting period ${id} vanished after its write`);
  return row;
}

export const resolvers: Resolvers = {
  Query: {
    journalEntries: async (_root, args, { db }) => {
      const period = args.period == null ? null : commands.periodId('period', args.period);
      const page = await journalEntryPage(db, pageSize(args.first), parseAfter(args.after), { period, sourceId: args.sourceId });
      return connection(page, (last) => encodeCursor(JSON.stringify([last.date, last.number])));
    },
    journalEntry: (_root, { id }, { loaders }) => loaders.journalEntry.load(id),
    accountingPeriods: (_root, _args, { db }) => accountingPeriods(db),
    trialBalance: async (_root, args, { db }) => {
      const rows = await trialBalance(db, commands.periodId('period', args.period));
      return rows.map((row) => ({ account: row.account, debit: money(row.debit, row.currency), credit: money(row.credit, row.currency) }));
    },
  },

  Mutation: {
    closePeriod: async (_root, { id, idempotencyKey }, { write, loaders }) =>
      periodAfterWrite(loaders, await write(idempotencyKey, 'closePeriod', { id }, (tx, emit) => commands.closePeriod(tx, emit, id))),
    lockPeriod: async (_root, { id, idempotencyKey }, { write, loaders }) =>
      periodAfterWrite(loaders, await write(idempotencyKey, 'lockPeriod', { id }, (tx, emit) => commands.lockPeriod(tx, emit, id))),
    reopenPeriod: async (_root, { id, reason, idempotencyKey }, { write, loaders }) =>
      periodAfterWrite(loaders, await write(idempotencyKey, 'reopenPeriod', { id, reason }, (tx, emit) => commands.reopenPeriod(tx, emit, id, reason))),
    retryPosting: async (_root, { invoiceId, period, idempotencyKey }, { write, correlationId }) => ({
      id: await write(idempotencyKey, 'retryPosting', { invoiceId, period }, (tx, emit) =>
        commands.retryPosting(tx, emit, invoiceId, period, correlationId),
      ),
    }),
  },

  Invoice: {
    // Billing owns the invoice; ERP answers for any id, with PENDING for one it has not seen.
    __resolveReference: (reference) => ({ id: reference.id }),
    posting: async (invoice, _args, { loaders }) => (await loaders.posting.load(invoice.id)) ?? notYetPosted(invoice.id),
  },

  Posting: {
    journalEntry: (posting, _args, { loaders }) => (posting.journal_entry_id ? loaders.journalEntry.load(posting.journal_entry_id) : null),
    amount: async (posting, _args, { loaders }) => {
      if (!posting.journal_entry_id) return null;
      const lines = await loaders.lines.load(posting.journal_entry_id);
      const receivable = lines.find((line) => line.account === ACCOUNTS.receivable);
      return receivable ? money(receivable.debit, receivable.currency) : null;
    },
  },

  JournalEntry: {
    __resolveReference: (reference, { loaders }) => loaders.journalEntry.load(reference.id),
    lines: (entry, _args, { loaders }) => loaders.lines.load(entry.id),
  },

  JournalLine: {
    debit: (line) => money(line.debit, line.currency),
    credit: (line) => money(line.credit, line.currency),
  },

  Customer: {
    // CRM owns the customer; ERP answers for any id (a customer it has no account for owes nothing).
    __resolveReference: (reference) => ({ id: reference.id }),
    receivable: (customer, _args, { loaders }) => loaders.receivable.load(customer.id),
    unappliedCash: async (customer, _args, { loaders }) =>
      (await loaders.unapplied.load(customer.id)).map((row) => money(row.total, row.currency)),
    creditLimit: async (customer, _args, { loaders }) => {
      const account = await loaders.erpCustomer.load(customer.id);
      return account?.credit_limit == null ? null : money(account.credit_limit, account.currency);
    },
  },
};
