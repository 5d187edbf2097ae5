// Deals won through the gateway, for tests that need a customer with a contract of its own (and,
// with postedDeal, its first invoice posted).
import assert from 'node:assert/strict';
import { today } from '../platform/dates.ts';
import { graphql } from './generated/index.ts';
import type { Segment } from './generated/graphql.ts';
import { query, request } from './graphql.ts';
import { waitFor } from './wait.ts';

const CreateCustomer = graphql(/* GraphQL */ `
  mutation DealCreateCustomer($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }
`);

const CreateOpportunity = graphql(/* GraphQL */ `
  mutation DealCreateOpportunity($input: CreateOpportunityInput!) { createOpportunity(input: $input) { id } }
`);

const CloseWon = graphql(/* GraphQL */ `
  mutation DealCloseWon($id: ID!, $startDate: Date!) { closeOpportunityWon(id: $id, startDate: $startDate) { id number endDate } }
`);

const FirstInvoice = graphql(/* GraphQL */ `
  query DealFirstInvoice($id: ID!) { customer(id: $id) { invoices(first: 1) { id posting { status } } } }
`);

export interface Deal {
  /** The customer's name; its opportunity is "<name> deal". */
  name: string;
  segment?: Segment;
  region?: string;
  currency?: string;
  amount?: string;
  planCode?: string;
  seats?: number;
  startDate?: string;
  /** Sent with every request (a token, a correlation id). */
  headers?: Record<string, string>;
  /** Sent with closeOpportunityWon only, besides `headers` (a traceparent). */
  closeHeaders?: Record<string, string>;
}

/**
 * Creates a customer and wins a 12-month opportunity for it: unless told otherwise a mid-market
 * EMEA customer in EUR, 24000.00 for 20 GROWTH seats, starting today. Fails on any error; returns
 * the ids, the contract and the closing response's extensions.
 */
export async function winDeal(url: string, deal: Deal) {
  const { name, segment = 'MID_MARKET', region = 'EMEA', currency = 'EUR', amount = '24000.00', planCode = 'GROWTH', seats = 20, headers = {} } = deal;
  const { createCustomer } = await query(url, CreateCustomer, { input: { name, segment, region, currency } }, headers);
  const { createOpportunity } = await query(
    url,
    CreateOpportunity,
    { input: { customerId: createCustomer.id, name: `${name} deal`, amount, planCode, seats, termMonths: 12 } },
    headers,
  );
  const closed = await request(url, CloseWon, { id: createOpportunity.id, startDate: deal.startDate ?? today() }, { ...headers, ...deal.closeHeaders });
  assert.equal(closed.errors, undefined);
  return { customerId: createCustomer.id, opportunityId: createOpportunity.id, contract: closed.data!.closeOpportunityWon, extensions: closed.extensions };
}

/** Wins a deal (see winDeal) and waits until its first invoice is posted. */
export async function postedDeal(url: string, name: string, deal: { amount: string; seats: number }): Promise<{ customerId: string; invoiceId: string }> {
  const { customerId } = await winDeal(url, { name, ...deal });
  // Quote-to-cash runs on events: the invoice and its posting come after the mutation answered.
  const invoiceId = await waitFor('the posted invoice', async () => {
    const { customer } = await query(url, FirstInvoice, { id: customerId });
    const [invoice] = customer?.invoices ?? [];
    return invoice?.posting?.status === 'POSTED' ? invoice.id : undefined;
  });
  return { customerId, invoiceId };
}
