import type { Db } from '../../platform/db/db.ts';
import { setSequence, type SeedTables } from '../../platform/db/bulk.ts';
import type { ContactRow, ContractAmendmentRow, ContractRow, OpportunityRow } from './rows.ts';

/** CRM's demo data for one batch of customers, row for row as its tables hold it. */
export interface CrmSeedBatch {
  customers: CrmCustomerSeed[];
  contacts: CrmContactSeed[];
  opportunities: CrmOpportunitySeed[];
  contracts: CrmContractSeed[];
  amendments: CrmAmendmentSeed[];
}

export interface CrmCustomerSeed {
  id: string;
  name: string;
  domain: string;
  segment: 'SMB' | 'MID_MARKET' | 'ENTERPRISE';
  region: string;
  currency: string;
  parent_id: string | null;
  account_owner: string;
  created_at: string;
  updated_at: string;
}

export type CrmContactSeed = ContactRow;

export type CrmOpportunitySeed = OpportunityRow & { created_at: string; updated_at: string };

/** A seeded contract: signed from an opportunity, never a draft. */
export type CrmContractSeed = ContractRow & {
  opportunity_id: string;
  status: 'ACTIVE' | 'EXPIRED' | 'TERMINATED';
  terminated_at: string | null;
  created_at: string;
  updated_at: string;
};

/** A seeded amendment: its currency is its contract's, not a column of its own. */
export type CrmAmendmentSeed = Omit<ContractAmendmentRow, 'currency'>;

/** The table each list of a batch fills, in load order: parents before children for the foreign keys. */
export const CRM_SEED_TABLES: SeedTables<CrmSeedBatch> = {
  customers: 'customers',
  contacts: 'contacts',
  opportunities: 'opportunities',
  contracts: 'contracts',
  amendments: 'contract_amendments',
};

/** After the last batch: contract numbers continue after the seeded CT-nnnnnn. */
export async function finishCrmSeed(db: Db, lastContractNumber: number): Promise<void> {
  await setSequence(db, 'contract_number_seq', lastContractNumber);
}
