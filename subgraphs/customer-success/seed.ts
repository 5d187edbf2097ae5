import type { Db } from '../../platform/db.ts';
import { insertRows, loadTransaction } from '../../seed/bulk.ts';

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

export interface HealthHistorySeed {
  customer_id: string;
  recorded_at: string;
  score: number;
}

export interface OnboardingSeed {
  customer_id: string;
  contract_id: string;
  status: 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETED';
  started_at: string | null;
  completed_at: string | null;
}

export interface MilestoneSeed {
  customer_id: string;
  position: number;
  name: string;
  status: 'PENDING' | 'DONE' | 'SKIPPED';
  due_date: string;
  completed_at: string | null;
}

export interface RenewalSeed {
  id: string;
  customer_id: string;
  contract_id: string;
  renewal_date: string;
  stage: 'UPCOMING' | 'IN_PROGRESS' | 'RENEWED' | 'CHURNED';
  risk: 'LOW' | 'MEDIUM' | 'HIGH';
  risk_reasons: string[];
  forecast_arr: string;
  currency: string;
  updated_at: string;
}

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
