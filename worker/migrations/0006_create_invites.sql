-- Invitations by link: a secret token (only its SHA-256 stored) for one role in one organization, single use,
-- with an expiry; optionally bound to one email address. Revoking an invite deletes its row.
CREATE TABLE invites (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('owner', 'editor', 'viewer')),
  email TEXT,
  created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  accepted_at TEXT,
  -- The user who used it; set in the same statement that claims the invite, so it is used once.
  accepted_by TEXT
);
CREATE INDEX invites_org ON invites(org_id, created_at);
