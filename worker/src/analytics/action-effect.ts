// The measured effect of an action on a touchpoint (docs/metrics.md "Action effect"): answer-level quality in two
// equal windows, before the action's day and from it on, their difference with a Welch 95% interval, and the
// Welch test the Trends alert uses, two-sided here (a fix can also make things worse).
import { addSums, EMPTY_SUMS, meanOf, sampleVariance, tCritical, toScore, type Sums } from './stats';
import { addDays, welchOneSided, type DailyScoreRollup } from './trends';

export const EFFECT_WINDOW_DAYS = 14;

interface WindowStat {
  from: string;
  to: string;
  n: number;
  value: number | null;
}
export interface ActionEffect {
  /** Days in each window: 14, fewer while the action is recent (the after window ends today). */
  days: number;
  before: WindowStat;
  after: WindowStat;
  /** after − before in score points, with its 95% Welch interval; null while too early. */
  change: number | null;
  ci: [number, number] | null;
  /** Two-sided Welch p; null while too early. */
  p: number | null;
  verdict: 'too_early' | 'improved' | 'worsened' | 'no_clear_change';
}

/**
 * Windows: after = the action's day and the days after it, at most `windowDays`, ending no later than `today`;
 * before = as many days just before the action's day. Too early until both windows hold max(minN, 2) answers.
 */
export function actionEffect(
  rows: readonly DailyScoreRollup[],
  touchpoint: string,
  actionDay: string,
  today: string,
  { minN = 5, windowDays = EFFECT_WINDOW_DAYS, alpha = 0.05 } = {},
): ActionEffect {
  const afterTo = minDay(addDays(actionDay, windowDays - 1), today);
  const days = Math.max(0, Math.round((Date.parse(afterTo) - Date.parse(actionDay)) / 86_400_000) + 1);
  const beforeFrom = addDays(actionDay, -Math.max(days, 1));
  const beforeTo = addDays(actionDay, -1);
  let before: Sums = EMPTY_SUMS;
  let after: Sums = EMPTY_SUMS;
  for (const r of rows) {
    if (r.touchpoint !== touchpoint || r.dimension !== 'quality') continue;
    if (r.day >= beforeFrom && r.day <= beforeTo) before = addSums(before, r);
    else if (r.day >= actionDay && r.day <= afterTo) after = addSums(after, r);
  }
  const stat = (s: Sums, from: string, to: string): WindowStat => ({
    from,
    to,
    n: s.n,
    value: s.n ? toScore(meanOf(s)!) : null,
  });
  const out = { days, before: stat(before, beforeFrom, beforeTo), after: stat(after, actionDay, afterTo) };
  const needed = Math.max(minN, 2);
  const test = days > 0 && before.n >= needed && after.n >= needed ? welchOneSided(after, before) : null;
  if (!test) return { ...out, change: null, ci: null, p: null, verdict: 'too_early' };
  const change = toScore(meanOf(after)!) - toScore(meanOf(before)!);
  const se = Math.sqrt(sampleVariance(after)! / after.n + sampleVariance(before)! / before.n) * 25;
  const half = se === 0 ? 0 : tCritical(0.95, test.df) * se;
  const p = Math.min(1, 2 * Math.min(test.p, 1 - test.p));
  const verdict = p < alpha ? (change > 0 ? 'improved' : 'worsened') : 'no_clear_change';
  return { ...out, change, ci: [change - half, change + half], p, verdict };
}

const minDay = (a: string, b: string) => (a < b ? a : b);
