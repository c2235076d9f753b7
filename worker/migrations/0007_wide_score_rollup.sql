-- Wide score rollup: one row per site x segment x day x touchpoint holding every dimension's count, sum and sum of
-- squares as columns, instead of rollup_scores' one row per dimension (migration 0003).
--
-- Why: the answers trigger wrote ~30 rollup_scores rows per answer (up to 8 dimensions x 6 segments), about 70% of
-- the ingest cost; now it writes one row per segment (6). Analytics views read one row per touchpoint x day where
-- they read one per dimension, so rows read drop by the number of dimensions.
-- The 1-5 histograms of rollup_scores are not carried over: no view reads them (every metric needs only n, sum
-- and sum of squares), and the answers table still holds every score.
--
-- Columns: <dimension>_n / _sum / _sumsq for sensorial, affective, cognitive, relational, behavioral, importance,
-- handoff, and quality (each answer's mean of its experience dimensions, for trends, alerts and context gaps).
-- A row exists only where at least one dimension has a value, as rollup_scores rows did.
-- Segments as in 0003: 'all' or 'name:value'.

CREATE TABLE rollup_answers (
  site_id TEXT NOT NULL, segment TEXT NOT NULL, day TEXT NOT NULL, touchpoint TEXT NOT NULL,
  sensorial_n INTEGER NOT NULL DEFAULT 0, sensorial_sum REAL NOT NULL DEFAULT 0, sensorial_sumsq REAL NOT NULL DEFAULT 0,
  affective_n INTEGER NOT NULL DEFAULT 0, affective_sum REAL NOT NULL DEFAULT 0, affective_sumsq REAL NOT NULL DEFAULT 0,
  cognitive_n INTEGER NOT NULL DEFAULT 0, cognitive_sum REAL NOT NULL DEFAULT 0, cognitive_sumsq REAL NOT NULL DEFAULT 0,
  relational_n INTEGER NOT NULL DEFAULT 0, relational_sum REAL NOT NULL DEFAULT 0, relational_sumsq REAL NOT NULL DEFAULT 0,
  behavioral_n INTEGER NOT NULL DEFAULT 0, behavioral_sum REAL NOT NULL DEFAULT 0, behavioral_sumsq REAL NOT NULL DEFAULT 0,
  importance_n INTEGER NOT NULL DEFAULT 0, importance_sum REAL NOT NULL DEFAULT 0, importance_sumsq REAL NOT NULL DEFAULT 0,
  handoff_n INTEGER NOT NULL DEFAULT 0, handoff_sum REAL NOT NULL DEFAULT 0, handoff_sumsq REAL NOT NULL DEFAULT 0,
  quality_n INTEGER NOT NULL DEFAULT 0, quality_sum REAL NOT NULL DEFAULT 0, quality_sumsq REAL NOT NULL DEFAULT 0,
  PRIMARY KEY (site_id, segment, day, touchpoint)
) WITHOUT ROWID;

-- Context gaps read quality of every single-value segment (not 'all') over a date range: by day first. The
-- indexed values never change after the row is created, so upserts do not touch this index. The scan of
-- (site, 0, day range) ends on a row of the same site (a later day, or its 'all' rows under 1), never on
-- whatever another site holds, so rows read do not depend on the neighbours.
CREATE INDEX rollup_answers_segments ON rollup_answers(site_id, segment = 'all', day);

-- The same sums rollup_scores held, pivoted: every existing answer is counted once, as the trigger below would.
INSERT INTO rollup_answers (site_id, segment, day, touchpoint, sensorial_n, sensorial_sum, sensorial_sumsq, affective_n, affective_sum, affective_sumsq, cognitive_n, cognitive_sum, cognitive_sumsq, relational_n, relational_sum, relational_sumsq, behavioral_n, behavioral_sum, behavioral_sumsq, importance_n, importance_sum, importance_sumsq, handoff_n, handoff_sum, handoff_sumsq, quality_n, quality_sum, quality_sumsq)
SELECT site_id, segment, day, touchpoint,
       sum(CASE dimension WHEN 'sensorial' THEN n ELSE 0 END), sum(CASE dimension WHEN 'sensorial' THEN sum ELSE 0 END), sum(CASE dimension WHEN 'sensorial' THEN sumsq ELSE 0 END),
       sum(CASE dimension WHEN 'affective' THEN n ELSE 0 END), sum(CASE dimension WHEN 'affective' THEN sum ELSE 0 END), sum(CASE dimension WHEN 'affective' THEN sumsq ELSE 0 END),
       sum(CASE dimension WHEN 'cognitive' THEN n ELSE 0 END), sum(CASE dimension WHEN 'cognitive' THEN sum ELSE 0 END), sum(CASE dimension WHEN 'cognitive' THEN sumsq ELSE 0 END),
       sum(CASE dimension WHEN 'relational' THEN n ELSE 0 END), sum(CASE dimension WHEN 'relational' THEN sum ELSE 0 END), sum(CASE dimension WHEN 'relational' THEN sumsq ELSE 0 END),
       sum(CASE dimension WHEN 'behavioral' THEN n ELSE 0 END), sum(CASE dimension WHEN 'behavioral' THEN sum ELSE 0 END), sum(CASE dimension WHEN 'behavioral' THEN sumsq ELSE 0 END),
       sum(CASE dimension WHEN 'importance' THEN n ELSE 0 END), sum(CASE dimension WHEN 'importance' THEN sum ELSE 0 END), sum(CASE dimension WHEN 'importance' THEN sumsq ELSE 0 END),
       sum(CASE dimension WHEN 'handoff' THEN n ELSE 0 END), sum(CASE dimension WHEN 'handoff' THEN sum ELSE 0 END), sum(CASE dimension WHEN 'handoff' THEN sumsq ELSE 0 END),
       sum(CASE dimension WHEN 'quality' THEN n ELSE 0 END), sum(CASE dimension WHEN 'quality' THEN sum ELSE 0 END), sum(CASE dimension WHEN 'quality' THEN sumsq ELSE 0 END)
FROM rollup_scores GROUP BY site_id, segment, day, touchpoint;

DROP TRIGGER answers_rollup;
DROP INDEX rollup_scores_quality;
DROP TABLE rollup_scores;

CREATE TRIGGER answers_rollup_wide AFTER INSERT ON answers
WHEN coalesce(NEW.sensorial, NEW.affective, NEW.cognitive, NEW.relational, NEW.behavioral, NEW.importance, NEW.handoff, NEW.quality) IS NOT NULL BEGIN
  INSERT INTO rollup_answers (site_id, segment, day, touchpoint, sensorial_n, sensorial_sum, sensorial_sumsq, affective_n, affective_sum, affective_sumsq, cognitive_n, cognitive_sum, cognitive_sumsq, relational_n, relational_sum, relational_sumsq, behavioral_n, behavioral_sum, behavioral_sumsq, importance_n, importance_sum, importance_sumsq, handoff_n, handoff_sum, handoff_sumsq, quality_n, quality_sum, quality_sumsq)
  SELECT NEW.site_id, s.value, NEW.day, NEW.touchpoint,
         NEW.sensorial IS NOT NULL, coalesce(NEW.sensorial, 0), coalesce(NEW.sensorial * NEW.sensorial, 0),
         NEW.affective IS NOT NULL, coalesce(NEW.affective, 0), coalesce(NEW.affective * NEW.affective, 0),
         NEW.cognitive IS NOT NULL, coalesce(NEW.cognitive, 0), coalesce(NEW.cognitive * NEW.cognitive, 0),
         NEW.relational IS NOT NULL, coalesce(NEW.relational, 0), coalesce(NEW.relational * NEW.relational, 0),
         NEW.behavioral IS NOT NULL, coalesce(NEW.behavioral, 0), coalesce(NEW.behavioral * NEW.behavioral, 0),
         NEW.importance IS NOT NULL, coalesce(NEW.importance, 0), coalesce(NEW.importance * NEW.importance, 0),
         NEW.handoff IS NOT NULL, coalesce(NEW.handoff, 0), coalesce(NEW.handoff * NEW.handoff, 0),
         NEW.quality IS NOT NULL, coalesce(NEW.quality, 0), coalesce(NEW.quality * NEW.quality, 0)
  FROM json_each(json_array('all', 'device:' || NEW.device, 'channel:' || NEW.arrival, 'locale:' || NEW.locale,
         'country:' || NEW.country, 'returning:' || CASE NEW.is_returning WHEN 1 THEN 'yes' WHEN 0 THEN 'no' END)) AS s
  WHERE s.value IS NOT NULL
  ON CONFLICT DO UPDATE SET
    sensorial_n = sensorial_n + excluded.sensorial_n, sensorial_sum = sensorial_sum + excluded.sensorial_sum, sensorial_sumsq = sensorial_sumsq + excluded.sensorial_sumsq,
    affective_n = affective_n + excluded.affective_n, affective_sum = affective_sum + excluded.affective_sum, affective_sumsq = affective_sumsq + excluded.affective_sumsq,
    cognitive_n = cognitive_n + excluded.cognitive_n, cognitive_sum = cognitive_sum + excluded.cognitive_sum, cognitive_sumsq = cognitive_sumsq + excluded.cognitive_sumsq,
    relational_n = relational_n + excluded.relational_n, relational_sum = relational_sum + excluded.relational_sum, relational_sumsq = relational_sumsq + excluded.relational_sumsq,
    behavioral_n = behavioral_n + excluded.behavioral_n, behavioral_sum = behavioral_sum + excluded.behavioral_sum, behavioral_sumsq = behavioral_sumsq + excluded.behavioral_sumsq,
    importance_n = importance_n + excluded.importance_n, importance_sum = importance_sum + excluded.importance_sum, importance_sumsq = importance_sumsq + excluded.importance_sumsq,
    handoff_n = handoff_n + excluded.handoff_n, handoff_sum = handoff_sum + excluded.handoff_sum, handoff_sumsq = handoff_sumsq + excluded.handoff_sumsq,
    quality_n = quality_n + excluded.quality_n, quality_sum = quality_sum + excluded.quality_sum, quality_sumsq = quality_sumsq + excluded.quality_sumsq;
END;
