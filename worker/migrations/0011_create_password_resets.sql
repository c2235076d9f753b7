-- Password reset by a one-time link (issue 14): issued by an owner for a member (who gets it passed on), or
-- requested by the person by email where the deployment has an email binding. Only the SHA-256 of the secret
-- token is stored, like sessions and invites; a link works once, until it expires, and issuing a new one for a
-- person retires their open ones.
CREATE TABLE password_resets (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  -- The owner who issued it; NULL when the person asked for it by email.
  created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT,
  -- A random value set in the same statement that uses the link, so that only that request sets the password.
  claim TEXT
);
CREATE INDEX password_resets_user ON password_resets(user_id);
