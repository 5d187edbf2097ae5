import { BUSINESS_EVENT_TYPES, liveEvents, parseEvent, type Delivery } from '../../platform/events/index.ts';
import { badInput } from '../../platform/errors.ts';
import { decodeCursor, encodeCursor, loadExisting, pageSize } from '../../platform/loaders.ts';
import * as commands from './commands.ts';
import type { Resolvers, System } from './generated/resolvers.ts';
import { loggedEvent } from './consumers.ts';
import { operationsHealth } from './health.ts';
import type { DeadLetterRow, ExceptionRow } from './rows.ts';
import { DIFFERENCE_KINDS } from './reconciliation.ts';
import {
  auditPage,
  deadLetterList,
  deprecatedUsageList,
  eventLog,
  exceptionList,
  openDifferences,
  openDifferencesByKind,
  reconciliationRuns,
  workflowByCorrelation,
  workflowList,
} from './store.ts';
import { isWorkflowKind, workflowFunnel } from './workflows.ts';

const MAX_PAGE = 200;

function system(source: string): System {
  // The gateway is in the audit trail (its refusals), never an event source or an exception's system.
  const value = source === commands.GATEWAY_SYSTEM ? 'GATEWAY' : commands.systemOf(source);
  if (!value) throw new Error(`unknown event source ${source}`);
  return value;
}

/** A `types` filter of the event log or `businessEvents`: business event types of the catalogue only. */
function eventTypes(types: readonly string[] | null | undefined): readonly string[] | null {
  if (types == null) return null;
  const unknown = types.find((type) => !(BUSINESS_EVENT_TYPES as readonly string[]).includes(type));
  if (unknown !== undefined) throw badInput('types', `"${unknown}" is not a business event type of the catalogue (docs/events.md)`);
  return types;
}

function secondsBetween(from: string, to: string | null): number {
  const end = to ? Date.parse(to) : Date.now();
  return Math.max(0, Math.floor((end - Date.parse(from)) / 1000));
}

function deadLetterOf(id: string, loaders: { deadLetter: { load(id: string): Promise<DeadLetterRow | null> } }): Promise<DeadLetterRow> {
  return loadExisting(loaders.deadLetter, 'DeadLetter', id);
}

function exceptionOf(id: string, loaders: { exception: { load(id: string): Promise<ExceptionRow | null> } }): Promise<ExceptionRow> {
  return loadExisting(loaders.exception, 'OpsException', id);
}

