// The analytics views through the real API in workerd: events go in by the import route, the triggers build the
// rollups, and the overview and trends answer the numbers computed by hand below (the same ones as the pure
// metric tests in src/analytics/). Also: x-rows-read does not grow with answers, and bad queries are 4xx.
import { OverviewSchema, TrendsSchema, type ImportEvent, type Overview, type Trends } from '@throughline/schema';
import { describe, expect, it } from 'vitest';
import { signup, type Session } from '../../test/helpers';

const TOUCHPOINTS = [
  { key: 'home', stage: 'Awareness', channel: 'web' },
  { key: 'cart', stage: 'Purchase', channel: 'web' },
  { key: 'counter', stage: 'Purchase', channel: 'offline' },
  { key: 'club', stage: 'Loyalty', channel: 'email' },
] as const;

async function journeySite(s: Session): Promise<string> {
  const site = await (await s.send('POST', '/api/v1/sites', { name: 'Shop', origins: [] })).json<{ id: string }>();
  expect(
    (await s.send('PUT', `/api/v1/sites/${site.id}/stages`, { stages: ['Awareness', 'Purchase', 'Loyalty'] })).status,
  ).toBe(200);
  for (const t of TOUCHPOINTS) {
    const res = await s.send('POST', `/api/v1/sites/${site.id}/touchpoints`, { ...t, name: t.key });
    expect(res.status).toBe(201);
  }
  return site.id;
}

async function importEvents(s: Session, siteId: string, events: ImportEvent[]) {
  for (let i = 0; i < events.length; i += 5000) {
    const res = await s.send('POST', `/api/v1/sites/${siteId}/import`, { events: events.slice(i, i + 5000) });
    expect(res.status, await res.clone().text()).toBe(200);
  }
}

const at = (day: string, time: string) => `2026-03-${day}T${time}:00.000Z`;
const visit = (visitor: string, touchpoint: string, when: string, extra: Partial<ImportEvent> = {}): ImportEvent =>
  ({ id: crypto.randomUUID(), type: 'visit', visitor, touchpoint, at: when, ...extra }) as ImportEvent;
const answer = (
  visitor: string,
  touchpoint: string,
  when: string,
  answers: Record<string, number>,
  extra: Partial<ImportEvent> = {},
): ImportEvent =>
  ({ id: crypto.randomUUID(), type: 'answer', visitor, touchpoint, at: when, answers, ...extra }) as ImportEvent;

const mobile = { context: { device: 'mobile', channel: 'search', locale: 'de-CH' } } as const;
const desktop = { context: { device: 'desktop', channel: 'direct' } } as const;

/**
 * The fixture, all on 2026-03-10 unless said otherwise:
 * - `copies` × 5 visitors (mobile, from search): home, answering sensorial 4, affective 4, cognitive 4,
 *   importance 2; then cart from home, answering 2, 2, 3, importance 5, handoff 3. Their journeys end at cart.
 * - v6 (desktop): home → counter (offline). Ends at counter.
 * - v7 (desktop): home → counter → club (email). Ends at club.
 * - v8 (desktop): home only. Ends at home.
 */
function fixture(copies = 1): ImportEvent[] {
  const events: ImportEvent[] = [];
  for (let i = 0; i < 5 * copies; i++) {
    const v = `visitor-${i}`;
    events.push(
      visit(v, 'home', at('10', '10:00'), mobile),
      answer(v, 'home', at('10', '10:01'), { sensorial: 4, affective: 4, cognitive: 4, importance: 2 }, mobile),
      visit(v, 'cart', at('10', '10:05'), { from: 'home', ...mobile }),
      answer(
        v,
        'cart',
        at('10', '10:06'),
        { sensorial: 2, affective: 2, cognitive: 3, importance: 5, handoff: 3 },
        { from: 'home', ...mobile },
      ),
    );
  }
  events.push(
    visit('visitor-v6', 'home', at('10', '11:00'), desktop),
    visit('visitor-v6', 'counter', at('10', '12:00'), { from: 'home', ...desktop }),
    visit('visitor-v7', 'home', at('10', '11:00'), desktop),
    visit('visitor-v7', 'counter', at('10', '12:00'), { from: 'home', ...desktop }),
    visit('visitor-v7', 'club', at('10', '13:00'), { from: 'counter', ...desktop }),
    visit('visitor-v8', 'home', at('10', '11:00'), desktop),
  );
  return events;
}

