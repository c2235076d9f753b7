// Loyalty pairs of one journey (docs/metrics.md › Derived importance): for each touchpoint the visitor rated, their
// quality there (x) against the journey's loyalty outcome (y), kept as sums so that a correlation reads rollups.
// Called from rules.ts with the journey already derived; pure, so the site object stores after − before like
// every other metric.
import type { Journey } from './rules';
import { addMetric, rowKey, type Contribution } from './rules';
import { segmentsOf } from './segments';

/** Quality and outcome are kept in sixtieths of a scale point (rules.ts QUALITY_UNITS), so the sums are whole. */
const UNITS = 60;
/** A visit at least this long after the rating counts as coming back (docs/metrics.md › Derived importance). */
const RETURN_AFTER_MS = 86_400_000;

/** The quality of an answer without `behavioral`, which is (or stands beside) the outcome: sixtieths, or null. */
function driverQuality60(scores: Partial<Record<string, number>>): number | null {
  const values = (['sensorial', 'affective', 'cognitive', 'relational'] as const)
    .map((d) => scores[d])
    .filter((v): v is number => v !== undefined);
  return values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * UNITS) : null;
}

/**
 * Adds, per touchpoint rated in the journey (an answer with an experience dimension other than behavioral):
 * - `l:b` [n, Σx, Σy, Σxy, Σx², Σy²] with y = the mean `behavioral` answer of the journey, where it has one;
 * - `l:r` the same with y = 1 when the journey has a visit at least a day after the first such rating, else 0.
 * x is the mean of the visitor's ratings there. Counted once per journey and touchpoint, on the day and in the
 * segments of the first rating (its visit's context).
 */
export function addLoyalty(c: Contribution, journey: Journey): void {
  const behavioral = journey.answers.map((a) => a.answer.scores.behavioral).filter((v): v is number => v !== undefined);
  const yb = behavioral.length ? Math.round((behavioral.reduce((a, b) => a + b, 0) / behavioral.length) * UNITS) : null;
  const lastVisit = Math.max(...journey.steps.filter((s) => s.real).map((s) => Date.parse(s.at)), -Infinity);
  const rated = new Map<string, { first: (typeof journey.answers)[number]; sum: number; n: number }>();
  for (const item of journey.answers) {
    const x = driverQuality60(item.answer.scores);
    if (x === null) continue;
    const r = rated.get(item.answer.touchpoint);
    if (!r) rated.set(item.answer.touchpoint, { first: item, sum: x, n: 1 });
    else {
      if (
        item.answer.at < r.first.answer.at ||
        (item.answer.at === r.first.answer.at && item.answer.id < r.first.answer.id)
      )
        r.first = item;
      r.sum += x;
      r.n += 1;
    }
  }
  for (const [touchpoint, r] of rated) {
    const x = Math.round(r.sum / r.n);
    const key = (seg: string) => rowKey(seg, r.first.answer.at.slice(0, 10), touchpoint);
    const back = lastVisit - Date.parse(r.first.answer.at) >= RETURN_AFTER_MS ? 1 : 0;
    for (const seg of segmentsOf(r.first.step.context)) {
      addMetric(c, key(seg), 'l:r', [1, x, back, x * back, x * x, back]);
      if (yb !== null) addMetric(c, key(seg), 'l:b', [1, x, yb, x * yb, x * x, yb * yb]);
    }
  }
}
