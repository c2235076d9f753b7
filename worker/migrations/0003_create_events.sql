-- Raw visits and answers, stored once per event id, and the rollups that analytics read.
-- Rollups are kept in step by triggers, so they change in the same transaction (the same D1 batch)
-- as the raw row, and only when the raw row was really inserted (a duplicate id changes nothing).
--
-- Segments: every rollup row carries one segment, 'all' or 'name:value' with name in
-- device, channel (of arrival), locale (language), country, returning (yes/no). A view filtered
-- by one segment reads only that segment's rows: rows read grow with touchpoints x days, not answers.

CREATE TABLE visits (
  site_id TEXT NOT NULL,
  id TEXT NOT NULL,                 -- the sender's event uuid
  visitor TEXT NOT NULL,            -- the journey id
  touchpoint TEXT NOT NULL,
  from_touchpoint TEXT,
  at TEXT NOT NULL,                 -- ISO time of the event
  day TEXT NOT NULL,                -- YYYY-MM-DD (UTC) of `at`
  device TEXT, arrival TEXT, locale TEXT, country TEXT, is_returning INTEGER,
  path TEXT,
  channel TEXT NOT NULL,            -- the touchpoint's channel, kept for cross-channel journeys
  PRIMARY KEY (site_id, id)
) WITHOUT ROWID;
CREATE INDEX visits_visitor ON visits(site_id, visitor, at);

CREATE TABLE answers (
  site_id TEXT NOT NULL,
  id TEXT NOT NULL,
  visitor TEXT NOT NULL,
  touchpoint TEXT NOT NULL,
  from_touchpoint TEXT,
  at TEXT NOT NULL,
  day TEXT NOT NULL,
  device TEXT, arrival TEXT, locale TEXT, country TEXT, is_returning INTEGER,
  sensorial INTEGER, affective INTEGER, cognitive INTEGER, relational INTEGER, behavioral INTEGER,
  importance INTEGER, handoff INTEGER,
  quality REAL,                     -- mean of this answer's experience dimensions (1–5), if any
  source TEXT NOT NULL DEFAULT 'widget', -- widget | import
  PRIMARY KEY (site_id, id)
) WITHOUT ROWID;
CREATE INDEX answers_visitor ON answers(site_id, visitor, touchpoint, at);
CREATE INDEX answers_time ON answers(site_id, at);

