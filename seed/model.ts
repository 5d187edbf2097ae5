import type { BillingSeedBatch } from '../subgraphs/billing/seed.ts';
import type { CrmSeedBatch } from '../subgraphs/crm/seed.ts';
import type { CsSeedBatch } from '../subgraphs/customer-success/seed.ts';
import type { ErpSeedBatch } from '../subgraphs/erp/seed.ts';

/** The seed replays the events of this many days before asOf (seed/events.ts). */
export const EVENT_WINDOW_DAYS = 30;

/** What one batch of customers comes to in each system. */
export interface SeedBatch {
  crm: CrmSeedBatch;
  billing: BillingSeedBatch;
  erp: ErpSeedBatch;
  cs: CsSeedBatch;
}

export function emptyBatch(): SeedBatch {
  return {
    crm: { customers: [], contacts: [], opportunities: [], contracts: [], amendments: [] },
    billing: { accounts: [], subscriptions: [], invoices: [], lines: [], payments: [], creditNotes: [] },
    erp: { customers: [], invoices: [], entries: [], lines: [], postings: [], creditNotes: [] },
    cs: { accounts: [], factors: [], history: [], onboardings: [], milestones: [], renewals: [] },
  };
}

/** How a customer pays: most on time, some late, some with a card that fails first, a few badly. */
export type Payer = 'GOOD' | 'SLOW' | 'FAILING' | 'POOR';
export type Segment = 'SMB' | 'MID_MARKET' | 'ENTERPRISE';
export type Interval = 'MONTHLY' | 'ANNUAL';

export interface CustomerPlan {
  id: string;
  name: string;
  segment: Segment;
  region: string;
  currency: string;
  payer: Payer;
  /** How the customer pays: card, ach, wire, sepa or check (billing's methods). */
  method: string;
  paymentTermsDays: number;
  /** As billing stores it, NUMERIC(5,4): "0.2000". */
  taxRate: string;
}

export interface ContractPlan {
  id: string;
  number: string;
  subscriptionId: string;
  customerId: string;
  planCode: string;
  /** Price of one seat for one month, as CRM's unit_price. */
  monthlyPrice: string;
  seats: number;
  /** Seats after the amendment, if any. */
  finalSeats: number;
  /**
   * A seat change some days before a billing period's start, from which the recurring invoices
   * bill the new count; billed (more seats) or credited (fewer) at once for the rest of the term.
   */
  amendment: {
    effectiveDate: string;
    seatsDelta: number;
    /** The contract's value change, as CRM computes it (amendmentValue). */
    valueDelta: string;
    /** When it was made: set with CRM's row. */
    madeAt: string;
  } | null;
  startDate: string;
  endDate: string;
  termMonths: number;
  interval: Interval;
  status: 'ACTIVE' | 'EXPIRED' | 'TERMINATED';
  terminatedOn: string | null;
  terminationReason: string | null;
}

/** Sequential ids: `cus_000001`; the same number feeds human numbers such as CT-000001. */
export class Counters {
  customer = 0;
  contact = 0;
  opportunity = 0;
  contract = 0;
  amendment = 0;
  invoice = 0;
  creditNote = 0;
  payment = 0;
  journal = 0;
  renewal = 0;
}

export function pad(n: number): string {
  return String(n).padStart(6, '0');
}

export function id(prefix: string, n: number): string {
  return `${prefix}_${pad(n)}`;
}

/** An instant on a day, in UTC: `2026-03-05T09:30:00Z`. */
export function at(date: string, hour: number, minute = 0): string {
  return `${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`;
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}
