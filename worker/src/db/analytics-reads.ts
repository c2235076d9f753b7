import { daysBetween } from '../analytics/trends';
import { ROLLUP_DIMENSIONS, scoreColumns, unpivot, type RollupDimension } from './score-columns';

// SQL that reads the rollups for a site, date range and segment. Rows read grow with
// touchpoints x days, never with the number of answers. Scores come from rollup_answers (migration 0007: every
// dimension as columns of one row) and are handed on as one record per dimension.

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

export async function readScoreSums(db: D1Database, f: RangeFilter): Promise<Reads<ScoreSums>> {
  const r = await all<Record<string, number> & { touchpoint: string }>(
    db.prepare(
      `SELECT touchpoint, ${scoreColumns(ROLLUP_DIMENSIONS, true)} FROM rollup_answers
       WHERE site_id = ? AND segment = ? AND day BETWEEN ? AND ? GROUP BY touchpoint`,
    ).bind(f.siteId, f.segment, f.from, f.to),
  );
  return { rows: r.rows.flatMap((row) => unpivot(row, ROLLUP_DIMENSIONS, { touchpoint: row.touchpoint })), rowsRead: r.rowsRead };
}

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
export async function readDailyScores(
  db: D1Database, f: RangeFilter, only: { touchpoint?: string; dimension?: RollupDimension } = {},
): Promise<Reads<DailyScoreSums>> {
  // conditions added only when asked, so the primary key (site, segment, day, touchpoint) narrows the scan
  const where = ['site_id = ?', 'segment = ?', 'day BETWEEN ? AND ?'];
  const args: string[] = [f.siteId, f.segment, f.from, f.to];
  if (only.touchpoint !== undefined) {
    // the days as a list: each becomes one seek on (site, segment, day, touchpoint), not a scan of every touchpoint
    where[2] = 'day IN (SELECT value FROM json_each(?))';
    args.splice(2, 2, JSON.stringify(daysBetween(f.from, f.to)));
    where.push('touchpoint = ?');
    args.push(only.touchpoint);
  }
  // one dimension asked: only its columns and quality's (the row is read whole either way)
  const dimensions: readonly RollupDimension[] =
    only.dimension === undefined ? ROLLUP_DIMENSIONS : [...new Set([only.dimension, 'quality' as const])];
  const r = await all<Record<string, number> & { touchpoint: string; day: string }>(
    db.prepare(`SELECT touchpoint, day, ${scoreColumns(dimensions, false)} FROM rollup_answers WHERE ${where.join(' AND ')}`).bind(...args),
  );
  return { rows: r.rows.flatMap((row) => unpivot(row, dimensions, { touchpoint: row.touchpoint, day: row.day })), rowsRead: r.rowsRead };
}

/**
 * Answer-level quality of every single-value segment (device:…, channel:…, …) by touchpoint, for context gaps.
 * Reads through rollup_answers_segments (migration 0007; `(segment = 'all') = 0` is its indexed expression):
 * rows read = touchpoints × days × segment values.
 */
export const readSegmentQuality = (db: D1Database, f: RangeFilter) =>
  all<SegmentScoreSums>(
    db.prepare(
      `SELECT segment, touchpoint, 'quality' AS dimension, sum(quality_n) AS n, sum(quality_sum) AS sum, sum(quality_sumsq) AS sumsq
       FROM rollup_answers WHERE site_id = ? AND (segment = 'all') = 0 AND day BETWEEN ? AND ? AND quality_n > 0
       GROUP BY segment, touchpoint`,
    ).bind(f.siteId, f.from, f.to),
  );
