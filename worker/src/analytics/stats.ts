// Score statistics from rollup sums (n, sum, sumsq of 1–5 answers): mean, sd, 95% interval and the 0–100 score.
// Pure arithmetic, no I/O: the worker's SQL reads rollup rows, these functions turn their sums into numbers.
import type { ScoreStat } from '@throughline/schema';

/** docs/metrics.md › Dimension score: below this many answers show "not enough answers". */
export const DEFAULT_MIN_N = 5;

/** What a rollup row holds for one score: answer count, sum and sum of squares on the 1–5 scale. */
export interface Sums {
  n: number;
  sum: number;
  sumsq: number;
}

/** One rollup row, or rows pooled over days: the sums of one dimension's answers at one touchpoint. */
export interface ScoreRollup extends Sums {
  touchpoint: string;
  dimension: string;
}

export const EMPTY_SUMS: Readonly<Sums> = Object.freeze({ n: 0, sum: 0, sumsq: 0 });

/** Adds two rollup rows: counts, sums and sums of squares are all additive, so pooled statistics stay exact. */
export function addSums(a: Sums, b: Sums): Sums {
  return { n: a.n + b.n, sum: a.sum + b.sum, sumsq: a.sumsq + b.sumsq };
}

/** Pools any number of rollup rows (days, segments) into one. */
export function poolSums(rows: Iterable<Sums>): Sums {
  let pooled: Sums = { ...EMPTY_SUMS };
  for (const row of rows) pooled = addSums(pooled, row);
  return pooled;
}

/**
 * Groups rollup rows by touchpoint, then dimension, adding rows that share both (e.g. one row per day),
 * so callers may pass rows grouped by the SQL or not.
 */
export function sumsByTouchpoint(rows: Iterable<ScoreRollup>): Map<string, Map<string, Sums>> {
  const out = new Map<string, Map<string, Sums>>();
  for (const row of rows) {
    let byDimension = out.get(row.touchpoint);
    if (!byDimension) out.set(row.touchpoint, (byDimension = new Map()));
    byDimension.set(row.dimension, addSums(byDimension.get(row.dimension) ?? EMPTY_SUMS, row));
  }
  return out;
}

/** Mean on the 1–5 scale, null without answers. */
export function meanOf(s: Sums): number | null {
  return s.n > 0 ? s.sum / s.n : null;
}

/** Sample variance (n − 1 denominator), null below two answers. Clamped at 0 against rounding in sumsq − sum²/n. */
export function sampleVariance(s: Sums): number | null {
  if (s.n < 2) return null;
  return Math.max(0, (s.sumsq - (s.sum * s.sum) / s.n) / (s.n - 1));
}

/** Sample standard deviation, null below two answers. */
export function sampleSd(s: Sums): number | null {
  const v = sampleVariance(s);
  return v === null ? null : Math.sqrt(v);
}

/** Population standard deviation of plain values (docs/metrics.md › Consistency uses it over touchpoint means). */
export function populationSd(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const m = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, v) => a + (v - m) * (v - m), 0) / values.length);
}

/** Arithmetic mean of plain values, null when empty. */
export function average(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** docs/metrics.md: `score = (mean − 1) / 4 × 100`, a 1–5 mean as 0–100. */
export function toScore(mean: number): number {
  return ((mean - 1) / 4) * 100;
}

/** A difference of 1–5 means as a difference of 0–100 scores: one scale point is 25 score points. */
export function scaleDiffToScore(diff: number): number {
  return diff * 25;
}

/**
 * 95% interval of the mean on the 1–5 scale, null below two answers.
 *
 * Student t with n − 1 degrees of freedom at every n, not the normal 1.96: our minimum n is 5,
 * where t(0.975, 4) = 2.776 and a normal interval would be ~30% too narrow; as n grows t tends to
 * the normal quantile by itself, so one rule serves small and large n without a switch-over point.
 * Clamped to [1, 5] because a mean of 1–5 answers cannot lie outside the scale.
 */
export function meanInterval(s: Sums, level = 0.95): [number, number] | null {
  const m = meanOf(s);
  const sd = sampleSd(s);
  if (m === null || sd === null) return null;
  const half = tCritical(level, s.n - 1) * (sd / Math.sqrt(s.n));
  return [Math.max(1, m - half), Math.min(5, m + half)];
}

const criticalCache = new Map<string, number>();

/**
 * The two-sided critical t for `level` at `df`, memoised: a trend view computes thousands of intervals
 * with few distinct n, and each quantile costs a bisection (~20 µs), too much for a Worker's CPU budget.
 */
export function tCritical(level: number, df: number): number {
  const key = `${level}:${df}`;
  let t = criticalCache.get(key);
  if (t === undefined) {
    if (criticalCache.size >= 4096) criticalCache.clear();
    t = tQuantile(1 - (1 - level) / 2, df);
    criticalCache.set(key, t);
  }
  return t;
}

/**
 * docs/metrics.md › Dimension score: the 0–100 score of the answers' mean, with n and a 95% interval.
 * Below `minN` answers value and ci are null ("not enough answers"), never a bare number.
 */
export function scoreStat(s: Sums, minN = DEFAULT_MIN_N): ScoreStat {
  const m = meanOf(s);
  if (m === null || s.n < minN) return { value: null, n: s.n, ci: null };
  const ci = meanInterval(s);
  return { value: toScore(m), n: s.n, ci: ci ? [toScore(ci[0]), toScore(ci[1])] : null };
}

// ---- Student t distribution (for intervals and Welch's test); no library, so a few numerical routines. ----

/** ln Γ(x) for x > 0 by the Lanczos approximation (g = 7, 9 terms; ~15 significant digits). */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return h;
}

/** Regularized incomplete beta I_x(a, b). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  // The fraction converges fast only on this side of the mode; use the symmetry I_x(a,b) = 1 − I_{1−x}(b,a).
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom (df may be fractional, as Welch's is). */
export function tCdf(t: number, df: number): number {
  if (!Number.isFinite(t)) return t > 0 ? 1 : 0;
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t > 0 ? 1 - tail : tail;
}

/** The t with P(T ≤ t) = p, by bisection on tCdf (monotone; 200 halvings reach float precision). */
export function tQuantile(p: number, df: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  if (p === 0.5) return 0;
  if (p < 0.5) return -tQuantile(1 - p, df);
  let lo = 0;
  let hi = 1;
  while (tCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (tCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
