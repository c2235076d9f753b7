import { describe, expect, it } from 'vitest';
import {
  connectivityOf,
  crossChannelShareOf,
  dropOffOf,
  transitionStats,
  type ConnectivityInput,
  type TransitionRollup,
} from './connectivity';

const homeToCart: TransitionRollup = {
  from: 'home',
  to: 'cart',
  count: 10,
  handoffN: 5,
  handoffSum: 20, // mean 4
  deltaN: 6,
  deltaSum: -3, // mean −0.5 scale points
  seamlessN: 5,
};
const cartToCheckout: TransitionRollup = {
  from: 'cart',
  to: 'checkout',
  count: 4,
  handoffN: 2,
  handoffSum: 6, // below the minimum n
  deltaN: 4,
  deltaSum: 4,
  seamlessN: 4,
};

const setup: Pick<ConnectivityInput, 'touchpoints' | 'stages'> = {
  stages: ['Awareness', 'Purchase', 'Loyalty'],
  touchpoints: [
    { key: 'home', stage: 'Awareness' },
    { key: 'cart', stage: 'Purchase' },
    { key: 'checkout', stage: 'Purchase' },
    { key: 'club', stage: 'Loyalty' },
  ],
};

describe('transitions', () => {
  it('gives each transition its handoff score, quality change in score points and seamless rate', () => {
    const [first, second] = transitionStats([cartToCheckout, homeToCart]);
    // most frequent first; handoff mean 20/5 = 4 → 75; delta −3/6 = −0.5 scale points × 25 = −12.5; seamless 5/6
    expect(first).toEqual({
      from: 'home',
      to: 'cart',
      count: 10,
      handoff: 75,
      handoffN: 5,
      delta: -12.5,
      deltaN: 6,
      seamlessRate: 5 / 6,
    });
    // 2 handoff answers and 4 rated pairs are below the minimum n of 5
    expect(second).toMatchObject({
      from: 'cart',
      to: 'checkout',
      count: 4,
      handoff: null,
      delta: null,
      seamlessRate: null,
    });
  });

  it('adds per-day rows of the same transition', () => {
    const [pooled] = transitionStats([
      { ...cartToCheckout, count: 1, handoffN: 3, handoffSum: 15 },
      { ...cartToCheckout, count: 2, handoffN: 2, handoffSum: 5 },
    ]);
    // count 1 + 2 = 3; handoff (15 + 5) / (3 + 2) = 4 → 75; delta (4 + 4) / (4 + 4) = 1 point → 25
    expect(pooled).toMatchObject({ count: 3, handoff: 75, handoffN: 5, delta: 25, deltaN: 8, seamlessRate: 1 });
  });

  it('uses ratedPairs when given instead of deltaN', () => {
    const [t] = transitionStats([{ ...homeToCart, ratedPairs: 10 }]);
    expect(t?.seamlessRate).toBe(0.5); // 5 / 10
  });
});

describe('drop-off', () => {
  it('is the share of journeys through A that ended at A, outside the last stage', () => {
    const dropOff = dropOffOf(
      [
        { touchpoint: 'home', journeys: 20, ended: 5 }, // 5 / 20 = 0.25
        { touchpoint: 'cart', journeys: 8, ended: 6 }, // 6 / 8 = 0.75
        { touchpoint: 'club', journeys: 3, ended: 3 }, // last stage: ending there is no drop-off
        { touchpoint: 'checkout', journeys: 0, ended: 0 }, // no journeys: no share
      ],
      setup.touchpoints,
      setup.stages,
    );
    expect(dropOff).toEqual({ home: 0.25, cart: 0.75 });
  });

  it('is empty with zero journeys', () => {
    expect(dropOffOf([], setup.touchpoints, setup.stages)).toEqual({});
  });
});

describe('cross-channel share', () => {
  it('is the share of journeys spanning two or more channels', () => {
    // (4 + 1) / (15 + 4 + 1) = 0.25
    expect(
      crossChannelShareOf([
        { channels: 1, journeys: 15 },
        { channels: 2, journeys: 4 },
        { channels: 3, journeys: 1 },
      ]),
    ).toBe(0.25);
  });

  it('is null with zero journeys', () => {
    expect(crossChannelShareOf([])).toBeNull();
  });
});

describe('connectivity score', () => {
  const spans = [
    { channels: 1, journeys: 3 },
    { channels: 2, journeys: 1 },
  ];

  it('is the mean of all handoff answers as a score when there are enough', () => {
    const c = connectivityOf({
      ...setup,
      transitions: [homeToCart, cartToCheckout],
      journeyCounts: [],
      channelSpans: spans,
    });
    // handoff (20 + 6) / (5 + 2) = 3.714286 → (2.714286 / 4) × 100 = 67.857
    expect(c.score).toBeCloseTo(67.857, 3);
    // seamless (5 + 4) / (6 + 4) = 0.9; cross-channel 1 / 4 = 0.25
    expect(c.seamlessRate).toBe(0.9);
    expect(c.crossChannelShare).toBe(0.25);
    expect(c.journeys).toBe(4);
    expect(c.transitions.map((t) => `${t.from}>${t.to}`)).toEqual(['home>cart', 'cart>checkout']);
  });

  it('falls back to the seamless rate × 100 without enough handoff answers', () => {
    const noHandoff = [homeToCart, cartToCheckout].map((t) => ({ ...t, handoffN: 0, handoffSum: 0 }));
    expect(connectivityOf({ ...setup, transitions: noHandoff, journeyCounts: [], channelSpans: [] }).score).toBe(90);
    // 2 handoff answers exist, fewer than 5: seamless rate again
    expect(
      connectivityOf({
        ...setup,
        transitions: [cartToCheckout, { ...homeToCart, handoffN: 0, handoffSum: 0 }],
        journeyCounts: [],
        channelSpans: [],
      }).score,
    ).toBe(90);
  });

  it('is null when neither handoff answers nor rated pairs reach the minimum n', () => {
    const c = connectivityOf({ ...setup, transitions: [cartToCheckout], journeyCounts: [], channelSpans: [] });
    // handoff n 2, rated pairs 4: both below 5
    expect(c.score).toBeNull();
    expect(c.seamlessRate).toBeNull();
  });

  it('is empty with zero journeys', () => {
    const c = connectivityOf({ ...setup, transitions: [], journeyCounts: [], channelSpans: [] });
    expect(c).toEqual({
      score: null,
      seamlessRate: null,
      crossChannelShare: null,
      transitions: [],
      dropOff: {},
      journeys: 0,
    });
  });
});
