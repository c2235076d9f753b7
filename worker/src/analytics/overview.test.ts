import { OverviewSchema } from '@throughline/schema';
import { describe, expect, it } from 'vitest';
import { buildOverview, type OverviewInput, type ScoreRollup, type VisitorMean } from './overview';

/** n answers all equal to `answer` (so each interval has zero width). */
const answers = (touchpoint: string, dimension: string, answer: number, n = 5): ScoreRollup => ({
  touchpoint,
  dimension,
  n,
  sum: answer * n,
  sumsq: answer * answer * n,
});
const exact = (value: number, n = 5) => ({ value, n, ci: [value, value] });

const input: OverviewInput = {
  range: { from: '2026-03-01', to: '2026-03-30' },
  stages: ['Awareness', 'Purchase', 'Loyalty'],
  touchpoints: [
    { key: 'home', name: 'Home page', stage: 'Awareness', channel: 'web', owner: 'brand' },
    { key: 'cart', name: 'Cart', stage: 'Purchase', channel: 'web', owner: 'brand' },
    { key: 'counter', name: 'Shop counter', stage: 'Purchase', channel: 'offline', owner: 'partner' },
    { key: 'club', name: 'Members club', stage: 'Loyalty', channel: 'email', owner: 'brand' },
  ],
  scores: [
    // cart first, as SQL might return it; order must not matter
    answers('cart', 'sensorial', 2), // 25
    answers('cart', 'affective', 2), // 25
    answers('cart', 'cognitive', 3), // 50
    answers('cart', 'importance', 5), // 100
    answers('home', 'sensorial', 4), // 75
    answers('home', 'affective', 4),
    answers('home', 'cognitive', 4),
    answers('home', 'importance', 2), // 25
    answers('home', 'quality', 4, 6), // answer-level quality: 6 answers
    answers('counter', 'sensorial', 4), // 75
    answers('counter', 'affective', 1, 3), // 3 answers: not enough
    answers('counter', 'cognitive', 5), // 100
    answers('counter', 'importance', 4), // 75
    answers('ghost', 'sensorial', 1, 50), // a deleted touchpoint: ignored everywhere
  ],
  visits: [
    { touchpoint: 'home', n: 40 },
    { touchpoint: 'cart', n: 12 },
  ],
  histograms: [
    // two days of counter's sensorial answers: added up; a deleted touchpoint's are ignored
    { touchpoint: 'counter', dimension: 'sensorial', counts: [0, 0, 0, 3, 0] },
    { touchpoint: 'counter', dimension: 'sensorial', counts: [0, 0, 0, 2, 0] },
    { touchpoint: 'counter', dimension: 'affective', counts: [3, 0, 0, 0, 0] },
    { touchpoint: 'ghost', dimension: 'sensorial', counts: [50, 0, 0, 0, 0] },
  ],
  transitions: [
    // handoff 15/5 = 3 → 50; delta −5/5 = −1 point → −25; seamless 3/5
    { from: 'home', to: 'cart', count: 10, handoffN: 5, handoffSum: 15, deltaN: 5, deltaSum: -5, seamlessN: 3 },
    { from: 'cart', to: 'club', count: 3, handoffN: 0, handoffSum: 0, deltaN: 0, deltaSum: 0, seamlessN: 0 },
    { from: 'ghost', to: 'cart', count: 100, handoffN: 100, handoffSum: 100, deltaN: 0, deltaSum: 0, seamlessN: 0 },
  ],
  journeyCounts: [
    { touchpoint: 'home', journeys: 12, ended: 2 }, // 2/12
    { touchpoint: 'cart', journeys: 10, ended: 7 }, // 0.7
    { touchpoint: 'club', journeys: 3, ended: 3 }, // last stage
  ],
  channelSpans: [
    { channels: 1, journeys: 9 },
    { channels: 2, journeys: 3 }, // 3/12 = 0.25
  ],
  visitorMeans: [
    // five visitors rated home 4 and cart 2 on sensorial: sd 1 → 50 each → 50
    ...['v1', 'v2', 'v3', 'v4', 'v5'].flatMap((visitor): VisitorMean[] => [
      { visitor, touchpoint: 'home', dimension: 'sensorial', mean: 4 },
      { visitor, touchpoint: 'cart', dimension: 'sensorial', mean: 2 },
    ]),
    // v6's second touchpoint is unknown: one touchpoint left, not counted
    { visitor: 'v6', touchpoint: 'home', dimension: 'sensorial', mean: 5 },
    { visitor: 'v6', touchpoint: 'ghost', dimension: 'sensorial', mean: 1 },
  ],
};

