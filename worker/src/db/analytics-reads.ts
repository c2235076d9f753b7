import { ContextSums, TransitionTotals, type TransitionSums } from '../analytics/rollup-json';
import { daysBetween } from '../analytics/trends';
import { HISTOGRAM_DIMENSIONS, ROLLUP_DIMENSIONS, histogramColumns, scoreColumns, unpivot, type RollupDimension } from './score-columns';

// SQL that reads the rollups for a site, date range and segment. Rows read grow with touchpoints x days, never
// with the number of answers. Scores come from rollup_answers (migration 0007: every dimension as columns of one
// row) and are handed on as one record per dimension.
// The overview reads daily rows as stored and adds them up here: D1 counts the rows a GROUP BY sorts as read a
// second time, and the JSON columns of migration 0008 (context gaps, transitions) could only be added in SQL
// through json_each, whose rows D1 counts too. So its cost is one row per touchpoint x day of each table.

export interface RangeFilter { siteId: string; from: string; to: string; segment: string }

export interface ScoreSums { touchpoint: string; dimension: string; n: number; sum: number; sumsq: number }
export interface VisitCount { touchpoint: string; n: number }
export type { TransitionSums };
/** Answers per scale point 1…5 of one dimension at one touchpoint (migration 0008's histograms). */
export interface HistogramCounts { touchpoint: string; dimension: string; counts: [number, number, number, number, number] }

export interface Reads<T> { rows: T[]; rowsRead: number }

export async function all<T>(stmt: D1PreparedStatement): Promise<Reads<T>> {
  const r = await stmt.all<T>();
  return { rows: r.results, rowsRead: r.meta.rows_read ?? 0 };
}

const RANGE = 'site_id = ? AND segment = ? AND day BETWEEN ? AND ?';
const rangeArgs = (f: RangeFilter) => [f.siteId, f.segment, f.from, f.to];

/** Adds `add` into the record under `key`, creating it from `fresh` the first time. */
export function addInto<T>(map: Map<string, T>, key: string, fresh: () => T, add: (into: T) => void): void {
  let into = map.get(key);
  if (into === undefined) map.set(key, (into = fresh()));
  add(into);
}

export interface AnswerRollups {
  /** Per day × touchpoint × dimension (with `quality`): buildOverview adds the days up. */
  scores: ScoreSums[];
  /** Per day × touchpoint × rated dimension, likewise. */
  histograms: HistogramCounts[];
  /** Quality per single-value segment from the 'all' rows' contexts (empty when the filter is another segment). */
  segmentScores: ContextSums;
}

type AnswerRow = Record<string, number> & { touchpoint: string; contexts: string | null; arrivals: string | null };

/**
 * The daily rollup_answers rows of the range and segment: scores, histograms, (on 'all') contexts; their arrivals
 * (handoffs and quality changes per from → to) are added into `transitions`.
 */
export async function readAnswerRollups(db: D1Database, f: RangeFilter, transitions: TransitionTotals): Promise<AnswerRollups & { rowsRead: number }> {
  const hist = HISTOGRAM_DIMENSIONS.flatMap(histogramColumns).join(', ');
  const r = await all<AnswerRow>(
    db.prepare(`SELECT touchpoint, ${scoreColumns(ROLLUP_DIMENSIONS, false)}, ${hist}, contexts, arrivals FROM rollup_answers WHERE ${RANGE}`)
      .bind(...rangeArgs(f)),
  );
  const scores: ScoreSums[] = [];
  const histograms: HistogramCounts[] = [];
  const segmentScores = new ContextSums();
  for (const row of r.rows) {
    scores.push(...unpivot(row, ROLLUP_DIMENSIONS, { touchpoint: row.touchpoint }));
    for (const dimension of HISTOGRAM_DIMENSIONS) {
      const counts = histogramColumns(dimension).map((c) => Number(row[c] ?? 0)) as HistogramCounts['counts'];
      if (counts.some((c) => c > 0)) histograms.push({ touchpoint: row.touchpoint, dimension, counts });
    }
    transitions.addAnswers(row.touchpoint, row.arrivals);
    segmentScores.add(row.touchpoint, row.contexts);
  }
  return { scores, histograms, segmentScores, rowsRead: r.rowsRead };
}

/**
 * Answer-level quality of every single-value segment (device:…, channel:…, …) by touchpoint, for context gaps,
 * from the contexts of the 'all' rows (migration 0008): rows read = touchpoints × days. Only needed when the
 * view is filtered to a segment; otherwise readAnswerRollups reads the same rows.
 */
export async function readSegmentQuality(db: D1Database, f: RangeFilter): Promise<{ segmentScores: ContextSums; rowsRead: number }> {
  const r = await all<{ touchpoint: string; contexts: string }>(
    db.prepare(`SELECT touchpoint, contexts FROM rollup_answers WHERE ${RANGE} AND contexts IS NOT NULL`).bind(...rangeArgs({ ...f, segment: 'all' })),
  );
  const segmentScores = new ContextSums();
  for (const row of r.rows) segmentScores.add(row.touchpoint, row.contexts);
  return { segmentScores, rowsRead: r.rowsRead };
}

/** Visits per touchpoint, and consecutive visits from → to added into `transitions` (rollup_visits.arrivals). */
export async function readVisitRollups(db: D1Database, f: RangeFilter, transitions: TransitionTotals): Promise<Reads<VisitCount>> {
  const r = await all<{ touchpoint: string; n: number; arrivals: string | null }>(
    db.prepare(`SELECT touchpoint, n, arrivals FROM rollup_visits WHERE ${RANGE}`).bind(...rangeArgs(f)),
  );
  const visits = new Map<string, VisitCount>();
  for (const row of r.rows) {
    addInto(visits, row.touchpoint, () => ({ touchpoint: row.touchpoint, n: 0 }), (v) => { v.n += row.n; });
    transitions.addVisits(row.touchpoint, row.arrivals);
  }
  return { rows: [...visits.values()], rowsRead: r.rowsRead };
}

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
