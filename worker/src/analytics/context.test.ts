import { describe, expect, it } from 'vitest';
import { contextGapsOf, type SegmentScoreRollup } from './context';

const row = (touchpoint: string, segment: string, dimension: string, mean: number, n = 5): SegmentScoreRollup => ({
  touchpoint,
  segment,
  dimension,
  n,
  sum: mean * n,
  sumsq: mean * mean * n,
});

describe('context gap', () => {
  it('is the spread between the best and worst segment quality', () => {
    const [cart] = contextGapsOf([
      // mobile: sensorial 2 → 25, affective 3 → 50 → quality 37.5
      row('cart', 'device:mobile', 'sensorial', 2),
      row('cart', 'device:mobile', 'affective', 3),
      // desktop: sensorial 4 → 75, affective 4 → 75 → quality 75
      row('cart', 'device:desktop', 'sensorial', 4),
      row('cart', 'device:desktop', 'affective', 4),
      // German locale: only 3 answers, no quality → left out
      row('cart', 'locale:de', 'sensorial', 5, 3),
      // the unsplit segment is not a context
      row('cart', 'all', 'sensorial', 1, 50),
    ]);
    // 75 − 37.5 = 37.5
    expect(cart).toEqual({
      touchpoint: 'cart',
      gap: 37.5,
      best: { segment: 'device:desktop', quality: 75 },
      worst: { segment: 'device:mobile', quality: 37.5 },
      segments: 2,
    });
  });

  it('is null with fewer than two segments of enough answers', () => {
    const gaps = contextGapsOf([
      row('home', 'device:mobile', 'cognitive', 4),
      row('home', 'device:desktop', 'cognitive', 2, 4), // 4 answers < 5
    ]);
    expect(gaps).toEqual([{ touchpoint: 'home', gap: null, best: null, worst: null, segments: 1 }]);
  });

  it('is 0 when every segment scores the same', () => {
    const [help] = contextGapsOf([
      row('help', 'returning:yes', 'sensorial', 3),
      row('help', 'returning:no', 'sensorial', 3),
    ]);
    expect(help?.gap).toBe(0);
  });

  it('names the same best and worst segments whatever order tied rows arrive in', () => {
    const rows = [
      row('help', 'device:mobile', 'sensorial', 4),
      row('help', 'device:desktop', 'sensorial', 4),
      row('help', 'locale:de', 'sensorial', 2),
    ];
    const [a] = contextGapsOf(rows);
    const [b] = contextGapsOf([...rows].reverse());
    expect(a).toEqual(b);
    expect(a?.best?.segment).toBe('device:desktop');
  });

  it('is empty without segment rows', () => {
    expect(contextGapsOf([])).toEqual([]);
  });
});
