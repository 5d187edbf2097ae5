-- A seed that began and has not finished: written in every system's database before the seed
-- writes anything, removed from all of them once the whole seed (the ops log replay included)
-- committed. A start that finds it knows the data is partial (the seed was interrupted), empties
-- every system and seeds again.
CREATE TABLE seed_run (
  started_at timestamptz NOT NULL DEFAULT now()
);
