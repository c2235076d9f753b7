// The journey rules on small journeys whose numbers were worked out by hand from docs/metrics.md.
import { describe, expect, it } from 'vitest';
import {
  contributionOf,
  journeysOf,
  rowKey,
  stayTypes,
  typedSegment,
  type SegmentContext,
  type StoredEvent,
} from './rules';
import { NO_CONTEXT } from './segments';

const RULES = { windowDays: 30 };
const mobile: SegmentContext = { ...NO_CONTEXT, device: 'mobile', arrival: 'search' };
let n = 0;
const at = (day: number, minute: number) => new Date(Date.UTC(2026, 2, day, 10, minute)).toISOString();
const visit = (touchpoint: string, day: number, minute: number, context = mobile, channel = 'web'): StoredEvent => ({
  kind: 'visit',
  id: `v${++n}`,
  at: at(day, minute),
  touchpoint,
  channel,
  context,
});
const answer = (
  touchpoint: string,
  day: number,
  minute: number,
  scores: Record<string, number>,
  context = NO_CONTEXT,
): StoredEvent => ({ kind: 'answer', id: `a${++n}`, at: at(day, minute), touchpoint, channel: 'web', context, scores });

describe('journeys of one visitor', () => {
  // home → product → product (a reload) → cart on the 2nd; home again 40 days later: a second journey
  const events = [
    visit('home', 2, 0),
    visit('product', 2, 1),
    visit('product', 2, 2),
    answer('product', 2, 3, { sensorial: 4, affective: 4, cognitive: 4 }),
    visit('cart', 2, 5, mobile, 'email'),
    answer('cart', 2, 6, { sensorial: 3, affective: 3, cognitive: 3, handoff: 5 }),
    visit('home', 42, 0),
  ];
  const c = contributionOf(events, RULES);
  const metric = (segment: string, day: number, touchpoint: string, name: string) =>
    c.get(rowKey(segment, at(day, 0).slice(0, 10), touchpoint))?.get(name);

  it('splits at the window and merges a reload into one stay', () => {
    const journeys = journeysOf(events, RULES);
    expect(journeys.map((j) => j.stays.map((s) => s.touchpoint))).toEqual([['home', 'product', 'cart'], ['home']]);
  });

  it('counts each move between stays once, with the handoff and the quality change of the answer given after it', () => {
    expect(metric('all', 2, 'product', 'a:home')).toEqual([1, 0, 0, 0, 0, 0, 0]);
    // handoff 5; quality 3 at cart after 4 at product: −1 point = −60 sixtieths, still seamless (not more than one below)
    expect(metric('all', 2, 'cart', 'a:product')).toEqual([1, 1, 5, 25, 1, -60, 1]);
    expect(metric('all', 42, 'home', 'a:cart')).toBeUndefined();
  });

  it('gives an answer the context of the visit it was given in', () => {
    expect(metric('device:mobile', 2, 'cart', 'answers')).toEqual([1]);
    expect(metric('device:mobile', 2, 'cart', 'd:sensorial')).toEqual([1, 3, 9, 0, 0, 1, 0, 0]);
    expect(metric('all', 2, 'cart', 'c:device:mobile')).toEqual([1, 180, 180 * 180]);
  });

  it('counts reach, ends, channels and experienced consistency per journey, on the day it started', () => {
    expect(metric('all', 2, 'home', 'r')).toEqual([1, 0]);
    expect(metric('all', 2, 'cart', 'r')).toEqual([1, 1]);
    expect(metric('all', 42, 'home', 'r')).toEqual([1, 1]);
    expect(metric('all', 2, '', 's:2')).toEqual([1]); // web and email
    expect(metric('all', 42, '', 's:1')).toEqual([1]);
    // each dimension rated 4 at product and 3 at cart: 1 − popsd(4, 3) / 2 = 1 − 0.5 / 2 = 75
    expect(metric('all', 2, '', 'x')).toEqual([1, 75_000_000]);
    expect(metric('all', 42, '', 'x')).toBeUndefined();
    // visits: the reload counts as a visit, not as a move
    expect(metric('all', 2, 'product', 'visits')).toEqual([2]);
  });

  it('lets an answer no visit explains stand for a visit there, with the context it carries', () => {
    const alone = contributionOf(
      [visit('home', 3, 0), answer('help', 3, 9, { cognitive: 2 }, { ...NO_CONTEXT, device: 'desktop' })],
      RULES,
    );
    const key = (segment: string, tp: string) => rowKey(segment, '2026-03-03', tp);
    expect(alone.get(key('all', 'help'))?.get('a:home')).toEqual([1, 0, 0, 0, 0, 0, 0]);
    expect(alone.get(key('device:desktop', 'help'))?.get('answers')).toEqual([1]);
    expect(alone.get(key('all', 'help'))?.get('visits')).toBeUndefined();
  });

  it('ignores the order events are given in', () => {
    const shuffled = [...events].reverse();
    expect(contributionOf(shuffled, RULES)).toEqual(c);
  });
});

