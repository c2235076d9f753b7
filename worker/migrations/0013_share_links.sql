-- Read-only links to one view of a site (issue 12 item 6), for a manager or a partner without an account: a random
-- token (only its SHA-256 kept) that expires and can be revoked; the view and its filters travel with it.
CREATE TABLE share_links (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  view TEXT NOT NULL,
  query TEXT NOT NULL DEFAULT '',    -- the view's filters, as a URL query (from, to, segment, team, touchpoint)
  label TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,          -- an email
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX share_links_site ON share_links(site_id, created_at);
