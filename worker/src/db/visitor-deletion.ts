// Deletes one visitor's visits, answers and comments, and subtracts exactly what the insert triggers
// (migrations/0003, 0007 and 0008, and the journey rollups of 0004) added for them from the rollups — in one D1
// batch, so rollups and raw rows never disagree.
// Set-based: one statement per rollup table and column kind, whatever the number of events. Rollup rows left empty
// are removed, and so are the keys of the JSON columns (0008: contexts, arrivals) that no longer count anything.
import type { VisitorDeletion } from '@throughline/schema';
import { HISTOGRAM_DIMENSIONS, ROLLUP_DIMENSIONS, SCALE_POINTS, histogramColumns } from './score-columns';

/** The segments an event row counts in: the same list as the insert triggers, for the row aliased `r`. */
const SEGMENTS = `json_array('all', 'device:' || r.device, 'channel:' || r.arrival, 'locale:' || r.locale,
  'country:' || r.country, 'returning:' || CASE r.is_returning WHEN 1 THEN 'yes' WHEN 0 THEN 'no' END)`;

/** The single-value segments only: the keys of the 'all' row's contexts (migration 0008). */
const CONTEXT_SEGMENTS = SEGMENTS.replace("json_array('all', ", 'json_array(');

/** What the answers trigger (migrations 0007, 0008) added per (touchpoint, day, segment), summed over this visitor's answers. */
const WIDE_SUMS = [
  ...ROLLUP_DIMENSIONS.map((d) =>
    `sum(r.${d} IS NOT NULL) AS ${d}_n, sum(coalesce(r.${d}, 0)) AS ${d}_sum, sum(coalesce(r.${d} * r.${d}, 0)) AS ${d}_sumsq`),
  ...HISTOGRAM_DIMENSIONS.map((d) => SCALE_POINTS.map((k) => `sum(r.${d} IS ${k}) AS ${d}_h${k}`).join(', ')),
].join(',\n  ');
const WIDE_SET = [
  ...ROLLUP_DIMENSIONS.flatMap((d) => ['n', 'sum', 'sumsq'].map((c) => `${d}_${c}`)),
  ...HISTOGRAM_DIMENSIONS.flatMap(histogramColumns),
].map((c) => `${c} = rollup_answers.${c} - x.${c}`).join(', ');
/** A row with no answers left in any dimension: the trigger would not have created it. */
const WIDE_EMPTY = ROLLUP_DIMENSIONS.map((d) => `${d}_n <= 0`).join(' AND ');

const SUBTRACT_SCORES = `
UPDATE rollup_answers SET ${WIDE_SET}
FROM (SELECT r.touchpoint, r.day, s.value AS segment,
  ${WIDE_SUMS}
      FROM answers r, json_each(${SEGMENTS}) AS s
      WHERE r.site_id = ?1 AND r.visitor = ?2 AND s.value IS NOT NULL GROUP BY 1, 2, 3) AS x
WHERE rollup_answers.site_id = ?1 AND rollup_answers.segment = x.segment AND rollup_answers.day = x.day
  AND rollup_answers.touchpoint = x.touchpoint`;

const SUBTRACT_VISITS = `
UPDATE rollup_visits SET n = rollup_visits.n - x.n
FROM (SELECT r.touchpoint, r.day, s.value AS segment, count(*) AS n
      FROM visits r, json_each(${SEGMENTS}) AS s
      WHERE r.site_id = ?1 AND r.visitor = ?2 AND s.value IS NOT NULL GROUP BY 1, 2, 3) AS x
WHERE rollup_visits.site_id = ?1 AND rollup_visits.touchpoint = x.touchpoint AND rollup_visits.day = x.day
  AND rollup_visits.segment = x.segment`;

/**
 * `column` (a JSON object of 0008: key → number, or key → array of `width` numbers) minus `patch` (the same shape),
 * keeping the keys for which `keep` (over v0, v1, …) holds; NULL when none is left.
 */
