import { describe, expect, it } from 'vitest';
import {
  answerEvent,
  createSiteWithTouchpoints,
  postEvents,
  signup,
  storedEvents,
  visitEvent,
  visitor,
} from '../../test/helpers';

const ORIGIN = 'https://shop.example';

interface Reply {
  accepted: number;
  duplicates: number;
  rejected: { index: number; reason: string }[];
  error: { code: string };
}

const answer = (id: string, extra: Record<string, unknown> = {}) => answerEvent('checkout', { id, ...extra });
const post = (body: unknown) => postEvents(body, ORIGIN);

describe('POST /v1/events', () => {
  it('stores an answer exactly once when retried', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s, [ORIGIN]);
    const id = crypto.randomUUID();
    const body = { site: site.key, visitor: visitor(), events: [answer(id)] };
    const first = await post(body);
    expect(first.status).toBe(202);
    expect(await first.json()).toMatchObject({ accepted: 1, duplicates: 0 });
    const again = await post(body);
    expect(await again.json()).toMatchObject({ accepted: 0, duplicates: 1 });
    const overview = await s.get(`/api/v1/sites/${site.id}/analytics/overview`);
    const tp = (await overview.json<{ touchpoints: { key: string; n: number }[] }>()).touchpoints.find(
      (t) => t.key === 'checkout',
    );
    expect(tp?.n).toBe(1);
  });

  it('rejects a bad event with its reason and keeps the good ones', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s, [ORIGIN]);
    const res = await post({
      site: site.key,
      visitor: visitor(),
      events: [answer(crypto.randomUUID()), answer(crypto.randomUUID(), { answers: { sensorial: 9 } })],
    });
    expect(res.status).toBe(202);
    const body = await res.json<Reply>();
    expect(body.accepted).toBe(1);
    expect(body.rejected[0]).toMatchObject({ index: 1, reason: expect.stringContaining('1 to 5') });
  });

  it('refuses an origin the site does not allow', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s, [ORIGIN]);
    const res = await postEvents(
      { site: site.key, visitor: visitor(), events: [answer(crypto.randomUUID())] },
      'https://evil.example',
    );
    expect(res.status).toBe(403);
    expect((await res.json<Reply>()).error.code).toBe('origin_not_allowed');
  });

  it('answers malformed JSON with a clear 400', async () => {
    const res = await post('{"site":');
    expect(res.status).toBe(400);
    expect((await res.json<Reply>()).error.code).toBe('malformed_json');
  });
});

describe('query strings (issue 15, L3)', () => {
  it('stores a visit path without its query string or fragment unless the site sends queries', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s, [ORIGIN]);
    const path = '/checkout?email=ann%40example.com&step=2#card';
    const stored = async () => {
      const v = visitor();
      expect(
        (await post({ site: site.key, visitor: v, events: [visitEvent('checkout', { context: { path } })] })).status,
      ).toBe(202);
      return (await storedEvents(site.id)).find((e) => e.visitor === v)?.path;
    };
    expect(await stored()).toBe('/checkout');
    const on = await s.send('PATCH', `/api/v1/sites/${site.id}`, { settings: { sendQuery: true } });
    expect(on.status).toBe(200);
    expect(await stored()).toBe(path);
  });
});
