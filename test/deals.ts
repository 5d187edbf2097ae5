// A deal won through the gateway and followed through quote-to-cash, for tests that need a
// customer with a posted invoice of its own.
import { today } from '../platform/dates.ts';
import { query } from './graphql.ts';
import { waitFor } from './wait.ts';

/** Creates a customer, wins an opportunity for it starting today and waits until its first invoice is posted. */
export async function postedDeal(url: string, name: string, deal: { amount: string; seats: number }): Promise<{ customerId: string; invoiceId: string }> {
  const { createCustomer } = await query<{ createCustomer: { id: string } }, unknown>(url, 'mutation ($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }', {
    input: { name, segment: 'MID_MARKET', region: 'EMEA', currency: 'EUR' },
  });
  const customerId = createCustomer.id;
  const { createOpportunity } = await query<{ createOpportunity: { id: string } }, unknown>(url, 'mutation ($input: CreateOpportunityInput!) { createOpportunity(input: $input) { id } }', {
    input: { customerId, name: `${name} deal`, amount: deal.amount, planCode: 'GROWTH', seats: deal.seats, termMonths: 12 },
  });
  await query(url, 'mutation ($id: ID!, $start: Date!) { closeOpportunityWon(id: $id, startDate: $start) { id } }', { id: createOpportunity.id, start: today() });
  // Quote-to-cash runs on events: the invoice and its posting come after the mutation answered.
  const invoiceId = await waitFor('the posted invoice', async () => {
    const { customer } = await query<{ customer: { invoices: { id: string; posting: { status: string } }[] } }, unknown>(
      url,
      'query ($id: ID!) { customer(id: $id) { invoices(first: 1) { id posting { status } } } }',
      { id: customerId },
    );
    const [invoice] = customer.invoices;
    return invoice?.posting.status === 'POSTED' ? invoice.id : undefined;
  });
  return { customerId, invoiceId };
}
