// Rolling windows over daily rollups (docs/metrics.md "Trends"): each day's score over the 7 days ending on it,
// so a quiet day still contributes its few answers instead of leaving a gap in the line.
import type { ScoreStat } from '@throughline/schema';
import { DEFAULT_MIN_N, EMPTY_SUMS, addSums, scoreStat, type Sums } from './stats';
import { addDays } from './trends';

/** The trends' rolling window: a week, so a weekday pattern does not show as a trend. */
export const ROLLING_DAYS = 7;

/**
 * For each day of `days` (consecutive days, in order), the answers of the `windowDays` days ending on it (that day
 * included), pooled: answers are the units, so a day of 40 answers weighs 40 times a day of one. The score carries
 * the usual n, 95% Student-t interval and minimum n (computed on the pooled window, not per day).
 * `byDay` may hold days before the first of `days` (the window looks back into them).
 * A sliding sum (add the day entering, remove the day leaving; exact for whole answers, and off by float rounding
 * only for answer-level quality, whose answers are means), so a year of
 * days costs one pass, not seven.
 */
export function rollingStats(
  byDay: ReadonlyMap<string, Sums>,
  days: readonly string[],
  minN = DEFAULT_MIN_N,
  windowDays = ROLLING_DAYS,
): ScoreStat[] {
  if (days.length === 0) return [];
  const before = Array.from({ length: windowDays - 1 }, (_, i) => addDays(days[0]!, -(windowDays - 1 - i)));
  const all = [...before, ...days].map((day) => byDay.get(day) ?? EMPTY_SUMS);
  let pooled: Sums = EMPTY_SUMS;
  for (const sums of all.slice(0, windowDays - 1)) pooled = addSums(pooled, sums);
  return days.map((_, i) => {
    pooled = addSums(pooled, all[i + windowDays - 1]!);
    const stat = scoreStat(pooled, minN);
    const leaving = all[i]!;
    pooled = { n: pooled.n - leaving.n, sum: pooled.sum - leaving.sum, sumsq: pooled.sumsq - leaving.sumsq };
    return stat;
  });
}