export const resolvers: Resolvers = {
  Query: {
    workflow: (_root, { correlationId }, { db }) => workflowByCorrelation(db, correlationId),
    workflows: (_root, { kind, state, first }, { db }) => {
      if (kind != null && !isWorkflowKind(kind)) throw badInput('kind', `"${kind}" is not a kind of workflow run`);
      return workflowList(db, kind ?? null, state ?? null, pageSize(first, MAX_PAGE, 20));
    },
    workflowFunnel: (_root, { kind }, { db }) => {
      if (!isWorkflowKind(kind)) throw badInput('kind', `"${kind}" is not a kind of workflow run`);
      return workflowFunnel(db, kind);
    },
    exceptions: (_root, args, { db }) => exceptionList(db, args.status ?? null, args.owner ?? null, pageSize(args.first, MAX_PAGE, 50)),
    deadLetters: (_root, args, { db }) => deadLetterList(db, pageSize(args.first, MAX_PAGE, 50)),
    events: (_root, args, { db }) =>
      eventLog(db, {
        first: pageSize(args.first, MAX_PAGE, 50),
        after: args.after ?? null,
        types: eventTypes(args.types),
        customerId: args.customerId ?? null,
        correlationId: args.correlationId ?? null,
      }),
    operationsHealth: (_root, _args, { db, stream }) => operationsHealth(db, stream),
    reconciliation: (_root, { runs }) => ({ runs: pageSize(runs, 100, 10) }),
    deprecatedUsage: (_root, { field, client }, { db }) => deprecatedUsageList(db, field ?? null, client ?? null),
    auditTrail: async (_root, { first, after, filter }, { db }) => {
      const size = pageSize(first, MAX_PAGE, 50);
      const beforeSeq = after ? decodeCursor(after) : null;
      if (beforeSeq !== null && !/^\d{1,18}$/.test(beforeSeq)) throw badInput('after', 'not a cursor of this list');
      const page = await auditPage(db, size, beforeSeq, {
        // CUSTOMER_SUCCESS → customer-success, the event source it is filed under.
        system: filter?.system ? filter.system.toLowerCase().replace(/_/g, '-') : null,
        actor: filter?.actor ?? null,
        operation: filter?.operation ?? null,
        outcome: filter?.outcome ?? null,
        since: filter?.since ?? null,
      });
      const last = page.rows[page.rows.length - 1];
      return { nodes: page.rows, pageInfo: { hasNextPage: page.hasNextPage, endCursor: last ? encodeCursor(String(last.seq)) : null } };
    },
  },

  AuditEntry: {
    id: (entry) => entry.event_id,
    system: (entry) => system(entry.system),
  },

  Mutation: {
    // Answers REPLAYING as written: the consumer may apply the replay before a read-back would run.
    // A repeat of an idempotent request answers the dead letter as it is now.
    replayDeadLetter: async (_root, { id, idempotencyKey }, { write, loaders }) => {
      let written: DeadLetterRow | undefined;
      const letterId = await write(idempotencyKey, 'replayDeadLetter', { id }, async (tx, emit) => {
        written = await commands.replayDeadLetter(tx, emit, id);
        return written.id;
      });
      return written ?? deadLetterOf(letterId, loaders);
    },
    resolveException: async (_root, { id, note, idempotencyKey }, { write, loaders }) =>
      exceptionOf(
        await write(idempotencyKey, 'resolveException', { id, note }, (tx, emit) => commands.resolveException(tx, emit, id, note)),
        loaders,
      ),
    runReconciliation: async (_root, { idempotencyKey }, { write, loaders, reconciler }) => {
      const runId = await write(idempotencyKey, 'runReconciliation', {}, async (tx) => (await commands.startReconciliation(tx, 'MANUAL')).id);
      // After the commit, so the run is there to claim; a retry finds it claimed and starts nothing.
      reconciler.execute(runId);
      const run = await loaders.reconciliationRun.load(runId);
      if (!run) throw new Error(`reconciliation run ${runId} vanished after its write`);
      return run;
    },
    recordDeprecatedUsage: async (_root, { usage, idempotencyKey }, { write }) =>
      Number(await write(idempotencyKey, 'recordDeprecatedUsage', { usage }, (tx) => commands.recordDeprecatedUsage(tx, usage))),
    recordGatewayAudit: async (_root, { entries, idempotencyKey }, { write }) =>
      Number(await write(idempotencyKey, 'recordGatewayAudit', { entries }, (tx) => commands.recordGatewayAudit(tx, entries, idempotencyKey))),
  },

  Subscription: {
    businessEvents: {
      subscribe: (_root, { types: requested, customerId, after }, { stream }) => {
        const types = eventTypes(requested);
        return liveEvents(stream, {
          after,
          // What the event log records: audit records travel the stream too, but auditTrail serves them.
          filter: (event) => (types == null || types.includes(event.type)) && (customerId == null || event.customerId === customerId) && loggedEvent(event) !== null,
        });
      },
      // The filter let only events that parse through.
      resolve: ({ event }: Delivery) => parseEvent(event),
    },
  },

  BusinessEvent: {
    source: (event) => system(event.source),
    occurredAt: (event) => event.time,
    previous: (event) => event.previous ?? null,
    customer: (event) => (event.customerId ? { id: event.customerId } : null),
  },

  WorkflowRun: {
    __resolveReference: (reference, { loaders }) => loaders.run.load(reference.id),
    steps: (run, _args, { loaders }) => loaders.steps.load(run.id),
    exceptions: (run, _args, { loaders }) => loaders.exceptionsByCorrelation.load(run.correlation_id),
  },

  OpsException: {
    __resolveReference: (reference, { loaders }) => loaders.exception.load(reference.id),
    ageSeconds: (exception) => secondsBetween(exception.opened_at, exception.resolved_at),
    difference: (exception) => exception.difference,
  },

  Reconciliation: {
    lastRuns: (parent, _args, { db }) => reconciliationRuns(db, parent.runs),
    openByKind: (_parent, _args, { db }) => openDifferencesByKind(db, DIFFERENCE_KINDS),
    trend: async (parent, _args, { db }) => {
      const runs = await reconciliationRuns(db, parent.runs);
      return runs
        .filter((run) => run.status === 'COMPLETED' && run.finished_at)
        .reverse()
        .map((run) => ({ at: run.finished_at!, differences: run.differences }));
    },
    openDifferences: (_parent, { kind, first }, { db }) => openDifferences(db, DIFFERENCE_KINDS, kind ?? null, pageSize(first, MAX_PAGE, 50)),
  },

  ReconciliationRun: {
    differencesByKind: (run) => run.by_kind,
  },

  ReconciliationDifference: {
    customer: (difference) => (difference.customerId ? { id: difference.customerId } : null),
  },

  DeadLetter: {
    __resolveReference: (reference, { loaders }) => loaders.deadLetter.load(reference.id),
  },

  Contract: {
    quoteToCash: (contract, _args, { loaders }) => loaders.quoteToCashByContract.load(contract.id),
  },

  Customer: {
    events: (customer, args, { loaders }) => loaders.customerEvents(pageSize(args.first, MAX_PAGE, 20), eventTypes(args.types)).load(customer.id),
    openExceptions: (customer, _args, { loaders }) => loaders.openExceptionsByCustomer.load(customer.id),
  },
};
