/** The writes customer success owns. Each runs inside the caller's transaction and returns the entity's id. */
import type { Queryable } from '../../platform/db/db.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import type { DataOf, Emit } from '../../platform/events/index.ts';
import * as check from '../../platform/validate.ts';
import type { HealthSignalInput, RenewalRisk } from './generated/resolvers.ts';
import { healthScore } from './health.ts';
import type { HealthFactorRow, MilestoneRow, OnboardingRow, RenewalRow, StoredFactor } from './rows.ts';

export const STORED_FACTORS: readonly StoredFactor[] = ['usage', 'support', 'engagement'];

/** Reasons kept on a renewal; older ones are dropped so the list stays readable. */
export const MAX_RISK_REASONS = 10;

/**
 * The payment factor before billing ever reported on the customer (no payment.received yet):
 * nothing is known to be overdue, so it scores as a clean payment record.
 */
export const UNKNOWN_PAYMENT_SCORE = 100;

/** A renewal as events carry it (docs/events.md). */
export function renewalData(row: RenewalRow): DataOf<'renewal.created'> {
  return {
    id: row.id,
    customerId: row.customer_id,
    contractId: row.contract_id,
    renewalDate: row.renewal_date,
    stage: row.stage,
    risk: row.risk,
    forecastArr: row.forecast_arr,
    currency: row.currency,
  };
}

/** The payment factor as billing last reported it (payment_scores), for a score computed without a live overdue amount. */
export async function storedPaymentScore(tx: Queryable, customerId: string): Promise<number> {
  const [row] = await tx.query<{ score: number }>('SELECT score FROM payment_scores WHERE customer_id = $1', [customerId]);
  return row?.score ?? UNKNOWN_PAYMENT_SCORE;
}

/** Records the customer's health score now, for the trend, and returns it. */
export async function snapshotHealth(tx: Queryable, customerId: string, payment: number): Promise<number> {
  const stored = await tx.query<HealthFactorRow>('SELECT * FROM health_factors WHERE customer_id = $1', [customerId]);
  const score = healthScore({ stored, payment, baseline: null }).score;
  await tx.query(
    `INSERT INTO health_history (customer_id, recorded_at, score) VALUES ($1, now(), $2)
     ON CONFLICT (customer_id, recorded_at) DO UPDATE SET score = EXCLUDED.score`,
    [customerId, score],
  );
  return score;
}

/** Says a health factor moved: `score` is the overall health score after it, `factorScore` the factor's own. */
export function healthChanged(emit: Emit, customerId: string, factor: string, factorScore: number, score: number) {
  return emit({ type: 'health.changed', subject: `Customer:${customerId}`, customerId, data: { customerId, factor, score, factorScore } });
}

export async function recordHealthSignal(tx: Queryable, emit: Emit, input: HealthSignalInput): Promise<string> {
  const factor = check.oneOf('input.factor', input.factor, STORED_FACTORS);
  const score = check.integer('input.score', input.score, 0, 100);
  // Locking the account serializes signals of one customer, so each snapshot sees the factors it follows.
  const [account] = await tx.query<{ customer_id: string }>('SELECT customer_id FROM cs_accounts WHERE customer_id = $1 FOR UPDATE', [input.customerId]);
  if (!account) throw notFound('Customer', input.customerId);
  await tx.query(
    `INSERT INTO health_factors (customer_id, factor, score, updated_at) VALUES ($1, $2, $3, now())
     ON CONFLICT (customer_id, factor) DO UPDATE SET score = EXCLUDED.score, updated_at = EXCLUDED.updated_at`,
    [account.customer_id, factor, score],
  );
  const snapshot = await snapshotHealth(tx, account.customer_id, await storedPaymentScore(tx, account.customer_id));
  await healthChanged(emit, account.customer_id, factor, score, snapshot);
  return account.customer_id;
}

/** Returns the customer's id, which identifies the onboarding (one per customer). */
export async function completeMilestone(tx: Queryable, emit: Emit, customerId: string, name: string): Promise<string> {
  const milestoneName = check.text('name', name);
  const [onboarding] = await tx.query<OnboardingRow>('SELECT * FROM onboardings WHERE customer_id = $1 FOR UPDATE', [customerId]);
  if (!onboarding) throw notFound('Onboarding', customerId);
  const [milestone] = await tx.query<MilestoneRow>('SELECT * FROM milestones WHERE customer_id = $1 AND name = $2 FOR UPDATE', [customerId, milestoneName]);
  if (!milestone) throw notFound('Milestone', milestoneName);
  if (milestone.status !== 'PENDING') {
    throw conflict(`milestone "${milestoneName}" is already ${milestone.status}`, { status: milestone.status });
  }
  await tx.query(`UPDATE milestones SET status = 'DONE', completed_at = now() WHERE customer_id = $1 AND name = $2`, [customerId, milestoneName]);
  const [{ pending }] = await tx.query<{ pending: number }>(
    `SELECT count(*) AS pending FROM milestones WHERE customer_id = $1 AND status = 'PENDING'`,
    [customerId],
  );
  const onboardingStatus = pending === 0 ? 'COMPLETED' : 'IN_PROGRESS';
  await tx.query(
    `UPDATE onboardings SET status = $2, started_at = coalesce(started_at, now()),
            completed_at = CASE WHEN $2 = 'COMPLETED' THEN now() END
     WHERE customer_id = $1`,
    [customerId, onboardingStatus],
  );
  await emit({
    type: 'milestone.completed',
    subject: `Onboarding:${customerId}`,
    customerId,
    data: { customerId, contractId: onboarding.contract_id, name: milestoneName, status: 'DONE', onboardingStatus },
  });
  return customerId;
}

/**
 * Sets a renewal's risk (and stage, when given) and appends why; emits `renewal.risk_changed`
 * only when the risk moved. The renewal must be locked by the caller.
 */
export async function applyRisk(
  tx: Queryable,
  emit: Emit,
  renewal: RenewalRow,
  risk: RenewalRow['risk'],
  reason: string,
  stage: RenewalRow['stage'] = renewal.stage,
): Promise<void> {
  const reasons = [...renewal.risk_reasons, reason].slice(-MAX_RISK_REASONS);
  await tx.query('UPDATE renewals SET risk = $2, risk_reasons = $3::jsonb, stage = $4, updated_at = now() WHERE id = $1', [
    renewal.id,
    risk,
    JSON.stringify(reasons),
    stage,
  ]);
  if (risk === renewal.risk) return;
  await emit({
    type: 'renewal.risk_changed',
    subject: `Renewal:${renewal.id}`,
    customerId: renewal.customer_id,
    data: { id: renewal.id, customerId: renewal.customer_id, contractId: renewal.contract_id, risk, riskReasons: reasons },
    previous: { risk: renewal.risk },
  });
}

export async function setRenewalRisk(tx: Queryable, emit: Emit, id: string, risk: RenewalRisk, reason: string): Promise<string> {
  const why = check.text('reason', reason, 1000);
  const [renewal] = await tx.query<RenewalRow>('SELECT * FROM renewals WHERE id = $1 FOR UPDATE', [id]);
  if (!renewal) throw notFound('Renewal', id);
  await applyRisk(tx, emit, renewal, risk, why);
  return id;
}
