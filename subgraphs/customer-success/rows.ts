/** Rows of the customer-success database, as resolvers receive them (the codegen mappers). */

import type { Money } from '../../platform/money.ts';

/**
 * A Customer owned by crm. Through the gateway it carries billing's `overdueAmount` too (the
 * `@requires` of `health`), which `__resolveReference` keeps for the payment factor.
 */
export interface CustomerRef {
  id: string;
  overdueAmount?: Money;
}

/** A Contract owned by crm; only its id is known here. */
export interface ContractRef {
  id: string;
}

export interface CsAccountRow {
  customer_id: string;
  csm: string | null;
  currency: string;
}

export type StoredFactor = 'usage' | 'support' | 'engagement';

export interface HealthFactorRow {
  customer_id: string;
  factor: StoredFactor;
  score: number;
  updated_at: string;
}

export interface HealthHistoryRow {
  customer_id: string;
  recorded_at: string;
  score: number;
}

export interface OnboardingRow {
  customer_id: string;
  contract_id: string;
  status: 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETED';
  started_at: string | null;
  completed_at: string | null;
}

export interface MilestoneRow {
  customer_id: string;
  position: number;
  name: string;
  status: 'PENDING' | 'DONE' | 'SKIPPED';
  due_date: string;
  completed_at: string | null;
}

export interface RenewalRow {
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

/** The payment factor as billing last reported it (from payment.received). */
export interface PaymentScoreRow {
  customer_id: string;
  score: number;
  overdue_amount: string;
  currency: string;
  updated_at: string;
}
