// Journey links across devices and partners (docs/metrics.md › Journey link): a customer's link or QR code joins the
// answer given through it to that customer's journey, so the move from the website to the offline (or partner)
// touchpoint is counted; expired and forged links join nothing. The partner view and its share link read the same.
import { evictDurableObject, runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { journeyLinkSecret, signJourneyLink } from '../src/ingest/journey-link';
import { storeOf } from '../src/store/site-stores';
import { documentedRoutes } from './openapi-routes';
import { BASE, postEvents, signup, storedEvents, visitEvent, visitor, worker, type Session } from './helpers';

const ORIGIN = 'https://shop.example';
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const answer = (touchpoint: string, at: string, answers: Record<string, number>, link?: string) => ({
  id: crypto.randomUUID(),
  type: 'answer',
  touchpoint,
  at,
  answers,
  ...(link ? { link } : {}),
});

async function send(key: string, who: string, events: unknown[]) {
  const res = await postEvents({ site: key, visitor: who, events }, ORIGIN);
  expect(res.status).toBe(202);
}

/** A site with a web checkout (the brand's) and an offline delivery run by a partner (the carrier); minN 1. */
async function carrierSite(s: Session) {
  const site = await (await s.send('POST', '/api/v1/sites', { name: 'Shop', origins: [ORIGIN] })).json<{
    id: string;
    key: string;
  }>();
  expect((await s.send('PATCH', `/api/v1/sites/${site.id}`, { settings: { minN: 1 } })).status).toBe(200);
  for (const tp of [
    { key: 'checkout', name: 'Checkout', stage: 'Purchase', match: ['/checkout*'] },
    { key: 'delivery', name: 'Delivery', stage: 'Use', channel: 'offline', owner: 'partner' },
  ])
    expect((await s.send('POST', `/api/v1/sites/${site.id}/touchpoints`, tp)).status).toBe(201);
  return site;
}

interface Transition {
  from: string;
  to: string;
  count: number;
  handoff: number | null;
  handoffN: number;
  delta: number | null;
  deltaN: number;
}
interface Tp {
  key: string;
  n: number;
  quality: number | null;
  joined: { n: number; linked: number };
}

describe('journey links across devices', () => {
  it('joins a per-customer QR answer to the desktop journey; expired, forged and absent links do not join', async () => {
    const s = await signup();
    const site = await carrierSite(s);
    const desktop = visitor();
    // A: checkout on the desktop, quality 4 (cognitive 4)
    await send(site.key, desktop, [
      visitEvent('checkout', { at: ago(60) }),
      answer('checkout', ago(59), { cognitive: 4 }),
    ]);
    // the shop's system asks for A's link to the delivery page, printed on the parcel slip
    const made = await s.send('POST', `/api/v1/sites/${site.id}/journey-links`, {
      journey: desktop,
      touchpoint: 'delivery',
      expiresInDays: 60,
    });
    expect(made.status).toBe(201);
    const { link, url } = await made.json<{ link: string; url: string }>();
    const list = await (await s.get(`/api/v1/sites/${site.id}/touchpoints`)).json<{
      touchpoints: { key: string; code: string }[];
    }>();
    const code = list.touchpoints.find((t) => t.key === 'delivery')!.code;
    expect(url).toBe(`${BASE}/t/${code}?tl_qr=1&tl_j=${link}`);
    // the slip's QR code, scanned on a phone (its own new visitor id): cognitive 2. The phone's widget knows no previous
    // touchpoint, so it asks no handoff question: the move is measured by its quality change.
    const phone = visitor();
    await send(site.key, phone, [
      visitEvent('delivery', { at: ago(10), link }),
      answer('delivery', ago(9), { cognitive: 2 }, link),
    ]);
    // B: a counter QR code (no link) scanned on another phone: its own journey
    await send(site.key, visitor(), [
      visitEvent('delivery', { at: ago(8) }),
      answer('delivery', ago(8), { cognitive: 3 }),
    ]);
    // C: A's link, but expired a minute ago
    const expired = await signJourneyLink({
      secret: await journeyLinkSecret(env),
      site: site.id,
      journey: desktop,
      expiresAt: Date.now() / 1000 - 60,
    });
    const c = visitor();
    await send(site.key, c, [
      visitEvent('delivery', { at: ago(7), link: expired }),
      answer('delivery', ago(7), { cognitive: 5 }, expired),
    ]);
    // D: A's id with a made-up signature
    const forged = `${desktop}.${link.split('.')[1]}.${'A'.repeat(43)}`;
    await send(site.key, visitor(), [
      visitEvent('delivery', { at: ago(6), link: forged }),
      answer('delivery', ago(6), { cognitive: 1 }, forged),
    ]);
    // E: a link for a new journey (nothing before it): joined because it arrived with a link
    const fresh = await (await s.send('POST', `/api/v1/sites/${site.id}/journey-links`, {})).json<{ link: string }>();
    await send(site.key, visitor(), [answer('delivery', ago(5), { cognitive: 4 }, fresh.link)]);
    // F: checkout, then the delivery page on the same device: joined by its earlier stay, no link
    const f = visitor();
    await send(site.key, f, [
      visitEvent('checkout', { at: ago(30) }),
      visitEvent('delivery', { at: ago(20) }),
      answer('delivery', ago(19), { cognitive: 4 }),
    ]);

    const events = await storedEvents(site.id);
    expect(events.filter((e) => e.visitor === desktop).map((e) => [e.kind, e.touchpoint, e.linked])).toEqual([
      ['visit', 'checkout', 0],
      ['answer', 'checkout', 0],
      ['visit', 'delivery', 1],
      ['answer', 'delivery', 1],
    ]);
    expect(events.filter((e) => e.visitor === phone)).toEqual([]);
    expect(events.filter((e) => e.visitor === c).map((e) => e.linked)).toEqual([0, 0]);

    const o = await (await s.get(`/api/v1/sites/${site.id}/analytics/overview`)).json<{
      touchpoints: Tp[];
      connectivity: { transitions: Transition[] };
    }>();
    // checkout → delivery: A (across devices) and F = 2 moves; no handoff answers.
    // Quality change: A only (F rated no checkout): delivery 2 − checkout 4 = −2 points → −2 / 4 × 100 = −50, n 1.
    expect(o.connectivity.transitions).toEqual([
      { from: 'checkout', to: 'delivery', count: 2, handoff: null, handoffN: 0, delta: -50, deltaN: 1 },
    ]);
    const delivery = o.touchpoints.find((t) => t.key === 'delivery')!;
    // 6 answers: A (linked, after checkout), B, C, D (own journeys, first stay), E (linked), F (after checkout) →
    // joined 3 (A, E, F), of them linked 2 (A, E)
    expect(delivery).toMatchObject({ n: 6, joined: { n: 3, linked: 2 } });
    // quality: cognitive 2, 3, 5, 1, 4, 4 → mean 19/6 → (19/6 − 1) / 4 × 100 = 325/6
    expect(delivery.quality).toBeCloseTo(325 / 6, 6);
    // A's checkout answer is the first stay of its journey and arrived without a link
    expect(o.touchpoints.find((t) => t.key === 'checkout')).toMatchObject({ n: 1, joined: { n: 0, linked: 0 } });

    // the partner view: delivery (partner-owned) with the handoff into it; checkout is the brand's and not listed
    const p = await (await s.get(`/api/v1/sites/${site.id}/analytics/partners`)).json<{
      touchpoints: (Tp & { into: unknown[]; outOf: unknown[] })[];
    }>();
    expect(p.touchpoints.map((t) => t.key)).toEqual(['delivery']);
    expect(p.touchpoints[0]).toMatchObject({ n: 6, joined: { n: 3, linked: 2 }, outOf: [] });
    expect(p.touchpoints[0]!.into).toEqual([
      {
        from: 'checkout',
        to: 'delivery',
        name: 'Checkout',
        count: 2,
        handoff: null,
        handoffN: 0,
        delta: -50,
        deltaN: 1,
      },
    ]);
    expect((await s.get(`/api/v1/sites/${site.id}/analytics/partners?touchpoint=checkout`)).status).toBe(404);
  });

  it("draws one customer's QR code only for a valid link of the site, and names the touchpoint it opens", async () => {
    const s = await signup();
    const site = await carrierSite(s);
    const other = await carrierSite(s);
    const { link } = await (
      await s.send('POST', `/api/v1/sites/${site.id}/journey-links`, { touchpoint: 'delivery' })
    ).json<{ link: string }>();
    const theirs = (
      await (await s.send('POST', `/api/v1/sites/${other.id}/journey-links`, {})).json<{ link: string }>()
    ).link;
    const svg = await s.get(`/api/v1/sites/${site.id}/touchpoints/delivery/qr.svg?link=${link}`);
    expect(svg.status).toBe(200);
    expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    // a longer address than the plain code's: more modules
    const plain = await (await s.get(`/api/v1/sites/${site.id}/touchpoints/delivery/qr.svg`)).text();
    expect((await svg.text()).length).toBeGreaterThan(plain.length);
    for (const bad of [theirs, `${link.slice(0, -3)}AAA`]) {
      const res = await s.get(`/api/v1/sites/${site.id}/touchpoints/delivery/qr.svg?link=${bad}`);
      expect(res.status, bad).toBe(400);
    }
    expect((await s.get(`/api/v1/sites/${site.id}/touchpoints/delivery/qr.svg?link=not-a-link`)).status).toBe(400);
    const unknown = await s.send('POST', `/api/v1/sites/${site.id}/journey-links`, { touchpoint: 'nowhere' });
    expect(unknown.status).toBe(404);
  });
});

describe('a store made before joined answers were counted', () => {
  it('counts the joined answers it already holds once, and those past its watermark once', async () => {
    const s = await signup();
    const site = await carrierSite(s);
    const joined = async () =>
      (
        await (await s.get(`/api/v1/sites/${site.id}/analytics/overview`)).json<{ touchpoints: Tp[] }>()
      ).touchpoints.find((t) => t.key === 'delivery')!.joined;
    const { link } = await (await s.send('POST', `/api/v1/sites/${site.id}/journey-links`, {})).json<{
      link: string;
    }>();
    // F: checkout then delivery (joined by its earlier stay); E: a linked answer; B: a first-stay answer
    await send(site.key, visitor(), [
      visitEvent('checkout', { at: ago(30) }),
      visitEvent('delivery', { at: ago(20) }),
      answer('delivery', ago(19), { cognitive: 4 }),
    ]);
    await send(site.key, visitor(), [answer('delivery', ago(18), { cognitive: 3 }, link)]);
    await send(site.key, visitor(), [
      visitEvent('delivery', { at: ago(17) }),
      answer('delivery', ago(17), { cognitive: 3 }),
    ]);
    expect(await joined()).toEqual({ n: 2, linked: 1 }); // read: flushed up to here
    // as such a store was: no `k` in its rollups, never backfilled
    const stub = storeOf(env, site.id, 0);
    await runInDurableObject(stub, (_store, state) => {
      const sql = state.storage.sql;
      for (const r of sql
        .exec<{ segment: string; day: string; touchpoint: string; v: string }>('SELECT * FROM rollups')
        .toArray()) {
        const v = JSON.parse(r.v) as Record<string, number[]>;
        delete v.k;
        sql.exec(
          'UPDATE rollups SET v = ? WHERE segment = ? AND day = ? AND touchpoint = ?',
          JSON.stringify(v),
          r.segment,
          r.day,
          r.touchpoint,
        );
      }
      sql.exec(`DELETE FROM meta WHERE key = 'joined'`);
    });
    // one more joined answer (linked), stored but not yet folded into the rollups when the object goes away
    await send(site.key, visitor(), [answer('delivery', ago(5), { cognitive: 5 }, link)]);
    await evictDurableObject(stub);
    // 2 joined before the watermark (backfilled) + 1 past it (recovered) = 3, linked 1 + 1 = 2
    expect(await joined()).toEqual({ n: 3, linked: 2 });
    await evictDurableObject(stub);
    expect(await joined()).toEqual({ n: 3, linked: 2 }); // once only
  });
});

const shared = (token: string, path: string) =>
  worker.fetch(`${BASE}${path}`, { headers: { 'x-throughline-share': token } });
const tokenOf = async (res: Response) => (await res.json<{ path: string }>()).path.replace('/shared/', '');

describe('partner share links', () => {
  it("reads the partner view of its own touchpoint only, and nothing of the brand's other views", async () => {
    const s = await signup();
    const site = await carrierSite(s);
    const one = await tokenOf(
      await s.send('POST', `/api/v1/sites/${site.id}/shares`, {
        view: 'partners',
        query: 'touchpoint=delivery',
        label: 'Carrier',
      }),
    );
    const all = await tokenOf(await s.send('POST', `/api/v1/sites/${site.id}/shares`, { view: 'partners' }));
    const board = await tokenOf(await s.send('POST', `/api/v1/sites/${site.id}/shares`, { view: 'priorities' }));
    const p = `/api/v1/sites/${site.id}`;
    const matrix: [string, string, number][] = [
      [one, '', 200],
      [one, '/analytics/partners?touchpoint=delivery', 200],
      [one, '/analytics/partners?touchpoint=delivery&from=2026-01-01', 200],
      [one, '/analytics/partners', 403],
      [one, '/analytics/partners?touchpoint=checkout', 403],
      [all, '', 200],
      [all, '/analytics/partners', 200],
      [all, '/analytics/partners?touchpoint=delivery', 200],
      [board, '/analytics/overview', 200],
      [board, '/analytics/partners', 403],
    ];
    for (const token of [one, all]) {
      for (const path of [
        '/analytics/overview',
        '/analytics/trends',
        '/stages',
        '/touchpoints',
        '/actions',
        '/comments/themes',
        '/responses',
        '/shares',
      ]) {
        matrix.push([token, path, 403]);
      }
    }
    for (const [token, path, status] of matrix) {
      expect(
        (await shared(token, p + path)).status,
        `${token === one ? 'one' : token === all ? 'all' : 'board'} ${path}`,
      ).toBe(status);
    }
    expect((await shared(one, '/api/v1/share-info')).status).toBe(200);
    const view = await (await shared(one, `${p}/analytics/partners?touchpoint=delivery`)).json<{
      touchpoints: { key: string }[];
    }>();
    expect(view.touchpoints.map((t) => t.key)).toEqual(['delivery']);
  });

  it('is refused every other documented site route, read or write', async () => {
    const s = await signup();
    const site = await carrierSite(s);
    const token = await tokenOf(
      await s.send('POST', `/api/v1/sites/${site.id}/shares`, { view: 'partners', query: 'touchpoint=delivery' }),
    );
    const allowed = new Set(['GET /sites/{id}', 'GET /sites/{id}/analytics/partners']);
    const routes = (await documentedRoutes()).filter((r) => r.path.startsWith('/sites/{id}'));
    expect(routes.length).toBeGreaterThan(20);
    const failures: string[] = [];
    for (const r of routes) {
      const path = r.path
        .replace('{id}', site.id)
        .replace('{key}', 'delivery')
        .replace(/\{\w+\}/g, 'x');
      const query = new URLSearchParams({ ...r.query, touchpoint: 'delivery' });
      const res = await worker.fetch(`${BASE}/api/v1${path}?${query}`, {
        method: r.method,
        headers: { 'x-throughline-share': token, 'content-type': 'application/json' },
        body: r.writes ? '{}' : undefined,
      });
      const want = allowed.has(`${r.method} ${r.path}`) ? 200 : 403;
      if (res.status !== want) failures.push(`${r.method} ${r.path}: ${res.status}, expected ${want}`);
    }
    expect(failures).toEqual([]);
  });
});
