// Importance–quality analysis (docs/metrics.md › Priority): quadrant, priority index and ranking.
// Inputs are 0–100 scores; null (not enough answers) gives a null quadrant and index, ranked last.
import type { Quadrant } from '@throughline/schema';

/** Where the quadrant lines are drawn: the scale midpoint (50) unless the team sets other thresholds. */
export interface PriorityThresholds {
  importance: number;
  quality: number;
}

export const DEFAULT_THRESHOLDS: Readonly<PriorityThresholds> = Object.freeze({ importance: 50, quality: 50 });

/**
 * docs/metrics.md › Priority: high importance + low quality = fix_first; high + high = keep_it_up;
 * low + low = low_priority; low importance + high quality = possible_overkill.
 *
 * A score exactly at a threshold counts as high (`>=`), on both axes: thresholds read as targets
 * ("quality 70 or better is fine"), and meeting a target should not land a touchpoint in a worse quadrant.
 * So at the default 50/50, importance 50 and quality 50 is keep_it_up.
 */
export function quadrantOf(
  importance: number | null,
  quality: number | null,
  thresholds: PriorityThresholds = DEFAULT_THRESHOLDS,
): Quadrant | null {
  if (importance === null || quality === null) return null;
  const important = importance >= thresholds.importance;
  const good = quality >= thresholds.quality;
  if (important) return good ? 'keep_it_up' : 'fix_first';
  return good ? 'possible_overkill' : 'low_priority';
}

/** docs/metrics.md › Priority index: `importance/100 × (1 − quality/100)`, in 0–1; null without both scores. */
export function priorityIndex(importance: number | null, quality: number | null): number | null {
  if (importance === null || quality === null) return null;
  return (importance / 100) * (1 - quality / 100);
}

/** docs/metrics.md › Priority › far below the site: how many score points below the mean counts as far at least. */
const FAR_BELOW_POINTS = 10;

/**
 * docs/metrics.md › Priority › far below the site: touchpoints whose quality lies more than one population sd and
 * at least FAR_BELOW_POINTS below the plain mean of the touchpoints' quality, among three or more with a quality.
 * Needs no importance, stated or derived.
 */
export function farBelowMean(items: readonly { key: string; quality: number | null }[]): Set<string> {
  const rated = items.filter((t): t is { key: string; quality: number } => t.quality !== null);
  if (rated.length < 3) return new Set();
  const mean = rated.reduce((a, t) => a + t.quality, 0) / rated.length;
  const sd = Math.sqrt(rated.reduce((a, t) => a + (t.quality - mean) ** 2, 0) / rated.length);
  return new Set(rated.filter((t) => mean - t.quality > sd && mean - t.quality >= FAR_BELOW_POINTS).map((t) => t.key));
}

/**
 * Ranks touchpoints by priority index, highest first (docs/metrics.md › Priority).
 * Null indexes go last; ties keep the input order (a stable sort), so callers pass journey order.
 */
export function rankByPriority<T extends { priority: number | null }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => {
    if (a.priority === null) return b.priority === null ? 0 : 1;
    if (b.priority === null) return -1;
    return b.priority - a.priority;
  });
}
