-- Journey types (docs/metrics.md › Journey types): a site may define several journeys (buying, returning an item,
-- getting support), each with its own ordered stages and the touchpoints that serve it; a touchpoint may serve
-- several. Every site gets its default type, which is the journey it had before: its stages stay in `stages`
-- (GET|PUT /stages read and write them) and every touchpoint serves it at the stage it has.
CREATE TABLE journey_types (
  id TEXT PRIMARY KEY,
  site_id TEXT NOT NULL REFERENCES sites(id) ON DELETE CASCADE,
  slug TEXT NOT NULL,                  -- stable, URL-safe: what `journey=` may name
  name TEXT NOT NULL,
  position INTEGER NOT NULL,
  is_default INTEGER NOT NULL DEFAULT 0,
  stages TEXT,                         -- JSON array of stage names; NULL for the default type (its stages are `stages`)
  created_at TEXT NOT NULL,
  UNIQUE (site_id, slug)
);
CREATE INDEX journey_types_site ON journey_types(site_id, position);
CREATE UNIQUE INDEX journey_types_one_default ON journey_types(site_id) WHERE is_default = 1;

-- Which touchpoints serve a type, and at which of its stages (NULL for the default type: the touchpoint's own stage).
CREATE TABLE journey_type_touchpoints (
  type_id TEXT NOT NULL REFERENCES journey_types(id) ON DELETE CASCADE,
  site_id TEXT NOT NULL,
  touchpoint TEXT NOT NULL,
  stage TEXT,
  PRIMARY KEY (type_id, touchpoint),
  FOREIGN KEY (site_id, touchpoint) REFERENCES touchpoints(site_id, key) ON DELETE CASCADE ON UPDATE CASCADE
) WITHOUT ROWID;
CREATE INDEX journey_type_touchpoints_site ON journey_type_touchpoints(site_id);

INSERT INTO journey_types (id, site_id, slug, name, position, is_default, stages, created_at)
  SELECT lower(hex(randomblob(16))), id, 'main', 'Main journey', 0, 1, NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM sites
  WHERE id NOT IN (SELECT site_id FROM journey_types);
INSERT OR IGNORE INTO journey_type_touchpoints (type_id, site_id, touchpoint, stage)
  SELECT jt.id, t.site_id, t.key, NULL FROM touchpoints t JOIN journey_types jt ON jt.site_id = t.site_id AND jt.is_default = 1;
