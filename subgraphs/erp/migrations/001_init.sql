CREATE TABLE accounting_periods (
  id text PRIMARY KEY CHECK (id ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  status text NOT NULL CHECK (status IN ('OPEN', 'LOCKED', 'CLOSED')),
  closed_at timestamptz,
  reopened_at timestamptz,
  reopen_reason text
);

-- ERP's account of a customer: currency and credit limit.
CREATE TABLE erp_customers (
  customer_id text PRIMARY KEY,
  currency char(3) NOT NULL,
  credit_limit numeric(14, 2)
);

-- The receivable items ERP knows: one per invoice billing issued, whatever its posting state.
CREATE TABLE erp_invoices (
  invoice_id text PRIMARY KEY,
  customer_id text NOT NULL,
  number text NOT NULL,
  currency char(3) NOT NULL,
  total numeric(14, 2) NOT NULL,
  amount_paid numeric(14, 2) NOT NULL DEFAULT 0,
  issued_on date NOT NULL,
  due_date date NOT NULL,
  status text NOT NULL CHECK (status IN ('OPEN', 'PAID', 'VOID')),
  -- revenue recognized over a service period ending after the issue month goes to deferred revenue
  service_period_end date
);
CREATE INDEX erp_invoices_customer_idx ON erp_invoices (customer_id);

CREATE SEQUENCE journal_number_seq;

CREATE TABLE journal_entries (
  id text PRIMARY KEY,
  number text NOT NULL UNIQUE,
  date date NOT NULL,
  period text NOT NULL REFERENCES accounting_periods (id),
  source text NOT NULL CHECK (source IN ('INVOICE', 'PAYMENT', 'CREDIT', 'MANUAL')),
  source_id text NOT NULL,
  customer_id text,
  currency char(3) NOT NULL,
  correlation_id text,
  memo text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX journal_entries_source_idx ON journal_entries (source_id);
CREATE INDEX journal_entries_period_idx ON journal_entries (period, number);
-- A payment or invoice posts at most once per source kind.
CREATE UNIQUE INDEX journal_entries_once_idx ON journal_entries (source, source_id);

CREATE TABLE journal_lines (
  journal_entry_id text NOT NULL REFERENCES journal_entries (id),
  line_no integer NOT NULL,
  account text NOT NULL,
  debit numeric(14, 2) NOT NULL DEFAULT 0 CHECK (debit >= 0),
  credit numeric(14, 2) NOT NULL DEFAULT 0 CHECK (credit >= 0),
  PRIMARY KEY (journal_entry_id, line_no)
);
CREATE INDEX journal_lines_account_idx ON journal_lines (account);

CREATE TABLE postings (
  invoice_id text PRIMARY KEY REFERENCES erp_invoices (invoice_id),
  status text NOT NULL CHECK (status IN ('PENDING', 'POSTED', 'REJECTED')),
  period text,
  journal_entry_id text REFERENCES journal_entries (id),
  posted_at timestamptz,
  rejection_reason text,
  attempts integer NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX postings_status_idx ON postings (status);
