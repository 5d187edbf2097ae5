-- The audit trail of every system, as their audit.recorded events bring it; seq orders it as
-- ops received it (newest first is seq descending) and is the page cursor.
CREATE TABLE audit_trail (
  event_id text PRIMARY KEY,
  seq bigserial NOT NULL UNIQUE,
  system text NOT NULL,
  actor text NOT NULL,
  role text NOT NULL,
  correlation_id text,
  operation text NOT NULL,
  arguments jsonb NOT NULL,
  outcome text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX audit_trail_at_idx ON audit_trail (at);
