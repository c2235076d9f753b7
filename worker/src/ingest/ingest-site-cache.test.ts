// Ingest keeps each site's config per isolate (site-cache.ts). These tests change the config between two batches
// of the same isolate and check that the next batch is judged and stored by the new config, never the cached one.
import { describe, expect, it } from 'vitest';
import {
  answerEvent,
  createSiteWithTouchpoints,
  eventRows,
  postEvents,
  signup,
  storedEvents,
  visitEvent,
  visitor,
} from '../../test/helpers';

const ORIGIN = 'https://shop.example';
const OTHER = 'https://other.example';

interface Reply {
  accepted: number;
  duplicates: number;
  rejected: { index: number; reason: string }[];
  error?: { code: string; message: string };
}

async function cachedSite(origins = [ORIGIN]) {
  const s = await signup();
  const site = await createSiteWithTouchpoints(s, origins);
  const send = (events: unknown[], origin = ORIGIN) =>
    postEvents({ site: site.key, visitor: visitor(), events }, origin);
  // The first batch puts the site into this isolate's cache.
  expect(await (await send([answerEvent()])).json()).toMatchObject({ accepted: 1 });
  return { s, site, send };
}

describe('ingest with the site config cached in the isolate', () => {
  it('accepts events for a touchpoint added after the site was cached', async () => {
    const { s, site, send } = await cachedSite();
    const added = await s.send('POST', `/api/v1/sites/${site.id}/touchpoints`, {
      key: 'counter',
      name: 'Counter',
      stage: 'Purchase',
      channel: 'offline',
      match: [],
    });
    expect(added.status).toBe(201);
    const res = await send([answerEvent('counter'), visitEvent('counter')]);
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ accepted: 2, rejected: [] });
    const visit = (await storedEvents(site.id)).find((e) => e.kind === 'visit' && e.touchpoint === 'counter');
    expect(visit).toMatchObject({ channel: 'offline' });
  });

  it('stores the channel a touchpoint has now, not the cached one', async () => {
    const { s, site, send } = await cachedSite();
    expect((await s.send('PATCH', `/api/v1/sites/${site.id}/touchpoints/cart`, { channel: 'email' })).status).toBe(200);
    expect(await (await send([visitEvent('cart')])).json()).toMatchObject({ accepted: 1 });
    const visit = (await storedEvents(site.id)).find((e) => e.kind === 'visit' && e.touchpoint === 'cart');
    expect(visit).toMatchObject({ channel: 'email' });
  });

  it('rejects events for a touchpoint deleted after the site was cached, and writes nothing', async () => {
    const { s, site, send } = await cachedSite();
    expect((await s.send('DELETE', `/api/v1/sites/${site.id}/touchpoints/cart`)).status).toBe(204);
    const before = await eventRows(site.id);
    const res = await send([answerEvent('cart')]);
    expect(res.status).toBe(400);
    expect((await res.json<Reply>()).error?.message).toMatch(/unknown touchpoint "cart"/);
    expect(await eventRows(site.id)).toEqual(before);
  });

  it('follows the allowed origins: one added is let in, one removed is refused', async () => {
    const { s, site, send } = await cachedSite();
    expect((await send([answerEvent()], OTHER)).status).toBe(403);
    expect((await s.send('PATCH', `/api/v1/sites/${site.id}`, { origins: [ORIGIN, OTHER] })).status).toBe(200);
    expect(await (await send([answerEvent()], OTHER)).json()).toMatchObject({ accepted: 1 });
    expect((await s.send('PATCH', `/api/v1/sites/${site.id}`, { origins: [OTHER] })).status).toBe(200);
    const before = await eventRows(site.id);
    const refused = await send([answerEvent()], ORIGIN);
    expect(refused.status).toBe(403);
    expect((await refused.json<Reply>()).error?.code).toBe('origin_not_allowed');
    expect(await eventRows(site.id)).toEqual(before);
  });

  it('answers 404 for a site deleted after it was cached, and writes nothing', async () => {
    const { s, site, send } = await cachedSite();
    expect((await s.send('DELETE', `/api/v1/sites/${site.id}`)).status).toBe(204);
    const res = await send([answerEvent()]);
    expect(res.status).toBe(404);
    expect((await res.json<Reply>()).error?.code).toBe('unknown_site');
    expect(await eventRows(site.id)).toMatchObject({ answers: 0, visits: 0 });
  });
});
