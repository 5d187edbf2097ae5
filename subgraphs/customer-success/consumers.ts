/** What customer success does with other systems' events (docs/events.md). */
import type { Queryable } from '../../platform/db/db.ts';
import { addDays, daysBetween, today } from '../../platform/dates.ts';
import {
  defineConsumer,
  UnreachableCaseError,
  type ConsumerDefinition,
  type ContractActivated,
  type ContractAmended,
  type ContractTerminated,
  type DataOf,
  type CustomerCreated,
  type CustomerUpdated,
  type Emit,
  type PaymentReceived,
} from '../../platform/events/index.ts';
import { newId } from '../../platform/ids.ts';
import { Decimal, toAmount } from '../../platform/money.ts';
import { applyRisk, healthChanged, renewalData, snapshotHealth } from './commands.ts';
import { paymentRisk, paymentScore } from './health.ts';
import type { RenewalRow } from './rows.ts';

/** The onboarding plan every new contract gets: each step and how many days after the start it is due. */
export const ONBOARDING_PLAN: readonly { name: string; afterDays: number }[] = [
  { name: 'Kickoff', afterDays: 7 },
  { name: 'Technical setup', afterDays: 14 },
  { name: 'Data migration', afterDays: 30 },
  { name: 'Training', afterDays: 45 },
  { name: 'Go-live', afterDays: 60 },
];

/** A new onboarding plan as `onboarding.started` carries it: every step with its due date. */
export function onboardingStartedData(customerId: string, contractId: string, startDate: string): DataOf<'onboarding.started'> {
  const milestones = ONBOARDING_PLAN.map((step) => ({ name: step.name, dueDate: addDays(startDate, step.afterDays) }));
  return { customerId, contractId, status: 'IN_PROGRESS', milestones };
}

/** A renewal this close is being worked from the day it is opened. */
const RENEWAL_WORK_DAYS = 90;

/** Annual recurring revenue of a contract: its unit price is the price of one seat for one month. */
function forecastArr(contract: { unitPrice: string; seats: number }): string {
  return toAmount(new Decimal(contract.unitPrice).mul(contract.seats).mul(12));
}

async function upsertAccount(tx: Queryable, event: CustomerCreated | CustomerUpdated): Promise<void> {
  // The CSM is assigned here, not in CRM, so an update from CRM keeps it.
  await tx.query(
    `INSERT INTO cs_accounts (customer_id, csm, currency) VALUES ($1, NULL, $2)
     ON CONFLICT (customer_id) DO UPDATE SET currency = EXCLUDED.currency`,
    [event.data.id, event.data.currency],
  );
}

/** The account must exist for the plan and renewal; customer.created is another consumer's, so it may not be applied yet. */
async function requireAccount(tx: Queryable, customerId: string): Promise<void> {
  const [account] = await tx.query('SELECT customer_id FROM cs_accounts WHERE customer_id = $1 FOR UPDATE', [customerId]);
  if (!account) throw new Error(`customer ${customerId} has no customer-success account yet; its customer.created is not applied`);
}

/**
 * A new contract opens the customer's onboarding plan (one per customer: a plan from an older
 * contract starts over for this one) and the contract's renewal, due the day after it ends.
 */
async function contractActivated(tx: Queryable, event: ContractActivated, emit: Emit): Promise<void> {
  const { id: contractId, customerId, startDate } = event.data;
  await requireAccount(tx, customerId);
  const [current] = await tx.query<{ contract_id: string }>('SELECT contract_id FROM onboardings WHERE customer_id = $1 FOR UPDATE', [customerId]);
  // The plan of this very contract exists when the event is applied again (a replay): progress is kept.
  if (current?.contract_id !== contractId) {
    await tx.query(
      `INSERT INTO onboardings (customer_id, contract_id, status, started_at, completed_at) VALUES ($1, $2, 'IN_PROGRESS', now(), NULL)
       ON CONFLICT (customer_id) DO UPDATE SET contract_id = EXCLUDED.contract_id, status = EXCLUDED.status,
         started_at = EXCLUDED.started_at, completed_at = NULL`,
      [customerId, contractId],
    );
    await tx.query('DELETE FROM milestones WHERE customer_id = $1', [customerId]);
    const data = onboardingStartedData(customerId, contractId, startDate);
    const params: unknown[] = [customerId];
    const values = data.milestones.map(
      (milestone, index) => `($1, $${params.push(index + 1)}, $${params.push(milestone.name)}, 'PENDING', $${params.push(milestone.dueDate)})`,
    );
    await tx.query(`INSERT INTO milestones (customer_id, position, name, status, due_date) VALUES ${values.join(', ')}`, params);
    await emit({ type: 'onboarding.started', subject: `Onboarding:${customerId}`, customerId, data });
  }
  const renewalDate = addDays(event.data.endDate, 1);
  const stage = daysBetween(today(), renewalDate) <= RENEWAL_WORK_DAYS ? 'IN_PROGRESS' : 'UPCOMING';
  const [renewal] = await tx.query<RenewalRow>(
    `INSERT INTO renewals (id, customer_id, contract_id, renewal_date, stage, risk, risk_reasons, forecast_arr, currency)
     VALUES ($1, $2, $3, $4, $5, 'LOW', '[]', $6, $7)
     ON CONFLICT (contract_id) DO NOTHING RETURNING *`,
    [newId('ren'), customerId, contractId, renewalDate, stage, forecastArr(event.data), event.data.currency],
  );
  if (renewal) await emit({ type: 'renewal.created', subject: `Renewal:${renewal.id}`, customerId, data: renewalData(renewal) });
}