CREATE TABLE comments (
  site_id TEXT NOT NULL,
  answer_id TEXT NOT NULL,
  touchpoint TEXT NOT NULL,
  at TEXT NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (site_id, answer_id),
  FOREIGN KEY (site_id, answer_id) REFERENCES answers(site_id, id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX comments_time ON comments(site_id, at);

-- Per site x touchpoint x day x dimension x segment: count, sum, sum of squares, histogram.
-- `dimension` also takes 'quality': the answer-level quality, for trends and their tests.
CREATE TABLE rollup_scores (
  site_id TEXT NOT NULL, touchpoint TEXT NOT NULL, day TEXT NOT NULL,
  dimension TEXT NOT NULL, segment TEXT NOT NULL,
  n INTEGER NOT NULL, sum REAL NOT NULL, sumsq REAL NOT NULL,
  h1 INTEGER NOT NULL, h2 INTEGER NOT NULL, h3 INTEGER NOT NULL, h4 INTEGER NOT NULL, h5 INTEGER NOT NULL,
  PRIMARY KEY (site_id, segment, day, touchpoint, dimension)
) WITHOUT ROWID;

CREATE TABLE rollup_visits (
  site_id TEXT NOT NULL, touchpoint TEXT NOT NULL, day TEXT NOT NULL, segment TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (site_id, segment, day, touchpoint)
) WITHOUT ROWID;

-- Consecutive visits from -> to, with the handoff answers at `to` from visitors who came from `from`,
-- and the change in answer quality from `from` to `to` for visitors who rated both.
CREATE TABLE rollup_transitions (
  site_id TEXT NOT NULL, from_touchpoint TEXT NOT NULL, to_touchpoint TEXT NOT NULL,
  day TEXT NOT NULL, segment TEXT NOT NULL,
  count INTEGER NOT NULL DEFAULT 0,
  handoff_n INTEGER NOT NULL DEFAULT 0, handoff_sum REAL NOT NULL DEFAULT 0, handoff_sumsq REAL NOT NULL DEFAULT 0,
  delta_n INTEGER NOT NULL DEFAULT 0, delta_sum REAL NOT NULL DEFAULT 0,
  seamless_n INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (site_id, segment, day, from_touchpoint, to_touchpoint)
) WITHOUT ROWID;

CREATE TRIGGER answers_rollup AFTER INSERT ON answers BEGIN
  INSERT INTO rollup_scores (site_id, touchpoint, day, dimension, segment, n, sum, sumsq, h1, h2, h3, h4, h5)
  SELECT NEW.site_id, NEW.touchpoint, NEW.day, d.key, s.value, 1, d.value, d.value * d.value,
         d.value = 1, d.value = 2, d.value = 3, d.value = 4, d.value = 5
  FROM json_each(json_object('sensorial', NEW.sensorial, 'affective', NEW.affective, 'cognitive', NEW.cognitive,
         'relational', NEW.relational, 'behavioral', NEW.behavioral, 'importance', NEW.importance,
         'handoff', NEW.handoff, 'quality', NEW.quality)) AS d,
       json_each(json_array('all', 'device:' || NEW.device, 'channel:' || NEW.arrival, 'locale:' || NEW.locale,
         'country:' || NEW.country, 'returning:' || CASE NEW.is_returning WHEN 1 THEN 'yes' WHEN 0 THEN 'no' END)) AS s
  WHERE d.value IS NOT NULL AND s.value IS NOT NULL
  ON CONFLICT DO UPDATE SET n = n + 1, sum = sum + excluded.sum, sumsq = sumsq + excluded.sumsq,
    h1 = h1 + excluded.h1, h2 = h2 + excluded.h2, h3 = h3 + excluded.h3, h4 = h4 + excluded.h4, h5 = h5 + excluded.h5;
END;

CREATE TRIGGER answers_transition AFTER INSERT ON answers
WHEN NEW.from_touchpoint IS NOT NULL AND NEW.from_touchpoint <> NEW.touchpoint BEGIN
  INSERT INTO rollup_transitions (site_id, from_touchpoint, to_touchpoint, day, segment,
    handoff_n, handoff_sum, handoff_sumsq, delta_n, delta_sum, seamless_n)
  SELECT NEW.site_id, NEW.from_touchpoint, NEW.touchpoint, NEW.day, s.value,
         NEW.handoff IS NOT NULL, coalesce(NEW.handoff, 0), coalesce(NEW.handoff * NEW.handoff, 0),
         p.q IS NOT NULL AND NEW.quality IS NOT NULL,
         coalesce(NEW.quality - p.q, 0),
         coalesce(NEW.quality >= p.q - 1, 0)
  FROM (SELECT (SELECT quality FROM answers
                WHERE site_id = NEW.site_id AND visitor = NEW.visitor AND touchpoint = NEW.from_touchpoint
                  AND quality IS NOT NULL AND at <= NEW.at
                ORDER BY at DESC LIMIT 1) AS q) AS p,
       json_each(json_array('all', 'device:' || NEW.device, 'channel:' || NEW.arrival, 'locale:' || NEW.locale,
         'country:' || NEW.country, 'returning:' || CASE NEW.is_returning WHEN 1 THEN 'yes' WHEN 0 THEN 'no' END)) AS s
  WHERE s.value IS NOT NULL
  ON CONFLICT DO UPDATE SET handoff_n = handoff_n + excluded.handoff_n, handoff_sum = handoff_sum + excluded.handoff_sum,
    handoff_sumsq = handoff_sumsq + excluded.handoff_sumsq, delta_n = delta_n + excluded.delta_n,
    delta_sum = delta_sum + excluded.delta_sum, seamless_n = seamless_n + excluded.seamless_n;
END;

CREATE TRIGGER visits_rollup AFTER INSERT ON visits BEGIN
  INSERT INTO rollup_visits (site_id, touchpoint, day, segment, n)
  SELECT NEW.site_id, NEW.touchpoint, NEW.day, s.value, 1
  FROM json_each(json_array('all', 'device:' || NEW.device, 'channel:' || NEW.arrival, 'locale:' || NEW.locale,
         'country:' || NEW.country, 'returning:' || CASE NEW.is_returning WHEN 1 THEN 'yes' WHEN 0 THEN 'no' END)) AS s
  WHERE s.value IS NOT NULL
  ON CONFLICT DO UPDATE SET n = n + 1;

  INSERT INTO rollup_transitions (site_id, from_touchpoint, to_touchpoint, day, segment, count)
  SELECT NEW.site_id, NEW.from_touchpoint, NEW.touchpoint, NEW.day, s.value, 1
  FROM json_each(json_array('all', 'device:' || NEW.device, 'channel:' || NEW.arrival, 'locale:' || NEW.locale,
         'country:' || NEW.country, 'returning:' || CASE NEW.is_returning WHEN 1 THEN 'yes' WHEN 0 THEN 'no' END)) AS s
  WHERE s.value IS NOT NULL AND NEW.from_touchpoint IS NOT NULL AND NEW.from_touchpoint <> NEW.touchpoint
  ON CONFLICT DO UPDATE SET count = count + 1;
END;