const RANGE = 'from=2026-03-01&to=2026-03-30';

async function view<T>(s: Session, path: string): Promise<{ body: T; rowsRead: number }> {
  const res = await s.get(path);
  expect(res.status, await res.clone().text()).toBe(200);
  return { body: await res.json<T>(), rowsRead: Number(res.headers.get('x-rows-read')) };
}
const overviewOf = (s: Session, siteId: string, query = '') =>
  view<Overview>(s, `/api/v1/sites/${siteId}/analytics/overview?${RANGE}${query}`);

describe('analytics overview from the rollups', () => {
  it('answers the hand-computed scores, consistency and connectivity', async () => {
    const s = await signup();
    const siteId = await journeySite(s);
    await importEvents(s, siteId, fixture());
    const { body: o, rowsRead } = await overviewOf(s, siteId);
    expect(OverviewSchema.safeParse(o).success).toBe(true);
    expect(rowsRead).toBeGreaterThan(0);

    // cart: 25, 25, 50 → quality 33.33; importance 100 → fix_first, priority 1 × (1 − 1/3)
    // home: 75, 75, 75 → quality 75; importance 25 → possible_overkill, priority 0.25 × 0.25
    expect(o.touchpoints.map((t) => [t.key, t.quadrant])).toEqual([
      ['cart', 'fix_first'],
      ['home', 'possible_overkill'],
      ['counter', null],
      ['club', null],
    ]);
    const [cart, home] = o.touchpoints;
    expect(cart!.quality).toBeCloseTo(33.3333, 4);
    expect(cart!.priority).toBeCloseTo(0.666667, 6);
    expect(cart!.scores.handoff).toEqual({ value: 50, n: 5, ci: [50, 50] });
    expect(home).toMatchObject({
      n: 5,
      visits: 8,
      quality: 75,
      importance: 25,
      priority: 0.0625,
      scores: { sensorial: { value: 75, n: 5, ci: [75, 75] } },
      // every answer's quality is 4 → 75, with no spread
      qualityStat: { value: 75, n: 5, ci: [75, 75] },
      // device:mobile, channel:search, locale:de each have the 5 answers, all alike: gap 0
      contextGap: { gap: 0, segments: 3 },
    });

    // consistency across touchpoints: sensorial 4 vs 2 → sd 1 → 50; affective 50; cognitive 4 vs 3 → 75
    expect(o.consistency.byDimension).toEqual({ sensorial: 50, affective: 50, cognitive: 75 });
    expect(o.consistency.overall).toBeCloseTo(58.3333, 4);
    expect(o.consistency.breaking).toEqual([]); // two touchpoints: both exactly one sd away
    // within each of the 5 visitors the same 50, 50, 75 → 58.33
    expect(o.consistency.experienced).toBeCloseTo(58.3333, 4);

    // 8 journeys: 5 end at cart, one each at counter, club and home.
    // reached: home 8, cart 5, counter 2, club 1 → drop-off home 1/8, cart 5/5, counter 1/2; club is the last stage
    expect(o.connectivity.journeys).toBe(8);
    expect(o.connectivity.dropOff).toEqual({ home: 0.125, cart: 1, counter: 0.5 });
    expect(o.connectivity.dropOffCounts).toEqual([
      { touchpoint: 'home', journeys: 8, ended: 1 },
      { touchpoint: 'cart', journeys: 5, ended: 5 },
      { touchpoint: 'counter', journeys: 2, ended: 1 },
      { touchpoint: 'club', journeys: 1, ended: 1 },
    ]);
    // v6 spans web + offline, v7 web + offline + email: 2 of 8
    expect(o.connectivity.crossChannelShare).toBe(0.25);
    // home → cart: handoff 3 → 50; quality 4 → 7/3, a change of −5/3 points → −41.67, never within one point
    expect(o.connectivity.transitions[0]).toMatchObject({
      from: 'home',
      to: 'cart',
      count: 5,
      handoff: 50,
      handoffN: 5,
      deltaN: 5,
    });
    expect(o.connectivity.transitions[0]!.delta).toBeCloseTo(-41.6667, 4);
    expect(o.connectivity.seamlessRate).toBe(0);
    expect(o.connectivity.score).toBe(50);
  });

  it('honours the segment in every part of the view', async () => {
    const s = await signup();
    const siteId = await journeySite(s);
    await importEvents(s, siteId, fixture());

    // desktop: only v6, v7, v8 (no answers): home reached 3, ended 1; counter 2/1; club 1/1; spans 2 of 3
    const { body: desk } = await overviewOf(s, siteId, '&segment=device:desktop');
    expect(desk.touchpoints.every((t) => t.n === 0 && t.quality === null)).toBe(true);
    expect(desk.touchpoints.find((t) => t.key === 'home')!.visits).toBe(3);
    expect(desk.connectivity.dropOff).toEqual({ home: 1 / 3, counter: 0.5 });
    expect(desk.connectivity.crossChannelShare).toBeCloseTo(2 / 3, 10);
    expect(desk.consistency.experienced).toBeNull();

    // mobile (arrived from search): the five answering visitors, the same scores as all
    const { body: mob } = await overviewOf(s, siteId, '&segment=channel:search');
    expect(mob.touchpoints.find((t) => t.key === 'cart')!.quality).toBeCloseTo(33.3333, 4);
    expect(mob.connectivity.dropOff).toEqual({ home: 0, cart: 1 });
    expect(mob.consistency.experienced).toBeCloseTo(58.3333, 4);

    // stage:Purchase narrows the touchpoints; journeys still count whole
    const { body: purchase } = await overviewOf(s, siteId, '&segment=stage:Purchase');
    expect(purchase.touchpoints.map((t) => t.key)).toEqual(['cart', 'counter']);
    expect(purchase.connectivity.dropOff).toEqual({ cart: 1, counter: 0.5 });
  });

  it('counts a journey on the day it started, its end at its last visit, whatever order the visits arrive in', async () => {
    const s = await signup();
    const siteId = await journeySite(s);
    // cart on the 12th arrives first, then a late home visit of the 5th: the journey starts on the 5th, ends at cart
    await importEvents(s, siteId, [visit('late-visitor', 'cart', at('12', '09:00'))]);
    await importEvents(s, siteId, [visit('late-visitor', 'home', at('05', '09:00'))]);
    const early = (await view<Overview>(s, `/api/v1/sites/${siteId}/analytics/overview?from=2026-03-01&to=2026-03-07`))
      .body;
    expect(early.connectivity.dropOffCounts).toEqual([
      { touchpoint: 'home', journeys: 1, ended: 0 },
      { touchpoint: 'cart', journeys: 1, ended: 1 },
    ]);
    // a club visit on the 20th moves the end there; the journey still counts on the 5th
    await importEvents(s, siteId, [visit('late-visitor', 'club', at('20', '09:00'))]);
    const after = (await view<Overview>(s, `/api/v1/sites/${siteId}/analytics/overview?from=2026-03-01&to=2026-03-07`))
      .body;
    expect(after.connectivity.dropOffCounts).toEqual([
      { touchpoint: 'home', journeys: 1, ended: 0 },
      { touchpoint: 'cart', journeys: 1, ended: 0 },
      { touchpoint: 'club', journeys: 1, ended: 1 },
    ]);
    expect(after.connectivity.dropOff).toEqual({ home: 0, cart: 0 });
    const later = (await view<Overview>(s, `/api/v1/sites/${siteId}/analytics/overview?from=2026-03-08&to=2026-03-31`))
      .body;
    expect(later.connectivity).toMatchObject({ journeys: 0, dropOffCounts: [] });
    // moves count on the day they arrive, derived from the visits' times (no visit said where it came from)
    const march = (await view<Overview>(s, `/api/v1/sites/${siteId}/analytics/overview?from=2026-03-01&to=2026-03-31`))
      .body;
    expect(march.connectivity.transitions.map((t) => [t.from, t.to, t.count]).sort()).toEqual([
      ['cart', 'club', 1],
      ['home', 'cart', 1],
    ]);
  });

  it('reads as many rows for 10× the answers on the same touchpoints and days', async () => {
    const s = await signup();
    const small = await journeySite(s);
    const large = await journeySite(s);
    await importEvents(s, small, fixture(1));
    await importEvents(s, large, fixture(10));
    for (const query of ['', '&segment=device:mobile', '&segment=stage:Purchase']) {
      const a = await overviewOf(s, small, query);
      const b = await overviewOf(s, large, query);
      expect(b.body.touchpoints.find((t) => t.key === 'cart')!.n).toBe(50);
      expect(b.rowsRead, `overview${query}`).toBe(a.rowsRead);
    }
    const t1 = await view<Trends>(s, `/api/v1/sites/${small}/analytics/trends?${RANGE}`);
    const t2 = await view<Trends>(s, `/api/v1/sites/${large}/analytics/trends?${RANGE}`);
    expect(t2.body.touchpoints[0]!.days[9]!.n).toBe(50);
    expect(t2.rowsRead).toBe(t1.rowsRead);
  });
});

