-- The event log: every event of every system, as ops.log received it. recorded_seq orders the
-- log as ops saw it (the replay cursor); time is when it happened at its source.
CREATE TABLE events (
  id text PRIMARY KEY,
  type text NOT NULL,
  source text NOT NULL,
  subject text NOT NULL,
  time timestamptz NOT NULL,
  correlation_id text,
  causation_id text,
  customer_id text,
  data jsonb NOT NULL,
  previous jsonb,
  recorded_seq bigserial NOT NULL UNIQUE
);
CREATE INDEX events_customer_idx ON events (customer_id, recorded_seq);
CREATE INDEX events_correlation_idx ON events (correlation_id);
CREATE INDEX events_type_idx ON events (type);
-- Posting outcomes and workflow steps are looked up by the invoice they are about.
CREATE INDEX events_subject_idx ON events (subject, type);

-- A business process followed across systems by correlation id: quote-to-cash or amendment.
CREATE TABLE workflow_runs (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('quote-to-cash', 'amendment')),
  correlation_id text NOT NULL,
  contract_id text,
  state text NOT NULL CHECK (state IN ('IN_PROGRESS', 'COMPLETED', 'EXCEPTION')),
  started_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (correlation_id, kind)
);
CREATE INDEX workflow_runs_contract_idx ON workflow_runs (contract_id) WHERE contract_id IS NOT NULL;

CREATE TABLE workflow_steps (
  run_id text NOT NULL REFERENCES workflow_runs (id) ON DELETE CASCADE,
  name text NOT NULL,
  system text NOT NULL CHECK (system IN ('CRM', 'BILLING', 'ERP', 'CUSTOMER_SUCCESS', 'OPS')),
  position integer NOT NULL,
  completed_at timestamptz,
  event_id text,
  PRIMARY KEY (run_id, name)
);
CREATE INDEX workflow_steps_event_idx ON workflow_steps (event_id) WHERE event_id IS NOT NULL;

-- Something a team must act on. customer_id lets a customer view list its own open ones.
CREATE TABLE exceptions (
  id text PRIMARY KEY,
  kind text NOT NULL,
  system text NOT NULL CHECK (system IN ('CRM', 'BILLING', 'ERP', 'CUSTOMER_SUCCESS', 'OPS')),
  owner text NOT NULL,
  priority text NOT NULL CHECK (priority IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
  status text NOT NULL CHECK (status IN ('OPEN', 'RESOLVED')),
  message text NOT NULL,
  subject text NOT NULL,
  correlation_id text,
  customer_id text,
  opened_at timestamptz NOT NULL,
  resolved_at timestamptz,
  resolution_note text
);
-- One open exception per subject and kind: a repeated failure keeps the exception open, not a pile.
CREATE UNIQUE INDEX exceptions_open_subject_kind_idx ON exceptions (subject, kind) WHERE status = 'OPEN';
CREATE INDEX exceptions_status_idx ON exceptions (status, opened_at);
CREATE INDEX exceptions_correlation_idx ON exceptions (correlation_id);
CREATE INDEX exceptions_customer_idx ON exceptions (customer_id) WHERE status = 'OPEN';

-- Events a consumer gave up on, kept whole so they can be replayed to that consumer.
CREATE TABLE dead_letters (
  id text PRIMARY KEY,
  consumer text NOT NULL,
  event_id text NOT NULL,
  event jsonb NOT NULL,
  error text NOT NULL,
  attempts integer NOT NULL,
  dead_at timestamptz NOT NULL,
  replayed_at timestamptz,
  status text NOT NULL CHECK (status IN ('DEAD', 'REPLAYING', 'REPLAYED')),
  UNIQUE (consumer, event_id)
);
CREATE INDEX dead_letters_status_idx ON dead_letters (status, dead_at);
