// Thematic cohesion (docs/metrics.md › Thematic cohesion): do the touchpoints carry the brand's promise alike?
// From the `theme` dimension's score sums per touchpoint; pure arithmetic.
import type { ThematicCohesion } from '@throughline/schema';
import { populationSd, scoreStat, type Sums } from './stats';

/** A touchpoint drifts from the theme when it lies more than one spread and at least this many points below the mean. */
const DRIFT_POINTS = 10;

/**
 * Mean `theme` score (0–100) over touchpoints with at least minN theme answers, its spread (population sd of those
 * scores, in score points), and the touchpoints that drift: more than one spread and DRIFT_POINTS below the mean.
 * `touchpoints` lists keys in the team's order; drifting keeps that order.
 */
export function thematicCohesionOf(
  touchpoints: readonly string[],
  themeSums: ReadonlyMap<string, Sums>,
  minN: number,
): ThematicCohesion {
  const scored = touchpoints
    .map((key) => ({ key, value: scoreStat(themeSums.get(key) ?? { n: 0, sum: 0, sumsq: 0 }, minN).value }))
    .filter((t): t is { key: string; value: number } => t.value !== null);
  if (!scored.length) return { mean: null, spread: null, touchpoints: 0, drifting: [] };
  const mean = scored.reduce((a, t) => a + t.value, 0) / scored.length;
  const spread = populationSd(scored.map((t) => t.value))!;
  const drifting = scored
    .filter((t) => mean - t.value > spread && mean - t.value >= DRIFT_POINTS)
    .map((t) => ({ touchpoint: t.key, points: mean - t.value }));
  return { mean, spread, touchpoints: scored.length, drifting };
}
