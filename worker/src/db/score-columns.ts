// The columns of rollup_answers (migrations/0007_wide_score_rollup.sql): one row per site × segment × day ×
// touchpoint with <dimension>_n, _sum and _sumsq for every dimension and for `quality` (answer-level quality),
// and (0008) <dimension>_h1…_h5, the 1–5 histogram of every rated dimension.
// The analytics code works with one {dimension, n, sum, sumsq} record per dimension (the shape rollup_scores had);
// `unpivot` turns a wide row back into those, so only the SQL knows the table is wide.
import { DIMENSIONS, TREND_DIMENSIONS } from '@throughline/schema';

/** Every dimension with columns in rollup_answers. Fixed names from the schema: safe to splice into SQL. */
export const ROLLUP_DIMENSIONS = TREND_DIMENSIONS;
export type RollupDimension = (typeof ROLLUP_DIMENSIONS)[number];

/** Dimensions with a 1–5 histogram (migration 0008): every rated one; quality is a mean of them, so it has none. */
export const HISTOGRAM_DIMENSIONS = DIMENSIONS;
export const SCALE_POINTS = [1, 2, 3, 4, 5] as const;
/** `x_h1, …, x_h5` of one dimension, in scale order. */
export const histogramColumns = (dimension: (typeof HISTOGRAM_DIMENSIONS)[number]) => SCALE_POINTS.map((k) => `${dimension}_h${k}`);

/** `x_n, x_sum, x_sumsq, …` of the given dimensions. */
export function scoreColumns(dimensions: readonly RollupDimension[]): string {
  return dimensions.map((d) => `${d}_n, ${d}_sum, ${d}_sumsq`).join(', ');
}

export interface DimensionSums { dimension: string; n: number; sum: number; sumsq: number }

/**
 * One record per dimension with answers (n > 0) from a wide row, each carrying the row's `keep` fields.
 * Dimensions without answers are left out, as rollup_scores had no row for them.
 */
export function unpivot<K extends object>(row: Record<string, unknown>, dimensions: readonly RollupDimension[], keep: K): (K & DimensionSums)[] {
  const out: (K & DimensionSums)[] = [];
  for (const dimension of dimensions) {
    const n = Number(row[`${dimension}_n`] ?? 0);
    if (n > 0) out.push({ ...keep, dimension, n, sum: Number(row[`${dimension}_sum`]), sumsq: Number(row[`${dimension}_sumsq`]) });
  }
  return out;
}