describe('histograms and context gaps through the overview', () => {
  /**
   * On 2026-03-10 at home: 5 mobile visitors (from search, de) answer 4, 4, 4 (quality 4); 5 desktop visitors (direct)
   * answer 2, 3, 1 with importance 5 (quality 2); one more desktop visitor answers 5, 5, 5 with importance 1
   * (quality 5), then goes on to cart and answers sensorial 3 with handoff 5 there. That one is deleted below.
   */
  function segmentsFixture(): ImportEvent[] {
    const events: ImportEvent[] = [];
    for (let i = 0; i < 5; i++) {
      events.push(
        answer(`mobile-${i}`, 'home', at('10', '10:00'), { sensorial: 4, affective: 4, cognitive: 4 }, mobile),
      );
      events.push(
        answer(
          `desktop-${i}`,
          'home',
          at('10', '11:00'),
          { sensorial: 2, affective: 3, cognitive: 1, importance: 5 },
          desktop,
        ),
      );
    }
    events.push(
      visit('leaver-visitor', 'home', at('10', '11:59'), desktop),
      answer(
        'leaver-visitor',
        'home',
        at('10', '12:00'),
        { sensorial: 5, affective: 5, cognitive: 5, importance: 1 },
        desktop,
      ),
      visit('leaver-visitor', 'cart', at('10', '12:05'), { from: 'home', ...desktop }),
      answer('leaver-visitor', 'cart', at('10', '12:06'), { sensorial: 3, handoff: 5 }, { from: 'home', ...desktop }),
    );
    return events;
  }
  const homeOf = (o: Overview) => o.touchpoints.find((t) => t.key === 'home')!;

  it('counts answers per scale point, per segment too, and follows a visitor deletion', async () => {
    const s = await signup();
    const siteId = await journeySite(s);
    await importEvents(s, siteId, segmentsFixture());

    const { body: o } = await overviewOf(s, siteId);
    expect(OverviewSchema.safeParse(o).success).toBe(true);
    expect(homeOf(o).histograms).toEqual({
      sensorial: [0, 5, 0, 5, 1],
      affective: [0, 0, 5, 5, 1],
      cognitive: [5, 0, 0, 5, 1],
      importance: [1, 0, 0, 0, 5],
    });
    expect(o.touchpoints.find((t) => t.key === 'cart')!.histograms).toEqual({
      sensorial: [0, 0, 1, 0, 0],
      handoff: [0, 0, 0, 0, 1],
    });
    expect(o.touchpoints.find((t) => t.key === 'club')!.histograms).toEqual({});
    // a segment narrows the histograms to its answers
    expect(homeOf((await overviewOf(s, siteId, '&segment=device:mobile')).body).histograms).toEqual({
      sensorial: [0, 0, 0, 5, 0],
      affective: [0, 0, 0, 5, 0],
      cognitive: [0, 0, 0, 5, 0],
    });

    expect((await s.send('DELETE', `/api/v1/sites/${siteId}/visitors/leaver-visitor`)).status).toBe(200);
    const { body: after } = await overviewOf(s, siteId);
    expect(homeOf(after).histograms).toEqual({
      sensorial: [0, 5, 0, 5, 0],
      affective: [0, 0, 5, 5, 0],
      cognitive: [5, 0, 0, 5, 0],
      importance: [0, 0, 0, 0, 5],
    });
    expect(after.touchpoints.find((t) => t.key === 'cart')!.histograms).toEqual({});
  });

  it('gives the context gap over every segment, whatever the filter, and after a visitor deletion', async () => {
    const s = await signup();
    const siteId = await journeySite(s);
    await importEvents(s, siteId, segmentsFixture());

    // mobile, search and de: 5 answers of quality 4 → 75; desktop and direct: 6 answers, (5 × 2 + 5) / 6 = 2.5 → 37.5
    const gapBefore = { gap: 37.5, segments: 5, best: { quality: 75 }, worst: { quality: 37.5 } };
    const { body: o } = await overviewOf(s, siteId);
    expect(homeOf(o).contextGap).toMatchObject(gapBefore);
    expect(['device:mobile', 'channel:search', 'locale:de']).toContain(homeOf(o).contextGap.best!.segment);
    expect(['device:desktop', 'channel:direct']).toContain(homeOf(o).contextGap.worst!.segment);
    // cart has one answer: no segment reaches the minimum n
    expect(o.touchpoints.find((t) => t.key === 'cart')!.contextGap).toEqual({
      gap: null,
      best: null,
      worst: null,
      segments: 0,
    });
    // the gap compares segments, so a segment filter does not change it
    expect(homeOf((await overviewOf(s, siteId, '&segment=device:mobile')).body).contextGap).toEqual(
      homeOf(o).contextGap,
    );
    // the leaver's move home → cart: one visit, one handoff answer, one quality change (5 → 3)
    expect(o.connectivity.transitions).toEqual([
      { from: 'home', to: 'cart', count: 1, handoff: null, handoffN: 1, delta: null, deltaN: 1 },
    ]);

    expect((await s.send('DELETE', `/api/v1/sites/${siteId}/visitors/leaver-visitor`)).status).toBe(200);
    // desktop and direct: 5 answers of quality 2 → 25
    const { body: after } = await overviewOf(s, siteId);
    expect(homeOf(after).contextGap).toMatchObject({
      gap: 50,
      segments: 5,
      best: { quality: 75 },
      worst: { quality: 25 },
    });
    expect(after.connectivity.transitions).toEqual([]);
  });
});

