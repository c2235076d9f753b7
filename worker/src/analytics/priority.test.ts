import { describe, expect, it } from 'vitest';
import { priorityIndex, quadrantOf, rankByPriority } from './priority';

describe('quadrant', () => {
  it('puts each combination in its docs/metrics.md quadrant at the default 50/50', () => {
    expect(quadrantOf(80, 30)).toBe('fix_first'); // high importance, low quality
    expect(quadrantOf(80, 70)).toBe('keep_it_up'); // high, high
    expect(quadrantOf(20, 30)).toBe('low_priority'); // low, low
    expect(quadrantOf(20, 70)).toBe('possible_overkill'); // low importance, high quality
  });

  it('counts a score exactly at a threshold as high', () => {
    expect(quadrantOf(50, 50)).toBe('keep_it_up'); // both on the line → both high
    expect(quadrantOf(50, 49.9)).toBe('fix_first'); // importance on the line is high
    expect(quadrantOf(49.9, 50)).toBe('possible_overkill'); // quality on the line is high
    expect(quadrantOf(49.9, 49.9)).toBe('low_priority');
  });

  it('uses the thresholds the team set', () => {
    const thresholds = { importance: 60, quality: 75 };
    expect(quadrantOf(70, 70, thresholds)).toBe('fix_first'); // 70 ≥ 60 important; 70 < 75 not good
    expect(quadrantOf(60, 75, thresholds)).toBe('keep_it_up'); // both exactly on the lines
    expect(quadrantOf(55, 80, thresholds)).toBe('possible_overkill');
  });

  it('has no quadrant without both scores', () => {
    expect(quadrantOf(null, 70)).toBeNull();
    expect(quadrantOf(70, null)).toBeNull();
  });
});

describe('priority index', () => {
  it('is importance/100 × (1 − quality/100)', () => {
    expect(priorityIndex(80, 25)).toBeCloseTo(0.6, 12); // 0.8 × 0.75
    expect(priorityIndex(100, 0)).toBe(1); // most important, worst quality
    expect(priorityIndex(0, 0)).toBe(0);
    expect(priorityIndex(50, 100)).toBe(0);
    expect(priorityIndex(null, 20)).toBeNull();
  });

  it('ranks highest first, nulls last, ties in input order', () => {
    const ranked = rankByPriority([
      { key: 'a', priority: 0.2 },
      { key: 'b', priority: null },
      { key: 'c', priority: 0.6 },
      { key: 'd', priority: 0.2 },
      { key: 'e', priority: 0 },
    ]);
    expect(ranked.map((t) => t.key)).toEqual(['c', 'a', 'd', 'e', 'b']);
  });
});
