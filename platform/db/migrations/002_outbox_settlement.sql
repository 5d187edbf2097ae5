-- Where the relay published each event, so it can tell an event the stream still holds from one
-- the stream lost (Redis restarted empty, failed over, the stream deleted), and ask which every
-- consumer group acknowledged (settled_at, now for Redis Streams too).
ALTER TABLE outbox ADD COLUMN stream_position text;

-- Every consumer group the stream was seen to have: an event is settled only once all of them
-- acknowledged it, so a group that vanished with a reset catches up before its events settle.
CREATE TABLE stream_groups (
  name text PRIMARY KEY,
  seen_at timestamptz NOT NULL DEFAULT now()
);
