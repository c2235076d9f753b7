// Derived importance and "far below the site" on numbers worked out by hand from docs/metrics.md › Derived importance
// and › Priority.
import { describe, expect, it } from 'vitest';
import { correlation, derivedImportanceOf, type PairSums } from './loyalty';
import { farBelowMean } from './priority';

/** Pair sums of plain (x, y) pairs. */
const sumsOf = (pairs: [number, number][]): PairSums =>
  pairs.reduce(
    (s, [x, y]) => ({
      n: s.n + 1,
      sx: s.sx + x,
      sy: s.sy + y,
      sxy: s.sxy + x * y,
      sxx: s.sxx + x * x,
      syy: s.syy + y * y,
    }),
    { n: 0, sx: 0, sy: 0, sxy: 0, sxx: 0, syy: 0 },
  );

describe('derived importance', () => {
  // x = 1 2 3 4 5, y = 2 1 4 3 5: n = 5, Σx = Σy = 15, Σxy = 2 + 2 + 12 + 12 + 25 = 53, Σx² = Σy² = 55.
  // r = (5·53 − 15·15) / √((5·55 − 225)(5·55 − 225)) = 40 / 50 = 0.8 → derived importance 80.
  // Fisher: z = atanh 0.8 = ½ ln 9 = 1.098612; half-width 1.959964 / √(5 − 3) = 1.385904;
  // tanh(1.098612 − 1.385904) = tanh(−0.287292) = −0.279640 → 0 (negative is clamped); tanh(2.484516) = 0.986196 → 98.62.
  const pairs = sumsOf([
    [1, 2],
    [2, 1],
    [3, 4],
    [4, 3],
    [5, 5],
  ]);

  it('is 100 × Pearson r of quality with the outcome, with a Fisher interval', () => {
    const d = derivedImportanceOf({ behavioral: pairs }, 5);
    expect(d.outcome).toBe('behavioral');
    expect(d.r).toBeCloseTo(0.8, 12);
    expect(d.value).toBeCloseTo(80, 10);
    expect(d.n).toBe(5);
    expect(d.ci![0]).toBe(0);
    expect(d.ci![1]).toBeCloseTo(98.6196, 3);
  });

  it('does not depend on the units of x and y (the rollups keep sixtieths)', () => {
    expect(
      correlation(
        sumsOf([
          [60, 120],
          [120, 60],
          [180, 240],
          [240, 180],
          [300, 300],
        ]),
      ),
    ).toBeCloseTo(0.8, 12);
  });

  it('uses coming back where fewer than minN journeys gave a behavioral answer', () => {
    // return pairs: x = 1 1 5 5 3, came back 0 0 1 1 0: Σx = 15, Σy = 2, Σxy = 10, Σx² = 61, Σy² = 2, n = 5
    // r = (5·10 − 15·2) / √((5·61 − 225)(5·2 − 4)) = 20 / √(80·6) = 20 / 21.9089 = 0.912871
    const back = sumsOf([
      [1, 0],
      [1, 0],
      [5, 1],
      [5, 1],
      [3, 0],
    ]);
    const d = derivedImportanceOf(
      {
        behavioral: sumsOf([
          [1, 1],
          [5, 5],
        ]),
        return: back,
      },
      5,
    );
    expect(d.outcome).toBe('return');
    expect(d.value).toBeCloseTo(91.2871, 3);
  });

  it('gives no number below minN, or when nobody differs in outcome, and 0 where quality goes against loyalty', () => {
    expect(
      derivedImportanceOf(
        {
          return: sumsOf([
            [1, 0],
            [5, 1],
            [3, 1],
            [2, 0],
          ]),
        },
        5,
      ),
    ).toMatchObject({ value: null, n: 4, ci: null });
    expect(
      derivedImportanceOf(
        {
          return: sumsOf([
            [1, 1],
            [5, 1],
            [3, 1],
            [2, 1],
            [4, 1],
          ]),
        },
        5,
      ).value,
    ).toBeNull();
    // y = 6 − x: r = −1 → 0
    expect(
      derivedImportanceOf(
        {
          behavioral: sumsOf([
            [1, 5],
            [2, 4],
            [3, 3],
            [4, 2],
            [5, 1],
          ]),
        },
        5,
      ).value,
    ).toBe(0);
  });
});

describe('far below the site', () => {
  it('flags a quality more than one sd and 10 points below the mean of the touchpoints', () => {
    // 29, 70, 72, 68, 75: mean 314 / 5 = 62.8; deviations −33.8, 7.2, 9.2, 5.2, 12.2; squares 1142.44 + 51.84 + 84.64
    // + 27.04 + 148.84 = 1454.8; / 5 = 290.96; sd = 17.06. Only 29 lies more than 17.06 (and 10) below 62.8.
    const flagged = farBelowMean([29, 70, 72, 68, 75, null].map((quality, i) => ({ key: `t${i}`, quality })));
    expect([...flagged]).toEqual(['t0']);
  });

  it('does not flag a small spread, nor with fewer than three touchpoints', () => {
    // 69, 70, 71, 72: mean 70.5, sd 1.118: 69 is 1.5 below, more than one sd but not 10 points
    expect(farBelowMean([69, 70, 71, 72].map((quality, i) => ({ key: `t${i}`, quality }))).size).toBe(0);
    expect(farBelowMean([10, 90].map((quality, i) => ({ key: `t${i}`, quality }))).size).toBe(0);
  });
});
