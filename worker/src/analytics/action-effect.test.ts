// An action's measured effect on data with a known step and on data with none; the reference numbers were worked
// by hand: each day two answers, so each window of 14 days holds 28 answers with sample variance 7/27 (scale points).
import { describe, expect, it } from 'vitest';
import { actionEffect } from './action-effect';
import type { DailyScoreRollup } from './trends';

const day = (d: number) => `2026-03-${String(d).padStart(2, '0')}`;
/** Per day from..to, two answers of quality a and b (1–5). */
const days = (from: number, to: number, a: number, b: number): DailyScoreRollup[] =>
  Array.from({ length: to - from + 1 }, (_, i) => ({
    day: day(from + i),
    touchpoint: 'checkout',
    dimension: 'quality',
    n: 2,
    sum: a + b,
    sumsq: a * a + b * b,
  }));

describe('action effect', () => {
  it('finds a step of one scale point (25 score points) after the action, with its Welch interval', () => {
    const rows = [...days(1, 14, 3, 4), ...days(15, 28, 4, 5)];
    const e = actionEffect(rows, 'checkout', day(15), day(31));
    expect(e.days).toBe(14);
    expect(e.before).toEqual({ from: day(1), to: day(14), n: 28, value: 62.5 });
    expect(e.after).toEqual({ from: day(15), to: day(28), n: 28, value: 87.5 });
    expect(e.change).toBeCloseTo(25, 9);
    // se = 25 · √(2 · (7/27) / 28) = 3.40207; df = 54; t(0.975, 54) = 2.00488; half-width 6.8207
    expect(e.ci![0]).toBeCloseTo(18.179, 2);
    expect(e.ci![1]).toBeCloseTo(31.821, 2);
    expect(e.p).toBeLessThan(1e-6);
    expect(e.verdict).toBe('improved');
  });

  it('finds no clear change where there is none, and reads only its touchpoint', () => {
    const other = days(15, 28, 1, 1).map((r) => ({ ...r, touchpoint: 'cart' }));
    const e = actionEffect([...days(1, 28, 3, 4), ...other], 'checkout', day(15), day(31));
    expect(e.change).toBeCloseTo(0, 9);
    expect(e.ci![1]).toBeCloseTo(6.821, 2);
    expect(e.p).toBeCloseTo(1, 9);
    expect(e.verdict).toBe('no_clear_change');
  });

  it('is too early while the windows are short of answers, and shortens both windows to the days since the action', () => {
    const e = actionEffect(days(1, 28, 3, 4), 'checkout', day(27), day(28));
    expect(e).toMatchObject({
      days: 2,
      before: { from: day(25), to: day(26), n: 4 },
      after: { from: day(27), to: day(28), n: 4 },
      verdict: 'too_early',
      p: null,
    });
  });
});
