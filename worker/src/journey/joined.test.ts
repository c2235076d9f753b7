// Joined answers (docs/metrics.md › Journey link), the rules' `k` metric, on journeys worked out by hand.
import { describe, expect, it } from 'vitest';
import { contributionOf, rowKey, type StoredEvent } from './rules';
import { NO_CONTEXT } from './segments';

const RULES = { windowDays: 30 };
let n = 0;
const at = (day: number, minute: number) => new Date(Date.UTC(2026, 2, day, 10, minute)).toISOString();
const visit = (touchpoint: string, day: number, minute: number): StoredEvent => ({
  kind: 'visit',
  id: `v${++n}`,
  at: at(day, minute),
  touchpoint,
  channel: 'web',
  context: NO_CONTEXT,
});
const answer = (touchpoint: string, day: number, minute: number, linked = false): StoredEvent => ({
  kind: 'answer',
  id: `a${++n}`,
  at: at(day, minute),
  touchpoint,
  channel: 'offline',
  context: NO_CONTEXT,
  scores: { cognitive: 4 },
  ...(linked ? { linked } : {}),
});
const k = (events: StoredEvent[], day: number, touchpoint: string) =>
  contributionOf(events, RULES)
    .get(rowKey('all', at(day, 0).slice(0, 10), touchpoint))
    ?.get('k');

describe('joined answers', () => {
  it('counts an answer given after an earlier stay of the journey, with or without a link', () => {
    // checkout on the 2nd, delivery answered on the 5th: the delivery stay is the journey's second → joined [1, 0]
    expect(
      k(
        [visit('checkout', 2, 0), answer('checkout', 2, 1), visit('delivery', 5, 0), answer('delivery', 5, 1)],
        5,
        'delivery',
      ),
    ).toEqual([1, 0]);
    // the checkout answer is the first stay's: not joined
    expect(k([visit('checkout', 2, 0), answer('checkout', 2, 1)], 2, 'checkout')).toBeUndefined();
    // the same delivery answer arriving with a link → [1, 1]
    expect(
      k([visit('checkout', 2, 0), visit('delivery', 5, 0), answer('delivery', 5, 1, true)], 5, 'delivery'),
    ).toEqual([1, 1]);
  });

  it('counts a linked answer that starts its journey, and not an unlinked one', () => {
    expect(k([answer('delivery', 5, 1, true)], 5, 'delivery')).toEqual([1, 1]);
    expect(k([visit('delivery', 5, 0), answer('delivery', 5, 1)], 5, 'delivery')).toBeUndefined();
    // 40 days after the checkout (window 30): a new journey, so not joined by the earlier stay
    expect(
      k([visit('checkout', 2, 0), visit('delivery', 42, 0), answer('delivery', 42, 1)], 42, 'delivery'),
    ).toBeUndefined();
  });
});
