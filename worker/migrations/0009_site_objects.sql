-- Migration 0009: events, journeys and rollups move to each site's Durable Object (worker/src/store/), where one
-- TypeScript module (worker/src/journey/rules.ts) derives them. D1 keeps the control plane.
--
-- 1. No trigger computes a metric any more: the rollup triggers of 0004 and 0008 are dropped. The event and
--    rollup tables stay, unchanged, until `pnpm move-events` has moved each site's events into its objects
--    (legacy_moves records how far each site got, so the move resumes where it stopped and runs once).
-- 2. Touchpoints can be a natural end of a journey (an order confirmation): drop-off skips them.
DROP TRIGGER IF EXISTS visits_journey;
DROP TRIGGER IF EXISTS answers_journey;
DROP TRIGGER IF EXISTS answers_rollup_wide;
DROP TRIGGER IF EXISTS visits_rollup;

ALTER TABLE touchpoints ADD COLUMN natural_end INTEGER NOT NULL DEFAULT 0;

CREATE TABLE legacy_moves (
  site_id TEXT PRIMARY KEY,
  -- keyset of the last moved event: visits first (kind 0), then answers (kind 1), each by id
  kind INTEGER NOT NULL DEFAULT 0,
  after_id TEXT NOT NULL DEFAULT '',
  moved INTEGER NOT NULL DEFAULT 0,
  done INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
