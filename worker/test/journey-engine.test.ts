// The journey engine through the API, as a site sends events: answers counted in their visit's segment, the
// journey window and natural ends as site and touchpoint settings, a site split over two objects, retention.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { retainAll } from '../src/store/retention';
import {
  answerEvent,
  createSiteWithTouchpoints,
  eventRows,
  postEvents,
  signup,
  storedEvents,
  visitEvent,
  visitor,
  type Session,
} from './helpers';

const ORIGIN = 'https://shop.example';
interface Overview {
  touchpoints: { key: string; n: number; visits: number }[];
  connectivity: {
    journeys: number;
    dropOff: Record<string, number>;
    transitions: { from: string; to: string; count: number }[];
  };
}
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const overview = async (s: Session, id: string, query = '') =>
  (await s.get(`/api/v1/sites/${id}/analytics/overview${query}`)).json<Overview>();

async function send(key: string, who: string, events: unknown[]) {
  const res = await postEvents({ site: key, visitor: who, events }, ORIGIN);
  expect(res.status).toBe(202);
  return res.json<{ accepted: number; duplicates: number }>();
}

describe('journey engine', () => {
  it('counts a live answer, sent without context, in the segments of the visit it was given in', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s, [ORIGIN]);
    const who = visitor();
    await send(site.key, who, [
      visitEvent('cart', { at: ago(5), context: { device: 'mobile', locale: 'fr-FR', channel: 'search' } }),
    ]);
    await send(site.key, who, [answerEvent('cart', { at: ago(4) })]);
    for (const segment of ['device:mobile', 'device:Mobile', 'locale:fr-FR', 'locale:fr', 'channel:search']) {
      const o = await overview(s, site.id, `?segment=${segment}`);
      expect(o.touchpoints.find((t) => t.key === 'cart')?.n, segment).toBe(1);
    }
    expect((await overview(s, site.id, '?segment=device:desktop')).touchpoints.find((t) => t.key === 'cart')?.n).toBe(
      0,
    );
    const bad = await s.get(`/api/v1/sites/${site.id}/analytics/overview?segment=device:fridge`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { code: 'invalid_segment', details: { allowed: { device: 'mobile, tablet, desktop' } } },
    });
    const csv = await (await s.get(`/api/v1/sites/${site.id}/export.csv`)).text();
    expect(csv.split('\n')[1]).toMatch(/mobile/);
  });

  it('counts a touchpoint’s answers as its n, whichever dimensions each answer carries', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s, [ORIGIN]);
    await send(site.key, visitor(), [
      answerEvent('cart', { at: ago(3), answers: { sensorial: 4 } }),
      answerEvent('cart', { at: ago(2), answers: { importance: 5 } }),
      answerEvent('cart', { at: ago(1), answers: { cognitive: 2 } }),
    ]);
    expect((await overview(s, site.id)).touchpoints.find((t) => t.key === 'cart')?.n).toBe(3);
  });

  it('derives moves from the visits, not from `from`, and skips natural ends in drop-off', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s, [ORIGIN]);
    expect((await s.send('PATCH', `/api/v1/sites/${site.id}/touchpoints/checkout`, { naturalEnd: true })).status).toBe(
      200,
    );
    // a wrong hint (from: home) and no hint at all: the moves are cart → checkout, twice
    for (const who of [visitor(), visitor()]) {
      await send(site.key, who, [
        visitEvent('cart', { at: ago(9) }),
        visitEvent('cart', { at: ago(8) }),
        visitEvent('checkout', { at: ago(7), from: 'home' }),
      ]);
    }
    const o = await overview(s, site.id);
    expect(o.connectivity.transitions.map((t) => [t.from, t.to, t.count])).toEqual([['cart', 'checkout', 2]]);
    expect(o.connectivity.dropOff).toEqual({ cart: 0 });
    expect(o.touchpoints.find((t) => t.key === 'cart')?.visits).toBe(4);
  });

  it('starts a new journey after the site’s window, and derives journeys again when the window changes', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s, [ORIGIN]);
    const who = visitor();
    const days = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
    // import: ingest takes only the last 7 days
    const events = [visitEvent('home', { at: days(6) }), visitEvent('cart', { at: days(3) })].map((e) => ({
      ...e,
      visitor: who,
    }));
    expect((await s.send('POST', `/api/v1/sites/${site.id}/import`, { events })).status).toBe(200);
    expect((await overview(s, site.id)).connectivity).toMatchObject({
      journeys: 1,
      transitions: [{ from: 'home', to: 'cart', count: 1 }],
    });
    expect((await s.send('PATCH', `/api/v1/sites/${site.id}`, { settings: { journeyWindowDays: 2 } })).status).toBe(
      200,
    );
    expect((await overview(s, site.id)).connectivity).toMatchObject({ journeys: 2, transitions: [] });
  });

  it('splits a site over two objects by visitor, and every view adds them up', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s, [ORIGIN]);
    expect((await s.send('PATCH', `/api/v1/sites/${site.id}`, { settings: { shards: 2 } })).status).toBe(200);
    const visitors = Array.from({ length: 12 }, () => visitor());
    for (const who of visitors)
      await send(site.key, who, [visitEvent('home', { at: ago(3) }), answerEvent('home', { at: ago(2) })]);
    const [a, b] = [await storedEvents(site.id, 0), await storedEvents(site.id, 1)];
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    expect(a.length + b.length).toBe(24);
    const o = await overview(s, site.id);
    expect(o.touchpoints.find((t) => t.key === 'home')).toMatchObject({ n: 12, visits: 12 });
    expect(o.connectivity.journeys).toBe(12);
    const page = await (await s.get(`/api/v1/sites/${site.id}/responses?limit=5`)).json<{
      responses: unknown[];
      nextCursor: string | null;
    }>();
    expect(page.responses).toHaveLength(5);
    // the split is fixed once events exist
    const change = await s.send('PATCH', `/api/v1/sites/${site.id}`, { settings: { shards: 4 } });
    expect(change.status).toBe(409);
    // deleting one visitor finds them in their object
    const gone = await (await s.send('DELETE', `/api/v1/sites/${site.id}/visitors/${visitors[0]}`)).json();
    expect(gone).toMatchObject({ visits: 1, answers: 1 });
  });

  it('drops raw visits past the retention, keeps answers and rollups', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s, [ORIGIN]);
    const who = visitor();
    await send(site.key, who, [visitEvent('home', { at: ago(10) }), answerEvent('home', { at: ago(9) })]);
    const before = await eventRows(site.id);
    // a year and a half on, the daily cron runs
    await retainAll(env, Date.now() + 540 * 86_400_000);
    const after = await eventRows(site.id);
    expect(after).toEqual({ ...before, visits: 0 });
    expect((await overview(s, site.id)).touchpoints.find((t) => t.key === 'home')).toMatchObject({ n: 1, visits: 1 });
  });
});

