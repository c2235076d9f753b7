-- Journey rollups: drop-off, cross-channel share and experienced consistency read from rollups, not raw rows.
--
-- A journey is (site, visitor): the visitor's visits. Its state lives in `journeys` (last visit, first/last day,
-- distinct channels, segments) and `journey_touchpoints` (the touchpoints it reached), kept by trigger in the
-- same transaction as the raw insert.
--
-- Date range: a journey belongs to the day of its LAST visit. A view over [from, to] counts the journeys whose
-- last visit falls in the range, with everything they did (also before `from`).
-- Segments: a journey takes the segments of its FIRST visit (device, channel of arrival, locale, country,
-- returning), so "channel:search" means journeys that arrived from search.
--
-- A journey's end moves: when a visit arrives, the trigger first takes the journey's whole contribution out of
-- the aggregate rollups (its old end, old day, old channel count, old segments), updates the journey, then puts
-- the new contribution back. A visit older than the journey's last one (late delivery, import) adds its
-- touchpoint and channel but does not move the end.
--
-- Aggregates, per site x segment x day (the journey's last day):
--   rollup_journeys      per touchpoint: journeys that reached it, journeys that ended there
--   rollup_journey_spans per number of distinct channels: journeys
--   rollup_experience    visitors with a within-visitor consistency, and the sum of it (0-100)
-- Rows left at 0 after a move are kept: reads sum them, and they are bounded by touchpoints x days.

CREATE TABLE journeys (
  site_id TEXT NOT NULL, visitor TEXT NOT NULL,
  first_at TEXT NOT NULL, last_at TEXT NOT NULL,
  first_day TEXT NOT NULL, last_day TEXT NOT NULL,
  last_touchpoint TEXT NOT NULL,
  segments TEXT NOT NULL,           -- json array: 'all' and the first visit's 'name:value' (null where unknown)
  channels INTEGER NOT NULL,        -- distinct channels of the touchpoints reached
  PRIMARY KEY (site_id, visitor)
) WITHOUT ROWID;

CREATE TABLE journey_touchpoints (
  site_id TEXT NOT NULL, visitor TEXT NOT NULL, touchpoint TEXT NOT NULL, channel TEXT NOT NULL,
  PRIMARY KEY (site_id, visitor, touchpoint)
) WITHOUT ROWID;

-- Per visitor x touchpoint x experience dimension: count and sum of their answers (all time).
CREATE TABLE journey_scores (
  site_id TEXT NOT NULL, visitor TEXT NOT NULL, dimension TEXT NOT NULL, touchpoint TEXT NOT NULL,
  n INTEGER NOT NULL, sum REAL NOT NULL,
  PRIMARY KEY (site_id, visitor, dimension, touchpoint)
) WITHOUT ROWID;

-- Per visitor with a dimension rated at two or more touchpoints: docs/metrics.md experienced consistency of that
-- visitor, 0-100 (mean over such dimensions of 1 - popsd(touchpoint means) / 2). analytics/consistency.ts
-- computes the same from the same means.
CREATE TABLE visitor_experience (
  site_id TEXT NOT NULL, visitor TEXT NOT NULL, value REAL NOT NULL,
  PRIMARY KEY (site_id, visitor)
) WITHOUT ROWID;

CREATE TABLE rollup_journeys (
  site_id TEXT NOT NULL, segment TEXT NOT NULL, day TEXT NOT NULL, touchpoint TEXT NOT NULL,
  reached INTEGER NOT NULL DEFAULT 0, ended INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (site_id, segment, day, touchpoint)
) WITHOUT ROWID;

CREATE TABLE rollup_journey_spans (
  site_id TEXT NOT NULL, segment TEXT NOT NULL, day TEXT NOT NULL, channels INTEGER NOT NULL,
  journeys INTEGER NOT NULL,
  PRIMARY KEY (site_id, segment, day, channels)
) WITHOUT ROWID;

CREATE TABLE rollup_experience (
  site_id TEXT NOT NULL, segment TEXT NOT NULL, day TEXT NOT NULL,
  visitors INTEGER NOT NULL, sum REAL NOT NULL,
  PRIMARY KEY (site_id, segment, day)
) WITHOUT ROWID;

CREATE TRIGGER visits_journey AFTER INSERT ON visits BEGIN
  -- 1. take the journey's old contribution out (no rows match for a new journey)
  UPDATE rollup_journeys SET reached = reached - 1, ended = ended - (touchpoint = (
      SELECT last_touchpoint FROM journeys WHERE site_id = NEW.site_id AND visitor = NEW.visitor))
  WHERE (site_id, segment, day, touchpoint) IN (
    SELECT j.site_id, s.value, j.last_day, t.touchpoint
    FROM journeys j JOIN journey_touchpoints t ON t.site_id = j.site_id AND t.visitor = j.visitor, json_each(j.segments) s
    WHERE j.site_id = NEW.site_id AND j.visitor = NEW.visitor AND s.value IS NOT NULL);
  UPDATE rollup_journey_spans SET journeys = journeys - 1
  WHERE (site_id, segment, day, channels) IN (
    SELECT j.site_id, s.value, j.last_day, j.channels FROM journeys j, json_each(j.segments) s
    WHERE j.site_id = NEW.site_id AND j.visitor = NEW.visitor AND s.value IS NOT NULL);
  UPDATE rollup_experience SET visitors = visitors - 1, sum = sum - (
      SELECT value FROM visitor_experience WHERE site_id = NEW.site_id AND visitor = NEW.visitor)
  WHERE (site_id, segment, day) IN (
    SELECT j.site_id, s.value, j.last_day
    FROM journeys j JOIN visitor_experience x ON x.site_id = j.site_id AND x.visitor = j.visitor, json_each(j.segments) s
    WHERE j.site_id = NEW.site_id AND j.visitor = NEW.visitor AND s.value IS NOT NULL);

  -- 2. update the journey
  INSERT INTO journey_touchpoints (site_id, visitor, touchpoint, channel)
  VALUES (NEW.site_id, NEW.visitor, NEW.touchpoint, NEW.channel) ON CONFLICT DO NOTHING;
  INSERT INTO journeys (site_id, visitor, first_at, last_at, first_day, last_day, last_touchpoint, segments, channels)
  VALUES (NEW.site_id, NEW.visitor, NEW.at, NEW.at, NEW.day, NEW.day, NEW.touchpoint,
    json_array('all', 'device:' || NEW.device, 'channel:' || NEW.arrival, 'locale:' || NEW.locale,
      'country:' || NEW.country, 'returning:' || CASE NEW.is_returning WHEN 1 THEN 'yes' WHEN 0 THEN 'no' END),
    (SELECT count(DISTINCT channel) FROM journey_touchpoints WHERE site_id = NEW.site_id AND visitor = NEW.visitor))
  ON CONFLICT DO UPDATE SET
    -- every right-hand side reads the row as it was before this update
    last_touchpoint = CASE WHEN excluded.last_at >= last_at THEN excluded.last_touchpoint ELSE last_touchpoint END,
    last_day = CASE WHEN excluded.last_at >= last_at THEN excluded.last_day ELSE last_day END,
    last_at = max(last_at, excluded.last_at),
    segments = CASE WHEN excluded.first_at < first_at THEN excluded.segments ELSE segments END,
    first_day = min(first_day, excluded.first_day),
    first_at = min(first_at, excluded.first_at),
    channels = excluded.channels;

  -- 3. put the new contribution in
  INSERT INTO rollup_journeys (site_id, segment, day, touchpoint, reached, ended)
  SELECT j.site_id, s.value, j.last_day, t.touchpoint, 1, t.touchpoint = j.last_touchpoint
  FROM journeys j JOIN journey_touchpoints t ON t.site_id = j.site_id AND t.visitor = j.visitor, json_each(j.segments) s
  WHERE j.site_id = NEW.site_id AND j.visitor = NEW.visitor AND s.value IS NOT NULL
  ON CONFLICT DO UPDATE SET reached = reached + 1, ended = ended + excluded.ended;
  INSERT INTO rollup_journey_spans (site_id, segment, day, channels, journeys)
  SELECT j.site_id, s.value, j.last_day, j.channels, 1 FROM journeys j, json_each(j.segments) s
  WHERE j.site_id = NEW.site_id AND j.visitor = NEW.visitor AND s.value IS NOT NULL
  ON CONFLICT DO UPDATE SET journeys = journeys + 1;
  INSERT INTO rollup_experience (site_id, segment, day, visitors, sum)
  SELECT j.site_id, s.value, j.last_day, 1, x.value
  FROM journeys j JOIN visitor_experience x ON x.site_id = j.site_id AND x.visitor = j.visitor, json_each(j.segments) s
  WHERE j.site_id = NEW.site_id AND j.visitor = NEW.visitor AND s.value IS NOT NULL
  ON CONFLICT DO UPDATE SET visitors = visitors + 1, sum = sum + excluded.sum;
END;

CREATE TRIGGER answers_journey AFTER INSERT ON answers WHEN NEW.quality IS NOT NULL BEGIN
  -- 1. take the visitor's old experienced consistency out of their journey's day
  UPDATE rollup_experience SET visitors = visitors - 1, sum = sum - (
      SELECT value FROM visitor_experience WHERE site_id = NEW.site_id AND visitor = NEW.visitor)
  WHERE (site_id, segment, day) IN (
    SELECT j.site_id, s.value, j.last_day
    FROM journeys j JOIN visitor_experience x ON x.site_id = j.site_id AND x.visitor = j.visitor, json_each(j.segments) s
    WHERE j.site_id = NEW.site_id AND j.visitor = NEW.visitor AND s.value IS NOT NULL);

  -- 2. the visitor's per-touchpoint sums, and their consistency recomputed from them
  INSERT INTO journey_scores (site_id, visitor, dimension, touchpoint, n, sum)
  SELECT NEW.site_id, NEW.visitor, d.key, NEW.touchpoint, 1, d.value
  FROM json_each(json_object('sensorial', NEW.sensorial, 'affective', NEW.affective, 'cognitive', NEW.cognitive,
         'relational', NEW.relational, 'behavioral', NEW.behavioral)) AS d
  WHERE d.value IS NOT NULL
  ON CONFLICT DO UPDATE SET n = n + 1, sum = sum + excluded.sum;
  DELETE FROM visitor_experience WHERE site_id = NEW.site_id AND visitor = NEW.visitor;
  INSERT INTO visitor_experience (site_id, visitor, value)
  SELECT NEW.site_id, NEW.visitor, v FROM (
    SELECT avg(c) AS v FROM (
      SELECT 100 * (1 - sqrt(max(0, avg(m * m) - avg(m) * avg(m))) / 2) AS c
      FROM (SELECT dimension, sum / n AS m FROM journey_scores WHERE site_id = NEW.site_id AND visitor = NEW.visitor)
      GROUP BY dimension HAVING count(*) >= 2))
  WHERE v IS NOT NULL;

  -- 3. put it back in
  INSERT INTO rollup_experience (site_id, segment, day, visitors, sum)
  SELECT j.site_id, s.value, j.last_day, 1, x.value
  FROM journeys j JOIN visitor_experience x ON x.site_id = j.site_id AND x.visitor = j.visitor, json_each(j.segments) s
  WHERE j.site_id = NEW.site_id AND j.visitor = NEW.visitor AND s.value IS NOT NULL
  ON CONFLICT DO UPDATE SET visitors = visitors + 1, sum = sum + excluded.sum;
END;

-- Context gaps read answer-level quality of every segment for a date range: by dimension, then day.
CREATE INDEX rollup_scores_quality ON rollup_scores(site_id, dimension, day, segment, touchpoint);
