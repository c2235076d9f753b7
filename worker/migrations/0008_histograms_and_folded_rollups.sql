-- Migration 0008: 1-5 histograms (issue 4) and rows read that follow touchpoints x days (issue 5).
--
-- 1. Histograms: <dimension>_h1 ... _h5 on rollup_answers for every rated dimension (quality is a mean: none),
--    kept by the answers trigger in the same upsert, so no row is written in addition.
-- 2. Context gap: the 'all' row of rollup_answers carries `contexts`, a JSON object of the answer-level quality
--    of every single-value segment of its answers: {"device:mobile": [n, sum, sumsq], ...} with quality counted in
--    sixtieths (a mean of 1-5 experience scores times 60 is a whole number), so sums stay exact and short. The
--    overview reads it from the 'all' rows it reads anyway, instead of touchpoints x days x every segment value's rows.
-- 3. Transitions: rollup_transitions (one row per from x to x day x segment) is folded into the rows of the
--    destination touchpoint: rollup_visits.arrivals = {"<from>": consecutive visits from -> this touchpoint}, and
--    rollup_answers.arrivals = {"<from>": [handoff_n, handoff_sum, handoff_sumsq, delta_n, delta_sum, seamless_n]}
--    (handoff answers at this touchpoint from visitors who came from <from>, and the change in answer quality from
--    <from> for visitors who rated both, as 0003's trigger defined them). A key is present only where it counts
--    something. Rows written per visit and per answer with a previous touchpoint drop by 6 (the segments), and the
--    overview reads one row per touchpoint x day for them. rollup_transitions stays, empty and no longer written,
--    while worker/src/db/sites.ts still lists it for site deletion.
-- Views sum these rows in the Worker (db/analytics-reads.ts): SQL cannot sum JSON without json_each, whose rows
-- D1 counts as read, and a GROUP BY's sorter rows are counted as read too.

ALTER TABLE rollup_answers ADD COLUMN contexts TEXT;
ALTER TABLE rollup_answers ADD COLUMN arrivals TEXT;
ALTER TABLE rollup_visits ADD COLUMN arrivals TEXT;
ALTER TABLE rollup_answers ADD COLUMN sensorial_h1 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rollup_answers ADD COLUMN sensorial_h2 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rollup_answers ADD COLUMN sensorial_h3 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rollup_answers ADD COLUMN sensorial_h4 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rollup_answers ADD COLUMN sensorial_h5 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rollup_answers ADD COLUMN affective_h1 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rollup_answers ADD COLUMN affective_h2 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rollup_answers ADD COLUMN affective_h3 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rollup_answers ADD COLUMN affective_h4 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rollup_answers ADD COLUMN affective_h5 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rollup_answers ADD COLUMN cognitive_h1 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rollup_answers ADD COLUMN cognitive_h2 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rollup_answers ADD COLUMN cognitive_h3 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rollup_answers ADD COLUMN cognitive_h4 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rollup_answers ADD COLUMN cognitive_h5 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rollup_answers ADD COLUMN relational_h1 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rollup_answers ADD COLUMN relational_h2 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rollup_answers ADD COLUMN relational_h3 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rollup_answers ADD COLUMN relational_h4 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rollup_answers ADD COLUMN relational_h5 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rollup_answers ADD COLUMN behavioral_h1 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rollup_answers ADD COLUMN behavioral_h2 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rollup_answers ADD COLUMN behavioral_h3 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rollup_answers ADD COLUMN behavioral_h4 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rollup_answers ADD COLUMN behavioral_h5 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rollup_answers ADD COLUMN importance_h1 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rollup_answers ADD COLUMN importance_h2 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rollup_answers ADD COLUMN importance_h3 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rollup_answers ADD COLUMN importance_h4 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rollup_answers ADD COLUMN importance_h5 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rollup_answers ADD COLUMN handoff_h1 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rollup_answers ADD COLUMN handoff_h2 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rollup_answers ADD COLUMN handoff_h3 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rollup_answers ADD COLUMN handoff_h4 INTEGER NOT NULL DEFAULT 0;
ALTER TABLE rollup_answers ADD COLUMN handoff_h5 INTEGER NOT NULL DEFAULT 0;

-- Context gaps no longer read single-value segments across segments: the index of 0007 only cost writes.
DROP INDEX rollup_answers_segments;

-- Backfill, from the raw answers (histograms, contexts) and from rollup_transitions (arrivals).
UPDATE rollup_answers SET
  sensorial_h1 = x.sensorial_h1, sensorial_h2 = x.sensorial_h2, sensorial_h3 = x.sensorial_h3, sensorial_h4 = x.sensorial_h4, sensorial_h5 = x.sensorial_h5, affective_h1 = x.affective_h1, affective_h2 = x.affective_h2, affective_h3 = x.affective_h3, affective_h4 = x.affective_h4, affective_h5 = x.affective_h5, cognitive_h1 = x.cognitive_h1, cognitive_h2 = x.cognitive_h2, cognitive_h3 = x.cognitive_h3, cognitive_h4 = x.cognitive_h4, cognitive_h5 = x.cognitive_h5, relational_h1 = x.relational_h1, relational_h2 = x.relational_h2, relational_h3 = x.relational_h3, relational_h4 = x.relational_h4, relational_h5 = x.relational_h5, behavioral_h1 = x.behavioral_h1, behavioral_h2 = x.behavioral_h2, behavioral_h3 = x.behavioral_h3, behavioral_h4 = x.behavioral_h4, behavioral_h5 = x.behavioral_h5, importance_h1 = x.importance_h1, importance_h2 = x.importance_h2, importance_h3 = x.importance_h3, importance_h4 = x.importance_h4, importance_h5 = x.importance_h5, handoff_h1 = x.handoff_h1, handoff_h2 = x.handoff_h2, handoff_h3 = x.handoff_h3, handoff_h4 = x.handoff_h4, handoff_h5 = x.handoff_h5
FROM (SELECT a.site_id, s.value AS segment, a.day, a.touchpoint,
        sum(a.sensorial IS 1) AS sensorial_h1, sum(a.sensorial IS 2) AS sensorial_h2, sum(a.sensorial IS 3) AS sensorial_h3, sum(a.sensorial IS 4) AS sensorial_h4, sum(a.sensorial IS 5) AS sensorial_h5,
        sum(a.affective IS 1) AS affective_h1, sum(a.affective IS 2) AS affective_h2, sum(a.affective IS 3) AS affective_h3, sum(a.affective IS 4) AS affective_h4, sum(a.affective IS 5) AS affective_h5,
        sum(a.cognitive IS 1) AS cognitive_h1, sum(a.cognitive IS 2) AS cognitive_h2, sum(a.cognitive IS 3) AS cognitive_h3, sum(a.cognitive IS 4) AS cognitive_h4, sum(a.cognitive IS 5) AS cognitive_h5,
        sum(a.relational IS 1) AS relational_h1, sum(a.relational IS 2) AS relational_h2, sum(a.relational IS 3) AS relational_h3, sum(a.relational IS 4) AS relational_h4, sum(a.relational IS 5) AS relational_h5,
        sum(a.behavioral IS 1) AS behavioral_h1, sum(a.behavioral IS 2) AS behavioral_h2, sum(a.behavioral IS 3) AS behavioral_h3, sum(a.behavioral IS 4) AS behavioral_h4, sum(a.behavioral IS 5) AS behavioral_h5,
        sum(a.importance IS 1) AS importance_h1, sum(a.importance IS 2) AS importance_h2, sum(a.importance IS 3) AS importance_h3, sum(a.importance IS 4) AS importance_h4, sum(a.importance IS 5) AS importance_h5,
        sum(a.handoff IS 1) AS handoff_h1, sum(a.handoff IS 2) AS handoff_h2, sum(a.handoff IS 3) AS handoff_h3, sum(a.handoff IS 4) AS handoff_h4, sum(a.handoff IS 5) AS handoff_h5
      FROM answers a, json_each(json_array('all', 'device:' || a.device, 'channel:' || a.arrival, 'locale:' || a.locale,
         'country:' || a.country, 'returning:' || CASE a.is_returning WHEN 1 THEN 'yes' WHEN 0 THEN 'no' END)) AS s
      WHERE s.value IS NOT NULL GROUP BY 1, 2, 3, 4) AS x
WHERE rollup_answers.site_id = x.site_id AND rollup_answers.segment = x.segment AND rollup_answers.day = x.day
  AND rollup_answers.touchpoint = x.touchpoint;

UPDATE rollup_answers SET contexts = x.contexts
FROM (SELECT site_id, day, touchpoint, json_group_object(segment, json_array(n, sum, sumsq)) AS contexts
      FROM (SELECT a.site_id, a.day, a.touchpoint, s.value AS segment, count(*) AS n, sum(a.q60) AS sum, sum(a.q60 * a.q60) AS sumsq
            FROM (SELECT *, CAST(round(quality * 60) AS INTEGER) AS q60 FROM answers) AS a, json_each(json_array('device:' || a.device, 'channel:' || a.arrival, 'locale:' || a.locale,
         'country:' || a.country, 'returning:' || CASE a.is_returning WHEN 1 THEN 'yes' WHEN 0 THEN 'no' END)) AS s
            WHERE a.quality IS NOT NULL AND s.value IS NOT NULL GROUP BY 1, 2, 3, 4)
      GROUP BY 1, 2, 3) AS x
WHERE rollup_answers.site_id = x.site_id AND rollup_answers.segment = 'all' AND rollup_answers.day = x.day
  AND rollup_answers.touchpoint = x.touchpoint;

UPDATE rollup_answers SET arrivals = x.arrivals
FROM (SELECT site_id, segment, day, to_touchpoint,
        json_group_object(from_touchpoint, json_array(handoff_n, handoff_sum, handoff_sumsq, delta_n, delta_sum, seamless_n)) AS arrivals
      FROM rollup_transitions WHERE handoff_n > 0 OR delta_n > 0 GROUP BY 1, 2, 3, 4) AS x
WHERE rollup_answers.site_id = x.site_id AND rollup_answers.segment = x.segment AND rollup_answers.day = x.day
  AND rollup_answers.touchpoint = x.to_touchpoint;

UPDATE rollup_visits SET arrivals = x.arrivals
FROM (SELECT site_id, segment, day, to_touchpoint, json_group_object(from_touchpoint, count) AS arrivals
      FROM rollup_transitions WHERE count > 0 GROUP BY 1, 2, 3, 4) AS x
WHERE rollup_visits.site_id = x.site_id AND rollup_visits.segment = x.segment AND rollup_visits.day = x.day
  AND rollup_visits.touchpoint = x.to_touchpoint;

DELETE FROM rollup_transitions;
DROP TRIGGER answers_transition;
DROP TRIGGER answers_rollup_wide;
DROP TRIGGER visits_rollup;

-- One upsert per segment, as in 0007, now also with the histograms, the 'all' row's contexts and the arrivals.
-- JSON merges touch only the keys of this answer (json_patch / json_set), not the whole object.
-- p.q: the visitor's latest answer quality at the previous touchpoint, at or before this answer (0003's rule).
CREATE TRIGGER answers_rollup_wide AFTER INSERT ON answers
WHEN coalesce(NEW.sensorial, NEW.affective, NEW.cognitive, NEW.relational, NEW.behavioral, NEW.importance, NEW.handoff, NEW.quality) IS NOT NULL BEGIN
  INSERT INTO rollup_answers (site_id, segment, day, touchpoint,
    sensorial_n, sensorial_sum, sensorial_sumsq, affective_n, affective_sum, affective_sumsq,
    cognitive_n, cognitive_sum, cognitive_sumsq, relational_n, relational_sum, relational_sumsq,
    behavioral_n, behavioral_sum, behavioral_sumsq, importance_n, importance_sum, importance_sumsq,
    handoff_n, handoff_sum, handoff_sumsq, quality_n, quality_sum, quality_sumsq,
    sensorial_h1, sensorial_h2, sensorial_h3, sensorial_h4, sensorial_h5, affective_h1, affective_h2, affective_h3, affective_h4, affective_h5,
    cognitive_h1, cognitive_h2, cognitive_h3, cognitive_h4, cognitive_h5, relational_h1, relational_h2, relational_h3, relational_h4, relational_h5,
    behavioral_h1, behavioral_h2, behavioral_h3, behavioral_h4, behavioral_h5, importance_h1, importance_h2, importance_h3, importance_h4, importance_h5,
    handoff_h1, handoff_h2, handoff_h3, handoff_h4, handoff_h5,
    contexts, arrivals)
  SELECT NEW.site_id, s.value, NEW.day, NEW.touchpoint,
         NEW.sensorial IS NOT NULL, coalesce(NEW.sensorial, 0), coalesce(NEW.sensorial * NEW.sensorial, 0),
         NEW.affective IS NOT NULL, coalesce(NEW.affective, 0), coalesce(NEW.affective * NEW.affective, 0),
         NEW.cognitive IS NOT NULL, coalesce(NEW.cognitive, 0), coalesce(NEW.cognitive * NEW.cognitive, 0),
         NEW.relational IS NOT NULL, coalesce(NEW.relational, 0), coalesce(NEW.relational * NEW.relational, 0),
         NEW.behavioral IS NOT NULL, coalesce(NEW.behavioral, 0), coalesce(NEW.behavioral * NEW.behavioral, 0),
         NEW.importance IS NOT NULL, coalesce(NEW.importance, 0), coalesce(NEW.importance * NEW.importance, 0),
         NEW.handoff IS NOT NULL, coalesce(NEW.handoff, 0), coalesce(NEW.handoff * NEW.handoff, 0),
         NEW.quality IS NOT NULL, coalesce(NEW.quality, 0), coalesce(NEW.quality * NEW.quality, 0),
         NEW.sensorial IS 1, NEW.sensorial IS 2, NEW.sensorial IS 3, NEW.sensorial IS 4, NEW.sensorial IS 5,
         NEW.affective IS 1, NEW.affective IS 2, NEW.affective IS 3, NEW.affective IS 4, NEW.affective IS 5,
         NEW.cognitive IS 1, NEW.cognitive IS 2, NEW.cognitive IS 3, NEW.cognitive IS 4, NEW.cognitive IS 5,
         NEW.relational IS 1, NEW.relational IS 2, NEW.relational IS 3, NEW.relational IS 4, NEW.relational IS 5,
         NEW.behavioral IS 1, NEW.behavioral IS 2, NEW.behavioral IS 3, NEW.behavioral IS 4, NEW.behavioral IS 5,
         NEW.importance IS 1, NEW.importance IS 2, NEW.importance IS 3, NEW.importance IS 4, NEW.importance IS 5,
         NEW.handoff IS 1, NEW.handoff IS 2, NEW.handoff IS 3, NEW.handoff IS 4, NEW.handoff IS 5,
         CASE WHEN s.value = 'all' AND NEW.quality IS NOT NULL THEN (
           SELECT nullif(json_group_object(c.value, json_array(1, CAST(round(NEW.quality * 60) AS INTEGER), CAST(round(NEW.quality * 60) AS INTEGER) * CAST(round(NEW.quality * 60) AS INTEGER))), '{}')
           FROM json_each(json_array('device:' || NEW.device, 'channel:' || NEW.arrival, 'locale:' || NEW.locale,
         'country:' || NEW.country, 'returning:' || CASE NEW.is_returning WHEN 1 THEN 'yes' WHEN 0 THEN 'no' END)) AS c WHERE c.value IS NOT NULL) END,
         CASE WHEN p.moved AND (NEW.handoff IS NOT NULL OR p.q IS NOT NULL) THEN json_object(NEW.from_touchpoint, json_array(
           NEW.handoff IS NOT NULL, coalesce(NEW.handoff, 0), coalesce(NEW.handoff * NEW.handoff, 0),
           p.q IS NOT NULL, coalesce(NEW.quality - p.q, 0), coalesce(NEW.quality >= p.q - 1, 0))) END
  FROM (SELECT moved, CASE WHEN moved AND NEW.quality IS NOT NULL THEN (
          SELECT quality FROM answers
          WHERE site_id = NEW.site_id AND visitor = NEW.visitor AND touchpoint = NEW.from_touchpoint
            AND quality IS NOT NULL AND at <= NEW.at
          ORDER BY at DESC LIMIT 1) END AS q
        FROM (SELECT coalesce(NEW.from_touchpoint <> NEW.touchpoint, 0) AS moved)) AS p,
       json_each(json_array('all', 'device:' || NEW.device, 'channel:' || NEW.arrival, 'locale:' || NEW.locale,
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
    quality_n = quality_n + excluded.quality_n, quality_sum = quality_sum + excluded.quality_sum, quality_sumsq = quality_sumsq + excluded.quality_sumsq,
    sensorial_h1 = sensorial_h1 + excluded.sensorial_h1, sensorial_h2 = sensorial_h2 + excluded.sensorial_h2, sensorial_h3 = sensorial_h3 + excluded.sensorial_h3, sensorial_h4 = sensorial_h4 + excluded.sensorial_h4, sensorial_h5 = sensorial_h5 + excluded.sensorial_h5,
    affective_h1 = affective_h1 + excluded.affective_h1, affective_h2 = affective_h2 + excluded.affective_h2, affective_h3 = affective_h3 + excluded.affective_h3, affective_h4 = affective_h4 + excluded.affective_h4, affective_h5 = affective_h5 + excluded.affective_h5,
    cognitive_h1 = cognitive_h1 + excluded.cognitive_h1, cognitive_h2 = cognitive_h2 + excluded.cognitive_h2, cognitive_h3 = cognitive_h3 + excluded.cognitive_h3, cognitive_h4 = cognitive_h4 + excluded.cognitive_h4, cognitive_h5 = cognitive_h5 + excluded.cognitive_h5,
    relational_h1 = relational_h1 + excluded.relational_h1, relational_h2 = relational_h2 + excluded.relational_h2, relational_h3 = relational_h3 + excluded.relational_h3, relational_h4 = relational_h4 + excluded.relational_h4, relational_h5 = relational_h5 + excluded.relational_h5,
    behavioral_h1 = behavioral_h1 + excluded.behavioral_h1, behavioral_h2 = behavioral_h2 + excluded.behavioral_h2, behavioral_h3 = behavioral_h3 + excluded.behavioral_h3, behavioral_h4 = behavioral_h4 + excluded.behavioral_h4, behavioral_h5 = behavioral_h5 + excluded.behavioral_h5,
    importance_h1 = importance_h1 + excluded.importance_h1, importance_h2 = importance_h2 + excluded.importance_h2, importance_h3 = importance_h3 + excluded.importance_h3, importance_h4 = importance_h4 + excluded.importance_h4, importance_h5 = importance_h5 + excluded.importance_h5,
    handoff_h1 = handoff_h1 + excluded.handoff_h1, handoff_h2 = handoff_h2 + excluded.handoff_h2, handoff_h3 = handoff_h3 + excluded.handoff_h3, handoff_h4 = handoff_h4 + excluded.handoff_h4, handoff_h5 = handoff_h5 + excluded.handoff_h5,
    contexts = CASE WHEN excluded.contexts IS NULL THEN contexts WHEN contexts IS NULL THEN excluded.contexts ELSE json_patch(contexts, (
      SELECT json_group_object(c.key, json_array(coalesce(json_extract(contexts, '$."' || c.key || '"[0]'), 0) + 1,
        coalesce(json_extract(contexts, '$."' || c.key || '"[1]'), 0) + CAST(round(NEW.quality * 60) AS INTEGER),
        coalesce(json_extract(contexts, '$."' || c.key || '"[2]'), 0) + CAST(round(NEW.quality * 60) AS INTEGER) * CAST(round(NEW.quality * 60) AS INTEGER)))
      FROM json_each(excluded.contexts) AS c)) END,
    arrivals = CASE WHEN excluded.arrivals IS NULL THEN arrivals ELSE json_set(coalesce(arrivals, '{}'), '$."' || NEW.from_touchpoint || '"', json_array(coalesce(json_extract(arrivals, '$."' || NEW.from_touchpoint || '"' || '[0]'), 0) + json_extract(excluded.arrivals, '$."' || NEW.from_touchpoint || '"' || '[0]'),
        coalesce(json_extract(arrivals, '$."' || NEW.from_touchpoint || '"' || '[1]'), 0) + json_extract(excluded.arrivals, '$."' || NEW.from_touchpoint || '"' || '[1]'),
        coalesce(json_extract(arrivals, '$."' || NEW.from_touchpoint || '"' || '[2]'), 0) + json_extract(excluded.arrivals, '$."' || NEW.from_touchpoint || '"' || '[2]'),
        coalesce(json_extract(arrivals, '$."' || NEW.from_touchpoint || '"' || '[3]'), 0) + json_extract(excluded.arrivals, '$."' || NEW.from_touchpoint || '"' || '[3]'),
        coalesce(json_extract(arrivals, '$."' || NEW.from_touchpoint || '"' || '[4]'), 0) + json_extract(excluded.arrivals, '$."' || NEW.from_touchpoint || '"' || '[4]'),
        coalesce(json_extract(arrivals, '$."' || NEW.from_touchpoint || '"' || '[5]'), 0) + json_extract(excluded.arrivals, '$."' || NEW.from_touchpoint || '"' || '[5]'))) END;
END;

CREATE TRIGGER visits_rollup AFTER INSERT ON visits BEGIN
  INSERT INTO rollup_visits (site_id, touchpoint, day, segment, n, arrivals)
  SELECT NEW.site_id, NEW.touchpoint, NEW.day, s.value, 1,
         CASE WHEN NEW.from_touchpoint <> NEW.touchpoint THEN json_object(NEW.from_touchpoint, 1) END
  FROM json_each(json_array('all', 'device:' || NEW.device, 'channel:' || NEW.arrival, 'locale:' || NEW.locale,
         'country:' || NEW.country, 'returning:' || CASE NEW.is_returning WHEN 1 THEN 'yes' WHEN 0 THEN 'no' END)) AS s
  WHERE s.value IS NOT NULL
  ON CONFLICT DO UPDATE SET n = n + 1,
    arrivals = CASE WHEN excluded.arrivals IS NULL THEN arrivals
      ELSE json_set(coalesce(arrivals, '{}'), '$."' || NEW.from_touchpoint || '"', coalesce(json_extract(arrivals, '$."' || NEW.from_touchpoint || '"'), 0) + 1) END;
END;
