// Exactly once under concurrent retries: the widget retries a batch it did not hear back about, possibly from
// several tabs at once. Fifty copies in flight together must store one row and count it once in every rollup.
import { expect, it } from 'vitest';
import { answerEvent, createSiteWithTouchpoints, db, eventRows, postEvents, signup, visitor } from './helpers';

const ORIGIN = 'https://shop.example';

it('stores an event sent 50 times concurrently exactly once, with rollups counted once', async () => {
  const s = await signup();
  const site = await createSiteWithTouchpoints(s, [ORIGIN]);
  const v = visitor();
  const visit = { id: crypto.randomUUID(), type: 'visit', touchpoint: 'checkout', from: 'cart', at: new Date().toISOString(), context: { device: 'mobile' } };
  const answer = answerEvent('checkout', { from: 'cart', answers: { sensorial: 4, handoff: 5 }, comment: 'smooth', context: { device: 'mobile' } });
  const body = JSON.stringify({ site: site.key, visitor: v, events: [visit, answer] });

  const replies = await Promise.all(Array.from({ length: 50 }, () => postEvents(body, ORIGIN)));
  const results = await Promise.all(replies.map((r) => r.json<{ accepted: number; duplicates: number }>()));
  expect(replies.every((r) => r.status === 202)).toBe(true);
  expect(results.reduce((n, r) => n + r.accepted, 0)).toBe(2);
  expect(results.reduce((n, r) => n + r.duplicates, 0)).toBe(98);

  const rows = await eventRows(site.id);
  expect(rows).toMatchObject({ visits: 1, answers: 1, comments: 1, visited: 1 });
  const score = await db.prepare(
    "SELECT sensorial_n AS n, sensorial_sum AS sum FROM rollup_answers WHERE site_id = ? AND segment = 'device:mobile'",
  ).bind(site.id).first<{ n: number; sum: number }>();
  expect(score).toEqual({ n: 1, sum: 4 });
  // the cart → checkout transition, kept on checkout's rows (migration 0008): one visit, one handoff answer of 5
  const arrivals = await db.prepare(
    `SELECT (SELECT arrivals FROM rollup_visits WHERE site_id = ?1 AND segment = 'all' AND touchpoint = 'checkout') AS visits,
            (SELECT arrivals FROM rollup_answers WHERE site_id = ?1 AND segment = 'all' AND touchpoint = 'checkout') AS answers`,
  ).bind(site.id).first<{ visits: string; answers: string }>();
  expect(JSON.parse(arrivals!.visits)).toEqual({ cart: 1 });
  expect(JSON.parse(arrivals!.answers)).toEqual({ cart: [1, 5, 25, 0, 0, 0] });

  const overview = await (await s.get(`/api/v1/sites/${site.id}/analytics/overview`)).json<{ touchpoints: { key: string; n: number }[] }>();
  expect(overview.touchpoints.find((t) => t.key === 'checkout')?.n).toBe(1);
});