const RECENT_DAYS = ['2026-03-29', '2026-03-30', '2026-03-31', '2026-04-01', '2026-04-02', '2026-04-03', '2026-04-04'];

describe('analytics trends', () => {
  it('answers daily series with n and interval, and a Welch alert for a fall', async () => {
    const s = await signup();
    const siteId = await journeySite(s);
    const events: ImportEvent[] = [];
    // baseline (Mar 1–28): five 5s and five 4s → mean 4.5 → 87.5; recent (Mar 29–Apr 4): five 2s, five 3s → 37.5
    for (let i = 0; i < 10; i++) {
      events.push(
        answer(`baseline-${i}`, 'home', at(String(1 + i * 2).padStart(2, '0'), '10:00'), { sensorial: i % 2 ? 4 : 5 }),
      );
      events.push(answer(`recently-${i}`, 'home', `${RECENT_DAYS[i % 7]}T10:00:00.000Z`, { sensorial: i % 2 ? 2 : 3 }));
    }
    // cart answers steady at 3 all along: no alert
    for (let i = 0; i < 10; i++)
      events.push(
        answer(`cart-visitor-${i}`, 'cart', at(String(1 + i * 3).padStart(2, '0'), '10:00'), { sensorial: 3 }),
      );
    await importEvents(s, siteId, events);

    const { body: t, rowsRead } = await view<Trends>(
      s,
      `/api/v1/sites/${siteId}/analytics/trends?from=2026-03-01&to=2026-04-04`,
    );
    expect(TrendsSchema.safeParse(t).success).toBe(true);
    expect(rowsRead).toBeGreaterThan(0);
    expect(t.touchpoints.map((x) => x.touchpoint)).toEqual(['home', 'cart', 'counter', 'club']);
    const home = t.touchpoints[0]!;
    expect(home.days).toHaveLength(35);
    expect(home.days[0]).toEqual({
      day: '2026-03-01',
      n: 1,
      scores: { sensorial: { value: null, n: 1, ci: null }, quality: { value: null, n: 1, ci: null } },
      rolling: { sensorial: { value: null, n: 1, ci: null }, quality: { value: null, n: 1, ci: null } },
    });
    // a day without answers keeps the week's answers in its rolling window
    expect(home.days[1]).toEqual({
      day: '2026-03-02',
      n: 0,
      scores: { quality: { value: null, n: 0, ci: null } },
      rolling: { sensorial: { value: null, n: 1, ci: null }, quality: { value: null, n: 1, ci: null } },
    });
    // the last day's window is the alert's recent window: ten answers, mean 2.5 → 37.5
    expect(home.days[34]!.rolling.quality).toMatchObject({ value: 37.5, n: 10 });

    // Welch: variances 10 × 0.25 / 9 each, se² = 2 × 0.02778 = 0.05556, t = −2 / 0.2357 = −8.485, df = 18
    expect(t.alerts).toHaveLength(1);
    const alert = t.alerts[0]!;
    expect(alert).toMatchObject({
      touchpoint: 'home',
      recent: { from: '2026-03-29', to: '2026-04-04', value: 37.5, n: 10 },
      baseline: { from: '2026-03-01', to: '2026-03-28', value: 87.5, n: 10 },
      change: -50,
      test: { name: 'welch_t_one_sided', alpha: 0.05 },
    });
    expect(alert.test.t).toBeCloseTo(-8.4853, 3);
    expect(alert.test.df).toBeCloseTo(18, 6);
    expect(alert.test.p).toBeLessThan(1e-6);

    // one touchpoint, one dimension: and only its rollup rows are read
    const cartTrends = `/api/v1/sites/${siteId}/analytics/trends?from=2026-03-01&to=2026-04-04&touchpoint=cart`;
    const cartOnly = await view<Trends>(s, cartTrends);
    await importEvents(
      s,
      siteId,
      Array.from({ length: 35 }, (_, i) =>
        answer(
          `club-visitor-${i}`,
          'club',
          new Date(Date.parse('2026-03-01T12:00:00Z') + i * 86_400_000).toISOString(),
          { sensorial: 3, affective: 3 },
        ),
      ),
    );
    expect((await view<Trends>(s, cartTrends)).rowsRead).toBe(cartOnly.rowsRead);
    expect(
      (await view<Trends>(s, `/api/v1/sites/${siteId}/analytics/trends?from=2026-03-01&to=2026-04-04`)).rowsRead,
    ).toBeGreaterThan(rowsRead);
    const { body: one } = await view<Trends>(
      s,
      `/api/v1/sites/${siteId}/analytics/trends?from=2026-03-01&to=2026-03-03&touchpoint=cart&dimension=quality`,
    );
    expect(one.touchpoints).toEqual([
      {
        touchpoint: 'cart',
        days: [
          {
            day: '2026-03-01',
            n: 1,
            scores: { quality: { value: null, n: 1, ci: null } },
            rolling: { quality: { value: null, n: 1, ci: null } },
          },
          {
            day: '2026-03-02',
            n: 0,
            scores: { quality: { value: null, n: 0, ci: null } },
            rolling: { quality: { value: null, n: 1, ci: null } },
          },
          {
            day: '2026-03-03',
            n: 0,
            scores: { quality: { value: null, n: 0, ci: null } },
            rolling: { quality: { value: null, n: 1, ci: null } },
          },
        ],
      },
    ]);
    // the rolling window of the range's first day looks back before it
    const { body: later } = await view<Trends>(
      s,
      `/api/v1/sites/${siteId}/analytics/trends?from=2026-03-03&to=2026-03-03&touchpoint=cart&dimension=quality`,
    );
    expect(later.touchpoints[0]!.days).toEqual([
      {
        day: '2026-03-03',
        n: 0,
        scores: { quality: { value: null, n: 0, ci: null } },
        rolling: { quality: { value: null, n: 1, ci: null } },
      },
    ]);
  });

  it('answers bad queries with a clear 4xx', async () => {
    const s = await signup();
    const siteId = await journeySite(s);
    const cases: [string, number, string][] = [
      ['overview?segment=planet:mars', 400, 'invalid_segment'],
      ['overview?segment=stage:Nowhere', 400, 'invalid_segment'],
      ['overview?from=2026-03-10&to=2026-03-01', 400, 'invalid_range'],
      ['overview?from=2020-01-01&to=2026-03-01', 400, 'invalid_range'],
      ['trends?from=not-a-day', 400, 'invalid_request'],
      ['trends?dimension=happiness', 400, 'invalid_request'],
      ['trends?touchpoint=ghost', 404, 'not_found'],
    ];
    for (const [path, status, code] of cases) {
      const res = await s.get(`/api/v1/sites/${siteId}/analytics/${path}`);
      expect(res.status, path).toBe(status);
      expect((await res.json<{ error: { code: string } }>()).error.code, path).toBe(code);
    }
  });
});
