// Delivered once until it clears: which alerts open, stay open and clear between two runs; who is concerned.
import { describe, expect, it } from 'vitest';
import type { FoundAlert } from './find-alerts';
import { concerns, diffAlerts } from './run-alerts';

const alert = (key: string): FoundAlert => ({
  key,
  kind: 'fix_first',
  touchpoint: key.split(':')[1] ?? null,
  title: key,
  detail: {},
});

describe('alert runs', () => {
  it('opens what is new, keeps what is still found, clears what is gone; a cleared alert found again opens again', () => {
    const first = diffAlerts([], [alert('fix_first:cart')]);
    expect(first.opened.map((a) => a.key)).toEqual(['fix_first:cart']);
    const second = diffAlerts(['fix_first:cart'], [alert('fix_first:cart'), alert('fix_first:home')]);
    expect(second).toMatchObject({ stillOpen: ['fix_first:cart'], cleared: [] });
    expect(second.opened.map((a) => a.key)).toEqual(['fix_first:home']);
    const third = diffAlerts(['fix_first:cart', 'fix_first:home'], [alert('fix_first:home')]);
    expect(third.cleared).toEqual(['fix_first:cart']);
    // cart's state is cleared now: found again, it is open, and delivered, again
    expect(
      diffAlerts(['fix_first:home'], [alert('fix_first:cart'), alert('fix_first:home')]).opened.map((a) => a.key),
    ).toEqual(['fix_first:cart']);
  });

  it('sends a team’s touchpoints to that team, site-wide alerts only to destinations without a team', () => {
    expect(concerns({ team: null }, 'Logistics')).toBe(true);
    expect(concerns({ team: 'logistics ' }, 'Logistics')).toBe(true);
    expect(concerns({ team: 'Sales' }, 'Logistics')).toBe(false);
    expect(concerns({ team: 'Sales' }, null)).toBe(false);
    expect(concerns({ team: null }, null)).toBe(true);
  });
});
