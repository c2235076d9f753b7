// The trends response (GET …/analytics/trends): daily series with n and interval, plus quality alerts.
import type { ScoreStat, Trends } from '@throughline/schema';
import { ROLLING_DAYS, rollingStats } from './rolling';
import { DEFAULT_MIN_N, EMPTY_SUMS, addSums, scoreStat, type Sums } from './stats';
import { addDays, dailySeries, daysBetween, qualityAlerts, type DailyScoreRollup } from './trends';

export interface TrendsInput {
  /** Daily rollup rows; may start before `range.from` (alerts look back 35 days from `range.to`). */
  rows: readonly DailyScoreRollup[];
  range: { from: string; to: string };
  /** Touchpoint keys in the team's order; rows about other keys are ignored. */
  touchpoints: readonly string[];
  minN?: number;
  /** Only this dimension in the series (alerts always test quality). */
  dimension?: string;
}

const ALPHA = 0.05;
const RECENT_DAYS = 7;
const BASELINE_DAYS = 28;
/** Days of rollups the alerts need, ending at the range's `to`. */
export const ALERT_WINDOW_DAYS = RECENT_DAYS + BASELINE_DAYS;
/** Days before the range's `from` that the rolling windows of its first days look back into. */
export const ROLLING_LOOKBACK_DAYS = ROLLING_DAYS - 1;

/**
 * Per touchpoint one point per day of the range: every dimension's score with n and 95% interval, the same
 * over the 7 days ending that day (`rolling`, docs/metrics.md "Trends": quiet days still count), and
 * `quality` = answer-level quality (each answer's mean of its experience dimensions), the same quantity the
 * alert tests. Alerts: docs/metrics.md › Trends and alerts, as qualityAlerts in trends.ts (one-sided Welch, α 0.05),
 * for the 7 days ending at `range.to` against the 28 days before.
 */
export function trendsOf({ rows, range, touchpoints, minN = DEFAULT_MIN_N, dimension }: TrendsInput): Trends {
  const known = new Set(touchpoints);
  const mine = rows.filter((r) => known.has(r.touchpoint));
  const series = new Map(dailySeries(mine, range, minN).map((s) => [s.touchpoint, s]));
  const quality = new Map<string, Sums>();
  // touchpoint → score (dimension or quality) → day → sums, from the first rolling window's start on
  const windowFrom = addDays(range.from, -ROLLING_LOOKBACK_DAYS);
  const daily = new Map<string, Map<string, Map<string, Sums>>>();
  for (const row of mine) {
    if (row.day < windowFrom || row.day > range.to) continue;
    if (dimension !== undefined && row.dimension !== dimension && row.dimension !== 'quality') continue;
    let byScore = daily.get(row.touchpoint);
    if (!byScore) daily.set(row.touchpoint, (byScore = new Map()));
    let byDay = byScore.get(row.dimension);
    if (!byDay) byScore.set(row.dimension, (byDay = new Map()));
    byDay.set(row.day, addSums(byDay.get(row.day) ?? EMPTY_SUMS, row));
    if (row.dimension !== 'quality' || row.day < range.from) continue;
    const key = `${row.touchpoint}\n${row.day}`;
    quality.set(key, addSums(quality.get(key) ?? EMPTY_SUMS, row));
  }
  const days = daysBetween(range.from, range.to);

  const out = touchpoints.map((touchpoint) => {
    const byDay = new Map((series.get(touchpoint)?.days ?? []).map((p) => [p.day, p.scores]));
    const rolling = [...(daily.get(touchpoint) ?? [])].map(
      ([score, sums]) => [score, rollingStats(sums, days, minN)] as const,
    );
    return {
      touchpoint,
      days: days.map((day, i) => {
        const q = quality.get(`${touchpoint}\n${day}`) ?? EMPTY_SUMS;
        const scores: Record<string, ScoreStat> = {};
        for (const [d, stat] of Object.entries(byDay.get(day) ?? {}))
          if (dimension === undefined || d === dimension) scores[d] = stat;
        if (dimension === undefined || dimension === 'quality') scores.quality = scoreStat(q, minN);
        const week: Record<string, ScoreStat> = {};
        for (const [score, stats] of rolling) if (stats[i]!.n > 0) week[score] = stats[i]!;
        return { day, n: q.n, scores, rolling: week };
      }),
    };
  });

  const recentFrom = addDays(range.to, -(RECENT_DAYS - 1));
  const baselineFrom = addDays(recentFrom, -BASELINE_DAYS);
  const alerts = qualityAlerts(mine, range.to, {
    minN,
    alpha: ALPHA,
    recentDays: RECENT_DAYS,
    baselineDays: BASELINE_DAYS,
  }).map((a) => ({
    touchpoint: a.touchpoint,
    recent: { from: recentFrom, to: range.to, ...a.recent },
    baseline: { from: baselineFrom, to: addDays(recentFrom, -1), ...a.baseline },
    change: a.change,
    test: {
      name: 'welch_t_one_sided' as const,
      t: Number.isFinite(a.test.t) ? a.test.t : null,
      df: a.test.df,
      p: a.test.p,
      alpha: ALPHA,
    },
  }));
  return { range: { ...range }, minN, touchpoints: out, alerts };
}
