import { describe, expect, it } from 'vitest';
import { consistencyOf, consistencyOfMeans, experiencedConsistencyOf, type VisitorMean } from './consistency';
import type { ScoreRollup } from './stats';

/** A rollup whose n answers have the given mean (sumsq is irrelevant to consistency). */
const rollup = (touchpoint: string, dimension: string, mean: number, n = 5): ScoreRollup => ({
  touchpoint,
  dimension,
  n,
  sum: mean * n,
  sumsq: mean * mean * n,
});

describe('consistency across touchpoints', () => {
  it('is 1 − popsd(touchpoint means)/2 per dimension, 0–100, and their mean overall', () => {
    const result = consistencyOf([
      rollup('home', 'sensorial', 4),
      rollup('cart', 'sensorial', 2),
      rollup('home', 'affective', 3),
      rollup('cart', 'affective', 3),
    ]);
    // sensorial: means 4, 2 → pop sd 1 → 1 − 1/2 = 0.5 → 50
    // affective: means 3, 3 → pop sd 0 → 1 → 100
    expect(result.byDimension).toEqual({ sensorial: 50, affective: 100 });
    expect(result.overall).toBe(75); // (50 + 100) / 2
    // two touchpoints lie exactly one sd from their mean: not "more than" one sd
    expect(result.breaking).toEqual([]);
  });

  it('uses the population sd, reaching 0 at the largest spread the scale allows', () => {
    // means 5, 1 → pop sd 2 (the sample sd would be 2.83) → 1 − 2/2 = 0
    expect(consistencyOfMeans([5, 1])).toBe(0);
  });

  it('leaves out touchpoints below the minimum n', () => {
    const result = consistencyOf([
      rollup('home', 'cognitive', 4),
      rollup('cart', 'cognitive', 4),
      rollup('help', 'cognitive', 1, 4), // 4 answers < 5
    ]);
    // means 4, 4 → sd 0 → 100; help would have pulled it down
    expect(result.byDimension).toEqual({ cognitive: 100 });
    expect(result.breaking).toEqual([]);
  });

  it('is null with a single touchpoint of enough answers', () => {
    const result = consistencyOf([rollup('home', 'sensorial', 4), rollup('cart', 'sensorial', 2, 3)]);
    expect(result.byDimension).toEqual({ sensorial: null });
    expect(result.overall).toBeNull();
    expect(result.breaking).toEqual([]);
  });

  it('is empty without answers, and ignores importance and handoff', () => {
    expect(consistencyOf([])).toEqual({
      overall: null,
      byDimension: {},
      breaking: [],
      breakingByDimension: {},
      outliers: [],
    });
    const result = consistencyOf([rollup('home', 'importance', 5), rollup('cart', 'importance', 1)]);
    expect(result.byDimension).toEqual({});
  });

  it('is 100 with no breaking touchpoints when all means are equal', () => {
    const result = consistencyOf(['a', 'b', 'c'].map((k) => rollup(k, 'affective', 3.6, 10)));
    expect(result.byDimension).toEqual({ affective: 100 });
    expect(result.breaking).toEqual([]);
  });

  it('flags a touchpoint more than one sd from the journey mean on a dimension', () => {
    const result = consistencyOf([
      rollup('home', 'sensorial', 4),
      rollup('cart', 'sensorial', 4),
      rollup('help', 'sensorial', 1),
    ]);
    // means 4, 4, 1 → journey mean 3; deviations 1, 1, −2 → pop var (1 + 1 + 4) / 3 = 2 → sd 1.41421
    // help: |1 − 3| = 2 > 1.414 → breaking; home, cart: 1 < 1.414
    // consistency 1 − 1.41421 / 2 = 0.29289 → 29.289
    expect(result.byDimension.sensorial).toBeCloseTo(29.289, 3);
    expect(result.breaking).toEqual(['help']);
    expect(result.breakingByDimension).toEqual({ sensorial: ['help'] });
    // help's mean 1 is 2 scale points below the journey mean 3: 2 × 25 = 50 score points below
    expect(result.outliers).toEqual([{ touchpoint: 'help', dimension: 'sensorial', side: 'below', points: -50 }]);
  });

  it('says on which side of the journey mean an outlier lies', () => {
    const result = consistencyOf([
      rollup('home', 'affective', 2),
      rollup('cart', 'affective', 2),
      rollup('help', 'affective', 5),
    ]);
    // means 2, 2, 5 → journey mean 3, pop sd √((1 + 1 + 4) / 3) = 1.414; help is 2 points above → +50 score points
    expect(result.outliers).toEqual([{ touchpoint: 'help', dimension: 'affective', side: 'above', points: 50 }]);
  });

  it('flags a touchpoint that breaks on any one dimension', () => {
    const result = consistencyOf([
      rollup('home', 'sensorial', 4),
      rollup('cart', 'sensorial', 4),
      rollup('help', 'sensorial', 4),
      rollup('home', 'affective', 2),
      rollup('cart', 'affective', 5),
      rollup('help', 'affective', 5),
    ]);
    // sensorial: all 4 → nothing flagged; affective: 2, 5, 5 → mean 4, deviations −2, 1, 1
    // → pop sd √((4 + 1 + 1) / 3) = √2 = 1.414 → home (2 > 1.414) breaks
    expect(result.breaking).toEqual(['home']);
    expect(result.breakingByDimension).toEqual({ affective: ['home'] });
  });

  it('does not flag a mean exactly one sd away because of floating-point noise', () => {
    const result = consistencyOf([
      rollup('a', 'cognitive', 3.9, 10),
      rollup('b', 'cognitive', 3.9, 10),
      rollup('c', 'cognitive', 4.3, 10),
      rollup('d', 'cognitive', 4.3, 10),
    ]);
    // means 3.9, 3.9, 4.3, 4.3 → mean 4.1, every deviation 0.2 = sd 0.2 (in floats 0.20000000000000018 vs 0.19999999999999996)
    expect(result.breaking).toEqual([]);
    expect(result.byDimension.cognitive).toBeCloseTo(90, 10); // 1 − 0.2 / 2 = 0.9
  });
});

