import { badInput } from '../../platform/errors.ts';
import { liveEvents, parseEvent, type BusinessEvent, type Delivery } from '../../platform/events/index.ts';
import { connection, loadExisting, pageSize } from '../../platform/loaders.ts';
import { Decimal, money } from '../../platform/money.ts';
import * as commands from './commands.ts';
import type { BillingContext } from './context.ts';
import type { Resolvers } from './generated/resolvers.ts';
import type { InvoiceRow, PaymentRow, SubscriptionRow } from './rows.ts';
import type { BillingLoaders, CustomerSummary } from './store.ts';
import { decodeInvoiceCursor, encodeInvoiceCursor, invoicePage } from './store.ts';

// A customer billing has no account for owes nothing; USD is the hub's default currency.
const NO_ACCOUNT: Omit<CustomerSummary, 'customer_id'> = { currency: 'USD', balance: '0', overdue: '0' };

function invoiceOf(id: string, loaders: BillingLoaders): Promise<InvoiceRow> {
  return loadExisting(loaders.invoice, 'Invoice', id);
}

function subscriptionOf(id: string, loaders: BillingLoaders): Promise<SubscriptionRow> {
  return loadExisting(loaders.subscription, 'BillingSubscription', id);
}

function paymentOf(id: string, loaders: BillingLoaders): Promise<PaymentRow> {
  return loadExisting(loaders.payment, 'Payment', id);
}

async function summaryOf(customerId: string, loaders: BillingLoaders) {
  return (await loaders.summary.load(customerId)) ?? NO_ACCOUNT;
}

/** Billing's own events of these types, for one customer when `customerId` is given. */
function billingEvents(types: readonly string[], customerId: string | null | undefined) {
  return (event: BusinessEvent) => event.source === 'billing' && types.includes(event.type) && (customerId == null || event.customerId === customerId);
}

