import { describe, expect, it } from 'vitest';
import { rollingStats } from './rolling';
import type { Sums } from './stats';

/** Sums of plain 1–5 answers, the way a rollup row holds them. */
const sums = (answers: number[]): Sums => ({
  n: answers.length,
  sum: answers.reduce((a, b) => a + b, 0),
  sumsq: answers.reduce((a, b) => a + b * b, 0),
});

describe('rolling 7-day score', () => {
  // Reference computed by hand from the raw answers (not from sums), t quantiles from a t table.
  const answers: Record<string, number[]> = {
    '2026-03-01': [5, 4],
    '2026-03-02': [3],
    '2026-03-04': [4, 4, 2],
    '2026-03-07': [5],
    '2026-03-08': [1, 3],
  };
  const byDay = new Map(Object.entries(answers).map(([d, a]) => [d, sums(a)]));

  it('pools the answers of the 7 days ending on each day, quiet days included', () => {
    const [d7, d8] = rollingStats(byDay, ['2026-03-07', '2026-03-08']);
    // 03-01…03-07: 5 4 3 4 4 2 5 → n 7, mean 27/7 = 3.857143 → score (3.857143 − 1) / 4 × 100 = 71.4286
    // sample var: Σ(x − m)² = 1.306 + 0.0204 + 0.7347 + 0.0204 + 0.0204 + 3.449 + 1.306 = 6.857143 → /6 = 1.142857
    // se = √(1.142857 / 7) = 0.404061; t(0.975, 6) = 2.446912 → half-width 0.988711 on 1–5
    // → 46.7110…96.1461 (the same from Python statistics.mean/stdev on the raw answers)
    expect(d7!.n).toBe(7);
    expect(d7!.value).toBeCloseTo(71.4286, 3);
    expect(d7!.ci![0]).toBeCloseTo(46.711, 3);
    expect(d7!.ci![1]).toBeCloseTo(96.1461, 3);
    // 03-02…03-08 (03-01 leaves the window): 3 4 4 2 5 1 3 → n 7, mean 22/7 = 3.142857 → 53.5714
    // Σx² = 9 + 16 + 16 + 4 + 25 + 1 + 9 = 80; var = (80 − 484/7) / 6 = 1.809524; se = √(1.809524/7) = 0.508432
    // half-width 2.446912 × 0.508432 = 1.244089 → 1.898768…4.386946 → 22.4692…84.6737
    expect(d8!.n).toBe(7);
    expect(d8!.value).toBeCloseTo(53.5714, 3);
    expect(d8!.ci![0]).toBeCloseTo(22.4692, 3);
    expect(d8!.ci![1]).toBeCloseTo(84.6737, 3);
  });

  it('looks back before the first day shown, and shows no number below the minimum n', () => {
    const [d2, d3, d4] = rollingStats(byDay, ['2026-03-02', '2026-03-03', '2026-03-04']);
    // 03-02 window holds 03-01's two answers and its own one: 3 answers < 5
    expect(d2).toEqual({ value: null, n: 3, ci: null });
    // 03-03 had no answers, and still has the window's 3
    expect(d3).toEqual({ value: null, n: 3, ci: null });
    // 03-04: 5 4 3 4 4 2 → n 6, mean 22/6 = 3.666667 → 66.6667
    expect(d4!.n).toBe(6);
    expect(d4!.value).toBeCloseTo(66.6667, 3);
  });

  it('narrows the window when asked (a 1-day window is the daily score)', () => {
    const [d4] = rollingStats(byDay, ['2026-03-04'], 3, 1);
    // 4 4 2: mean 10/3 → 58.3333
    expect(d4!.n).toBe(3);
    expect(d4!.value).toBeCloseTo(58.3333, 3);
  });
});

describe('rolling window as a sliding sum', () => {
  it('equals pooling each window afresh, over a long run of days', () => {
    // a deterministic run of 60 days with 0–3 answers a day; the reference pools each 7-day window from the raw answers
    const days = Array.from({ length: 60 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));
    const raw = new Map(days.map((d, i) => [d, Array.from({ length: (i * 7) % 4 }, (_, j) => 1 + ((i + j * 3) % 5))]));
    const byDay = new Map([...raw].map(([d, a]) => [d, sums(a)]));
    const got = rollingStats(byDay, days.slice(6), 5);
    days.slice(6).forEach((day, i) => {
      const pooled = days.slice(i, i + 7).flatMap((d) => raw.get(d)!);
      const mean = pooled.reduce((a, b) => a + b, 0) / pooled.length;
      expect(got[i]!.n, day).toBe(pooled.length);
      if (pooled.length >= 5) expect(got[i]!.value, day).toBeCloseTo(((mean - 1) / 4) * 100, 9);
      else expect(got[i]!.value, day).toBeNull();
    });
  });
});
