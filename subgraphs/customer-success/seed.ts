import type { Db } from '../../platform/db/db.ts';
import { insertRows, loadTransaction } from '../../platform/db/bulk.ts';
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
export async function writeCsSeed(db: Db, batch: CsSeedBatch): Promise<void> {
  await loadTransaction(db, async (tx) => {
    await insertRows(tx, 'cs_accounts', batch.accounts);
    await insertRows(tx, 'health_factors', batch.factors);
    await insertRows(tx, 'health_history', batch.history);
    await insertRows(tx, 'onboardings', batch.onboardings);
    await insertRows(tx, 'milestones', batch.milestones);
    await insertRows(tx, 'renewals', batch.renewals);
  });
}
