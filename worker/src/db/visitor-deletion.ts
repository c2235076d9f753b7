// Deletes one visitor's visits, answers and comments, and subtracts exactly what the insert triggers
// (migrations/0003 and 0007, and the journey rollups of 0004) added for them from the rollups — in one D1 batch, so rollups and raw rows never disagree.
// Set-based: one statement per rollup table, whatever the number of events. Rollup rows left empty are removed.
import type { VisitorDeletion } from '@throughline/schema';
import { ROLLUP_DIMENSIONS } from './score-columns';

/** The segments an event row counts in: the same list as the insert triggers, for the row aliased `r`. */
const SEGMENTS = `json_array('all', 'device:' || r.device, 'channel:' || r.arrival, 'locale:' || r.locale,
  'country:' || r.country, 'returning:' || CASE r.is_returning WHEN 1 THEN 'yes' WHEN 0 THEN 'no' END)`;

/** What the answers trigger (migration 0007) added per (touchpoint, day, segment), summed over this visitor's answers. */
const WIDE_SUMS = ROLLUP_DIMENSIONS.map((d) =>
  `sum(r.${d} IS NOT NULL) AS ${d}_n, sum(coalesce(r.${d}, 0)) AS ${d}_sum, sum(coalesce(r.${d} * r.${d}, 0)) AS ${d}_sumsq`).join(',\n  ');
const WIDE_SET = ROLLUP_DIMENSIONS.flatMap((d) => ['n', 'sum', 'sumsq'].map((c) => `${d}_${c} = rollup_answers.${d}_${c} - x.${d}_${c}`)).join(', ');
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

/** Transition counts (from visits) and handoff/delta/seamless sums (from answers, with the same "previous quality"). */
const SUBTRACT_TRANSITIONS = `
UPDATE rollup_transitions SET count = rollup_transitions.count - x.count, handoff_n = rollup_transitions.handoff_n - x.handoff_n,
  handoff_sum = rollup_transitions.handoff_sum - x.handoff_sum, handoff_sumsq = rollup_transitions.handoff_sumsq - x.handoff_sumsq,
  delta_n = rollup_transitions.delta_n - x.delta_n, delta_sum = rollup_transitions.delta_sum - x.delta_sum, seamless_n = rollup_transitions.seamless_n - x.seamless_n
FROM (SELECT from_touchpoint, to_touchpoint, day, segment, sum(count) AS count, sum(handoff_n) AS handoff_n,
        sum(handoff_sum) AS handoff_sum, sum(handoff_sumsq) AS handoff_sumsq, sum(delta_n) AS delta_n,
        sum(delta_sum) AS delta_sum, sum(seamless_n) AS seamless_n
      FROM (
        SELECT r.from_touchpoint, r.touchpoint AS to_touchpoint, r.day, s.value AS segment, 1 AS count,
               0 AS handoff_n, 0 AS handoff_sum, 0 AS handoff_sumsq, 0 AS delta_n, 0 AS delta_sum, 0 AS seamless_n
        FROM visits r, json_each(${SEGMENTS}) AS s
        WHERE r.site_id = ?1 AND r.visitor = ?2 AND s.value IS NOT NULL
          AND r.from_touchpoint IS NOT NULL AND r.from_touchpoint <> r.touchpoint
        UNION ALL
        SELECT r.from_touchpoint, r.touchpoint, r.day, s.value, 0,
               r.handoff IS NOT NULL, coalesce(r.handoff, 0), coalesce(r.handoff * r.handoff, 0),
               r.q IS NOT NULL AND r.quality IS NOT NULL, coalesce(r.quality - r.q, 0), coalesce(r.quality >= r.q - 1, 0)
        FROM (SELECT a.*, (SELECT quality FROM answers
                           WHERE site_id = a.site_id AND visitor = a.visitor AND touchpoint = a.from_touchpoint
                             AND quality IS NOT NULL AND at <= a.at ORDER BY at DESC LIMIT 1) AS q
              FROM answers a WHERE a.site_id = ?1 AND a.visitor = ?2
                AND a.from_touchpoint IS NOT NULL AND a.from_touchpoint <> a.touchpoint) AS r,
             json_each(${SEGMENTS}) AS s
        WHERE s.value IS NOT NULL
      ) GROUP BY 1, 2, 3, 4) AS x
WHERE rollup_transitions.site_id = ?1 AND rollup_transitions.from_touchpoint = x.from_touchpoint
  AND rollup_transitions.to_touchpoint = x.to_touchpoint AND rollup_transitions.day = x.day
  AND rollup_transitions.segment = x.segment`;

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
    run(SUBTRACT_VISITS),
    run(SUBTRACT_TRANSITIONS),
    run(`DELETE FROM rollup_answers WHERE site_id = ?1 AND ${WIDE_EMPTY} AND ${VISITOR_DAYS}`),
    run(`DELETE FROM rollup_visits WHERE site_id = ?1 AND n <= 0 AND ${VISITOR_DAYS}`),
    run(`DELETE FROM rollup_transitions WHERE site_id = ?1 AND count <= 0 AND handoff_n <= 0 AND delta_n <= 0 AND ${VISITOR_DAYS}`),
    ...SUBTRACT_JOURNEY.map(run),
    run('DELETE FROM comments WHERE site_id = ?1 AND answer_id IN (SELECT id FROM answers WHERE site_id = ?1 AND visitor = ?2)'),
    run('DELETE FROM answers WHERE site_id = ?1 AND visitor = ?2'),
    run('DELETE FROM visits WHERE site_id = ?1 AND visitor = ?2'),
  ]);
  const changes = (fromEnd: number) => results[results.length - fromEnd]?.meta.changes ?? 0;
  return { visitor, comments: changes(3), answers: changes(2), visits: changes(1) };
}
