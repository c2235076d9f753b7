// Employee pulse beside customer quality (docs/metrics.md › Employee pulse, Service-profit chain). Pure arithmetic.
import { PULSE_QUESTIONS, type PulseQuestion, type PulseTouchpoint, type ScoreStat } from '@throughline/schema';
import { correlation } from './loyalty';
import { scoreStat, type Sums } from './stats';
import type { PulseSums } from '../db/pulse';

/** Below this, pulse or quality counts as low (the scale midpoint). */
export const LOW = 50;

/** docs/metrics.md › Employee pulse: each question's score, and the pulse of all answers pooled; nothing below minGroup. */
export function pulseOf(
  s: PulseSums | undefined,
  minGroup: number,
): { pulse: number | null; questions: Record<PulseQuestion, ScoreStat> } {
  const empty: Sums = { n: 0, sum: 0, sumsq: 0 };
  const questions = Object.fromEntries(PULSE_QUESTIONS.map((q) => [q, scoreStat(s?.[q] ?? empty, minGroup)])) as Record<
    PulseQuestion,
    ScoreStat
  >;
  const n = s?.responses ?? 0;
  if (!s || n < minGroup) return { pulse: null, questions };
  // pooled: 3n answers; the score of their mean equals the mean of the three question scores (equal n)
  const pooled = (s.tools.sum + s.support.sum + s.pride.sum) / (3 * n);
  return { pulse: ((pooled - 1) / 4) * 100, questions };
}

/**
 * docs/metrics.md › Service-profit chain: Pearson r of pulse and quality across the touchpoints that have both
 * (n = those touchpoints); null below 3 or when either does not vary.
 */
export function serviceProfitChain(rows: readonly Pick<PulseTouchpoint, 'pulse' | 'quality'>[]): {
  r: number | null;
  n: number;
} {
  const both = rows.filter((t): t is { pulse: number; quality: number } => t.pulse !== null && t.quality !== null);
  const s = both.reduce(
    (a, t) => ({
      n: a.n + 1,
      sx: a.sx + t.pulse,
      sy: a.sy + t.quality,
      sxy: a.sxy + t.pulse * t.quality,
      sxx: a.sxx + t.pulse ** 2,
      syy: a.syy + t.quality ** 2,
    }),
    { n: 0, sx: 0, sy: 0, sxy: 0, sxx: 0, syy: 0 },
  );
  return { r: correlation(s), n: both.length };
}
