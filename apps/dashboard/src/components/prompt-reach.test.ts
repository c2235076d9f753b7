// The prompt editor's estimate, on numbers worked by hand.
import { describe, expect, it } from 'vitest';
import { budgetText, reachEstimate } from './prompt-reach';

describe('reach estimate', () => {
  it('takes ceil(minN / pace) days at the recent pace', () => {
    // 3 answers in 28 days: 0.107 a day; 5 answers need 5 / (3/28) = 46.7 → 47 days
    expect(reachEstimate({ answers: 3, days: 28, minN: 5 })).toEqual({ kind: 'days', perDay: 3 / 28, days: 47 });
    // 1 answer in 28 days, minN 1: already enough
    expect(reachEstimate({ answers: 1, days: 28, minN: 1 })).toEqual({ kind: 'enough', perDay: 1 / 28 });
  });

  it('has nothing to go by without answers', () => {
    expect(reachEstimate({ answers: 0, days: 28, minN: 5 })).toEqual({ kind: 'none' });
  });

  it('words the ask budget', () => {
    expect(budgetText({ prompts: 1, periodDays: 7 })).toBe('1 prompt per 7 days');
    expect(budgetText({ prompts: 2, periodDays: 1 })).toBe('2 prompts a day');
    expect(budgetText({ prompts: 0, periodDays: 7 })).toMatch(/no prompts/);
  });
});
