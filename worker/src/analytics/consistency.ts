// Consistency: is the experience the same at every touchpoint of the brand (docs/metrics.md › Consistency)?
// Measured across touchpoints from rollups, and as experienced within each visitor who rated several touchpoints.
import { EXPERIENCE_DIMENSIONS, isExperienceDimension } from './quality';
import { DEFAULT_MIN_N, average, meanOf, populationSd, sumsByTouchpoint, type ScoreRollup } from './stats';

/** One visitor's mean answer (1–5) on one dimension at one touchpoint: a GROUP BY visitor, touchpoint, dimension. */
export interface VisitorMean {
  visitor: string;
  touchpoint: string;
  dimension: string;
  mean: number;
}

export interface Consistency {
  /** Mean of the non-null dimension values, 0–100. */
  overall: number | null;
  /** Per experience dimension with data, 0–100; null with fewer than two touchpoints of enough answers. */
  byDimension: Record<string, number | null>;
  /** Touchpoints flagged as breaking consistency on at least one dimension, in input order. */
  breaking: string[];
  /** The same flags by dimension, for a drill-down. */
  breakingByDimension: Record<string, string[]>;
  /** Every flag with its side: above or below the journey mean, by how many score points (0–100 scale). */
  outliers: ConsistencyOutlier[];
}

/** A touchpoint flagged on one dimension: a mean far above the journey is not the same news as one far below. */
interface ConsistencyOutlier {
  touchpoint: string;
  dimension: string;
  side: 'above' | 'below';
  /** Touchpoint score minus journey mean score, in score points. */
  points: number;
}

/** Floating-point slack, so a mean exactly one sd away (computed as 1.0000000000000002 sd) is not flagged. */
const EPSILON = 1e-9;

/**
 * docs/metrics.md › Consistency: `1 − sd(touchpoint means) / 2` with the population sd of the 1–5
 * means (2 is the largest it can be on a 1–5 scale), shown 0–100. Null below two touchpoints: one
 * touchpoint has nothing to be consistent with.
 */
export function consistencyOfMeans(means: readonly number[]): number | null {
  if (means.length < 2) return null;
  return (1 - populationSd(means)! / 2) * 100;
}

/**
 * Consistency across touchpoints, per experience dimension and overall, and the touchpoints breaking it.
 *
 * Only touchpoints with at least `minN` answers on a dimension take part in it. Outliers (docs/metrics.md ›
 * Consistency): a touchpoint whose mean lies more than one sd from the journey mean, sd being the sd of
 * touchpoint means per dimension, so the test is made per dimension, with that dimension's
 * sd and journey mean (the unweighted mean of the touchpoint means); a touchpoint is breaking if it is
 * flagged on any dimension. Strictly more than one sd: with two touchpoints both lie exactly one sd away
 * and neither is flagged, and when all means are equal (sd 0) nothing is.
 */
export function consistencyOf(rows: readonly ScoreRollup[], minN = DEFAULT_MIN_N): Consistency {
  const byTouchpoint = sumsByTouchpoint(rows);
  const byDimension: Record<string, number | null> = {};
  const breakingByDimension: Record<string, string[]> = {};
  const flagged = new Set<string>();
  const outliers: ConsistencyOutlier[] = [];

  for (const dimension of EXPERIENCE_DIMENSIONS) {
    const keys: string[] = [];
    const means: number[] = [];
    let seen = false;
    for (const [touchpoint, dims] of byTouchpoint) {
      const sums = dims.get(dimension);
      if (!sums || sums.n === 0) continue;
      seen = true;
      if (sums.n < minN) continue;
      keys.push(touchpoint);
      means.push(meanOf(sums)!);
    }
    if (!seen) continue;
    byDimension[dimension] = consistencyOfMeans(means);
    if (means.length < 2) continue;
    const journeyMean = average(means)!;
    const sd = populationSd(means)!;
    const breaking = keys.filter((_, i) => Math.abs(means[i]! - journeyMean) > sd + EPSILON);
    if (breaking.length > 0) breakingByDimension[dimension] = breaking;
    for (const key of breaking) flagged.add(key);
    keys.forEach((touchpoint, i) => {
      if (!breaking.includes(touchpoint)) return;
      // a 1–5 mean difference is a score difference × 25 (score = (mean − 1) / 4 × 100)
      const points = (means[i]! - journeyMean) * 25;
      outliers.push({ touchpoint, dimension, side: points > 0 ? 'above' : 'below', points });
    });
  }

  const values = Object.values(byDimension).filter((v): v is number => v !== null);
  return {
    overall: average(values),
    byDimension,
    breaking: [...byTouchpoint.keys()].filter((key) => flagged.has(key)),
    breakingByDimension,
    outliers,
  };
}

/**
 * docs/metrics.md › Experienced consistency: consistency computed within each visitor who rated two or
 * more touchpoints, averaged over those visitors, 0–100.
 *
 * "The same" as overall consistency: per experience dimension the visitor rated at two or more touchpoints,
 * `1 − popsd(their touchpoint means) / 2`; the visitor's value is the mean over those dimensions; the result
 * is the mean over visitors, so each person counts once however many touchpoints they rated. Null below
 * `minN` such visitors (the minimum n applies to people here).
 */
export function experiencedConsistencyOf(
  rows: readonly VisitorMean[],
  minN = DEFAULT_MIN_N,
): { value: number | null; visitors: number } {
  const byVisitor = new Map<string, Map<string, Map<string, number>>>();
  for (const row of rows) {
    if (!isExperienceDimension(row.dimension)) continue;
    let dims = byVisitor.get(row.visitor);
    if (!dims) byVisitor.set(row.visitor, (dims = new Map()));
    let touchpoints = dims.get(row.dimension);
    if (!touchpoints) dims.set(row.dimension, (touchpoints = new Map()));
    touchpoints.set(row.touchpoint, row.mean);
  }

  const perVisitor: number[] = [];
  for (const dims of byVisitor.values()) {
    const values: number[] = [];
    for (const touchpoints of dims.values()) {
      const value = consistencyOfMeans([...touchpoints.values()]);
      if (value !== null) values.push(value);
    }
    const visitorValue = average(values);
    if (visitorValue !== null) perVisitor.push(visitorValue);
  }
  return {
    value: perVisitor.length >= minN ? average(perVisitor) : null,
    visitors: perVisitor.length,
  };
}

/**
 * Experienced consistency from the journey rollups: `visitors` with a within-visitor value (computed per visitor
 * by migrations/0004 exactly as in experiencedConsistencyOf) and the `sum` of those values; null below `minN`.
 */
export function experiencedFromSums(s: { visitors: number; sum: number }, minN = DEFAULT_MIN_N): number | null {
  return s.visitors >= minN && s.visitors > 0 ? s.sum / s.visitors : null;
}
