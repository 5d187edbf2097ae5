-- Every mutation this system ran, as it ran it: who, under which correlation id, with which
-- (redacted) arguments, and how it ended. Written in the mutation's own transaction when it
-- commits, in a transaction of its own when it fails; an audit.recorded event carries each row
-- to ops, which serves the trail of every system.
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  role text NOT NULL,
  correlation_id text,
  operation text NOT NULL,
  arguments jsonb NOT NULL,
  outcome text NOT NULL
);
