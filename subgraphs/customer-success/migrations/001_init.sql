CREATE TABLE cs_accounts (
  customer_id text PRIMARY KEY,
  csm text,
  currency char(3) NOT NULL
);

-- The stored factors of a health score; the payment factor is computed live from billing.
CREATE TABLE health_factors (
  customer_id text NOT NULL REFERENCES cs_accounts (customer_id),
  factor text NOT NULL CHECK (factor IN ('usage', 'support', 'engagement')),
  score integer NOT NULL CHECK (score BETWEEN 0 AND 100),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (customer_id, factor)
);

-- Snapshots of the overall score, for the trend.
CREATE TABLE health_history (
  customer_id text NOT NULL REFERENCES cs_accounts (customer_id),
  recorded_at timestamptz NOT NULL,
  score integer NOT NULL CHECK (score BETWEEN 0 AND 100),
  PRIMARY KEY (customer_id, recorded_at)
);

CREATE TABLE onboardings (
  customer_id text PRIMARY KEY REFERENCES cs_accounts (customer_id),
  contract_id text NOT NULL,
  status text NOT NULL CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED')),
  started_at timestamptz,
  completed_at timestamptz
);

CREATE TABLE milestones (
  customer_id text NOT NULL REFERENCES onboardings (customer_id),
  position integer NOT NULL,
  name text NOT NULL,
  status text NOT NULL CHECK (status IN ('PENDING', 'DONE', 'SKIPPED')),
  due_date date NOT NULL,
  completed_at timestamptz,
  PRIMARY KEY (customer_id, name)
);

CREATE TABLE renewals (
  id text PRIMARY KEY,
  customer_id text NOT NULL REFERENCES cs_accounts (customer_id),
  contract_id text NOT NULL UNIQUE,
  renewal_date date NOT NULL,
  stage text NOT NULL CHECK (stage IN ('UPCOMING', 'IN_PROGRESS', 'RENEWED', 'CHURNED')),
  risk text NOT NULL CHECK (risk IN ('LOW', 'MEDIUM', 'HIGH')),
  risk_reasons jsonb NOT NULL DEFAULT '[]',
  forecast_arr numeric(14, 2) NOT NULL,
  currency char(3) NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX renewals_customer_idx ON renewals (customer_id, renewal_date);
CREATE INDEX renewals_date_idx ON renewals (renewal_date);
