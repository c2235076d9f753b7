// Rolling windows over daily rollups (docs/metrics.md "Trends"): each day's score over the 7 days ending on it,
// so a quiet day still contributes its few answers instead of leaving a gap in the line.
import type { ScoreStat } from '@throughline/schema';
import { DEFAULT_MIN_N, EMPTY_SUMS, addSums, scoreStat, type Sums } from './stats';
import { addDays } from './trends';

/** The trends' rolling window: a week, so a weekday pattern does not show as a trend. */
export const ROLLING_DAYS = 7;

/**
 * For each day of `days`, the answers of the `windowDays` days ending on it (that day included), pooled:
 * answers are the units, so a day of 40 answers weighs 40 times a day of one. The score carries the usual
 * n, 95% Student-t interval and minimum n (computed on the pooled window, not per day).
 * `byDay` may hold days before the first of `days` (the window looks back into them).
 */
export function rollingStats(
  byDay: ReadonlyMap<string, Sums>,
  days: readonly string[],
  minN = DEFAULT_MIN_N,
  windowDays = ROLLING_DAYS,
): ScoreStat[] {
  return days.map((day) => {
    let pooled: Sums = EMPTY_SUMS;
    for (let back = 0; back < windowDays; back++) pooled = addSums(pooled, byDay.get(addDays(day, -back)) ?? EMPTY_SUMS);
    return scoreStat(pooled, minN);
  });
}
