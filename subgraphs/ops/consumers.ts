import {
  AUDIT_EVENT,
  BUSINESS_EVENT_TYPES,
  defineConsumer,
  MalformedEventError,
  parseEvent,
  UnreachableCaseError,
  type BusinessEvent,
  type ConsumerDefinition,
  type HubEvent,
} from '../../platform/events/index.ts';
import * as commands from './commands.ts';
import { sqlWorkflowStore, trackWorkflow } from './workflows.ts';

/**
 * An event as ops's log records it, parsed, or null for one the log does not record: not a
 * business event (the audit trail's), or malformed (ops.log dead-letters it). The `businessEvents`
 * subscription serves exactly what this accepts, so it and the event log agree.
 */
export function loggedEvent(event: BusinessEvent): HubEvent | null {
  if (!(BUSINESS_EVENT_TYPES as readonly string[]).includes(event.type)) return null;
  try {
    return parseEvent(event);
  } catch (error) {
    if (error instanceof MalformedEventError) return null;
    throw error;
  }
}

/** What ops does with every event: log it, follow workflow runs, open and resolve exceptions. */
export const consumers: ConsumerDefinition[] = [
  defineConsumer({
    // Every business event of the catalogue, the very types `businessEvents` serves. The runner
    // hands a replay request only to the consumer it names; replayDeadLetter logs it.
    name: 'ops.log',
    types: BUSINESS_EVENT_TYPES,
    async handle(tx, event, emit) {
      await commands.recordEvent(tx, event);
      await trackWorkflow(sqlWorkflowStore(tx), event);
      switch (event.type) {
        case 'invoice.posting_rejected':
          return commands.postingRejected(tx, event);
        case 'invoice.posted':
          return commands.invoicePosted(tx, emit, event);
        case 'event.dead_lettered':
          return commands.deadLettered(tx, event);
        case 'event.replayed':
          return commands.replayed(tx, emit, event);
        // Logged (and tracked) only.
        case 'customer.created':
        case 'customer.updated':
        case 'opportunity.created':
        case 'contract.activated':
        case 'contract.amended':
        case 'contract.terminated':
        case 'subscription.created':
        case 'subscription.updated':
        case 'subscription.canceled':
        case 'invoice.issued':
        case 'invoice.status_changed':
        case 'invoice.voided':
        case 'payment.received':
        case 'invoice.reversed':
        case 'payment.posted':
        case 'payment.applied':
        case 'credit_note.issued':
        case 'credit_note.posted':
        case 'reconciliation.completed':
        case 'period.closed':
        case 'period.locked':
        case 'period.reopened':
        case 'onboarding.started':
        case 'renewal.created':
        case 'renewal.risk_changed':
        case 'health.changed':
        case 'milestone.completed':
        case 'event.replay_requested':
        case 'exception.resolved':
          return;
        default:
          throw new UnreachableCaseError(event);
      }
    },
  }),
  defineConsumer({
    // Kept apart from the business event log: the trail of who ran which mutation.
    name: 'ops.audit',
    types: [AUDIT_EVENT],
    handle: (tx, event) => commands.recordAudit(tx, event),
  }),
];
