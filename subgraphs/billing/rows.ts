/** Rows of the billing database, as resolvers receive them (the codegen mappers). */

/** A CRM customer billing adds fields to; the id is all billing needs to resolve them. */
export interface CustomerRef {
  id: string;
}

/** A CRM contract billing adds its subscription to. */
export interface ContractRef {
  id: string;
}

export type SubscriptionStatus = 'TRIALING' | 'ACTIVE' | 'PAST_DUE' | 'CANCELED';
export type InvoiceStatus = 'DRAFT' | 'OPEN' | 'PAID' | 'VOID' | 'UNCOLLECTIBLE';
/** What an invoice bills: a subscription period, or a seat change part-way through a contract. */
export type InvoiceKind = 'RECURRING' | 'PRORATION';

export interface BillingAccountRow {
  customer_id: string;
  currency: string;
  payment_terms_days: number;
  tax_rate: string;
  created_at: string;
}

export interface SubscriptionRow {
  id: string;
  customer_id: string;
  contract_id: string | null;
  plan_code: string;
  seats: number;
  /** Price of one seat for one interval (a month, or a year for ANNUAL). */
  unit_price: string;
  currency: string;
  status: SubscriptionStatus;
  interval: 'MONTHLY' | 'ANNUAL';
  current_period_start: string;
  current_period_end: string;
  cancel_at_period_end: boolean;
  canceled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface InvoiceRow {
  id: string;
  number: string;
  customer_id: string;
  subscription_id: string | null;
  status: InvoiceStatus;
  kind: InvoiceKind;
  currency: string;
  issued_at: string | null;
  due_date: string | null;
  period_start: string | null;
  period_end: string | null;
  subtotal: string;
  tax: string;
  total: string;
  amount_paid: string;
  void_reason: string | null;
  voided_at: string | null;
  created_at: string;
  updated_at: string;
}

/** An invoice line with its invoice's currency joined in, so its money fields need no lookup. */
export interface InvoiceLineRow {
  invoice_id: string;
  position: number;
  description: string;
  quantity: number;
  unit_price: string;
  amount: string;
  period_start: string | null;
  period_end: string | null;
  currency: string;
}

export interface CreditNoteRow {
  id: string;
  number: string;
  customer_id: string;
  subscription_id: string | null;
  currency: string;
  reason: string;
  issued_at: string;
  period_start: string | null;
  period_end: string | null;
  subtotal: string;
  tax: string;
  total: string;
}

export interface PaymentRow {
  id: string;
  invoice_id: string;
  customer_id: string;
  amount: string;
  currency: string;
  method: string;
  reference: string | null;
  status: 'SUCCEEDED' | 'FAILED' | 'REFUNDED';
  failure_reason: string | null;
  received_at: string;
}
