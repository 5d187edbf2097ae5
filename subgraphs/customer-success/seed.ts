import type { Db } from '../../platform/db/db.ts';
import { loadTables } from '../../platform/db/bulk.ts';
import type { HealthHistoryRow, MilestoneRow, OnboardingRow, RenewalRow } from './rows.ts';

/** Customer success's demo data for one batch of customers, row for row as its tables hold it. */
export interface CsSeedBatch {
  accounts: CsAccountSeed[];
  factors: HealthFactorSeed[];
  history: HealthHistorySeed[];
  onboardings: OnboardingSeed[];
  milestones: MilestoneSeed[];
  renewals: RenewalSeed[];
}

export interface CsAccountSeed {
  customer_id: string;
  csm: string;
  currency: string;
}

export interface HealthFactorSeed {
  customer_id: string;
  factor: 'usage' | 'support' | 'engagement';
  score: number;
  updated_at: string;
}

export type HealthHistorySeed = HealthHistoryRow;

export type OnboardingSeed = OnboardingRow;

export type MilestoneSeed = MilestoneRow;

export type RenewalSeed = RenewalRow;

/** Writes one batch in one transaction; parents before children for the foreign keys. */
export function writeCsSeed(db: Db, batch: CsSeedBatch): Promise<void> {
  return loadTables(db, [
    ['cs_accounts', batch.accounts],
    ['health_factors', batch.factors],
    ['health_history', batch.history],
    ['onboardings', batch.onboardings],
    ['milestones', batch.milestones],
    ['renewals', batch.renewals],
  ]);
}
