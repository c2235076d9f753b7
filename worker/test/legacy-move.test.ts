// Moving an install from before the site objects: events written into D1's old tables (as migrations 0003–0008
// kept them) move into the site's object page by page, resumably and once, and give the same overview as the
// same events sent to a fresh site.
import { expect, it } from 'vitest';
import { answerEvent, createSiteWithTouchpoints, db, eventRows, signup, visitEvent, visitor } from './helpers';

const ORIGIN = 'https://shop.example';
const days = (d: number, m = 0) => new Date(Date.now() - d * 86_400_000 + m * 60_000).toISOString();

it('moves a site’s old D1 events into its object once, resumably, with the overview of a fresh import', async () => {
  const s = await signup();
  const [old, fresh] = [await createSiteWithTouchpoints(s, [ORIGIN]), await createSiteWithTouchpoints(s, [ORIGIN])];
  const events: Record<string, unknown>[] = [];
  for (let i = 0; i < 300; i++) {
    const who = visitor();
    const ctx = { device: i % 2 ? 'mobile' : 'desktop', locale: 'de-CH' };
    events.push({ ...visitEvent('home', { at: days(5, i), context: ctx }), visitor: who });
    events.push({ ...visitEvent('cart', { at: days(5, i + 1), context: ctx }), visitor: who });
    events.push({
      ...answerEvent('cart', {
        at: days(5, i + 2),
        from: 'home',
        answers: { sensorial: 1 + (i % 5), handoff: 4 },
        ...(i % 7 ? {} : { comment: `c${i}` }),
      }),
      visitor: who,
    });
  }
  // the old tables, as ingest filled them before migration 0009
  for (const e of events) {
    const at = String(e.at);
    const ctx = (e.context ?? {}) as { device?: string; locale?: string };
    const common = [
      old.id,
      e.id,
      e.visitor,
      e.touchpoint,
      null,
      at,
      at.slice(0, 10),
      ctx.device ?? null,
      null,
      ctx.locale?.slice(0, 2) ?? null,
      null,
      null,
    ];
    if (e.type === 'visit') {
      await db
        .prepare(`INSERT INTO visits (site_id, id, visitor, touchpoint, from_touchpoint, at, day, device, arrival, locale, country, is_returning, path, channel)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, 'web')`)
        .bind(...common)
        .run();
    } else {
      const a = e.answers as { sensorial: number; handoff: number };
      await db
        .prepare(`INSERT INTO answers (site_id, id, visitor, touchpoint, from_touchpoint, at, day, device, arrival, locale, country, is_returning, sensorial, handoff, quality, source)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'import')`)
        .bind(...common, a.sensorial, a.handoff, a.sensorial)
        .run();
      if (e.comment)
        await db
          .prepare('INSERT INTO comments (site_id, answer_id, touchpoint, at, body) VALUES (?, ?, ?, ?, ?)')
          .bind(old.id, e.id, e.touchpoint, at, e.comment)
          .run();
    }
  }
  expect((await s.send('POST', `/api/v1/sites/${fresh.id}/import`, { events })).status).toBe(200);

  // one page, then "interrupted": the next calls resume; a call after the end changes nothing
  const move = async () =>
    (await s.send('POST', `/api/v1/sites/${old.id}/storage/move-legacy`)).json<{ moved: number; done: boolean }>();
  expect(await move()).toEqual({ moved: 500, done: false });
  let progress = await move();
  while (!progress.done) progress = await move();
  expect(progress).toEqual({ moved: 900, done: true });
  expect(await move()).toEqual({ moved: 900, done: true });

  expect(await eventRows(old.id)).toEqual(await eventRows(fresh.id));
  const view = async (id: string) => (await s.get(`/api/v1/sites/${id}/analytics/overview`)).json();
  expect(await view(old.id)).toEqual(await view(fresh.id));
  const left = await db
    .prepare(
      'SELECT (SELECT count(*) FROM visits WHERE site_id = ?1) + (SELECT count(*) FROM answers WHERE site_id = ?1) AS n',
    )
    .bind(old.id)
    .first<{ n: number }>();
  expect(left?.n).toBe(0);
}, 60_000);
