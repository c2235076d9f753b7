import type { ScoreStat } from '@throughline/schema';
import { describe, expect, it } from 'vitest';
import { importanceOf, isExperienceDimension, qualityOf } from './quality';

const score = (value: number | null, n = 10): ScoreStat => ({ value, n, ci: value === null ? null : [value, value] });

describe('quality', () => {
  it('is the mean of the experience dimension scores', () => {
    // (80 + 60 + 40) / 3 = 60
    expect(qualityOf({ sensorial: score(80), affective: score(60), cognitive: score(40) })).toBe(60);
  });

  it('includes relational and behavioral where they were asked', () => {
    // (80 + 60 + 40 + 100 + 20) / 5 = 60; only relational: (80 + 60 + 40 + 100) / 4 = 70
    const base = { sensorial: score(80), affective: score(60), cognitive: score(40) };
    expect(qualityOf({ ...base, relational: score(100), behavioral: score(20) })).toBe(60);
    expect(qualityOf({ ...base, relational: score(100) })).toBe(70);
  });

  it('skips dimensions below the minimum n instead of counting them as zero', () => {
    // cognitive has too few answers: (80 + 60) / 2 = 70
    expect(qualityOf({ sensorial: score(80), affective: score(60), cognitive: score(null, 3) })).toBe(70);
  });

  it('ignores importance and handoff', () => {
    // only sensorial counts: 50
    expect(qualityOf({ sensorial: score(50), importance: score(100), handoff: score(0) })).toBe(50);
    expect(isExperienceDimension('importance')).toBe(false);
    expect(isExperienceDimension('behavioral')).toBe(true);
  });

  it('is null when no experience dimension has enough answers', () => {
    expect(qualityOf({ sensorial: score(null, 4), importance: score(75) })).toBeNull();
    expect(qualityOf({})).toBeNull();
  });
});

describe('importance', () => {
  it('is the stated importance score, null below the minimum n', () => {
    expect(importanceOf({ importance: score(75) })).toBe(75);
    expect(importanceOf({ importance: score(null, 2) })).toBeNull();
    expect(importanceOf({ sensorial: score(75) })).toBeNull();
  });
});
