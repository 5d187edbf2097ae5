-- Deprecated fields the gateways' clients selected, summed over every gateway's reports.
CREATE TABLE deprecated_usage (
  client text NOT NULL,
  operation text NOT NULL,
  field text NOT NULL,
  count bigint NOT NULL,
  first_seen_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  PRIMARY KEY (field, client, operation)
);
