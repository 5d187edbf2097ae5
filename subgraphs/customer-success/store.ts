import type { Queryable } from '../../platform/db/db.ts';
import { byId, listBy, rowBy, rowLoader } from '../../platform/loaders.ts';
import type { CsAccountRow, HealthFactorRow, HealthHistoryRow, MilestoneRow, OnboardingRow, PaymentScoreRow, RenewalRow } from './rows.ts';

/** How old a health snapshot must be to serve as the baseline of a score's trend. */
export const TREND_WINDOW_DAYS = 7;

/** One set per request, so every entity reference and per-parent list is one batched query. */
export function createLoaders(db: Queryable) {
  return {
    account: rowBy<CsAccountRow>(db, 'cs_accounts', 'customer_id'),
    paymentScore: rowBy<PaymentScoreRow>(db, 'payment_scores', 'customer_id'),
    factors: listBy<HealthFactorRow>(db, 'health_factors', 'customer_id', 'factor'),
    trendBaseline: rowLoader<HealthHistoryRow>(
      db,
      `SELECT DISTINCT ON (customer_id) customer_id, recorded_at, score FROM health_history
       WHERE customer_id = ANY($1) AND recorded_at <= now() - interval '${TREND_WINDOW_DAYS} days'
       ORDER BY customer_id, recorded_at DESC`,
      'customer_id',
    ),
    onboarding: rowBy<OnboardingRow>(db, 'onboardings', 'customer_id'),
    milestones: listBy<MilestoneRow>(db, 'milestones', 'customer_id', 'position, name'),
    renewal: byId<RenewalRow>(db, 'renewals'),
    renewalByContract: rowBy<RenewalRow>(db, 'renewals', 'contract_id'),
    renewalsByCustomer: listBy<RenewalRow>(db, 'renewals', 'customer_id', 'renewal_date, id'),
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
