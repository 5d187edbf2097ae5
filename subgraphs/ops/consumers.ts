import { AUDIT_EVENT, BUSINESS_EVENT_TYPES, defineConsumer, UnreachableCaseError, type ConsumerDefinition } from '../../platform/events/index.ts';
import * as commands from './commands.ts';
import { trackWorkflow } from './workflows.ts';

/** What ops does with every event: log it, follow workflow runs, open and resolve exceptions. */
export const consumers: ConsumerDefinition[] = [
  defineConsumer({
    // Every business event of the catalogue, the very types `businessEvents` serves. The runner
    // hands a replay request only to the consumer it names; replayDeadLetter logs it.
    name: 'ops.log',
    types: BUSINESS_EVENT_TYPES,
    async handle(tx, event, emit) {
      await commands.recordEvent(tx, event);
      await trackWorkflow(tx, event);
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
