import { addDays, today } from '../../platform/dates.ts';
import { liveEvents, parseEvent, type Delivery } from '../../platform/events/index.ts';
import { loadExisting } from '../../platform/loaders.ts';
import { money } from '../../platform/money.ts';
import * as check from '../../platform/validate.ts';
import * as commands from './commands.ts';
import type { CustomerSuccessContext } from './context.ts';
import type { Resolvers } from './generated/resolvers.ts';
import { healthScore, paymentScore } from './health.ts';
import type { CustomerSuccessLoaders } from './store.ts';
import { renewalsDue } from './store.ts';
import type { OnboardingRow, RenewalRow } from './rows.ts';

function renewalOf(id: string, loaders: CustomerSuccessLoaders): Promise<RenewalRow> {
  return loadExisting(loaders.renewal, 'Renewal', id);
}

function onboardingOf(customerId: string, loaders: CustomerSuccessLoaders): Promise<OnboardingRow> {
  return loadExisting(loaders.onboarding, 'Onboarding', customerId);
}

export const resolvers: Resolvers = {
  Query: {
    renewal: (_root, { id }, { loaders }) => loaders.renewal.load(id),
    renewalsDue: (_root, { withinDays, risk }, { db }) => {
      const days = check.integer('withinDays', withinDays ?? 90, 0, 3650);
      const from = today();
      return renewalsDue(db, from, addDays(from, days), risk ?? null);
    },
  },

  Mutation: {
    recordHealthSignal: async (_root, { input, idempotencyKey }, { write }) => ({
      id: await write(idempotencyKey, 'recordHealthSignal', input, (tx, emit) => commands.recordHealthSignal(tx, emit, input)),
    }),
    completeMilestone: async (_root, { customerId, name, idempotencyKey }, { write, loaders }) =>
      onboardingOf(
        await write(idempotencyKey, 'completeMilestone', { customerId, name }, (tx, emit) => commands.completeMilestone(tx, emit, customerId, name)),
        loaders,
      ),
    setRenewalRisk: async (_root, { id, risk, reason, idempotencyKey }, { write, loaders }) =>
      renewalOf(
        await write(idempotencyKey, 'setRenewalRisk', { id, risk, reason }, (tx, emit) => commands.setRenewalRisk(tx, emit, id, risk, reason)),
        loaders,
      ),
  },

  Subscription: {
    renewalRiskChanged: {
      subscribe: (_root, { customerId, after }, { stream }) =>
        liveEvents(stream, {
          after,
          filter: (event) =>
            event.source === 'customer-success' && event.type === 'renewal.risk_changed' && (customerId == null || event.customerId === customerId),
        }),
      // A context of its own per event: the renewal is read as it is when the event is delivered.
      resolve: async (delivery: Delivery, _args: unknown, { loaders }: CustomerSuccessContext) => {
        const event = parseEvent(delivery.event);
        if (event.type !== 'renewal.risk_changed') throw new Error(`event ${event.id} (${event.type}) changes no renewal risk`);
        const renewal = await renewalOf(event.data.id, loaders);
        return {
          eventId: event.id,
          occurredAt: event.time,
          correlationId: event.correlationId,
          renewal,
          previousRisk: event.previous?.risk ?? null,
          risk: event.data.risk,
          customer: { id: renewal.customer_id },
        };
      },
    },
  },

  Customer: {
    // crm owns the customer, so any id is one; the gateway's representation carries billing's
    // overdueAmount (the @requires of health), which must survive to the health resolver.
    __resolveReference: (reference) => ({
      id: reference.id,
      overdueAmount: ('overdueAmount' in reference ? reference.overdueAmount : undefined) ?? undefined,
    }),
    csm: async (customer, _args, { loaders }) => (await loaders.account.load(customer.id))?.csm ?? null,
    health: async (customer, _args, { loaders }) => {
      // Billing's live overdue amount when the gateway brought it; else what billing last reported with a payment.
      const [stored, baseline, reported] = await Promise.all([
        loaders.factors.load(customer.id),
        loaders.trendBaseline.load(customer.id),
        customer.overdueAmount ? null : loaders.paymentScore.load(customer.id),
      ]);
      return healthScore({
        stored,
        payment: customer.overdueAmount ? paymentScore(customer.overdueAmount.amount) : (reported?.score ?? commands.UNKNOWN_PAYMENT_SCORE),
        baseline: baseline?.score ?? null,
      });
    },
    renewals: (customer, _args, { loaders }) => loaders.renewalsByCustomer.load(customer.id),
    onboarding: (customer, _args, { loaders }) => loaders.onboarding.load(customer.id),
  },

  Contract: {
    __resolveReference: (reference) => ({ id: reference.id }),
    renewal: (contract, _args, { loaders }) => loaders.renewalByContract.load(contract.id),
  },

  Renewal: {
    __resolveReference: (reference, { loaders }) => loaders.renewal.load(reference.id),
    customer: (renewal) => ({ id: renewal.customer_id }),
    contract: (renewal) => ({ id: renewal.contract_id }),
    forecastArr: (renewal) => money(renewal.forecast_arr, renewal.currency),
  },

  Onboarding: {
    milestones: (onboarding, _args, { loaders }) => loaders.milestones.load(onboarding.customer_id),
  },
};
