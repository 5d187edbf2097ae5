import type { Queryable } from '../../platform/db.ts';
import { conflict, notFound } from '../../platform/errors.ts';
import * as check from '../../platform/validate.ts';
import type { HealthSignalInput, RenewalRisk } from './generated/resolvers.ts';
import { healthScore } from './health.ts';
import type { HealthFactorRow, MilestoneRow, OnboardingRow, RenewalRow, StoredFactor } from './rows.ts';

/** The writes customer success owns. Each runs inside the caller's transaction and returns the entity's id. */

export const STORED_FACTORS: readonly StoredFactor[] = ['usage', 'support', 'engagement'];

/** Reasons kept on a renewal; older ones are dropped so the list stays readable. */
export const MAX_RISK_REASONS = 10;

/**
 * The payment factor of a snapshot. Payment is billing's live data: this database never stores
 * it (health_factors admits only usage, support and engagement) and a mutation has no overdue
 * amount to read, so there is no last known value; a snapshot assumes a clean payment record,
 * the score a customer with nothing overdue gets.
 */
const SNAPSHOT_PAYMENT_SCORE = 100;

export async function recordHealthSignal(tx: Queryable, input: HealthSignalInput): Promise<string> {
  const factor = check.oneOf('input.factor', input.factor.trim().toLowerCase(), STORED_FACTORS);
  const score = check.integer('input.score', input.score, 0, 100);
  // Locking the account serializes signals of one customer, so each snapshot sees the factors it follows.
  const [account] = await tx.query<{ customer_id: string }>('SELECT customer_id FROM cs_accounts WHERE customer_id = $1 FOR UPDATE', [input.customerId]);
  if (!account) throw notFound('Customer', input.customerId);
  await tx.query(
    `INSERT INTO health_factors (customer_id, factor, score, updated_at) VALUES ($1, $2, $3, now())
     ON CONFLICT (customer_id, factor) DO UPDATE SET score = EXCLUDED.score, updated_at = EXCLUDED.updated_at`,
    [account.customer_id, factor, score],
  );
  const stored = await tx.query<HealthFactorRow>('SELECT * FROM health_factors WHERE customer_id = $1', [account.customer_id]);
  const snapshot = healthScore({ stored, payment: SNAPSHOT_PAYMENT_SCORE, baseline: null }).score;
  await tx.query(
    `INSERT INTO health_history (customer_id, recorded_at, score) VALUES ($1, now(), $2)
     ON CONFLICT (customer_id, recorded_at) DO UPDATE SET score = EXCLUDED.score`,
    [account.customer_id, snapshot],
  );
  return account.customer_id;
}

/** Returns the customer's id, which identifies the onboarding (one per customer). */
export async function completeMilestone(tx: Queryable, customerId: string, name: string): Promise<string> {
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
  await tx.query(
    `UPDATE onboardings SET status = $2, started_at = coalesce(started_at, now()),
            completed_at = CASE WHEN $2 = 'COMPLETED' THEN now() END
     WHERE customer_id = $1`,
    [customerId, pending === 0 ? 'COMPLETED' : 'IN_PROGRESS'],
  );
  return customerId;
}

export async function setRenewalRisk(tx: Queryable, id: string, risk: RenewalRisk, reason: string): Promise<string> {
  const why = check.text('reason', reason, 1000);
  const [renewal] = await tx.query<RenewalRow>('SELECT * FROM renewals WHERE id = $1 FOR UPDATE', [id]);
  if (!renewal) throw notFound('Renewal', id);
  const reasons = [...renewal.risk_reasons, why].slice(-MAX_RISK_REASONS);
  await tx.query('UPDATE renewals SET risk = $2, risk_reasons = $3::jsonb, updated_at = now() WHERE id = $1', [id, risk, JSON.stringify(reasons)]);
  return id;
}
