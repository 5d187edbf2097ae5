import type { SeedTables } from '../../platform/db/bulk.ts';
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

/** The table each list of a batch fills, in load order: parents before children for the foreign keys. */
export const CS_SEED_TABLES: SeedTables<CsSeedBatch> = {
  accounts: 'cs_accounts',
  factors: 'health_factors',
  history: 'health_history',
  onboardings: 'onboardings',
  milestones: 'milestones',
  renewals: 'renewals',
};
