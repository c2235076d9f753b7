import type { ContextSums, TransitionTotals } from '../analytics/rollup-json';
import { daysBetween } from '../analytics/trends';
import { HISTOGRAM_DIMENSIONS, ROLLUP_DIMENSIONS, histogramColumns, scoreColumns, unpivot, type RollupDimension } from './score-columns';

// SQL that reads the rollups for a site, date range and segment. Rows read grow with touchpoints x days, never
// with the number of answers. Scores come from rollup_answers (migration 0007: every dimension as columns of one
// row) and are handed on as one record per dimension.
// The overview's reads are `Read`s run together in one db.batch (one round trip). Numbers are summed by SQL
// (D1 counts the rows a GROUP BY sorts a second time: 2 × touchpoints × days); the JSON columns of migration
// 0008 (context gaps, transitions) and small tables are read as stored, one row per touchpoint x day, and added
// up here: summing JSON in SQL would need json_each, whose rows D1 counts as read too.

export interface RangeFilter { siteId: string; from: string; to: string; segment: string }

export interface ScoreSums { touchpoint: string; dimension: string; n: number; sum: number; sumsq: number }
export interface VisitCount { touchpoint: string; n: number }
/** Answers per scale point 1…5 of one dimension at one touchpoint (migration 0008's histograms). */
export interface HistogramCounts { touchpoint: string; dimension: string; counts: [number, number, number, number, number] }

export interface Reads<T> { rows: T[]; rowsRead: number }

export async function all<T>(stmt: D1PreparedStatement): Promise<Reads<T>> {
  const r = await stmt.all<T>();
  return { rows: r.results, rowsRead: r.meta.rows_read ?? 0 };
}

/** A statement and what its rows become. */
export interface Read<T> { stmt: D1PreparedStatement; parse: (rows: never[]) => T }
export const read = <R, T>(stmt: D1PreparedStatement, parse: (rows: R[]) => T): Read<T> => ({ stmt, parse: parse as (rows: never[]) => T });

/** Runs reads in one D1 batch (one round trip, one snapshot); their parsed values and D1's rows read, summed. */
export async function batchReads<const T extends readonly Read<unknown>[]>(
  db: D1Database, reads: T,
): Promise<{ values: { -readonly [K in keyof T]: T[K] extends Read<infer U> ? U : never }; rowsRead: number }> {
  const results = await db.batch(reads.map((r) => r.stmt));
  const values = reads.map((r, i) => r.parse((results[i]?.results ?? []) as never[]));
  const rowsRead = results.reduce((n, r) => n + (r.meta.rows_read ?? 0), 0);
  return { values: values as { -readonly [K in keyof T]: T[K] extends Read<infer U> ? U : never }, rowsRead };
}

export const RANGE = 'site_id = ? AND segment = ? AND day BETWEEN ? AND ?';
export const rangeArgs = (f: RangeFilter) => [f.siteId, f.segment, f.from, f.to];

/** Adds `add` into the record under `key`, creating it from `fresh` the first time. */
export function addInto<T>(map: Map<string, T>, key: string, fresh: () => T, add: (into: T) => void): void {
  let into = map.get(key);
  if (into === undefined) map.set(key, (into = fresh()));
  add(into);
}

const HISTOGRAM_COLUMNS = HISTOGRAM_DIMENSIONS.flatMap(histogramColumns);

/** Per touchpoint over the range: every dimension's sums (with `quality`) and the 1–5 histograms of rated ones. */
export function scoreSums(db: D1Database, f: RangeFilter): Read<{ scores: ScoreSums[]; histograms: HistogramCounts[] }> {
  const columns = [...ROLLUP_DIMENSIONS.flatMap((d) => [`${d}_n`, `${d}_sum`, `${d}_sumsq`]), ...HISTOGRAM_COLUMNS];
  return read(
    db.prepare(`SELECT touchpoint, ${columns.map((c) => `sum(${c}) AS ${c}`).join(', ')} FROM rollup_answers WHERE ${RANGE} GROUP BY touchpoint`)
      .bind(...rangeArgs(f)),
    (rows: (Record<string, number> & { touchpoint: string })[]) => ({
      scores: rows.flatMap((row) => unpivot(row, ROLLUP_DIMENSIONS, { touchpoint: row.touchpoint })),
      histograms: rows.flatMap((row) => HISTOGRAM_DIMENSIONS.flatMap((dimension) => {
        const counts = histogramColumns(dimension).map((c) => Number(row[c] ?? 0)) as HistogramCounts['counts'];
        return counts.some((c) => c > 0) ? [{ touchpoint: row.touchpoint, dimension, counts }] : [];
      })),
    }),
  );
}

/**
 * The JSON columns of the range's rollup_answers rows, added into the sinks: arrivals (handoffs and quality
 * changes per from → to) into `transitions`; contexts (quality per single-value segment, on 'all' rows only)
 * into `contexts`.
 */
export function answerJson(db: D1Database, f: RangeFilter, transitions: TransitionTotals, contexts: ContextSums): Read<void> {
  return read(
    db.prepare(`SELECT touchpoint, contexts, arrivals FROM rollup_answers WHERE ${RANGE}`).bind(...rangeArgs(f)),
    (rows: { touchpoint: string; contexts: string | null; arrivals: string | null }[]) => {
      for (const row of rows) {
        transitions.addAnswers(row.touchpoint, row.arrivals);
        contexts.add(row.touchpoint, row.contexts);
      }
    },
  );
}

/**
 * For a view filtered to a segment: the context gap still compares every segment, from the contexts of the
 * 'all' rows (migration 0008), touchpoints × days rows. (Unfiltered, answerJson reads these rows already.)
 */
export function segmentContexts(db: D1Database, f: RangeFilter, contexts: ContextSums): Read<void> {
  return read(
    db.prepare(`SELECT touchpoint, contexts FROM rollup_answers WHERE ${RANGE}`).bind(...rangeArgs({ ...f, segment: 'all' })),
    (rows: { touchpoint: string; contexts: string | null }[]) => {
      for (const row of rows) contexts.add(row.touchpoint, row.contexts);
    },
  );
}

/** Visits per touchpoint, and consecutive visits from → to added into `transitions` (rollup_visits.arrivals). */
export function visitCounts(db: D1Database, f: RangeFilter, transitions: TransitionTotals): Read<VisitCount[]> {
  return read(
    db.prepare(`SELECT touchpoint, n, arrivals FROM rollup_visits WHERE ${RANGE}`).bind(...rangeArgs(f)),
    (rows: { touchpoint: string; n: number; arrivals: string | null }[]) => {
      const visits = new Map<string, VisitCount>();
      for (const row of rows) {
        addInto(visits, row.touchpoint, () => ({ touchpoint: row.touchpoint, n: 0 }), (v) => { v.n += row.n; });
        transitions.addVisits(row.touchpoint, row.arrivals);
      }
      return [...visits.values()];
    },
  );
}

export interface DailyScoreSums extends ScoreSums { day: string }

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
    db.prepare(`SELECT touchpoint, day, ${scoreColumns(dimensions)} FROM rollup_answers WHERE ${where.join(' AND ')}`).bind(...args),
  );
  return { rows: r.rows.flatMap((row) => unpivot(row, dimensions, { touchpoint: row.touchpoint, day: row.day })), rowsRead: r.rowsRead };
}
