// A touchpoint card's one status: the stated precedence decides between facts that used to show side by side, an
// outlier says its side, and exits compare with what is typical on the journey (natural ends left out).
import type { Overview, TouchpointScores, TrendAlert } from '@throughline/schema';
import { describe, expect, it } from 'vitest';
import { cardFacts, exitsOf, journeyEndsOf, STATUS_PRECEDENCE } from './card-status';
import { formatP } from './score';

const tp = (over: Partial<TouchpointScores> = {}): TouchpointScores => ({
  key: 'cart',
  name: 'Cart',
  stage: 'Purchase',
  channel: 'web',
  owner: 'brand',
  team: '',
  n: 40,
  visits: 100,
  joined: { n: 0, linked: 0 },
  prompts: { shown: 0, dismissed: 0, answered: 0, answerRate: null, answerRateCi: null, dismissRate: null },
  scores: {},
  quality: 70,
  qualityStat: { value: 70, n: 40, ci: [60, 80] },
  contextGap: { gap: null, best: null, worst: null, segments: 0 },
  histograms: {},
  importance: 80,
  importanceSource: 'stated',
  derivedImportance: { value: null, n: 0, ci: null, r: null, outcome: 'return' },
  farBelow: false,
  quadrant: 'keep_it_up',
  priority: 0.24,
  ...over,
});
const alert: TrendAlert = {
  touchpoint: 'cart',
  recent: { from: '2026-03-29', to: '2026-04-04', value: 40, n: 12 },
  baseline: { from: '2026-03-01', to: '2026-03-28', value: 72, n: 50 },
  change: -32,
  test: { name: 'welch_t_one_sided', t: -5, df: 20, p: 0.00002, alpha: 0.05 },
};
const kinds = (facts: { kind: string }[]) => facts.map((f) => f.kind);

describe('card status', () => {
  it('shows falling quality, not "Keep it up", when both apply, and keeps the quadrant as a note', () => {
    const facts = cardFacts({ tp: tp(), alert, outliers: [], minN: 5 });
    expect(kinds(facts)).toEqual(['falling', 'keep_it_up']);
    expect(facts[0]!.detail).toBe('Last 7 days 40, the 28 days before 72 (p < 0.001).');
  });

  it('labels an outlier above the journey mean apart from one below, with its own tone', () => {
    const above = cardFacts({
      tp: tp(),
      outliers: [{ touchpoint: 'cart', dimension: 'sensorial', side: 'above', points: 19.4 }],
      minN: 5,
    });
    expect(above[0]).toMatchObject({ kind: 'above_journey', label: 'Above the journey', tone: 'good' });
    expect(above[0]!.detail).toMatch(/^Look & feel is 19 points above the journey mean/);
    const below = cardFacts({
      tp: tp({ quadrant: 'possible_overkill' }),
      outliers: [{ touchpoint: 'cart', dimension: 'cognitive', side: 'below', points: -23.6 }],
      minN: 5,
    });
    expect(below[0]).toMatchObject({ kind: 'below_journey', label: 'Below the journey', tone: 'warn' });
    expect(below[0]!.detail).toMatch(/^Ease is 24 points below/);
    // another touchpoint's outlier is not this card's
    expect(
      kinds(
        cardFacts({
          tp: tp(),
          outliers: [{ touchpoint: 'home', dimension: 'cognitive', side: 'below', points: -30 }],
          minN: 5,
        }),
      ),
    ).toEqual(['keep_it_up']);
  });

  it('orders every fact by the stated precedence', () => {
    const facts = cardFacts({
      tp: tp({ quadrant: 'fix_first' }),
      alert,
      outliers: [
        { touchpoint: 'cart', dimension: 'sensorial', side: 'above', points: 20 },
        { touchpoint: 'cart', dimension: 'cognitive', side: 'below', points: -25 },
      ],
      exits: { share: 0.6, ended: 60, journeys: 100, typical: 0.3 },
      minN: 5,
    });
    expect(kinds(facts)).toEqual(['falling', 'fix_first', 'below_journey', 'many_exits', 'above_journey']);
    expect(kinds(facts)).toEqual(STATUS_PRECEDENCE.filter((k) => kinds(facts).includes(k)));
  });

  it('says "many exits" only well above what is typical, with enough journeys', () => {
    const at = (share: number, journeys = 100, typical: number | null = 0.3) =>
      kinds(
        cardFacts({
          tp: tp({ quadrant: null, quality: null }),
          outliers: [],
          exits: { share, ended: share * journeys, journeys, typical },
          minN: 5,
        }),
      );
    expect(at(0.45)).toEqual(['many_exits', 'thin']); // 1.5 × 30%
    expect(at(0.44)).toEqual(['thin']);
    expect(at(0.9, 4)).toEqual(['thin']); // 4 journeys: below the minimum n
    expect(at(0.9, 100, null)).toEqual(['thin']); // nothing to compare with
    expect(at(0.15, 100, 0.05)).toEqual(['thin']); // 3 × typical, but under the 20% floor
  });
});

describe('exits', () => {
  const overview = {
    minN: 5,
    connectivity: {
      // confirmation is a natural end (the API leaves it out of dropOff); club is in the last stage
      dropOff: { home: 0.2, product: 0.3, cart: 0.5, rare: 1 },
      dropOffCounts: [
        { touchpoint: 'home', journeys: 100, ended: 20 },
        { touchpoint: 'product', journeys: 60, ended: 18 },
        { touchpoint: 'cart', journeys: 40, ended: 20 },
        { touchpoint: 'rare', journeys: 2, ended: 2 },
        { touchpoint: 'confirmation', journeys: 20, ended: 20 },
        { touchpoint: 'club', journeys: 5, ended: 5 },
      ],
    },
  } as unknown as Overview;

  it('gives each touchpoint its share and counts, against the median of touchpoints with enough journeys', () => {
    const exits = exitsOf(overview);
    // median of 0.2, 0.3, 0.5 (rare has 2 journeys < 5 and does not count) = 0.3
    expect(exits.get('cart')).toEqual({ share: 0.5, ended: 20, journeys: 40, typical: 0.3 });
    expect(exits.get('rare')).toEqual({ share: 1, ended: 2, journeys: 2, typical: 0.3 });
    expect(exits.has('confirmation')).toBe(false);
  });

  it('names the touchpoints where journeys are meant to end', () => {
    expect([...journeyEndsOf(overview)].sort()).toEqual(['club', 'confirmation']);
  });
});

describe('p-values', () => {
  it('are written "p < 0.001" below a thousandth, never "p = < 0.001"', () => {
    expect(formatP(0.00002)).toBe('p < 0.001');
    expect(formatP(0.001)).toBe('p = 0.001');
    expect(formatP(0.0234)).toBe('p = 0.023');
  });
});