/** The renewal of a contract, locked; the contract's activation may not be applied yet. */
async function lockRenewal(tx: Queryable, contractId: string): Promise<RenewalRow> {
  const [renewal] = await tx.query<RenewalRow>('SELECT * FROM renewals WHERE contract_id = $1 FOR UPDATE', [contractId]);
  if (!renewal) throw new Error(`contract ${contractId} has no renewal yet; its contract.activated is not applied`);
  return renewal;
}

async function contractChanged(tx: Queryable, event: ContractAmended | ContractTerminated, emit: Emit): Promise<void> {
  const renewal = await lockRenewal(tx, event.data.id);
  switch (event.type) {
    case 'contract.amended':
      await tx.query('UPDATE renewals SET forecast_arr = $2, updated_at = now() WHERE id = $1', [renewal.id, forecastArr(event.data)]);
      return;
    case 'contract.terminated': {
      if (renewal.stage === 'CHURNED') return;
      const reason = event.data.reason || 'no reason given';
      await applyRisk(tx, emit, renewal, 'HIGH', `contract terminated: ${reason}`, 'CHURNED');
      return;
    }
    default:
      throw new UnreachableCaseError(event);
  }
}

/**
 * A payment moves the payment factor (billing's overdue amount after it): stored, snapshotted into
 * the health trend, and the risk of the customer's open renewals follows overdue and health.
 */
async function paymentReceived(tx: Queryable, event: PaymentReceived, emit: Emit): Promise<void> {
  const { customerId, customer, currency } = event.data;
  // Another producer's payment carries no standing: nothing to score.
  if (!customer) return;
  const overdue = { amount: customer.overdueAmount, currency };
  const score = paymentScore(overdue.amount);
  await requireAccount(tx, customerId);
  const [before] = await tx.query<{ score: number }>('SELECT score FROM payment_scores WHERE customer_id = $1', [customerId]);
  // Ordered by when billing reported it: a report applied late (after retries) is already stale.
  const applied = await tx.query(
    `INSERT INTO payment_scores (customer_id, score, overdue_amount, currency, updated_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (customer_id) DO UPDATE SET score = EXCLUDED.score, overdue_amount = EXCLUDED.overdue_amount,
       currency = EXCLUDED.currency, updated_at = EXCLUDED.updated_at
     WHERE payment_scores.updated_at <= EXCLUDED.updated_at
     RETURNING customer_id`,
    [customerId, score, overdue.amount, overdue.currency, event.time],
  );
  if (applied.length === 0) return;
  const health = await snapshotHealth(tx, customerId, score);
  if (before?.score !== score) await healthChanged(emit, customerId, 'payment', score, health);
  const risk = paymentRisk(overdue.amount, health);
  const owed = new Decimal(overdue.amount);
  const reason = [owed.greaterThan(0) ? `overdue ${toAmount(owed)} ${overdue.currency}` : 'payments current', ...(health < 55 ? [`health score ${health}`] : [])].join(', ');
  const open = await tx.query<RenewalRow>(
    `SELECT * FROM renewals WHERE customer_id = $1 AND stage IN ('UPCOMING', 'IN_PROGRESS') ORDER BY renewal_date, id FOR UPDATE`,
    [customerId],
  );
  for (const renewal of open) if (renewal.risk !== risk) await applyRisk(tx, emit, renewal, risk, reason);
}

export const consumers: ConsumerDefinition[] = [
  defineConsumer({ name: 'customer-success.accounts', types: ['customer.created', 'customer.updated'], handle: upsertAccount }),
  defineConsumer({ name: 'customer-success.onboarding', types: ['contract.activated'], handle: contractActivated }),
  defineConsumer({ name: 'customer-success.contracts', types: ['contract.amended', 'contract.terminated'], handle: contractChanged }),
  defineConsumer({ name: 'customer-success.payments', types: ['payment.received'], handle: paymentReceived }),
];
