// Trends and alerts (docs/metrics.md › Trends and alerts): daily series of every score, and an alert when
// a touchpoint's 7-day quality falls significantly below its previous 28 days.
import type { ScoreStat } from '@throughline/schema';
import { qualityOf } from './quality';
import {
  DEFAULT_MIN_N,
  EMPTY_SUMS,
  addSums,
  meanOf,
  sampleVariance,
  scoreStat,
  tCdf,
  toScore,
  type ScoreRollup,
  type Sums,
} from './stats';

/** One dimension's score sums for one day (YYYY-MM-DD, UTC), from rollup_answers. Dimension `quality` is the answer-level quality. */
export interface DailyScoreRollup extends ScoreRollup {
  day: string;
}

interface TrendPoint {
  day: string;
  /** Every dimension answered that day (not `quality`, which is the line below). */
  scores: Record<string, ScoreStat>;
  /** docs/metrics.md › Quality of that day's dimension scores; null when no dimension had the minimum n that day. */
  quality: number | null;
}

export interface TouchpointTrend {
  touchpoint: string;
  /** One point per day from `from` to `to`, including days without answers, so charts have a steady axis. */
  days: TrendPoint[];
}

const DAY_MS = 86_400_000;

/** `day` shifted by `delta` days (UTC calendar days). */
export function addDays(day: string, delta: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + delta * DAY_MS).toISOString().slice(0, 10);
}

/** Every day from `from` to `to`, both included; empty when `to` is before `from`. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/**
 * docs/metrics.md › Trends: the daily series of every score of each touchpoint, from daily rollup rows.
 * Each day's scores follow the usual minimum n, so a quiet day shows "not enough answers", not a number.
 * Touchpoints appear in order of first appearance in `rows`.
 */
export function dailySeries(
  rows: readonly DailyScoreRollup[],
  range: { from: string; to: string },
  minN = DEFAULT_MIN_N,
): TouchpointTrend[] {
  const byTouchpoint = new Map<string, Map<string, Map<string, Sums>>>();
  for (const row of rows) {
    if (row.day < range.from || row.day > range.to || row.dimension === 'quality') continue;
    let byDay = byTouchpoint.get(row.touchpoint);
    if (!byDay) byTouchpoint.set(row.touchpoint, (byDay = new Map()));
    let byDimension = byDay.get(row.day);
    if (!byDimension) byDay.set(row.day, (byDimension = new Map()));
    byDimension.set(row.dimension, addSums(byDimension.get(row.dimension) ?? EMPTY_SUMS, row));
  }
  const days = daysBetween(range.from, range.to);
  return [...byTouchpoint].map(([touchpoint, byDay]) => ({
    touchpoint,
    days: days.map((day) => {
      const scores: Record<string, ScoreStat> = {};
      for (const [dimension, sums] of byDay.get(day) ?? []) scores[dimension] = scoreStat(sums, minN);
      return { day, scores, quality: qualityOf(scores) };
    }),
  }));
}

/** Welch's t statistic, its degrees of freedom and the one-sided p of "recent mean < baseline mean". */
export interface WelchTest {
  t: number;
  df: number;
  p: number;
}

/**
 * One-sided Welch's t-test from pooled sums: H1 is mean(recent) < mean(baseline). Null when either side has
 * fewer than two answers (no variance). When both variances are 0 (all answers equal on each side) the
 * difference is certain: p is 0 if recent is lower, else 1.
 */
export function welchOneSided(recent: Sums, baseline: Sums): WelchTest | null {
  const va = sampleVariance(recent);
  const vb = sampleVariance(baseline);
  if (va === null || vb === null) return null;
  const diff = recent.sum / recent.n - baseline.sum / baseline.n;
  const a = va / recent.n;
  const b = vb / baseline.n;
  const se2 = a + b;
  if (se2 === 0)
    return { t: diff < 0 ? -Infinity : diff > 0 ? Infinity : 0, df: recent.n + baseline.n - 2, p: diff < 0 ? 0 : 1 };
  const t = diff / Math.sqrt(se2);
  // Welch–Satterthwaite; a zero-variance side contributes 0 to the denominator.
  const df = (se2 * se2) / ((a * a) / (recent.n - 1) + (b * b) / (baseline.n - 1));
  return { t, df, p: tCdf(t, df) };
}

export interface QualityAlert {
  touchpoint: string;
  /** Quality score (0–100) and answers in the last `recentDays` days, ending at `asOf`. */
  recent: { value: number; n: number };
  /** Quality score and answers in the `baselineDays` days before that. */
  baseline: { value: number; n: number };
  /** recent − baseline, in score points (negative). */
  change: number;
  test: WelchTest;
}

export interface AlertOptions {
  minN?: number;
  /** One-sided significance level. */
  alpha?: number;
  recentDays?: number;
  baselineDays?: number;
}

/**
 * docs/metrics.md › Trends and alerts: a touchpoint whose 7-day quality falls significantly below its
 * previous 28 days raises an alert.
 *
 * The test: Welch's t-test, one-sided, α = 0.05, on answer-level quality (the rollups' `quality` dimension:
 * each answer's mean of its experience dimensions), with n, mean and variance taken from the pooled
 * n/sum/sumsq of each window, so the check reads rollups, not answers. Why these choices:
 * - answers, not days, are the units: day means would weigh a day of 2 answers like a day of 200;
 * - Welch, not Student's pooled-variance test: the 7-day window has far fewer answers than the 28-day
 *   one, and a drop usually comes with a change of spread, so equal variances cannot be assumed;
 * - t is robust enough for 1–5 means at these sizes, and needs nothing a rollup does not hold
 *   (a rank test such as Mann–Whitney would need the histograms and is harder to explain);
 * - one-sided, since only falls raise an alert; both windows need the minimum n (and at least 2).
 * Not corrected for testing many touchpoints at once: an alert is a prompt to look, not a verdict.
 * Windows: recent = the `recentDays` days ending at `asOf` (inclusive), baseline = the `baselineDays` days before.
 */
export function qualityAlerts(
  rows: readonly DailyScoreRollup[],
  asOf: string,
  { minN = DEFAULT_MIN_N, alpha = 0.05, recentDays = 7, baselineDays = 28 }: AlertOptions = {},
): QualityAlert[] {
  const recentFrom = addDays(asOf, -(recentDays - 1));
  const baselineFrom = addDays(recentFrom, -baselineDays);
  const windows = new Map<string, { recent: Sums; baseline: Sums }>();
  for (const row of rows) {
    if (row.dimension !== 'quality' || row.day < baselineFrom || row.day > asOf) continue;
    const w = windows.get(row.touchpoint) ?? { recent: EMPTY_SUMS, baseline: EMPTY_SUMS };
    if (row.day >= recentFrom) w.recent = addSums(w.recent, row);
    else w.baseline = addSums(w.baseline, row);
    windows.set(row.touchpoint, w);
  }

  const alerts: QualityAlert[] = [];
  const needed = Math.max(minN, 2);
  for (const [touchpoint, { recent, baseline }] of windows) {
    if (recent.n < needed || baseline.n < needed) continue;
    const test = welchOneSided(recent, baseline);
    if (!test || !(test.p < alpha)) continue;
    const recentValue = toScore(meanOf(recent)!);
    const baselineValue = toScore(meanOf(baseline)!);
    alerts.push({
      touchpoint,
      recent: { value: recentValue, n: recent.n },
      baseline: { value: baselineValue, n: baseline.n },
      change: recentValue - baselineValue,
      test,
    });
  }
  return alerts;
}