describe('prompt events', () => {
  const prompt = (
    touchpoint: string,
    day: number,
    minute: number,
    outcome: 'shown' | 'dismissed' | 'answered',
    context = NO_CONTEXT,
  ): StoredEvent => ({
    kind: 'prompt',
    id: `p${++n}`,
    at: at(day, minute),
    touchpoint,
    channel: 'web',
    context,
    outcome,
  });
  const desktop: SegmentContext = { ...NO_CONTEXT, device: 'desktop' };

  it('counts shown, dismissed and answered per day and touchpoint, in the context of the visit they were shown in', () => {
    const events = [
      visit('home', 3, 0),
      prompt('home', 3, 1, 'shown'),
      prompt('home', 3, 2, 'dismissed'),
      visit('cart', 3, 5),
      prompt('cart', 3, 6, 'shown'),
      prompt('cart', 3, 7, 'answered'),
      // no visit to explain it: the prompt keeps its own context
      prompt('checkout', 4, 0, 'shown', desktop),
    ];
    const c = contributionOf(events, RULES);
    const p = (segment: string, day: number, touchpoint: string) =>
      c.get(rowKey(segment, at(day, 0).slice(0, 10), touchpoint))?.get('p');
    expect(p('all', 3, 'home')).toEqual([1, 1, 0]);
    expect(p('device:mobile', 3, 'home')).toEqual([1, 1, 0]);
    expect(p('all', 3, 'cart')).toEqual([1, 0, 1]);
    expect(p('device:mobile', 4, 'checkout')).toBeUndefined();
    expect(p('device:desktop', 4, 'checkout')).toEqual([1, 0, 0]);
  });

  it('never changes a journey: the same visits with and without prompts give the same journeys and moves', () => {
    const visits = [visit('home', 5, 0), visit('cart', 5, 3)];
    const withPrompts = [...visits, prompt('home', 5, 1, 'shown'), prompt('cart', 5, 4, 'shown')];
    const strip = (c: ReturnType<typeof contributionOf>) =>
      [...c]
        .map(([key, metrics]) => ({ key, metrics: [...metrics].filter(([name]) => name !== 'p') }))
        .filter((row) => row.metrics.length);
    expect(journeysOf(withPrompts, RULES).map((j) => j.stays.map((s) => s.touchpoint))).toEqual([['home', 'cart']]);
    expect(strip(contributionOf(withPrompts, RULES))).toEqual(strip(contributionOf(visits, RULES)));
  });
});

describe('journey types (docs/metrics.md › Journey types)', () => {
  // help serves Main (the default) and Returns; home serves Main only, returns Returns only, faq Support only
  const types = {
    default: 'main',
    order: ['main', 'returns', 'support'],
    of: { help: ['main', 'returns'], home: ['main'], returns: ['returns'], faq: ['support'] },
  };
  const typesOf = (...touchpoints: string[]) =>
    stayTypes(
      journeysOf(
        touchpoints.map((t, i) => visit(t, 3, i)),
        RULES,
      )[0]!,
      types,
    );

  it('places a stay at a shared touchpoint in the type of the latest earlier one-type stay among its types', () => {
    expect(typesOf('home', 'help')).toEqual(['main', 'main']);
    expect(typesOf('returns', 'help')).toEqual(['returns', 'returns']);
    // the latest earlier one-type stay decides (the journey's first would say returns)
    expect(typesOf('returns', 'home', 'help')).toEqual(['returns', 'main', 'main']);
    // faq serves Support only, which help does not serve: it is passed over
    expect(typesOf('returns', 'faq', 'help')).toEqual(['returns', 'support', 'returns']);
  });

  it('falls back to the default, and counts a touchpoint of no type as the default', () => {
    expect(typesOf('help')).toEqual(['main']);
    expect(typesOf('help', 'returns', 'other')).toEqual(['main', 'returns', 'main']);
  });

  it("counts each type's part of a journey as a journey of that type", () => {
    // returns → home → help: Returns' journey is returns alone; Main's is home → help
    const events = [visit('returns', 4, 0), visit('home', 4, 1), visit('help', 4, 2)];
    const c = contributionOf(events, { windowDays: 30, types });
    const day = at(4, 0).slice(0, 10);
    const m = (segment: string, tp: string, name: string) => c.get(rowKey(segment, day, tp))?.get(name);
    expect(m(typedSegment('main', 'all'), 'help', 'a:home')).toEqual([1, 0, 0, 0, 0, 0, 0]);
    expect(m(typedSegment('returns', 'all'), 'home', 'a:returns')).toBeUndefined();
    expect(m(typedSegment('returns', 'all'), 'returns', 'r')).toEqual([1, 1]);
    expect(m(typedSegment('main', 'all'), 'help', 'r')).toEqual([1, 1]);
    expect(m(typedSegment('main', 'all'), '', 'j')).toEqual([1]);
    // every journey, as without types: returns → home → help
    expect(m('all', 'home', 'a:returns')).toEqual([1, 0, 0, 0, 0, 0, 0]);
    expect(m('all', '', 'j')).toEqual([1]);
  });
});
