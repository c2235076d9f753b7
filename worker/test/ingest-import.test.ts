// POST /api/v1/sites/{id}/import stores historical events with the same code as ingest, in chunks of one call to
// the site object each: idempotent by event id across chunks, each answer counted once, all or nothing when one is bad.
import { expect, it } from 'vitest';
import { answerEvent, createSiteWithTouchpoints, eventRows, signup, visitor } from './helpers';

const days = (d: number, i: number) => new Date(Date.now() - d * 86_400_000 - i * 1000).toISOString();

it('imports more events than one chunk once, counts a re-import as duplicates, and refuses a batch with a bad event whole', async () => {
  const s = await signup();
  const site = await createSiteWithTouchpoints(s);
  const visitors = [visitor(), visitor(), visitor()];
  // 450 answers 20 days old (ingest would refuse them), some with comments: more than one chunk of 400.
  const events = Array.from({ length: 450 }, (_, i) => ({
    ...answerEvent(['home', 'cart', 'checkout'][i % 3], {
      at: days(20, i),
      ...(i % 10 === 0 ? { comment: `note ${i}` } : {}),
    }),
    visitor: visitors[i % 3],
  }));
  const first = await s.send('POST', `/api/v1/sites/${site.id}/import`, { events });
  expect(first.status).toBe(200);
  expect(await first.json()).toEqual({ accepted: 450, duplicates: 0 });
  const rows = await eventRows(site.id);
  expect(rows).toMatchObject({ answers: 450, comments: 45, scored: 450 * 4 });

  const more = Array.from({ length: 10 }, (_, i) => ({
    ...answerEvent('home', { at: days(3, i) }),
    visitor: visitors[0],
  }));
  const again = await s.send('POST', `/api/v1/sites/${site.id}/import`, { events: [...more, ...events] });
  expect(await again.json()).toEqual({ accepted: 10, duplicates: 450 });
  expect(await eventRows(site.id)).toMatchObject({ answers: 460, comments: 45, scored: 460 * 4 });

  const bad = [
    { ...answerEvent('home', { at: days(2, 0) }), visitor: visitors[1] },
    { ...answerEvent('nowhere', { at: days(2, 1) }), visitor: visitors[1] },
  ];
  const refused = await s.send('POST', `/api/v1/sites/${site.id}/import`, { events: bad });
  expect(refused.status).toBe(400);
  expect(await refused.json()).toMatchObject({
    error: {
      code: 'invalid_events',
      details: { rejected: [{ index: 1, reason: 'touchpoint: unknown touchpoint "nowhere"' }] },
    },
  });
  expect(await eventRows(site.id)).toMatchObject({ answers: 460 });
});
