-- Transactional outbox: a state change and its events commit together; the relay publishes
-- rows in seq order. settled_at marks rows every consumer group acknowledged.
CREATE TABLE outbox (
  seq bigserial PRIMARY KEY,
  event_id text NOT NULL UNIQUE,
  event jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  settled_at timestamptz
);
CREATE INDEX outbox_unpublished_idx ON outbox (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_unsettled_idx ON outbox (seq) WHERE settled_at IS NULL;

-- A consumer's record of the events it applied, written in the same transaction as the effect,
-- so a redelivered event changes nothing a second time.
CREATE TABLE processed_events (
  consumer text NOT NULL,
  event_id text NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, event_id)
);
