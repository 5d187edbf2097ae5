// Which entities each event of the catalogue changes: the contract the gateway's entity cache is
// kept exact by (gateway/execution/entityCache.ts). An event names its own entity and every entity
// that shows it in a list or a total: the customer it concerns (its invoices, balance, health, ...),
// and the contract, invoice or subscription it hangs off. A new event type is a compile error in
// the switch below until it says what it changes.
import { UnreachableCaseError, type HubEvent } from './catalogue.ts';

/** An entity as the gateway's cache knows it: `<Type>:<id>`, e.g. `Invoice:inv_123`. */
export type EntityRef = `${string}:${string}`;

const ref = (type: string, id: string | null | undefined): EntityRef[] => (id ? [`${type}:${id}`] : []);

/**
 * Every entity `event` changes, without duplicates: its subject, the customer it concerns, and the
 * entities of the other systems that show it. Events that change no entity any subgraph serves
 * (the audit trail, dead-letter bookkeeping) name only their customer, if any.
 */
export function changedEntities(event: HubEvent): EntityRef[] {
  const refs = [...ref('Customer', event.customerId), ...own(event)];
  return [...new Set(refs)];
}

function own(event: HubEvent): EntityRef[] {
  switch (event.type) {
    case 'customer.created':
    case 'customer.updated':
      // A customer shows in its parent's children.
      return [...ref('Customer', event.data.id), ...ref('Customer', event.data.parentId), ...ref('Customer', event.previous?.parentId)];
    case 'opportunity.created':
      return [...ref('Opportunity', event.data.id), ...ref('Customer', event.data.customerId)];
    case 'contract.activated':
    case 'contract.amended':
    case 'contract.terminated':
      return [...ref('Contract', event.data.id), ...ref('Customer', event.data.customerId), ...ref('Opportunity', event.data.opportunityId)];
    case 'subscription.created':
    case 'subscription.updated':
    case 'subscription.canceled':
      return [...ref('BillingSubscription', event.data.id), ...ref('Customer', event.data.customerId), ...ref('Contract', event.data.contractId)];
    case 'invoice.issued':
      return [...ref('Invoice', event.data.id), ...ref('Customer', event.data.customerId), ...ref('BillingSubscription', event.data.subscriptionId), ...ref('Contract', event.data.contractId)];
    case 'invoice.status_changed':
    case 'invoice.voided':
      return [...ref('Invoice', event.data.id), ...ref('Customer', event.data.customerId)];
    case 'payment.received':
      return [...ref('Payment', event.data.id), ...ref('Invoice', event.data.invoiceId), ...ref('Customer', event.data.customerId)];
    case 'invoice.posted':
    case 'invoice.posting_rejected':
      return [...ref('Invoice', event.data.invoiceId), ...ref('Customer', event.data.customerId)];
    case 'invoice.reversed':
      return [...ref('Invoice', event.data.invoiceId), ...ref('Customer', event.data.customerId), ...ref('JournalEntry', event.data.journalEntryId)];
    case 'payment.posted':
    case 'payment.applied':
      return [...ref('Payment', event.data.paymentId), ...ref('Invoice', event.data.invoiceId), ...ref('Customer', event.data.customerId), ...ref('JournalEntry', event.data.journalEntryId)];
    case 'credit_note.issued':
      return [...ref('CreditNote', event.data.id), ...ref('Customer', event.data.customerId), ...ref('BillingSubscription', event.data.subscriptionId), ...ref('Contract', event.data.contractId)];
    case 'credit_note.posted':
      return [...ref('CreditNote', event.data.creditNoteId), ...ref('Customer', event.data.customerId), ...ref('JournalEntry', event.data.journalEntryId)];
    case 'reconciliation.completed':
      return [...ref('ReconciliationRun', event.data.runId)];
    case 'period.closed':
    case 'period.locked':
    case 'period.reopened':
      return [...ref('AccountingPeriod', event.data.id)];
    case 'onboarding.started':
    case 'milestone.completed':
      return [...ref('Customer', event.data.customerId), ...ref('Contract', event.data.contractId)];
    case 'renewal.created':
    case 'renewal.risk_changed':
      return [...ref('Renewal', event.data.id), ...ref('Customer', event.data.customerId), ...ref('Contract', event.data.contractId)];
    case 'health.changed':
      return [...ref('Customer', event.data.customerId)];
    case 'event.dead_lettered':
    case 'event.replay_requested':
      return [...ref('Customer', event.data.event.customerId)];
    case 'event.replayed':
      return [...ref('DeadLetter', event.data.deadLetterId)];
    case 'exception.resolved':
      return [...ref('OpsException', event.data.id), ...ref('Customer', event.data.customerId)];
    case 'audit.recorded':
      return [];
    default:
      throw new UnreachableCaseError(event);
  }
}

/**
 * The entity types whose every change names the entity they hang off (an invoice's events name
 * its customer): an entity's cached answer that lists them (a customer's invoices) is evicted by
 * their events through it. A cached answer that shows any other entity nested in it (a contract's
 * customer) is evicted by every change of that type, since its events do not name the holder.
 */
export const HELD_BY: Readonly<Record<string, readonly string[]>> = {
  Contact: ['Customer'],
  Opportunity: ['Customer'],
  Contract: ['Customer'],
  BillingSubscription: ['Customer', 'Contract'],
  Invoice: ['Customer', 'BillingSubscription', 'Contract'],
  Payment: ['Customer', 'Invoice'],
  CreditNote: ['Customer'],
  Renewal: ['Customer', 'Contract'],
  JournalEntry: ['Invoice', 'Payment', 'CreditNote'],
};
