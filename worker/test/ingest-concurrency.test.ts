// Exactly once under concurrent retries: the widget retries a batch it did not hear back about, possibly from
// several tabs at once. Fifty copies in flight together must store one row and count it once in every rollup.
import { expect, it } from 'vitest';
import {
  answerEvent,
  createSiteWithTouchpoints,
  eventRows,
  postEvents,
  signup,
  storedRollups,
  visitEvent,
  visitor,
} from './helpers';

const ORIGIN = 'https://shop.example';

it('stores an event sent 50 times concurrently exactly once, with rollups counted once', async () => {
  const s = await signup();
  const site = await createSiteWithTouchpoints(s, [ORIGIN]);
  const v = visitor();
  const at = (s: number) => new Date(Date.now() - 60_000 + s * 1000).toISOString();
  const cart = visitEvent('cart', { at: at(0), context: { device: 'mobile' } });
  const visit = visitEvent('checkout', { at: at(1), from: 'cart', context: { device: 'mobile' } });
  // the answer carries no context, as the widget sends it: it takes its visit's
  const answer = answerEvent('checkout', {
    at: at(2),
    from: 'cart',
    answers: { sensorial: 4, handoff: 5 },
    comment: 'smooth',
  });
  const body = JSON.stringify({ site: site.key, visitor: v, events: [cart, visit, answer] });

  const replies = await Promise.all(Array.from({ length: 50 }, () => postEvents(body, ORIGIN)));
  const results = await Promise.all(replies.map((r) => r.json<{ accepted: number; duplicates: number }>()));
  expect(replies.every((r) => r.status === 202)).toBe(true);
  expect(results.reduce((n, r) => n + r.accepted, 0)).toBe(3);
  expect(results.reduce((n, r) => n + r.duplicates, 0)).toBe(147);

  const rows = await eventRows(site.id);
  expect(rows).toMatchObject({ visits: 2, answers: 1, comments: 1, visited: 2 });
  const rollups = await storedRollups(site.id);
  const day = at(0).slice(0, 10);
  // sensorial 4 once, in the segment of the answer's visit: [n, sum, sumsq, h1..h5]
  expect(rollups[`device:mobile\t${day}\tcheckout`]?.['d:sensorial']).toEqual([1, 4, 16, 0, 0, 0, 1, 0]);
  // the cart → checkout move once, with one handoff answer of 5: [moves, handoffN, sum, sumsq, deltaN, deltaSum, seamlessN]
  expect(rollups[`all\t${day}\tcheckout`]?.['a:cart']).toEqual([1, 1, 5, 25, 0, 0, 0]);

  const overview = await (await s.get(`/api/v1/sites/${site.id}/analytics/overview`)).json<{
    touchpoints: { key: string; n: number }[];
  }>();
  expect(overview.touchpoints.find((t) => t.key === 'checkout')?.n).toBe(1);
});
