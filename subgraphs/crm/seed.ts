import type { Db } from '../../platform/db/db.ts';
import { insertRows, loadTransaction, setSequence } from '../../platform/db/bulk.ts';
import type { ContactRow, OpportunityRow } from './rows.ts';

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

export interface CrmContractSeed {
  id: string;
  number: string;
  customer_id: string;
  opportunity_id: string;
  status: 'ACTIVE' | 'EXPIRED' | 'TERMINATED';
  plan_code: string;
  seats: number;
  start_date: string;
  end_date: string;
  term_months: number;
  billing_interval: 'MONTHLY' | 'ANNUAL';
  unit_price: string;
  value: string;
  currency: string;
  termination_reason: string | null;
  terminated_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface CrmAmendmentSeed {
  id: string;
  contract_id: string;
  effective_date: string;
  seats_delta: number;
  value_delta: string;
  reason: string;
  created_at: string;
}

/** Writes one batch in one transaction; parents before children for the foreign keys. */
export async function writeCrmSeed(db: Db, batch: CrmSeedBatch): Promise<void> {
  await loadTransaction(db, async (tx) => {
    await insertRows(tx, 'customers', batch.customers);
    await insertRows(tx, 'contacts', batch.contacts);
    await insertRows(tx, 'opportunities', batch.opportunities);
    await insertRows(tx, 'contracts', batch.contracts);
    await insertRows(tx, 'contract_amendments', batch.amendments);
  });
}

/** After the last batch: contract numbers continue after the seeded CT-nnnnnn. */
export async function finishCrmSeed(db: Db, lastContractNumber: number): Promise<void> {
  await setSequence(db, 'contract_number_seq', lastContractNumber);
}
