-- Traffic ingest answered but did not store, per site and UTC day: obvious bots (dropped with a 2xx)
-- and batches refused by the ingest rate limits (429). Shown by the dashboard; no user agent or address is kept.
CREATE TABLE dropped_traffic (
  site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  day TEXT NOT NULL,
  bots INTEGER NOT NULL DEFAULT 0,
  rate_limited INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (site_id, day)
) WITHOUT ROWID;