function jsonMinus(column: string, patch: string, width: number, keep: string): string {
  const idx = Array.from({ length: Math.max(width, 1) }, (_, i) => i);
  const part = (src: string, sign: string) =>
    `SELECT key, ${idx.map((i) => `${sign}(${width ? `value ->> ${i}` : 'value'}) AS v${i}`).join(', ')} FROM json_each(${src})`;
  const value = width ? `json_array(${idx.map((i) => `v${i}`).join(', ')})` : 'v0';
  return `(SELECT nullif(json_group_object(key, ${value}), '{}') FROM (
    SELECT key, ${idx.map((i) => `sum(v${i}) AS v${i}`).join(', ')} FROM (${part(column, '')} UNION ALL ${part(patch, '-')})
    GROUP BY key) WHERE ${keep})`;
}

/** The 'all' rows' contexts: per segment the visitor's answer-level quality count, sum and sum of squares (in sixtieths). */
const SUBTRACT_CONTEXTS = `
UPDATE rollup_answers SET contexts = ${jsonMinus('rollup_answers.contexts', 'x.patch', 3, 'v0 > 0')}
FROM (SELECT day, touchpoint, json_group_object(segment, json_array(n, sum, sumsq)) AS patch
      FROM (SELECT r.day, r.touchpoint, s.value AS segment, count(*) AS n, sum(r.q60) AS sum, sum(r.q60 * r.q60) AS sumsq
            FROM (SELECT *, CAST(round(quality * 60) AS INTEGER) AS q60 FROM answers) AS r, json_each(${CONTEXT_SEGMENTS}) AS s
            WHERE r.site_id = ?1 AND r.visitor = ?2 AND r.quality IS NOT NULL AND s.value IS NOT NULL GROUP BY 1, 2, 3)
      GROUP BY 1, 2) AS x
WHERE rollup_answers.site_id = ?1 AND rollup_answers.segment = 'all' AND rollup_answers.day = x.day
  AND rollup_answers.touchpoint = x.touchpoint`;

/**
 * Handoff and quality-change sums per previous touchpoint (rollup_answers.arrivals), from the visitor's answers
 * with the same "previous quality" the trigger used: their latest quality at that touchpoint, at or before.
 */
const SUBTRACT_ANSWER_ARRIVALS = `
UPDATE rollup_answers SET arrivals = ${jsonMinus('rollup_answers.arrivals', 'x.patch', 6, 'v0 > 0 OR v3 > 0')}
FROM (SELECT touchpoint, day, segment, json_group_object(from_touchpoint, json_array(hn, hs, hq, dn, ds, sn)) AS patch
      FROM (SELECT r.touchpoint, r.day, s.value AS segment, r.from_touchpoint,
              sum(r.handoff IS NOT NULL) AS hn, total(r.handoff) AS hs, total(r.handoff * r.handoff) AS hq,
              sum(r.q IS NOT NULL) AS dn, total(r.quality - r.q) AS ds, sum(coalesce(r.quality >= r.q - 1, 0)) AS sn
            FROM (SELECT a.*, CASE WHEN a.quality IS NOT NULL THEN (SELECT quality FROM answers
                    WHERE site_id = a.site_id AND visitor = a.visitor AND touchpoint = a.from_touchpoint
                      AND quality IS NOT NULL AND at <= a.at ORDER BY at DESC LIMIT 1) END AS q
                  FROM answers a WHERE a.site_id = ?1 AND a.visitor = ?2 AND a.from_touchpoint <> a.touchpoint) AS r,
                 json_each(${SEGMENTS}) AS s
            WHERE s.value IS NOT NULL AND (r.handoff IS NOT NULL OR r.q IS NOT NULL) GROUP BY 1, 2, 3, 4)
      GROUP BY 1, 2, 3) AS x
WHERE rollup_answers.site_id = ?1 AND rollup_answers.segment = x.segment AND rollup_answers.day = x.day
  AND rollup_answers.touchpoint = x.touchpoint`;