describe('journey links', () => {
  it('joins a partner visit and its answer to the journey a signed link names, never to one a bare id names', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s, [ORIGIN]);
    const shopper = visitor();
    await send(site.key, shopper, [visitEvent('cart', { at: ago(10) })]);
    const made = await s.send('POST', `/api/v1/sites/${site.id}/journey-links`, { journey: shopper });
    expect(made.status).toBe(201);
    const { link } = await made.json<{ link: string }>();
    // the same person on another device (or the partner's domain): a new visitor id, the link from the email
    const phone = visitor();
    await send(site.key, phone, [
      visitEvent('checkout', { at: ago(5), link }),
      answerEvent('checkout', { at: ago(4), link, answers: { cognitive: 4 } }),
    ]);
    // a forged link (the shopper's id with a made-up signature) joins nothing
    const forged = `${shopper}.${link.split('.')[1]}.${'A'.repeat(43)}`;
    await send(site.key, visitor(), [visitEvent('home', { at: ago(3), link: forged })]);
    const events = await storedEvents(site.id);
    expect(events.filter((e) => e.visitor === shopper).map((e) => [e.kind, e.touchpoint])).toEqual([
      ['visit', 'cart'],
      ['visit', 'checkout'],
      ['answer', 'checkout'],
    ]);
    expect(events.filter((e) => e.visitor === phone)).toEqual([]);
    const o = await overview(s, site.id);
    expect(o.connectivity.transitions.map((t) => [t.from, t.to, t.count])).toEqual([['cart', 'checkout', 1]]);
  });
});
