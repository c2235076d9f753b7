import { describe, expect, it } from 'vitest';
import {
  addSums,
  meanInterval,
  meanOf,
  poolSums,
  populationSd,
  sampleSd,
  scaleDiffToScore,
  scoreStat,
  sumsByTouchpoint,
  tCdf,
  tCritical,
  toScore,
  tQuantile,
} from './stats';

// Answers 2, 3, 3, 4, 3: n 5, sum 15, sumsq 4 + 9 + 9 + 16 + 9 = 47.
const middling = { n: 5, sum: 15, sumsq: 47 };

describe('score from rollup sums', () => {
  it('maps the 1–5 mean to 0–100 with score = (mean − 1) / 4 × 100', () => {
    expect(toScore(1)).toBe(0);
    expect(toScore(3)).toBe(50); // (3 − 1) / 4 × 100
    expect(toScore(4.2)).toBeCloseTo(80, 10); // 3.2 / 4 × 100
    expect(toScore(5)).toBe(100);
    expect(scaleDiffToScore(-1)).toBe(-25); // one scale point = 100 / 4 score points
  });

  it('computes the mean and sample sd from n, sum and sumsq', () => {
    expect(meanOf(middling)).toBe(3); // 15 / 5
    // (47 − 15²/5) / (5 − 1) = (47 − 45) / 4 = 0.5 → sd √0.5
    expect(sampleSd(middling)).toBeCloseTo(Math.SQRT1_2, 12);
    expect(meanOf({ n: 0, sum: 0, sumsq: 0 })).toBeNull();
    expect(sampleSd({ n: 1, sum: 4, sumsq: 16 })).toBeNull();
  });

  it('computes the population sd of plain values', () => {
    expect(populationSd([4, 2])).toBe(1); // mean 3, deviations ±1 → √((1 + 1) / 2) = 1
    expect(populationSd([3])).toBe(0);
    expect(populationSd([])).toBeNull();
  });

  it('pools rollup rows by adding n, sum and sumsq', () => {
    // day 1: 4, 5 → n 2, sum 9, sumsq 41; day 2: 3 → n 1, sum 3, sumsq 9
    const day1 = { n: 2, sum: 9, sumsq: 41 };
    const day2 = { n: 1, sum: 3, sumsq: 9 };
    expect(addSums(day1, day2)).toEqual({ n: 3, sum: 12, sumsq: 50 });
    expect(poolSums([day1, day2, day1])).toEqual({ n: 5, sum: 21, sumsq: 91 });
    expect(poolSums([])).toEqual({ n: 0, sum: 0, sumsq: 0 });
  });

  it('groups rows by touchpoint and dimension, adding per-day rows', () => {
    const grouped = sumsByTouchpoint([
      { touchpoint: 'cart', dimension: 'affective', n: 2, sum: 9, sumsq: 41 },
      { touchpoint: 'cart', dimension: 'affective', n: 1, sum: 3, sumsq: 9 },
      { touchpoint: 'home', dimension: 'affective', n: 1, sum: 5, sumsq: 25 },
    ]);
    expect(grouped.get('cart')?.get('affective')).toEqual({ n: 3, sum: 12, sumsq: 50 });
    expect(grouped.get('home')?.get('affective')).toEqual({ n: 1, sum: 5, sumsq: 25 });
  });
});

describe('Student t distribution', () => {
  it('matches table quantiles', () => {
    expect(tQuantile(0.975, 4)).toBeCloseTo(2.776445, 5);
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.706205, 4);
    expect(tQuantile(0.975, 29)).toBeCloseTo(2.04523, 5);
    expect(tQuantile(0.975, 1e6)).toBeCloseTo(1.959966, 5); // tends to the normal 1.96
    expect(tQuantile(0.025, 4)).toBeCloseTo(-2.776445, 5);
    expect(tQuantile(0.5, 10)).toBe(0);
    expect(tCritical(0.95, 4)).toBeCloseTo(2.776445, 5); // two-sided 95% → the 0.975 quantile
    expect(tCritical(0.95, 4)).toBe(tCritical(0.95, 4)); // memoised, same value
  });

  it('matches table probabilities, also for fractional df', () => {
    expect(tCdf(-2, 3)).toBeCloseTo(0.069663, 6);
    expect(tCdf(1.5, 7.5)).toBeCloseTo(0.91276, 5);
    expect(tCdf(0, 5)).toBe(0.5);
  });
});

describe('scoreStat', () => {
  it('gives the score, n and a t-based 95% interval at the minimum n', () => {
    // mean 3 → 50; half width t(0.975, 4) × √0.5 / √5 = 2.776445 × 0.316228 = 0.877989
    // interval 3 ± 0.877989 = [2.122011, 3.877989] → scores [28.0503, 71.9497]
    const stat = scoreStat(middling);
    expect(stat.value).toBe(50);
    expect(stat.n).toBe(5);
    expect(stat.ci![0]).toBeCloseTo(28.0503, 3);
    expect(stat.ci![1]).toBeCloseTo(71.9497, 3);
  });

  it('shows "not enough answers" (null value and ci) below the minimum n', () => {
    // 4 answers of 5: a bare 100 would be a number without support
    expect(scoreStat({ n: 4, sum: 20, sumsq: 100 })).toEqual({ value: null, n: 4, ci: null });
    expect(scoreStat({ n: 0, sum: 0, sumsq: 0 })).toEqual({ value: null, n: 0, ci: null });
    expect(scoreStat(middling, 6)).toEqual({ value: null, n: 5, ci: null });
  });

  it('honours a lower minimum n set by the team', () => {
    // 2 answers 4, 5: mean 4.5 → 87.5; sd √0.5, half 12.706205 × √0.5 / √2 = 6.35 → clamped to the scale
    const stat = scoreStat({ n: 2, sum: 9, sumsq: 41 }, 2);
    expect(stat.value).toBe(87.5);
    expect(stat.ci).toEqual([0, 100]);
    // one answer at minN 1: a value, but no interval without a variance
    expect(scoreStat({ n: 1, sum: 4, sumsq: 16 }, 1)).toEqual({ value: 75, n: 1, ci: null });
  });

  it('clamps the interval to the 1–5 scale', () => {
    // answers 2, 4, 4, 5, 5: n 5, sum 20, sumsq 86; mean 4 → 75; var (86 − 80) / 4 = 1.5
    // half 2.776445 × √1.5 / √5 = 1.520722 → [2.479278, 5.520722] → upper clamped to 5 → [36.982, 100]
    const stat = scoreStat({ n: 5, sum: 20, sumsq: 86 });
    expect(stat.value).toBe(75);
    expect(stat.ci![0]).toBeCloseTo(36.982, 3);
    expect(stat.ci![1]).toBe(100);
  });

  it('gives a zero-width interval when all answers are equal', () => {
    // five 4s: n 5, sum 20, sumsq 80 → sd 0 → [4, 4] → [75, 75]
    expect(scoreStat({ n: 5, sum: 20, sumsq: 80 })).toEqual({ value: 75, n: 5, ci: [75, 75] });
    expect(meanInterval({ n: 5, sum: 20, sumsq: 80 })).toEqual([4, 4]);
  });
});
