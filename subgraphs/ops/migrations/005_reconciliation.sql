-- Reconciliation: one row per run; the differences it finds are exceptions with the difference
-- itself (both sides, their amounts, the subject ids) beside them.
CREATE TABLE reconciliation_runs (
  id text PRIMARY KEY,
  trigger text NOT NULL CHECK (trigger IN ('START', 'SCHEDULE', 'MANUAL')),
  status text NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  -- set by the process that executes the run, so a retried runReconciliation does not start it twice
  claimed boolean NOT NULL DEFAULT false,
  customers integer NOT NULL DEFAULT 0,
  invoices integer NOT NULL DEFAULT 0,
  explained integer NOT NULL DEFAULT 0,
  differences integer NOT NULL DEFAULT 0,
  by_kind jsonb NOT NULL DEFAULT '[]',
  opened integer NOT NULL DEFAULT 0,
  resolved integer NOT NULL DEFAULT 0,
  error text
);
-- One run at a time, across every ops replica.
CREATE UNIQUE INDEX reconciliation_runs_one_running_idx ON reconciliation_runs ((true)) WHERE status = 'RUNNING';
CREATE INDEX reconciliation_runs_started_idx ON reconciliation_runs (started_at DESC);

ALTER TABLE exceptions ADD COLUMN difference jsonb;
