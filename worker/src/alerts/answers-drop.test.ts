// The drop test on counts worked by hand: P(X ≤ k) for Poisson(10) is e^-10 · Σ 10^i / i!.
import { describe, expect, it } from 'vitest';
import { answersDrop, poissonCdf } from './answers-drop';

describe('answers drop', () => {
  it('computes the Poisson lower tail', () => {
    // e^-10 = 4.5400e-5; k = 1: 11 · e^-10 = 4.994e-4; k = 2: 61 · e^-10 = 2.769e-3
    expect(poissonCdf(0, 10)).toBeCloseTo(4.54e-5, 7);
    expect(poissonCdf(1, 10)).toBeCloseTo(4.994e-4, 6);
    expect(poissonCdf(2, 10)).toBeCloseTo(2.769e-3, 5);
  });

  it('alerts when yesterday is far below a steady baseline, and not on a quiet site or an ordinary dip', () => {
    const steady = Array(14).fill(10);
    expect(answersDrop(steady, 1)).toMatchObject({ yesterday: 1, mean: 10 });
    expect(answersDrop(steady, 2)).toBeNull();
    // mean 2 a day: a day without answers is ordinary
    expect(answersDrop(Array(14).fill(2), 0)).toBeNull();
    expect(answersDrop([], 0)).toBeNull();
  });
});
