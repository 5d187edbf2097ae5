/**
 * The unified customer view the resilience tests load (the README's, with ops' fields too, so
 * every system answers part of it) and what it must be when one system is down.
 */
import type { SystemName } from '../platform/config.ts';

/** The README's unified customer view, with ops' fields too: every system answers part of it. */
export const CUSTOMER_VIEW = /* GraphQL */ `
  query CustomerView($id: ID! = "cus_000001") {
    customer(id: $id) {
      name segment region accountOwner
      contacts { name email title primary }
      contracts { number status seats endDate value { amount currency } renewal { renewalDate risk } }
      subscriptions { planCode seats status mrr { amount currency } }
      invoices(first: 5) { number status dueDate total { amount currency } amountDue { amount } posting { status period rejectionReason } }
      balance { amount currency } overdueAmount { amount }
      receivable { aging { current { amount } over90 { amount } } }
      health { score grade trend factors { name score weight } }
      renewals { renewalDate stage risk riskReasons }
      onboarding { status milestones { name status dueDate } }
      events(first: 3) { type }
      openExceptions { kind }
    }
  }
`;

export type View = Record<string, unknown> & { invoices: Record<string, unknown>[]; contracts: Record<string, unknown>[] };

/** The customer view as it must be when `system` is down: its fields null, nothing else changed. */
export function without(system: SystemName, healthy: View): View {
  const view: View = structuredClone(healthy);
  const nullify = (object: Record<string, unknown>, fields: string[]) => fields.forEach((field) => (object[field] = null));
  switch (system) {
    case 'billing':
      // health reads billing's overdueAmount (@requires), so it cannot be computed without billing either.
      nullify(view, ['subscriptions', 'invoices', 'balance', 'overdueAmount', 'health']);
      break;
    case 'erp':
      nullify(view, ['receivable']);
      view.invoices.forEach((invoice) => nullify(invoice, ['posting']));
      break;
    case 'customer-success':
      nullify(view, ['health', 'renewals', 'onboarding']);
      view.contracts.forEach((contract) => nullify(contract, ['renewal']));
      break;
    case 'ops':
      nullify(view, ['events', 'openExceptions']);
      break;
    case 'crm':
      throw new Error('crm owns the customer: without it there is no customer to answer');
  }
  return view;
}