describe('overview', () => {
  const overview = buildOverview(input);

  it('matches the Overview schema', () => {
    expect(OverviewSchema.safeParse(overview).success).toBe(true);
  });

  it('scores each touchpoint and ranks by priority, highest first, with no score nulls last', () => {
    // cart: quality (25 + 25 + 50)/3 = 33.33, importance 100 → fix_first, priority 1 × (1 − 0.3333) = 0.6667
    // counter: quality (75 + 100)/2 = 87.5 (affective lacks answers), importance 75 → keep_it_up, 0.75 × 0.125 = 0.09375
    // home: quality 75, importance 25 → possible_overkill, 0.25 × 0.25 = 0.0625
    // club: no answers
    expect(overview.touchpoints.map((t) => [t.key, t.quadrant])).toEqual([
      ['cart', 'fix_first'],
      ['counter', 'keep_it_up'],
      ['home', 'possible_overkill'],
      ['club', null],
    ]);
    const [cart, counter, home, club] = overview.touchpoints;
    expect(cart?.quality).toBeCloseTo(33.3333, 4);
    expect(cart?.priority).toBeCloseTo(0.666667, 6);
    // qualities 33.33, 87.5, 75: mean 65.28; deviations −31.94, 22.22, 9.72; pop sd √((1020.4 + 493.8 + 94.5) / 3) = 23.16:
    // cart lies 31.94 below, more than one sd and 10 points: far below the site
    expect(overview.touchpoints.filter((t) => t.farBelow).map((t) => t.key)).toEqual(['cart']);
    expect(counter).toEqual({
      key: 'counter',
      name: 'Shop counter',
      stage: 'Purchase',
      channel: 'offline',
      owner: 'partner',
      team: '',
      n: 5,
      visits: 0,
      joined: { n: 0, linked: 0 },
      prompts: { shown: 0, dismissed: 0, answered: 0, answerRate: null, answerRateCi: null, dismissRate: null },
      scores: {
        sensorial: exact(75),
        affective: { value: null, n: 3, ci: null },
        cognitive: exact(100),
        importance: exact(75),
      },
      quality: 87.5,
      importance: 75,
      quadrant: 'keep_it_up',
      priority: 0.09375,
      importanceSource: 'stated',
      // no loyalty pairs in the input: no derived importance
      derivedImportance: { value: null, n: 0, ci: null, r: null, outcome: 'return' },
      farBelow: false,
      // no answer-level quality rows: no n, no interval
      qualityStat: { value: 87.5, n: 0, ci: null },
      contextGap: { gap: null, best: null, worst: null, segments: 0 },
      histograms: { sensorial: [0, 0, 0, 5, 0], affective: [3, 0, 0, 0, 0] },
    });
    // n is the largest dimension n: the `quality` row counted 6 answers; it is not shown as a dimension
    expect(home).toMatchObject({ n: 6, visits: 40, quality: 75, importance: 25, priority: 0.0625 });
    expect(Object.keys(home!.scores)).toEqual(['sensorial', 'affective', 'cognitive', 'importance']);
    expect(club).toMatchObject({ n: 0, visits: 0, scores: {}, quality: null, importance: null, priority: null });
  });

  it('computes consistency over known touchpoints with enough answers', () => {
    // sensorial: home 4, cart 2, counter 4 → pop sd 0.942809 → (1 − 0.471405) × 100 = 52.8595; cart |2 − 3.333| > 0.9428
    // affective: home 4, cart 2 (counter has 3 answers) → sd 1 → 50
    // cognitive: home 4, cart 3, counter 5 → sd 0.816497 → 59.1752; cart and counter |±1| > 0.8165
    // overall (52.8595 + 50 + 59.1752) / 3 = 54.0116
    expect(overview.consistency.byDimension.sensorial).toBeCloseTo(52.8595, 4);
    expect(overview.consistency.byDimension.affective).toBe(50);
    expect(overview.consistency.byDimension.cognitive).toBeCloseTo(59.1752, 4);
    expect(overview.consistency.overall).toBeCloseTo(54.0116, 4);
    expect(overview.consistency.breaking).toEqual(['cart', 'counter']); // in the team's order
    expect(overview.consistency.experienced).toBe(50);
  });

  it('computes connectivity over known touchpoints', () => {
    expect(overview.connectivity).toEqual({
      score: 50, // pooled handoff answers: 15/5 = 3 → 50 (ghost's are ignored)
      seamlessRate: 0.6, // 3 / 5
      crossChannelShare: 0.25,
      transitions: [
        { from: 'home', to: 'cart', count: 10, handoff: 50, handoffN: 5, delta: -25, deltaN: 5 },
        { from: 'cart', to: 'club', count: 3, handoff: null, handoffN: 0, delta: null, deltaN: 0 },
      ],
      dropOff: { home: 2 / 12, cart: 0.7 },
      dropOffCounts: [
        { touchpoint: 'home', journeys: 12, ended: 2 },
        { touchpoint: 'cart', journeys: 10, ended: 7 },
        { touchpoint: 'club', journeys: 3, ended: 3 },
      ],
      journeys: 12,
    });
  });

  it('carries range and minimum n through, and uses the team’s settings', () => {
    expect(overview.range).toEqual(input.range);
    expect(overview.minN).toBe(5);
    const strict = buildOverview({ ...input, minN: 6, thresholds: { importance: 90, quality: 90 } });
    expect(strict.minN).toBe(6);
    // only home's `quality` row has 6 answers, and it is not a dimension: nothing scores
    expect(strict.touchpoints.every((t) => t.quality === null)).toBe(true);
    const high = buildOverview({ ...input, thresholds: { importance: 90, quality: 90 } });
    // counter: importance 75 < 90 and quality 87.5 < 90 → low_priority
    expect(high.touchpoints.find((t) => t.key === 'counter')?.quadrant).toBe('low_priority');
  });

  it('answers with nulls and empty lists for a site without data', () => {
    const empty = buildOverview({
      range: input.range,
      stages: input.stages,
      touchpoints: input.touchpoints,
      scores: [],
    });
    expect(OverviewSchema.safeParse(empty).success).toBe(true);
    expect(empty.consistency).toEqual({
      overall: null,
      byDimension: {},
      experienced: null,
      breaking: [],
      outliers: [],
      thematic: { mean: null, spread: null, touchpoints: 0, drifting: [] },
    });
    expect(empty.connectivity).toEqual({
      score: null,
      seamlessRate: null,
      crossChannelShare: null,
      transitions: [],
      dropOff: {},
      dropOffCounts: [],
      journeys: 0,
    });
    expect(empty.touchpoints.map((t) => t.key)).toEqual(['home', 'cart', 'counter', 'club']);
  });

  it('gives quality its n and interval from answer-level quality, and the context gap across segments', () => {
    const withSegments = buildOverview({
      ...input,
      segmentScores: [
        { ...answers('home', 'quality', 5), segment: 'device:mobile' }, // 100
        { ...answers('home', 'quality', 3), segment: 'device:desktop' }, // 50
        { ...answers('home', 'quality', 1, 3), segment: 'country:DE' }, // 3 answers: left out
        { ...answers('cart', 'quality', 2), segment: 'locale:de' }, // one segment: no gap
        { ...answers('ghost', 'quality', 1), segment: 'locale:de' },
      ],
    });
    const home = withSegments.touchpoints.find((t) => t.key === 'home')!;
    expect(home.qualityStat).toEqual({ value: 75, n: 6, ci: [75, 75] });
    expect(home.contextGap).toEqual({
      gap: 50,
      best: { segment: 'device:mobile', quality: 100 },
      worst: { segment: 'device:desktop', quality: 50 },
      segments: 2,
    });
    expect(withSegments.touchpoints.find((t) => t.key === 'cart')!.contextGap).toMatchObject({
      gap: null,
      segments: 1,
    });
  });

  it('uses explicit answer counts when given', () => {
    const withCounts = buildOverview({ ...input, answers: [{ touchpoint: 'home', n: 9 }] });
    expect(withCounts.touchpoints.find((t) => t.key === 'home')?.n).toBe(9);
    expect(withCounts.touchpoints.find((t) => t.key === 'cart')?.n).toBe(0);
  });

  it('adds up joined answers per touchpoint across rows (docs/metrics.md › Journey link)', () => {
    // two days of the counter: 2 joined (1 by link) and 1 joined (none by link) → 3 joined, 1 by link
    const o = buildOverview({
      ...input,
      joined: [
        { touchpoint: 'counter', n: 2, linked: 1 },
        { touchpoint: 'counter', n: 1, linked: 0 },
      ],
    });
    expect(o.touchpoints.find((t) => t.key === 'counter')?.joined).toEqual({ n: 3, linked: 1 });
    expect(o.touchpoints.find((t) => t.key === 'home')?.joined).toEqual({ n: 0, linked: 0 });
  });
});
