// The SQLite schema of a site object (one per site, or per shard of a busy site): its raw events and rollups.
// Applied in the object's constructor; each step runs once, in order, recorded in `meta.schema`.

export const STORE_SCHEMA: readonly string[] = [
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

  -- Raw visits and answers, each id once. seq is the arrival order: rollups hold every event up to meta.flushed.
  CREATE TABLE events (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    visitor TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('visit', 'answer')),
    at TEXT NOT NULL,                 -- ISO time (UTC)
    touchpoint TEXT NOT NULL,
    channel TEXT NOT NULL,            -- the touchpoint's channel when it arrived
    from_hint TEXT,                   -- the sender's idea of the previous touchpoint: kept, never trusted
    -- the context the event counts under: a visit's own; an answer's is its visit's (rules.ts)
    device TEXT, arrival TEXT, locale TEXT, country TEXT, is_returning INTEGER,
    sent TEXT,                        -- an answer's own context as sent (JSON), used where no visit explains it
    path TEXT,
    scores TEXT,                      -- an answer's {dimension: 1-5} (JSON)
    comment TEXT,
    source TEXT NOT NULL DEFAULT 'widget',
    archived INTEGER NOT NULL DEFAULT 0 -- past retention: kept as an answer, no longer part of a journey
  );
  CREATE INDEX events_visitor ON events(visitor, at);
  CREATE INDEX answers_time ON events(at, id) WHERE kind = 'answer';

  -- Per segment x day x touchpoint: every metric's numbers as JSON {metric: [numbers]} (rules.ts, its metric list).
  CREATE TABLE rollups (
    segment TEXT NOT NULL, day TEXT NOT NULL, touchpoint TEXT NOT NULL, v TEXT NOT NULL,
    PRIMARY KEY (segment, day, touchpoint)
  ) WITHOUT ROWID;`,
  // Prompt events (shown / dismissed / answered) for response rates: a kind of their own and their outcome.
  // SQLite cannot change a CHECK in place, so the table is copied (seq kept: the watermark stays true).
  `CREATE TABLE events_v2 (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    visitor TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('visit', 'answer', 'prompt')),
    at TEXT NOT NULL,
    touchpoint TEXT NOT NULL,
    channel TEXT NOT NULL,
    from_hint TEXT,
    device TEXT, arrival TEXT, locale TEXT, country TEXT, is_returning INTEGER,
    sent TEXT,
    path TEXT,
    scores TEXT,
    comment TEXT,
    source TEXT NOT NULL DEFAULT 'widget',
    archived INTEGER NOT NULL DEFAULT 0,
    outcome TEXT CHECK (outcome IN ('shown', 'dismissed', 'answered')) -- a prompt event's
  );
  INSERT INTO events_v2 (seq, id, visitor, kind, at, touchpoint, channel, from_hint, device, arrival, locale, country,
    is_returning, sent, path, scores, comment, source, archived)
    SELECT seq, id, visitor, kind, at, touchpoint, channel, from_hint, device, arrival, locale, country,
      is_returning, sent, path, scores, comment, source, archived FROM events;
  DROP TABLE events;
  ALTER TABLE events_v2 RENAME TO events;
  CREATE INDEX events_visitor ON events(visitor, at);
  CREATE INDEX answers_time ON events(at, id) WHERE kind = 'answer';`,
  // Comment search: a trigram index (any 3 characters match, so German compounds and Japanese without spaces are
  // found by their parts), rowid = the answer's seq. Kept by event-rows.ts (insert) and site-store.ts (delete).
  `CREATE VIRTUAL TABLE comments_fts USING fts5(comment, tokenize = 'trigram remove_diacritics 1');
  INSERT INTO comments_fts (rowid, comment) SELECT seq, comment FROM events WHERE comment IS NOT NULL;`,
  // Journey links (docs/metrics.md › Journey link): 1 when the event arrived with a valid signed link and so joined
  // the journey that link carries (its `visitor` is then that journey, not the sender's own id).
  `ALTER TABLE events ADD COLUMN linked INTEGER NOT NULL DEFAULT 0;`,
  // Journey types (docs/metrics.md › Journey types): an answer's type, the type of the visit it was given in, kept by
  // site-store.ts while the site has two or more types (NULL otherwise), so that responses and exports filter by it.
  `ALTER TABLE events ADD COLUMN journey_type TEXT;`,
];

/** Applies the steps this object has not run yet. */
export function migrateStore(sql: SqlStorage): void {
  const hasMeta = sql.exec(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'`).toArray().length > 0;
  const done = hasMeta ? Number(sql.exec(`SELECT value FROM meta WHERE key = 'schema'`).toArray()[0]?.value ?? 0) : 0;
  for (let i = done; i < STORE_SCHEMA.length; i++) {
    sql.exec(STORE_SCHEMA[i]!);
    sql.exec(
      `INSERT INTO meta (key, value) VALUES ('schema', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      String(i + 1),
    );
  }
}
