// Thematic cohesion on theme answers worked out by hand (docs/metrics.md › Thematic cohesion).
import { describe, expect, it } from 'vitest';
import { thematicCohesionOf } from './cohesion';
import type { Sums } from './stats';

/** Sums of `n` answers all equal to `v`. */
const same = (n: number, v: number): Sums => ({ n, sum: n * v, sumsq: n * v * v });

describe('thematic cohesion', () => {
  it('gives the mean theme score, its spread and the touchpoints that drift', () => {
    // home 5 × 5 → 100; cart 5 × 4 → 75; faq 5 × 4 → 75; counter 6 × 2 → 25; club 3 answers: not enough
    // mean (100 + 75 + 75 + 25) / 4 = 68.75; deviations 31.25, 6.25, 6.25, −43.75;
    // squares 976.5625 + 39.0625 + 39.0625 + 1914.0625 = 2968.75; / 4 = 742.1875; spread √742.1875 = 27.2431
    // counter lies 43.75 below: more than 27.24 and 10 → drifting
    const sums = new Map([
      ['home', same(5, 5)],
      ['cart', same(5, 4)],
      ['faq', same(5, 4)],
      ['counter', same(6, 2)],
      ['club', same(3, 1)],
    ]);
    const c = thematicCohesionOf(['club', 'home', 'cart', 'faq', 'counter'], sums, 5);
    expect(c.mean).toBeCloseTo(68.75, 10);
    expect(c.spread).toBeCloseTo(27.2431, 4);
    expect(c.touchpoints).toBe(4);
    expect(c.drifting).toEqual([{ touchpoint: 'counter', points: 43.75 }]);
  });

  it('has no number without enough theme answers, and no drift in a tight spread', () => {
    expect(thematicCohesionOf(['home'], new Map([['home', same(4, 5)]]), 5)).toEqual({
      mean: null,
      spread: null,
      touchpoints: 0,
      drifting: [],
    });
    // 4, 4, 4 and (4, 4, 4, 4, 3) → 75, 75, 75, 70: mean 73.75, spread 2.17; 70 is 3.75 below: not 10 points
    const tight = new Map([
      ['a', same(5, 4)],
      ['b', same(5, 4)],
      ['c', same(5, 4)],
      ['d', { n: 5, sum: 19, sumsq: 73 }],
    ]);
    expect(thematicCohesionOf(['a', 'b', 'c', 'd'], tight, 5).drifting).toEqual([]);
  });
});
