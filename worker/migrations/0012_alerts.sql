-- Alerts that reach people (issue 12): each touchpoint's owning team, the site's alert destinations (a signed
-- webhook or a Slack-compatible incoming webhook), which alerts are open (delivered once until they clear), and an
-- outbox of deliveries retried with backoff (worker/src/alerts/).
ALTER TABLE touchpoints ADD COLUMN team TEXT NOT NULL DEFAULT '';

CREATE TABLE alert_destinations (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('webhook', 'slack')),
  url TEXT NOT NULL,
  -- A webhook's signing secret (HMAC-SHA256 of each body): the receiver holds the same one, so it is kept as is.
  secret TEXT NOT NULL,
  -- Only the alerts of this team's touchpoints (and its digest lines); NULL: every alert of the site.
  team TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX alert_destinations_site ON alert_destinations(site_id);

-- An alert is open from the run that first finds it until a run no longer does (cleared_at set).
CREATE TABLE alert_states (
  site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  key TEXT NOT NULL,                 -- '<kind>:<touchpoint>', or '<kind>' for the whole site
  kind TEXT NOT NULL,
  touchpoint TEXT,
  detail TEXT NOT NULL,              -- JSON: the numbers when it opened
  opened_at TEXT NOT NULL,
  seen_at TEXT NOT NULL,
  cleared_at TEXT,
  PRIMARY KEY (site_id, key)
);

CREATE TABLE alert_deliveries (
  id TEXT PRIMARY KEY,
  destination_id TEXT NOT NULL REFERENCES alert_destinations(id) ON DELETE CASCADE,
  site_id TEXT NOT NULL,
  event TEXT NOT NULL CHECK (event IN ('alert.opened', 'digest', 'test')),
  payload TEXT NOT NULL,             -- the JSON message, before it is shaped for Slack or signed for a webhook
  status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_at TEXT NOT NULL,
  last_error TEXT,
  created_at TEXT NOT NULL,
  sent_at TEXT
);
CREATE INDEX alert_deliveries_due ON alert_deliveries(status, next_at);
CREATE INDEX alert_deliveries_destination ON alert_deliveries(destination_id, created_at);

-- Actions a team logged on a touchpoint (issue 12: "actions with a measured effect"): the day it took effect,
-- what was done, and who logged it (the email at the time; kept when the person leaves).
CREATE TABLE touchpoint_actions (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  touchpoint TEXT NOT NULL,
  day TEXT NOT NULL,                 -- YYYY-MM-DD (UTC)
  title TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,          -- an email, or 'API token'
  created_at TEXT NOT NULL
);
CREATE INDEX touchpoint_actions_site ON touchpoint_actions(site_id, day);