describe('experienced consistency', () => {
  const means: VisitorMean[] = [
    // v1: sensorial 4 at home, 2 at cart → sd 1 → 50; affective 5, 5 → 100; v1 = (50 + 100) / 2 = 75
    { visitor: 'v1', touchpoint: 'home', dimension: 'sensorial', mean: 4 },
    { visitor: 'v1', touchpoint: 'cart', dimension: 'sensorial', mean: 2 },
    { visitor: 'v1', touchpoint: 'home', dimension: 'affective', mean: 5 },
    { visitor: 'v1', touchpoint: 'cart', dimension: 'affective', mean: 5 },
    // v2: cognitive 3 at three touchpoints → 100; importance does not count
    { visitor: 'v2', touchpoint: 'home', dimension: 'cognitive', mean: 3 },
    { visitor: 'v2', touchpoint: 'cart', dimension: 'cognitive', mean: 3 },
    { visitor: 'v2', touchpoint: 'help', dimension: 'cognitive', mean: 3 },
    { visitor: 'v2', touchpoint: 'home', dimension: 'importance', mean: 1 },
    { visitor: 'v2', touchpoint: 'cart', dimension: 'importance', mean: 5 },
    // v3 rated one touchpoint only: left out
    { visitor: 'v3', touchpoint: 'home', dimension: 'sensorial', mean: 1 },
  ];

  it('averages each visitor’s own consistency over visitors who rated two or more touchpoints', () => {
    // (75 + 100) / 2 = 87.5
    expect(experiencedConsistencyOf(means, 2)).toEqual({ value: 87.5, visitors: 2 });
  });

  it('is null below the minimum n of such visitors', () => {
    expect(experiencedConsistencyOf(means)).toEqual({ value: null, visitors: 2 });
    expect(experiencedConsistencyOf([], 1)).toEqual({ value: null, visitors: 0 });
  });
});
