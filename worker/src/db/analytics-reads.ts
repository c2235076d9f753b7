import { daysBetween } from '../analytics/trends';

// SQL that reads the rollups for a site, date range and segment. Rows read grow with
// touchpoints x days (x dimensions), never with the number of answers.

export interface RangeFilter { siteId: string; from: string; to: string; segment: string }

export interface ScoreSums { touchpoint: string; dimension: string; n: number; sum: number; sumsq: number }
export interface VisitCount { touchpoint: string; n: number }
export interface TransitionSums {
  from: string; to: string; count: number;
  handoffN: number; handoffSum: number; handoffSumsq: number;
  deltaN: number; deltaSum: number; seamlessN: number;
}

export interface Reads<T> { rows: T[]; rowsRead: number }

export async function all<T>(stmt: D1PreparedStatement): Promise<Reads<T>> {
  const r = await stmt.all<T>();
  return { rows: r.results, rowsRead: r.meta.rows_read ?? 0 };
}

export const readScoreSums = (db: D1Database, f: RangeFilter) =>
  all<ScoreSums>(
    db.prepare(
      `SELECT touchpoint, dimension, sum(n) AS n, sum(sum) AS sum, sum(sumsq) AS sumsq FROM rollup_scores
       WHERE site_id = ? AND segment = ? AND day BETWEEN ? AND ? GROUP BY touchpoint, dimension`,
    ).bind(f.siteId, f.segment, f.from, f.to),
  );

export const readVisitCounts = (db: D1Database, f: RangeFilter) =>
  all<VisitCount>(
    db.prepare(
      `SELECT touchpoint, sum(n) AS n FROM rollup_visits
       WHERE site_id = ? AND segment = ? AND day BETWEEN ? AND ? GROUP BY touchpoint`,
    ).bind(f.siteId, f.segment, f.from, f.to),
  );

export const readTransitionSums = (db: D1Database, f: RangeFilter) =>
  all<TransitionSums>(
    db.prepare(
      `SELECT from_touchpoint AS "from", to_touchpoint AS "to", sum(count) AS count,
              sum(handoff_n) AS handoffN, sum(handoff_sum) AS handoffSum, sum(handoff_sumsq) AS handoffSumsq,
              sum(delta_n) AS deltaN, sum(delta_sum) AS deltaSum, sum(seamless_n) AS seamlessN
       FROM rollup_transitions WHERE site_id = ? AND segment = ? AND day BETWEEN ? AND ?
       GROUP BY from_touchpoint, to_touchpoint`,
    ).bind(f.siteId, f.segment, f.from, f.to),
  );

export interface DailyScoreSums extends ScoreSums { day: string }
export interface SegmentScoreSums extends ScoreSums { segment: string }

/** Daily score rollups for trends, optionally for one touchpoint and one dimension (plus `quality`, which alerts test). */
export function readDailyScores(db: D1Database, f: RangeFilter, only: { touchpoint?: string; dimension?: string } = {}) {
  // conditions added only when asked, so the primary key (site, segment, day, touchpoint, dimension) narrows the scan
  const where = ['site_id = ?', 'segment = ?', 'day BETWEEN ? AND ?'];
  const args: string[] = [f.siteId, f.segment, f.from, f.to];
  if (only.touchpoint !== undefined) {
    // the days as a list: each becomes one seek on (site, segment, day, touchpoint), not a scan of every touchpoint
    where[2] = 'day IN (SELECT value FROM json_each(?))';
    args.splice(2, 2, JSON.stringify(daysBetween(f.from, f.to)));
    where.push('touchpoint = ?');
    args.push(only.touchpoint);
  }
  if (only.dimension !== undefined) {
    where.push(`dimension IN (?, 'quality')`);
    args.push(only.dimension);
  }
  return all<DailyScoreSums>(
    db.prepare(`SELECT touchpoint, day, dimension, n, sum, sumsq FROM rollup_scores WHERE ${where.join(' AND ')}`).bind(...args),
  );
}

/**
 * Answer-level quality of every single-value segment (device:…, channel:…, …) by touchpoint, for context gaps.
 * Reads through rollup_scores_quality (migration 0004): rows read = touchpoints × days × segment values.
 */
export const readSegmentQuality = (db: D1Database, f: RangeFilter) =>
  all<SegmentScoreSums>(
    db.prepare(
      `SELECT segment, touchpoint, dimension, sum(n) AS n, sum(sum) AS sum, sum(sumsq) AS sumsq FROM rollup_scores
       WHERE site_id = ? AND dimension = 'quality' AND day BETWEEN ? AND ? AND segment <> 'all'
       GROUP BY segment, touchpoint`,
    ).bind(f.siteId, f.from, f.to),
  );