/** Consecutive visits per previous touchpoint (rollup_visits.arrivals). */
const SUBTRACT_VISIT_ARRIVALS = `
UPDATE rollup_visits SET arrivals = ${jsonMinus('rollup_visits.arrivals', 'x.patch', 0, 'v0 > 0')}
FROM (SELECT touchpoint, day, segment, json_group_object(from_touchpoint, n) AS patch
      FROM (SELECT r.touchpoint, r.day, s.value AS segment, r.from_touchpoint, count(*) AS n
            FROM visits r, json_each(${SEGMENTS}) AS s
            WHERE r.site_id = ?1 AND r.visitor = ?2 AND s.value IS NOT NULL AND r.from_touchpoint <> r.touchpoint GROUP BY 1, 2, 3, 4)
      GROUP BY 1, 2, 3) AS x
WHERE rollup_visits.site_id = ?1 AND rollup_visits.touchpoint = x.touchpoint AND rollup_visits.day = x.day
  AND rollup_visits.segment = x.segment`;

/** The journey's contribution (migrations/0004): the same "take it out" step its triggers run before a move. */
const SUBTRACT_JOURNEY = [
  `UPDATE rollup_journeys SET reached = reached - 1, ended = ended - (touchpoint = (
     SELECT last_touchpoint FROM journeys WHERE site_id = ?1 AND visitor = ?2))
   WHERE (site_id, segment, day, touchpoint) IN (
     SELECT j.site_id, s.value, j.last_day, t.touchpoint
     FROM journeys j JOIN journey_touchpoints t ON t.site_id = j.site_id AND t.visitor = j.visitor, json_each(j.segments) s
     WHERE j.site_id = ?1 AND j.visitor = ?2 AND s.value IS NOT NULL)`,
  `UPDATE rollup_journey_spans SET journeys = journeys - 1
   WHERE (site_id, segment, day, channels) IN (
     SELECT j.site_id, s.value, j.last_day, j.channels FROM journeys j, json_each(j.segments) s
     WHERE j.site_id = ?1 AND j.visitor = ?2 AND s.value IS NOT NULL)`,
  `UPDATE rollup_experience SET visitors = visitors - 1, sum = sum - (
     SELECT value FROM visitor_experience WHERE site_id = ?1 AND visitor = ?2)
   WHERE (site_id, segment, day) IN (
     SELECT j.site_id, s.value, j.last_day
     FROM journeys j JOIN visitor_experience x ON x.site_id = j.site_id AND x.visitor = j.visitor, json_each(j.segments) s
     WHERE j.site_id = ?1 AND j.visitor = ?2 AND s.value IS NOT NULL)`,
  ...['journey_touchpoints', 'journey_scores', 'visitor_experience', 'journeys'].map((t) => `DELETE FROM ${t} WHERE site_id = ?1 AND visitor = ?2`),
];

const VISITOR_DAYS = `day IN (SELECT day FROM answers WHERE site_id = ?1 AND visitor = ?2 UNION SELECT day FROM visits WHERE site_id = ?1 AND visitor = ?2)`;

export async function deleteVisitor(db: D1Database, siteId: string, visitor: string): Promise<VisitorDeletion> {
  const run = (sql: string) => db.prepare(sql).bind(siteId, visitor);
  const results = await db.batch([
    run(SUBTRACT_SCORES),
    run(SUBTRACT_CONTEXTS),
    run(SUBTRACT_ANSWER_ARRIVALS),
    run(SUBTRACT_VISITS),
    run(SUBTRACT_VISIT_ARRIVALS),
    run(`DELETE FROM rollup_answers WHERE site_id = ?1 AND ${WIDE_EMPTY} AND ${VISITOR_DAYS}`),
    run(`DELETE FROM rollup_visits WHERE site_id = ?1 AND n <= 0 AND ${VISITOR_DAYS}`),
    ...SUBTRACT_JOURNEY.map(run),
    run('DELETE FROM comments WHERE site_id = ?1 AND answer_id IN (SELECT id FROM answers WHERE site_id = ?1 AND visitor = ?2)'),
    run('DELETE FROM answers WHERE site_id = ?1 AND visitor = ?2'),
    run('DELETE FROM visits WHERE site_id = ?1 AND visitor = ?2'),
  ]);
  const changes = (fromEnd: number) => results[results.length - fromEnd]?.meta.changes ?? 0;
  return { visitor, comments: changes(3), answers: changes(2), visits: changes(1) };
}
