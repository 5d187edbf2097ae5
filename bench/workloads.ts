/** The workloads: what each sends, how its answers are checked, and what it needs to know first. */
import { randomUUID } from 'node:crypto';
import { ANCHOR_BODY, isAnchorAnswer } from './anchor/workload.ts';
import type { Phase } from './gateways.ts';

/** Facts about the seeded data a workload draws its requests from. */
export interface HubData {
  customerIds: string[];
  /** OPEN invoices with an amount due, for payments. */
  openInvoiceIds: string[];
}

export interface Workload {
  name: string;
  phase: Phase;
  /** Request body, a new one per request when it varies. */
  body(data: HubData | undefined): string | (() => string);
  /** Whether a 2xx body is a right answer. */
  check(body: string): boolean;
  /** The gateways it runs on, when not every gateway of its phase. */
  gateways?: readonly string[];
  /**
   * Requests that warm it up, each sent once before the measurement, instead of the timed
   * warm-up: a cache's whole working set, so what is measured is its steady state.
   */
  warmingRequests?(data: HubData): string[];
}

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)];
const request = (query: string, variables?: Record<string, unknown>) => JSON.stringify(variables ? { query, variables } : { query });
/** A domain answer is right when it has data for its root field and no errors. */
const hasData = (field: string) => (body: string) => !body.includes('"errors"') && body.includes(`{"data":{"${field}":{`);

export const CUSTOMER_360 = /* GraphQL */ `query Customer360($id: ID!) {
  customer(id: $id) {
    id name segment region accountOwner
    contacts { name email title primary }
    contracts { number status seats endDate value { amount currency } renewal { renewalDate risk } }
    subscriptions { planCode seats status }
    invoices(first: 5) { number status dueDate total { amount currency } amountDue { amount } posting { status period } }
    balance { amount currency }
    overdueAmount { amount }
    health { score grade }
    renewals { renewalDate stage risk }
  }
}`;

export const CUSTOMERS_PAGE = /* GraphQL */ `query CustomersPage($first: Int!) {
  customers(first: $first) {
    nodes {
      id name
      contracts { number status }
      subscriptions { planCode status }
      invoices(first: 3) { number total { amount currency } posting { status } }
      health { score grade }
    }
  }
}`;

/** The customersPage request for a page of `first` customers. */
export const customersPageBody = (first: number): string => request(CUSTOMERS_PAGE, { first });

export const OVERDUE_INVOICES = /* GraphQL */ `query OverdueInvoices {
  invoices(first: 20, filter: { overdue: true }) {
    totalCount
    nodes {
      number dueDate amountDue { amount currency }
      customer { name accountOwner renewals { risk } }
      posting { status }
    }
  }
}`;

export const RECORD_PAYMENT = /* GraphQL */ `mutation RecordPayment($input: RecordPaymentInput!, $key: String) {
  recordPayment(input: $input, idempotencyKey: $key) { id invoice { status amountDue { amount } } }
}`;

/**
 * The entity cache's mixed workload: 90% customer360, 10% one-cent payments on the same customers'
 * open invoices (each payment evicts its invoice and customer in every replica's cache).
 */
function mixedCustomer360(data: HubData): () => string {
  return () => {
    if (Math.random() >= 0.1) return request(CUSTOMER_360, { id: pick(data.customerIds) });
    return request(RECORD_PAYMENT, { input: { invoiceId: pick(data.openInvoiceIds), amount: '0.01', method: 'card' }, key: randomUUID() });
  };
}

export const WORKLOADS: Workload[] = [
  { name: 'anchor', phase: 'anchor', body: () => ANCHOR_BODY, check: isAnchorAnswer },
  { name: 'customer360', phase: 'hub', body: (data) => () => request(CUSTOMER_360, { id: pick(data!.customerIds) }), check: hasData('customer') },
  {
    // The same views once every customer has been viewed since the gateway started: the entity
    // cache's steady state, which at L a 10 s run from a cold cache is far from.
    name: 'customer360Warm',
    phase: 'hub',
    body: (data) => () => request(CUSTOMER_360, { id: pick(data!.customerIds) }),
    check: hasData('customer'),
    gateways: ['ours'],
    warmingRequests: (data) => data.customerIds.map((id) => request(CUSTOMER_360, { id })),
  },
  {
    name: 'customer360Mixed',
    phase: 'hub',
    body: (data) => mixedCustomer360(data!),
    check: (body) => hasData('customer')(body) || hasData('recordPayment')(body),
  },
  { name: 'customersPage', phase: 'hub', body: () => customersPageBody(50), check: hasData('customers') },
  { name: 'overdueInvoices', phase: 'hub', body: () => request(OVERDUE_INVOICES), check: hasData('invoices') },
  {
    name: 'recordPayment',
    phase: 'hub',
    // One cent on a random open invoice, each with its own idempotency key.
    body: (data) => () => request(RECORD_PAYMENT, { input: { invoiceId: pick(data!.openInvoiceIds), amount: '0.01', method: 'card' }, key: randomUUID() }),
    check: hasData('recordPayment'),
  },
];
