/** What billing does with other systems' events (docs/events.md). */
import type { Queryable } from '../../platform/db/db.ts';
import { defineConsumer, PermanentEventError, UnreachableCaseError, type ContractActivated, type ConsumerDefinition, type HubEvent } from '../../platform/events/index.ts';
import { CURRENCIES, Decimal } from '../../platform/money.ts';
import * as commands from './commands.ts';
import type { SubscriptionRow } from './rows.ts';

function contractTerms({ data }: ContractActivated): commands.ContractTerms {
  return {
    id: data.id,
    customerId: data.customerId,
    planCode: data.planCode,
    seats: data.seats,
    startDate: data.startDate,
    billingInterval: data.billingInterval,
    unitPrice: data.unitPrice,
    currency: data.currency,
  };
}

/**
 * The subscription billing keeps for a contract. None yet means the contract's activation has
 * not been applied: it is still waiting for the customer's billing account (a different
 * consumer's event) and being retried, so this event waits too (a normal error is retried).
 */
async function subscriptionFor(tx: Queryable, event: HubEvent, contractId: string): Promise<SubscriptionRow> {
  const [subscription] = await tx.query<SubscriptionRow>('SELECT * FROM subscriptions WHERE contract_id = $1 FOR UPDATE', [contractId]);
  if (!subscription) throw new Error(`${event.type} ${event.id}: contract ${contractId} has no subscription yet (contract.activated not applied)`);
  return subscription;
}

/** Billing's account of each CRM customer: its currency, payment terms and tax rate. */
const accounts = defineConsumer({
  name: 'billing.accounts',
  types: ['customer.created', 'customer.updated'],
  async handle(tx, event) {
    const { id: customerId, currency, region } = event.data;
    if (!(CURRENCIES as readonly string[]).includes(currency)) {
      throw new PermanentEventError(`${event.type} ${event.id}: data.currency "${currency}" is not one billing invoices in`);
    }
    const taxRate = region === 'EMEA' ? '0.20' : '0.00';
    // Only a region change moves the tax rate of an existing account: a replayed customer.created
    // must not undo a later change, and the currency stays, since invoices were issued in it.
    const regionChanged = event.type === 'customer.updated' && event.previous !== undefined && 'region' in event.previous;
    await tx.query(
      `INSERT INTO billing_accounts (customer_id, currency, payment_terms_days, tax_rate) VALUES ($1, $2, 30, $3)
       ON CONFLICT (customer_id) DO UPDATE SET tax_rate = EXCLUDED.tax_rate WHERE $4::boolean`,
      [customerId, currency, taxRate, regionChanged],
    );
  },
});

/**
 * Subscriptions and their invoices follow the life of CRM contracts. A command's own refusal
 * (a CANCELED subscription, bad input) is permanent by the one rule (isPermanent).
 */
const contracts = defineConsumer({
  name: 'billing.contracts',
  types: ['contract.activated', 'contract.amended', 'contract.terminated'],
  async handle(tx, event, emit) {
    const contractId = event.data.id;
    switch (event.type) {
      case 'contract.activated': {
        const terms = contractTerms(event);
        const [existing] = await tx.query<{ id: string }>('SELECT id FROM subscriptions WHERE contract_id = $1', [contractId]);
        if (existing) return;
        const [account] = await tx.query<{ customer_id: string }>('SELECT customer_id FROM billing_accounts WHERE customer_id = $1', [terms.customerId]);
        // customer.created reaches billing through another consumer and may not be applied yet.
        if (!account) throw new Error(`${event.type} ${event.id}: customer ${terms.customerId} has no billing account yet`);
        await commands.subscribeContract(tx, emit, terms);
        return;
      }
      case 'contract.amended': {
        const { seatsDelta, valueDelta, effectiveDate } = event.data.amendment;
        const subscription = await subscriptionFor(tx, event, contractId);
        await commands.changeSeats(tx, emit, subscription.id, seatsDelta);
        // More seats are billed at once, fewer credited at once; either way the new seat count
        // applies from the next recurring invoice.
        const delta = { seatsDelta, valueDelta, effectiveDate, endDate: event.data.endDate };
        if (new Decimal(valueDelta).gt(0)) await commands.issueProrationInvoice(tx, emit, subscription.id, delta);
        else if (new Decimal(valueDelta).lt(0) && seatsDelta < 0) await commands.issueCreditNote(tx, emit, subscription.id, delta);
        return;
      }
      case 'contract.terminated': {
        const subscription = await subscriptionFor(tx, event, contractId);
        if (subscription.status === 'CANCELED') return;
        await commands.cancelSubscription(tx, emit, subscription.id, false);
        return;
      }
      default:
        throw new UnreachableCaseError(event);
    }
  },
});

export const consumers: ConsumerDefinition[] = [accounts, contracts];
