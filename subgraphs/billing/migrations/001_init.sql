-- Billing's view of a customer: currency, payment terms and tax rate.
CREATE TABLE billing_accounts (
  customer_id text PRIMARY KEY,
  currency char(3) NOT NULL,
  payment_terms_days integer NOT NULL DEFAULT 30 CHECK (payment_terms_days BETWEEN 0 AND 120),
  tax_rate numeric(5, 4) NOT NULL DEFAULT 0 CHECK (tax_rate >= 0 AND tax_rate < 1),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE subscriptions (
  id text PRIMARY KEY,
  customer_id text NOT NULL REFERENCES billing_accounts (customer_id),
  contract_id text UNIQUE,
  plan_code text NOT NULL,
  seats integer NOT NULL CHECK (seats > 0),
  -- price of one seat for one billing interval (a month, or a year for ANNUAL)
  unit_price numeric(14, 2) NOT NULL CHECK (unit_price >= 0),
  currency char(3) NOT NULL,
  status text NOT NULL CHECK (status IN ('TRIALING', 'ACTIVE', 'PAST_DUE', 'CANCELED')),
  interval text NOT NULL CHECK (interval IN ('MONTHLY', 'ANNUAL')),
  current_period_start date NOT NULL,
  current_period_end date NOT NULL,
  cancel_at_period_end boolean NOT NULL DEFAULT false,
  canceled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX subscriptions_customer_idx ON subscriptions (customer_id);

CREATE SEQUENCE invoice_number_seq;

CREATE TABLE invoices (
  id text PRIMARY KEY,
  number text NOT NULL UNIQUE,
  customer_id text NOT NULL REFERENCES billing_accounts (customer_id),
  subscription_id text REFERENCES subscriptions (id),
  status text NOT NULL CHECK (status IN ('DRAFT', 'OPEN', 'PAID', 'VOID', 'UNCOLLECTIBLE')),
  currency char(3) NOT NULL,
  issued_at timestamptz,
  due_date date,
  period_start date,
  period_end date,
  subtotal numeric(14, 2) NOT NULL,
  tax numeric(14, 2) NOT NULL,
  total numeric(14, 2) NOT NULL,
  amount_paid numeric(14, 2) NOT NULL DEFAULT 0 CHECK (amount_paid >= 0 AND amount_paid <= total),
  void_reason text,
  voided_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (total = subtotal + tax)
);
CREATE INDEX invoices_customer_idx ON invoices (customer_id, issued_at DESC);
CREATE INDEX invoices_subscription_idx ON invoices (subscription_id, issued_at DESC);
CREATE INDEX invoices_status_due_idx ON invoices (status, due_date);
CREATE INDEX invoices_issued_idx ON invoices (issued_at DESC, id);

CREATE TABLE invoice_lines (
  invoice_id text NOT NULL REFERENCES invoices (id),
  position integer NOT NULL,
  description text NOT NULL,
  quantity integer NOT NULL,
  unit_price numeric(14, 2) NOT NULL,
  amount numeric(14, 2) NOT NULL,
  period_start date,
  period_end date,
  PRIMARY KEY (invoice_id, position)
);

CREATE TABLE payments (
  id text PRIMARY KEY,
  invoice_id text NOT NULL REFERENCES invoices (id),
  customer_id text NOT NULL REFERENCES billing_accounts (customer_id),
  amount numeric(14, 2) NOT NULL CHECK (amount > 0),
  currency char(3) NOT NULL,
  method text NOT NULL,
  reference text,
  status text NOT NULL CHECK (status IN ('SUCCEEDED', 'FAILED', 'REFUNDED')),
  failure_reason text,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payments_invoice_idx ON payments (invoice_id, received_at);
CREATE INDEX payments_customer_idx ON payments (customer_id, received_at DESC);
