import { describe, expect, it } from 'vitest';
import { ContextSums, QUALITY_UNITS, TransitionTotals } from './rollup-json';

describe('ContextSums', () => {
  it('adds the days of each touchpoint and segment, and gives quality back in scale points', () => {
    const sums = new ContextSums();
    // day 1 at home: two mobile answers of quality 4 and 11/3 (240 + 220 sixtieths); day 2: one of 2
    sums.add('home', JSON.stringify({ 'device:mobile': [2, 460, 240 * 240 + 220 * 220], 'locale:de': [1, 240, 57600] }));
    sums.add('home', JSON.stringify({ 'device:mobile': [1, 120, 14400] }));
    sums.add('cart', null);
    expect(QUALITY_UNITS).toBe(60);
    const rows = sums.rows();
    expect(rows).toHaveLength(2);
    const mobile = rows.find((r) => r.segment === 'device:mobile')!;
    expect(mobile).toMatchObject({ touchpoint: 'home', dimension: 'quality', n: 3 });
    expect(mobile.sum).toBeCloseTo(4 + 11 / 3 + 2, 12);
    expect(mobile.sumsq).toBeCloseTo(16 + 121 / 9 + 4, 12);
    expect(rows.find((r) => r.segment === 'locale:de')).toMatchObject({ n: 1, sum: 4, sumsq: 16 });
  });
});

describe('TransitionTotals', () => {
  it('joins visit counts and answer sums per from → to pair, over days, ordered by from then to', () => {
    const t = new TransitionTotals();
    t.addVisits('cart', JSON.stringify({ home: 3, search: 1 }));
    t.addVisits('cart', JSON.stringify({ home: 2 }));
    t.addAnswers('cart', JSON.stringify({ home: [2, 7, 25, 1, -0.5, 1] }));
    t.addAnswers('checkout', JSON.stringify({ cart: [1, 5, 25, 0, 0, 0] }));
    t.addVisits('checkout', null);
    expect(t.rows()).toEqual([
      { from: 'cart', to: 'checkout', count: 0, handoffN: 1, handoffSum: 5, handoffSumsq: 25, deltaN: 0, deltaSum: 0, seamlessN: 0 },
      { from: 'home', to: 'cart', count: 5, handoffN: 2, handoffSum: 7, handoffSumsq: 25, deltaN: 1, deltaSum: -0.5, seamlessN: 1 },
      { from: 'search', to: 'cart', count: 1, handoffN: 0, handoffSum: 0, handoffSumsq: 0, deltaN: 0, deltaSum: 0, seamlessN: 0 },
    ]);
  });
});
