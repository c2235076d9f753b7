// Loyalty pairs of journeys worked out by hand (docs/metrics.md › Derived importance): x is the visitor's quality
// at a touchpoint without `behavioral`, y the journey's behavioral answer, or whether they came back a day later.
import { describe, expect, it } from 'vitest';
import { contributionOf, rowKey, type StoredEvent } from './rules';
import { NO_CONTEXT } from './segments';

const RULES = { windowDays: 30 };
let n = 0;
const at = (day: number, hour: number) => new Date(Date.UTC(2026, 2, day, hour)).toISOString();
const visit = (touchpoint: string, day: number, hour: number): StoredEvent => ({
  kind: 'visit',
  id: `v${++n}`,
  at: at(day, hour),
  touchpoint,
  channel: 'web',
  context: NO_CONTEXT,
});
const answer = (touchpoint: string, day: number, hour: number, scores: Record<string, number>): StoredEvent => ({
  kind: 'answer',
  id: `a${++n}`,
  at: at(day, hour),
  touchpoint,
  channel: 'web',
  context: NO_CONTEXT,
  scores,
});
const DAY2 = at(2, 0).slice(0, 10);

describe('loyalty pairs', () => {
  it('pairs each rated touchpoint with the behavioral answer and with coming back', () => {
    const c = contributionOf(
      [
        visit('home', 2, 10),
        answer('home', 2, 10, { sensorial: 4, affective: 4, cognitive: 4 }),
        // behavioral is the outcome, not part of x: x = mean(2, 3, 4) = 3 = 180 sixtieths; y = 5 = 300 sixtieths
        visit('cart', 2, 11),
        answer('cart', 2, 11, { sensorial: 2, affective: 3, cognitive: 4, behavioral: 5 }),
        visit('home', 4, 9), // 46 hours after both ratings: came back
      ],
      RULES,
    );
    // home: x = 4 = 240; [n, Σx, Σy, Σxy, Σx², Σy²]
    expect(c.get(rowKey('all', DAY2, 'home'))?.get('l:b')).toEqual([1, 240, 300, 240 * 300, 240 * 240, 300 * 300]);
    expect(c.get(rowKey('all', DAY2, 'home'))?.get('l:r')).toEqual([1, 240, 1, 240, 57600, 1]);
    expect(c.get(rowKey('all', DAY2, 'cart'))?.get('l:b')).toEqual([1, 180, 300, 54000, 32400, 90000]);
    expect(c.get(rowKey('all', DAY2, 'cart'))?.get('l:r')).toEqual([1, 180, 1, 180, 32400, 1]);
  });

  it('does not count a visit the same day as coming back, and leaves out behavioral without a journey answer', () => {
    // two ratings at home, 2 and 4: x = 3 = 180; a visit 10 hours later is not a day later
    const c = contributionOf(
      [
        visit('home', 2, 8),
        answer('home', 2, 8, { sensorial: 2 }),
        answer('home', 2, 9, { cognitive: 4 }),
        visit('cart', 2, 18),
      ],
      RULES,
    );
    expect(c.get(rowKey('all', DAY2, 'home'))?.get('l:r')).toEqual([1, 180, 0, 0, 32400, 0]);
    expect(c.get(rowKey('all', DAY2, 'home'))?.get('l:b')).toBeUndefined();
  });

  it('counts a visit in the next journey (past the window) as not coming back', () => {
    const c = contributionOf(
      [visit('home', 1, 8), answer('home', 1, 8, { sensorial: 5 }), visit('home', 31, 12)],
      RULES,
    );
    expect(c.get(rowKey('all', at(1, 0).slice(0, 10), 'home'))?.get('l:r')).toEqual([1, 300, 0, 0, 90000, 0]);
  });
});
