-- A mutation retried with the same key returns its first result; see platform/idempotency.ts.
CREATE TABLE idempotency_keys (
  key text PRIMARY KEY,
  operation text NOT NULL,
  request_hash text NOT NULL,
  result_id text,
  created_at timestamptz NOT NULL DEFAULT now()
);
