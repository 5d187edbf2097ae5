import type { Queryable } from '../../platform/db/db.ts';
import { byId, listLoader, rowLoader } from '../../platform/loaders.ts';
import type { CsAccountRow, HealthFactorRow, HealthHistoryRow, MilestoneRow, OnboardingRow, PaymentScoreRow, RenewalRow } from './rows.ts';

/** How old a health snapshot must be to serve as the baseline of a score's trend. */
export const TREND_WINDOW_DAYS = 7;

/** One set per request, so every entity reference and per-parent list is one batched query. */
export function createLoaders(db: Queryable) {
  return {
    account: rowLoader<CsAccountRow>(db, 'SELECT * FROM cs_accounts WHERE customer_id = ANY($1)', 'customer_id'),
    paymentScore: rowLoader<PaymentScoreRow>(db, 'SELECT * FROM payment_scores WHERE customer_id = ANY($1)', 'customer_id'),
    factors: listLoader<HealthFactorRow>(db, 'SELECT * FROM health_factors WHERE customer_id = ANY($1) ORDER BY factor', 'customer_id'),
    trendBaseline: rowLoader<HealthHistoryRow>(
      db,
      `SELECT DISTINCT ON (customer_id) customer_id, recorded_at, score FROM health_history
       WHERE customer_id = ANY($1) AND recorded_at <= now() - interval '${TREND_WINDOW_DAYS} days'
       ORDER BY customer_id, recorded_at DESC`,
      'customer_id',
    ),
    onboarding: rowLoader<OnboardingRow>(db, 'SELECT * FROM onboardings WHERE customer_id = ANY($1)', 'customer_id'),
    milestones: listLoader<MilestoneRow>(db, 'SELECT * FROM milestones WHERE customer_id = ANY($1) ORDER BY position, name', 'customer_id'),
    renewal: byId<RenewalRow>(db, 'renewals'),
    renewalByContract: rowLoader<RenewalRow>(db, 'SELECT * FROM renewals WHERE contract_id = ANY($1)', 'contract_id'),
    renewalsByCustomer: listLoader<RenewalRow>(
      db,
      'SELECT * FROM renewals WHERE customer_id = ANY($1) ORDER BY renewal_date, id',
      'customer_id',
    ),
  };
}

export type CustomerSuccessLoaders = ReturnType<typeof createLoaders>;

/** Open renewals (UPCOMING or IN_PROGRESS) with a renewal date in [from, to], soonest first. */
export function renewalsDue(db: Queryable, from: string, to: string, risk: RenewalRow['risk'] | null): Promise<RenewalRow[]> {
  const params: unknown[] = [from, to];
  const riskSql = risk ? `AND risk = $${params.push(risk)}` : '';
  return db.query<RenewalRow>(
    `SELECT * FROM renewals
     WHERE stage IN ('UPCOMING', 'IN_PROGRESS') AND renewal_date BETWEEN $1 AND $2 ${riskSql}
     ORDER BY renewal_date, id`,
    params,
  );
}
