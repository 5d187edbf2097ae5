import type { Queryable } from '../../platform/db.ts';
import { HubError } from '../../platform/errors.ts';
import { PermanentEventError, type BusinessEvent, type ConsumerDefinition } from '../../platform/events/index.ts';
import { CURRENCIES, Decimal } from '../../platform/money.ts';
import * as commands from './commands.ts';
import type { SubscriptionRow } from './rows.ts';

/** What billing does with other systems' events (docs/events.md). */

// Event data is another system's JSON: a field missing or of the wrong type will be just as
// wrong on every retry, so the event is dead-lettered at once.
function malformed(event: BusinessEvent, message: string): never {
  throw new PermanentEventError(`${event.type} ${event.id}: ${message}`);
}

function text(event: BusinessEvent, name: string, data = event.data, path = 'data'): string {
  const value = data[name];
  if (typeof value !== 'string') malformed(event, `${path}.${name} is ${JSON.stringify(value)}, expected a string`);
  return value;
}

function integer(event: BusinessEvent, name: string, data = event.data, path = 'data'): number {
  const value = data[name];
  if (typeof value !== 'number' || !Number.isInteger(value)) malformed(event, `${path}.${name} is ${JSON.stringify(value)}, expected an integer`);
  return value;
}

function decimal(event: BusinessEvent, name: string, data = event.data, path = 'data'): string {
  const value = text(event, name, data, path);
  if (!/^-?\d+(\.\d+)?$/.test(value)) malformed(event, `${path}.${name} "${value}" is not a decimal`);
  return value;
}

function contractTerms(event: BusinessEvent): commands.ContractTerms {
  const billingInterval = text(event, 'billingInterval');
  if (billingInterval !== 'MONTHLY' && billingInterval !== 'ANNUAL') {
    malformed(event, `data.billingInterval "${billingInterval}" is neither MONTHLY nor ANNUAL`);
  }
  return {
    id: text(event, 'id'),
    customerId: text(event, 'customerId'),
    planCode: text(event, 'planCode'),
    seats: integer(event, 'seats'),
    startDate: text(event, 'startDate'),
    billingInterval,
    unitPrice: decimal(event, 'unitPrice'),
    currency: text(event, 'currency'),
  };
}

// A command's own checks (conflict, bad input) reject what the event asks for; retrying cannot
// change the answer, so it goes straight to the dead letters with the command's message.
async function applying<T>(event: BusinessEvent, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof HubError) throw new PermanentEventError(`${event.type} ${event.id}: ${error.message}`);
    throw error;
  }
}

/**
 * The subscription billing keeps for a contract. None yet means the contract's activation has
 * not been applied: it is still waiting for the customer's billing account (a different
 * consumer's event) and being retried, so this event waits too (a normal error is retried).
 */
async function subscriptionFor(tx: Queryable, event: BusinessEvent, contractId: string): Promise<SubscriptionRow> {
  const [subscription] = await tx.query<SubscriptionRow>('SELECT * FROM subscriptions WHERE contract_id = $1 FOR UPDATE', [contractId]);
  if (!subscription) throw new Error(`${event.type} ${event.id}: contract ${contractId} has no subscription yet (contract.activated not applied)`);
  return subscription;
}

/** Billing's account of each CRM customer: its currency, payment terms and tax rate. */
const accounts: ConsumerDefinition = {
  name: 'billing.accounts',
  types: ['customer.created', 'customer.updated'],
  async handle(tx, event) {
    const customerId = text(event, 'id');
    const currency = text(event, 'currency');
    if (!(CURRENCIES as readonly string[]).includes(currency)) malformed(event, `data.currency "${currency}" is not one billing invoices in`);
    const taxRate = text(event, 'region') === 'EMEA' ? '0.20' : '0.00';
    // Only a region change moves the tax rate of an existing account: a replayed customer.created
    // must not undo a later change, and the currency stays, since invoices were issued in it.
    const regionChanged = event.type === 'customer.updated' && event.previous !== undefined && 'region' in event.previous;
    await tx.query(
      `INSERT INTO billing_accounts (customer_id, currency, payment_terms_days, tax_rate) VALUES ($1, $2, 30, $3)
       ON CONFLICT (customer_id) DO UPDATE SET tax_rate = EXCLUDED.tax_rate WHERE $4::boolean`,
      [customerId, currency, taxRate, regionChanged],
    );
  },
};

/** Subscriptions and their invoices follow the life of CRM contracts. */
const contracts: ConsumerDefinition = {
  name: 'billing.contracts',
  types: ['contract.activated', 'contract.amended', 'contract.terminated'],
  async handle(tx, event, emit) {
    const contractId = text(event, 'id');
    switch (event.type) {
      case 'contract.activated': {
        const terms = contractTerms(event);
        const [existing] = await tx.query<{ id: string }>('SELECT id FROM subscriptions WHERE contract_id = $1', [contractId]);
        if (existing) return;
        const [account] = await tx.query<{ customer_id: string }>('SELECT customer_id FROM billing_accounts WHERE customer_id = $1', [terms.customerId]);
        // customer.created reaches billing through another consumer and may not be applied yet.
        if (!account) throw new Error(`${event.type} ${event.id}: customer ${terms.customerId} has no billing account yet`);
        await applying(event, () => commands.subscribeContract(tx, emit, terms));
        return;
      }
      case 'contract.amended': {
        const amendment = event.data.amendment;
        if (typeof amendment !== 'object' || amendment === null) malformed(event, 'data.amendment is missing');
        const change = amendment as Record<string, unknown>;
        const seatsDelta = integer(event, 'seatsDelta', change, 'data.amendment');
        const valueDelta = decimal(event, 'valueDelta', change, 'data.amendment');
        const effectiveDate = text(event, 'effectiveDate', change, 'data.amendment');
        const endDate = text(event, 'endDate');
        const subscription = await subscriptionFor(tx, event, contractId);
        await applying(event, () => commands.changeSeats(tx, emit, subscription.id, seatsDelta));
        // Fewer seats would be owed back as a credit note, which billing does not issue yet
        // (out of scope): the lower seat count simply applies from the next recurring invoice.
        if (new Decimal(valueDelta).gt(0)) {
          await applying(event, () => commands.issueProrationInvoice(tx, emit, subscription.id, { seatsDelta, valueDelta, effectiveDate, endDate }));
        }
        return;
      }
      case 'contract.terminated': {
        const subscription = await subscriptionFor(tx, event, contractId);
        if (subscription.status === 'CANCELED') return;
        await applying(event, () => commands.cancelSubscription(tx, emit, subscription.id, false));
        return;
      }
    }
  },
};

export const consumers: ConsumerDefinition[] = [accounts, contracts];