export const resolvers: Resolvers = {
  Query: {
    invoice: (_root, { id }, { loaders }) => loaders.invoice.load(id),
    invoices: async (_root, args, { db, today }) => {
      const filter = args.filter ?? {};
      if (filter.issuedFrom && filter.issuedTo && filter.issuedFrom > filter.issuedTo) {
        throw badInput('filter.issuedTo', `must not be before filter.issuedFrom (${filter.issuedFrom})`);
      }
      const after = args.after ? decodeInvoiceCursor(args.after) : null;
      if (args.after && !after) throw badInput('after', 'is not a cursor this API returned');
      const page = await invoicePage(db, pageSize(args.first), after, filter, today);
      return connection(page, (last) => encodeInvoiceCursor({ issuedAt: last.issued_key, id: last.id }));
    },
    subscription: (_root, { id }, { loaders }) => loaders.subscription.load(id),
    payment: (_root, { id }, { loaders }) => loaders.payment.load(id),
  },

  Mutation: {
    issueInvoice: async (_root, { subscriptionId, idempotencyKey }, { write, loaders }) =>
      invoiceOf(
        await write(idempotencyKey, 'issueInvoice', { subscriptionId }, (tx, emit) => commands.issueInvoice(tx, emit, subscriptionId)),
        loaders,
      ),
    voidInvoice: async (_root, { id, reason, idempotencyKey }, { write, loaders }) =>
      invoiceOf(await write(idempotencyKey, 'voidInvoice', { id, reason }, (tx, emit) => commands.voidInvoice(tx, emit, id, reason)), loaders),
    recordPayment: async (_root, { input, idempotencyKey }, { write, loaders }) =>
      paymentOf(await write(idempotencyKey, 'recordPayment', input, (tx, emit) => commands.recordPayment(tx, emit, input)), loaders),
    cancelSubscription: async (_root, { id, atPeriodEnd, idempotencyKey }, { write, loaders }) => {
      const atEnd = atPeriodEnd ?? true;
      return subscriptionOf(
        await write(idempotencyKey, 'cancelSubscription', { id, atPeriodEnd: atEnd }, (tx, emit) => commands.cancelSubscription(tx, emit, id, atEnd)),
        loaders,
      );
    },
  },

  // Each event is resolved with a context (and loaders) of its own: payment and invoice are read
  // as they are when the event is delivered.
  Subscription: {
    paymentReceived: {
      subscribe: (_root, { customerId, after }, { stream }) => liveEvents(stream, { after, filter: billingEvents(['payment.received'], customerId) }),
      resolve: async (delivery: Delivery, _args: unknown, { loaders }: BillingContext) => {
        const event = parseEvent(delivery.event);
        if (event.type !== 'payment.received') throw new Error(`event ${event.id} (${event.type}) is no payment`);
        const [payment, invoice] = await Promise.all([paymentOf(event.data.id, loaders), invoiceOf(event.data.invoiceId, loaders)]);
        return { eventId: event.id, occurredAt: event.time, correlationId: event.correlationId, payment, invoice, customer: { id: payment.customer_id } };
      },
    },
    // `invoice.voided` is followed by the `invoice.status_changed` to VOID, so it is not counted.
    invoiceStatusChanged: {
      subscribe: (_root, { customerId, after }, { stream }) =>
        liveEvents(stream, { after, filter: billingEvents(['invoice.issued', 'invoice.status_changed'], customerId) }),
      resolve: async (delivery: Delivery, _args: unknown, { loaders }: BillingContext) => {
        const event = parseEvent(delivery.event);
        if (event.type !== 'invoice.issued' && event.type !== 'invoice.status_changed') throw new Error(`event ${event.id} (${event.type}) changes no invoice status`);
        return {
          eventId: event.id,
          occurredAt: event.time,
          correlationId: event.correlationId,
          invoice: await invoiceOf(event.data.id, loaders),
          previousStatus: event.type === 'invoice.issued' ? null : (event.previous?.status ?? null),
          status: event.data.status,
        };
      },
    },
  },

  Customer: {
    __resolveReference: (reference) => ({ id: reference.id }),
    subscriptions: (customer, _args, { loaders }) => loaders.subscriptionsByCustomer.load(customer.id),
    invoices: (customer, args, { loaders }) =>
      loaders.invoicesByCustomer({ status: args.status ?? null, first: pageSize(args.first) }).load(customer.id),
    payments: (customer, args, { loaders }) => loaders.paymentsByCustomer({ first: pageSize(args.first) }).load(customer.id),
    creditNotes: (customer, _args, { loaders }) => loaders.creditNotesByCustomer.load(customer.id),
    balance: async (customer, _args, { loaders }) => {
      const summary = await summaryOf(customer.id, loaders);
      return money(summary.balance, summary.currency);
    },
    overdueAmount: async (customer, _args, { loaders }) => {
      const summary = await summaryOf(customer.id, loaders);
      return money(summary.overdue, summary.currency);
    },
    mrr: async (customer, _args, { loaders }) => {
      const [summary, subscriptions] = await Promise.all([summaryOf(customer.id, loaders), loaders.subscriptionsByCustomer.load(customer.id)]);
      const recurring = subscriptions.filter((subscription) => subscription.status === 'ACTIVE' || subscription.status === 'PAST_DUE');
      // Summed from each subscription's rounded mrr, so the total equals what its parts show.
      return money(recurring.reduce((sum, subscription) => sum.plus(commands.subscriptionMrr(subscription)), new Decimal(0)), summary.currency);
    },
  },

  Contract: {
    __resolveReference: (reference) => ({ id: reference.id }),
    subscription: (contract, _args, { loaders }) => loaders.subscriptionByContract.load(contract.id),
  },

  BillingSubscription: {
    __resolveReference: (reference, { loaders }) => loaders.subscription.load(reference.id),
    customer: (subscription) => ({ id: subscription.customer_id }),
    contract: (subscription) => (subscription.contract_id ? { id: subscription.contract_id } : null),
    unitPrice: (subscription) => money(subscription.unit_price, subscription.currency),
    mrr: (subscription) => money(commands.subscriptionMrr(subscription), subscription.currency),
    invoices: (subscription, _args, { loaders }) => loaders.invoicesBySubscription.load(subscription.id),
  },

  Invoice: {
    __resolveReference: (reference, { loaders }) => loaders.invoice.load(reference.id),
    customer: (invoice) => ({ id: invoice.customer_id }),
    subscription: (invoice, _args, { loaders }) => (invoice.subscription_id ? loaders.subscription.load(invoice.subscription_id) : null),
    lines: (invoice, _args, { loaders }) => loaders.lines.load(invoice.id),
    subtotal: (invoice) => money(invoice.subtotal, invoice.currency),
    tax: (invoice) => money(invoice.tax, invoice.currency),
    total: (invoice) => money(invoice.total, invoice.currency),
    amountPaid: (invoice) => money(invoice.amount_paid, invoice.currency),
    amountDue: (invoice) => money(commands.invoiceAmountDue(invoice), invoice.currency),
    payments: (invoice, _args, { loaders }) => loaders.paymentsByInvoice.load(invoice.id),
  },

  InvoiceLine: {
    unitPrice: (line) => money(line.unit_price, line.currency),
    amount: (line) => money(line.amount, line.currency),
  },

  Payment: {
    __resolveReference: (reference, { loaders }) => loaders.payment.load(reference.id),
    invoice: (payment, _args, { loaders }) => invoiceOf(payment.invoice_id, loaders),
    customer: (payment) => ({ id: payment.customer_id }),
    amount: (payment) => money(payment.amount, payment.currency),
  },

  CreditNote: {
    __resolveReference: (reference, { loaders }) => loaders.creditNote.load(reference.id),
    customer: (note) => ({ id: note.customer_id }),
    subscription: (note, _args, { loaders }) => (note.subscription_id ? loaders.subscription.load(note.subscription_id) : null),
    subtotal: (note) => money(note.subtotal, note.currency),
    tax: (note) => money(note.tax, note.currency),
    total: (note) => money(note.total, note.currency),
  },
};
