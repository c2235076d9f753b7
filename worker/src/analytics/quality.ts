// Quality and importance of a touchpoint from its dimension scores (docs/metrics.md › Quality, Importance).
// Scores come from stats.scoreStat, so "not enough answers" (null) is already decided per dimension.
import type { ExperienceDimension, ScoreStat } from '@throughline/schema';

/**
 * The experience dimensions whose mean is quality: the same list as the schema's EXPERIENCE_DIMENSIONS,
 * repeated here so these modules load nothing at run time; the check below fails the build if they drift.
 */
export const EXPERIENCE_DIMENSIONS = ['sensorial', 'affective', 'cognitive', 'relational', 'behavioral'] as const;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameAsSchema: Same<(typeof EXPERIENCE_DIMENSIONS)[number], ExperienceDimension> = true;
void sameAsSchema;

const experience: ReadonlySet<string> = new Set(EXPERIENCE_DIMENSIONS);

/** Whether a dimension counts towards quality (importance and handoff do not). */
export function isExperienceDimension(dimension: string): boolean {
  return experience.has(dimension);
}

/**
 * docs/metrics.md › Quality: mean of the touchpoint's experience dimension scores (0–100).
 * A dimension counts where it was asked and has at least the minimum n, i.e. where its score is not null;
 * relational/behavioral are optional, so absent ones are skipped rather than counted as zero.
 * Null when no experience dimension has enough answers.
 */
export function qualityOf(scores: Readonly<Record<string, ScoreStat | undefined>>): number | null {
  let total = 0;
  let count = 0;
  for (const dimension of EXPERIENCE_DIMENSIONS) {
    const value = scores[dimension]?.value;
    if (value === null || value === undefined) continue;
    total += value;
    count += 1;
  }
  return count > 0 ? total / count : null;
}

/** docs/metrics.md › Importance: the 0–100 score of stated importance, null below the minimum n. */
export function importanceOf(scores: Readonly<Record<string, ScoreStat | undefined>>): number | null {
  return scores.importance?.value ?? null;
}
