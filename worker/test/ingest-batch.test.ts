// A batch is stored by the site's object (store/site-store.ts). These tests check what a sender and a CX team
// see: the accepted/duplicate counts of a batch mixing new and stored ids, rollups that count each event once,
// and that one batch leaves the same rows and analytics as the same events sent one request at a time.
import { describe, expect, it } from 'vitest';
import {
  answerEvent,
  createSiteWithTouchpoints,
  eventRows,
  storedEvents,
  storedRollups,
  postEvents,
  signup,
  visitEvent,
  visitor,
  type Session,
} from './helpers';

const ORIGIN = 'https://shop.example';

interface Reply {
  accepted: number;
  duplicates: number;
  rejected: { index: number; id?: string; reason: string }[];
}
interface Overview {
  touchpoints: { key: string; n: number }[];
}

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const overview = async (s: Session, siteId: string) =>
  (await s.get(`/api/v1/sites/${siteId}/analytics/overview`)).json<Overview>();
const answersAt = (o: Overview, key: string) => o.touchpoints.find((t) => t.key === key)?.n;

describe('POST /v1/events, batches', () => {
  it('counts a batch mixing new and stored ids right, and counts each answer once in the rollups', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s, [ORIGIN]);
    const v = visitor();
    const v1 = visitEvent('cart', { at: ago(30) });
    const a1 = answerEvent('cart', { at: ago(29), comment: 'quick' });
    const a2 = answerEvent('checkout', { at: ago(28), from: 'cart', answers: { sensorial: 2, handoff: 3 } });
    const first = await postEvents({ site: site.key, visitor: v, events: [v1, a1, a2] }, ORIGIN);
    expect(await first.json()).toMatchObject({ accepted: 3, duplicates: 0, rejected: [] });
    const after1 = await eventRows(site.id);

    const v2 = visitEvent('checkout', { at: ago(27), from: 'cart' });
    const a3 = answerEvent('checkout', { at: ago(26), answers: { sensorial: 5 }, comment: 'fine' });
    const bad = answerEvent('checkout', { answers: { sensorial: 9 } });
    // stored ones (v1, a1 with a new comment), new ones (v2, a3, a3 again), one bad event
    const second = await postEvents(
      { site: site.key, visitor: v, events: [v1, { ...a1, comment: 'changed' }, v2, bad, a3, a3] },
      ORIGIN,
    );
    expect(second.status).toBe(202);
    const reply = await second.json<Reply>();
    // duplicates: v1 and a1 (stored before) and a3's repeat within this batch
    expect(reply).toMatchObject({ accepted: 2, duplicates: 3 });
    expect(reply.rejected).toEqual([{ index: 3, id: bad.id, reason: 'answers.sensorial: answers are 1 to 5' }]);

    const after2 = await eventRows(site.id);
    expect(after2.visits - after1.visits).toBe(1);
    expect(after2.answers - after1.answers).toBe(1);
    expect(after2.comments - after1.comments).toBe(1);
    expect(after2.visited - after1.visited).toBe(1);
    expect(after2.scored - after1.scored).toBe(2); // a3: sensorial and its quality
    const stored = (await storedEvents(site.id)).find((e) => e.id === a1.id);
    expect(stored).toMatchObject({ comment: 'quick' });
    const o = await overview(s, site.id);
    expect([answersAt(o, 'cart'), answersAt(o, 'checkout')]).toEqual([1, 2]);

    // The whole second batch again: all duplicates, nothing changes.
    const third = await postEvents({ site: site.key, visitor: v, events: [v1, a1, v2, a3] }, ORIGIN);
    expect(await third.json()).toMatchObject({ accepted: 0, duplicates: 4 });
    expect(await eventRows(site.id)).toEqual(after2);
  });

  it('stores a 50-event batch sent 10 times concurrently once', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s, [ORIGIN]);
    const events = Array.from({ length: 50 }, (_, i) =>
      answerEvent(['home', 'cart', 'checkout'][i % 3], { at: ago(50 - i) }),
    );
    const body = JSON.stringify({ site: site.key, visitor: visitor(), events });
    const replies = await Promise.all(
      Array.from({ length: 10 }, () => postEvents(body, ORIGIN).then((r) => r.json<Reply>())),
    );
    expect(replies.reduce((n, r) => n + r.accepted, 0)).toBe(50);
    expect(replies.reduce((n, r) => n + r.duplicates, 0)).toBe(450);
    expect(await eventRows(site.id)).toMatchObject({ answers: 50, scored: 50 * 4 }); // three dimensions and quality each
    const o = await overview(s, site.id);
    expect([answersAt(o, 'home'), answersAt(o, 'cart'), answersAt(o, 'checkout')]).toEqual([17, 17, 16]);
  });

  it('leaves the same rows and analytics as the same events sent one request at a time', async () => {
    const s = await signup();
    const [batched, single] = [
      await createSiteWithTouchpoints(s, [ORIGIN]),
      await createSiteWithTouchpoints(s, [ORIGIN]),
    ];
    // Two visitors walking home → cart → checkout, answering along the way (handoffs, comments, contexts).
    const journey = (minutes: number, context: Record<string, unknown>) => [
      visitEvent('home', { at: ago(minutes), context }),
      answerEvent('home', { at: ago(minutes - 1), context, answers: { sensorial: 4, affective: 3, importance: 5 } }),
      visitEvent('cart', { at: ago(minutes - 2), from: 'home', context }),
      answerEvent('cart', {
        at: ago(minutes - 3),
        from: 'home',
        context,
        answers: { cognitive: 2, handoff: 4 },
        comment: 'slow',
      }),
      visitEvent('checkout', { at: ago(minutes - 4), from: 'cart', context }),
      answerEvent('checkout', {
        at: ago(minutes - 5),
        from: 'cart',
        context,
        answers: { sensorial: 5, cognitive: 4, handoff: 2 },
      }),
    ];
    const visitors = [
      { id: visitor(), events: journey(90, { device: 'mobile', locale: 'de-CH', channel: 'search', returning: true }) },
      { id: visitor(), events: journey(60, { device: 'desktop', channel: 'email' }) },
    ];
    for (const v of visitors) {
      const reply = await (
        await postEvents({ site: batched.key, visitor: v.id, events: v.events }, ORIGIN)
      ).json<Reply>();
      expect(reply).toMatchObject({ accepted: 6, duplicates: 0 });
      for (const e of v.events) {
        expect(await (await postEvents({ site: single.key, visitor: v.id, events: [e] }, ORIGIN)).json()).toMatchObject(
          { accepted: 1 },
        );
      }
    }

    const path = (id: string) => `/api/v1/sites/${id}/analytics/overview`;
    expect(await (await s.get(path(batched.id))).json()).toEqual(await (await s.get(path(single.id))).json());
    // The objects hold the same rollup rows, and the same events with the same effective contexts.
    expect(await storedRollups(batched.id)).toEqual(await storedRollups(single.id));
    const events = async (id: string) =>
      (await storedEvents(id)).map(({ seq: _, ...e }) => e).sort((x, y) => String(x.id).localeCompare(String(y.id)));
    expect(await events(batched.id)).toEqual(await events(single.id));
  });
});
