CREATE TABLE customers (
  id text PRIMARY KEY,
  name text NOT NULL,
  domain text,
  segment text NOT NULL CHECK (segment IN ('SMB', 'MID_MARKET', 'ENTERPRISE')),
  region text NOT NULL,
  currency char(3) NOT NULL,
  parent_id text REFERENCES customers (id),
  account_owner text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX customers_parent_idx ON customers (parent_id);
CREATE INDEX customers_name_idx ON customers (name, id);

CREATE TABLE contacts (
  id text PRIMARY KEY,
  customer_id text NOT NULL REFERENCES customers (id),
  name text NOT NULL,
  email text NOT NULL,
  phone text,
  title text,
  is_primary boolean NOT NULL DEFAULT false
);
CREATE INDEX contacts_customer_idx ON contacts (customer_id);

CREATE TABLE opportunities (
  id text PRIMARY KEY,
  customer_id text NOT NULL REFERENCES customers (id),
  name text NOT NULL,
  stage text NOT NULL CHECK (stage IN ('PROSPECTING', 'QUALIFICATION', 'PROPOSAL', 'NEGOTIATION', 'CLOSED_WON', 'CLOSED_LOST')),
  amount numeric(14, 2) NOT NULL CHECK (amount >= 0),
  currency char(3) NOT NULL,
  plan_code text NOT NULL,
  seats integer NOT NULL CHECK (seats > 0),
  term_months integer NOT NULL CHECK (term_months BETWEEN 1 AND 60),
  billing_interval text NOT NULL CHECK (billing_interval IN ('MONTHLY', 'ANNUAL')),
  close_date date,
  contract_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX opportunities_customer_idx ON opportunities (customer_id);

CREATE SEQUENCE contract_number_seq;

CREATE TABLE contracts (
  id text PRIMARY KEY,
  number text NOT NULL UNIQUE,
  customer_id text NOT NULL REFERENCES customers (id),
  opportunity_id text UNIQUE REFERENCES opportunities (id),
  status text NOT NULL CHECK (status IN ('DRAFT', 'ACTIVE', 'EXPIRED', 'TERMINATED')),
  plan_code text NOT NULL,
  seats integer NOT NULL CHECK (seats > 0),
  start_date date NOT NULL,
  end_date date NOT NULL,
  term_months integer NOT NULL,
  billing_interval text NOT NULL CHECK (billing_interval IN ('MONTHLY', 'ANNUAL')),
  unit_price numeric(14, 2) NOT NULL,
  value numeric(14, 2) NOT NULL,
  currency char(3) NOT NULL,
  termination_reason text,
  terminated_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date >= start_date)
);
CREATE INDEX contracts_customer_idx ON contracts (customer_id);

CREATE TABLE contract_amendments (
  id text PRIMARY KEY,
  contract_id text NOT NULL REFERENCES contracts (id),
  effective_date date NOT NULL,
  seats_delta integer NOT NULL CHECK (seats_delta <> 0),
  value_delta numeric(14, 2) NOT NULL,
  reason text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contract_amendments_contract_idx ON contract_amendments (contract_id, created_at);
