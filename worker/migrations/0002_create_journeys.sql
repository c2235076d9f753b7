-- Sites and the journey a CX team sets up: stages, touchpoints, prompts.
CREATE TABLE sites (
  id TEXT PRIMARY KEY,
  org_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  -- The public key in the script tag: it can only write events for this site.
  key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  origins TEXT NOT NULL DEFAULT '[]',   -- JSON array of allowed origins
  settings TEXT NOT NULL DEFAULT '{}',  -- JSON SiteSettings
  -- Bumped on every change the widget config depends on: it is the config ETag.
  config_version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);
CREATE INDEX sites_org ON sites(org_id);

CREATE TABLE stages (
  site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (site_id, position),
  UNIQUE (site_id, name)
);

CREATE TABLE touchpoints (
  site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  name TEXT NOT NULL,
  stage TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('web', 'app', 'email', 'offline', 'social')),
  owner TEXT NOT NULL CHECK (owner IN ('brand', 'partner', 'customer', 'external')),
  match TEXT NOT NULL DEFAULT '[]',     -- JSON array of URL rules
  -- Short code of the hosted prompt page /t/{code}, the target of the touchpoint's QR code.
  code TEXT NOT NULL UNIQUE,
  position INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  PRIMARY KEY (site_id, key)
) WITHOUT ROWID;

CREATE TABLE prompts (
  site_id TEXT NOT NULL,
  touchpoint TEXT NOT NULL,
  dimensions TEXT NOT NULL,             -- JSON array
  wording TEXT NOT NULL DEFAULT '{}',   -- JSON {locale: {dimension: text}}
  sampling REAL NOT NULL DEFAULT 1,
  trigger TEXT NOT NULL DEFAULT '{"type":"immediate"}',
  recontact_days INTEGER NOT NULL DEFAULT 30,
  comment INTEGER NOT NULL DEFAULT 1,
  enabled INTEGER NOT NULL DEFAULT 1,
  PRIMARY KEY (site_id, touchpoint),
  FOREIGN KEY (site_id, touchpoint) REFERENCES touchpoints(site_id, key) ON DELETE CASCADE ON UPDATE CASCADE
) WITHOUT ROWID;
