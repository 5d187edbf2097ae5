/** Rows of the crm database, as resolvers receive them (the codegen mappers). */

export interface CustomerRow {
  id: string;
  name: string;
  domain: string | null;
  segment: 'SMB' | 'MID_MARKET' | 'ENTERPRISE';
  region: string;
  currency: string;
  parent_id: string | null;
  account_owner: string | null;
  created_at: string;
  updated_at: string;
}

export interface ContactRow {
  id: string;
  customer_id: string;
  name: string;
  email: string;
  phone: string | null;
  title: string | null;
  is_primary: boolean;
}

export interface OpportunityRow {
  id: string;
  customer_id: string;
  name: string;
  stage: 'PROSPECTING' | 'QUALIFICATION' | 'PROPOSAL' | 'NEGOTIATION' | 'CLOSED_WON' | 'CLOSED_LOST';
  amount: string;
  currency: string;
  plan_code: string;
  seats: number;
  term_months: number;
  billing_interval: 'MONTHLY' | 'ANNUAL';
  close_date: string | null;
  contract_id: string | null;
}

export interface ContractRow {
  id: string;
  number: string;
  customer_id: string;
  opportunity_id: string | null;
  status: 'DRAFT' | 'ACTIVE' | 'EXPIRED' | 'TERMINATED';
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
}

export interface ContractAmendmentRow {
  id: string;
  contract_id: string;
  effective_date: string;
  seats_delta: number;
  value_delta: string;
  reason: string;
  created_at: string;
  currency: string;
}
