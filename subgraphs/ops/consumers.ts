import { AUDIT_EVENT } from '../../platform/audit.ts';
import type { ConsumerDefinition } from '../../platform/events/index.ts';
import * as commands from './commands.ts';
import { trackWorkflow } from './workflows.ts';

/** Every event type of the catalog (docs/events.md): the log keeps them all. */
export const EVENT_TYPES = [
  'customer.created',
  'customer.updated',
  'opportunity.created',
  'contract.activated',
  'contract.amended',
  'contract.terminated',
  'subscription.created',
  'subscription.updated',
  'subscription.canceled',
  'invoice.issued',
  'invoice.status_changed',
  'invoice.voided',
  'payment.received',
  'invoice.posted',
  'invoice.posting_rejected',
  'invoice.reversed',
  'payment.posted',
  'period.closed',
  'period.locked',
  'period.reopened',
  'onboarding.started',
  'renewal.created',
  'renewal.risk_changed',
  'health.changed',
  'milestone.completed',
  'event.dead_lettered',
  // The runner hands a replay request only to the consumer it names; replayDeadLetter logs it.
  'event.replay_requested',
  'event.replayed',
  'exception.resolved',
] as const;

/** What ops does with every event: log it, follow workflow runs, open and resolve exceptions. */
export const consumers: ConsumerDefinition[] = [
  {
    name: 'ops.log',
    types: EVENT_TYPES,
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
      }
    },
  },
  {
    // Kept apart from the business event log: the trail of who ran which mutation.
    name: 'ops.audit',
    types: [AUDIT_EVENT],
    handle: (tx, event) => commands.recordAudit(tx, event),
  },
];
