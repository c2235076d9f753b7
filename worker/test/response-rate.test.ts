// Response rate through the API, as the widget reports it: prompts shown, dismissed and answered per touchpoint,
// counted in the segment of the visit they were shown in; and the site object's table change that made room for them.
import { env } from 'cloudflare:workers';
import { runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { storeOf } from '../src/store/site-stores';
import { migrateStore, STORE_SCHEMA } from '../src/store/store-schema';
import { answerEvent, createSiteWithTouchpoints, postEvents, signup, visitEvent, visitor } from './helpers';

const ORIGIN = 'https://shop.example';
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const promptEvent = (touchpoint: string, outcome: string, minutesAgo: number) => ({
  id: crypto.randomUUID(),
  type: 'prompt',
  touchpoint,
  outcome,
  at: ago(minutesAgo),
});
interface Rate {
  shown: number;
  dismissed: number;
  answered: number;
  answerRate: number | null;
  answerRateCi: [number, number] | null;
  dismissRate: number | null;
}

describe('response rate', () => {
  it('reports shown, dismissed and answered per touchpoint, with the answer rate and its Wilson interval', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s, [ORIGIN]);
    const phone = { device: 'mobile' };
    // one visitor answers the cart prompt, one dismisses it; nobody is asked at checkout
    for (const [who, outcome, context] of [
      [visitor(), 'answered', phone],
      [visitor(), 'dismissed', {}],
    ] as const) {
      const res = await postEvents(
        {
          site: site.key,
          visitor: who,
          events: [
            visitEvent('cart', { at: ago(9), context }),
            promptEvent('cart', 'shown', 8),
            promptEvent('cart', outcome, 7),
            ...(outcome === 'answered' ? [answerEvent('cart', { at: ago(7) })] : []),
          ],
        },
        ORIGIN,
      );
      expect(res.status).toBe(202);
    }
    const rate = async (query = '') => {
      const o = await (await s.get(`/api/v1/sites/${site.id}/analytics/overview${query}`)).json<{
        touchpoints: { key: string; prompts: Rate }[];
      }>();
      return Object.fromEntries(o.touchpoints.map((t) => [t.key, t.prompts]));
    };
    const all = await rate();
    expect(all.cart).toMatchObject({ shown: 2, dismissed: 1, answered: 1, answerRate: 50, dismissRate: 50 });
    // Wilson 95% for 1 of 2, worked by hand: centre 0.5, half-width 1.96·√(0.125 + 0.2401) / 2.9208 = 0.4055
    expect(all.cart!.answerRateCi![0]).toBeCloseTo(9.45, 1);
    expect(all.cart!.answerRateCi![1]).toBeCloseTo(90.55, 1);
    expect(all.checkout).toMatchObject({ shown: 0, answerRate: null, answerRateCi: null });
    // the prompt events carried no context: they count where their visit does
    expect((await rate('?segment=device:mobile')).cart).toMatchObject({
      shown: 1,
      answered: 1,
      dismissed: 0,
      answerRate: 100,
    });
  });

  it('refuses a prompt event with an unknown outcome, and keeps the rest of the batch', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s, [ORIGIN]);
    const res = await postEvents(
      {
        site: site.key,
        visitor: visitor(),
        events: [promptEvent('cart', 'ignored', 1), promptEvent('cart', 'shown', 1)],
      },
      ORIGIN,
    );
    expect(res.status).toBe(202);
    const body = await res.json<{ accepted: number; rejected: { index: number; reason: string }[] }>();
    expect(body.accepted).toBe(1);
    expect(body.rejected[0]).toMatchObject({ index: 0 });
    expect(body.rejected[0]!.reason).toMatch(/outcome/);
  });

  it('moves the events of an object made before prompt events into the new table, keeping their order', async () => {
    const stub = storeOf(env, `legacy-schema-${crypto.randomUUID()}`, 0);
    await runInDurableObject(stub, async (_instance, state) => {
      const sql = state.storage.sql;
      sql.exec('DROP TABLE events; DROP TABLE rollups; DROP TABLE meta; DROP TABLE comments_fts;');
      sql.exec(STORE_SCHEMA[0]!);
      sql.exec(`INSERT INTO meta (key, value) VALUES ('schema', '1')`);
      sql.exec(
        `INSERT INTO events (seq, id, visitor, kind, at, touchpoint, channel) VALUES (7, 'v1', 'who', 'visit', '2026-11-01T00:00:00.000Z', 'home', 'web')`,
      );
      expect(() =>
        sql.exec(
          `INSERT INTO events (id, visitor, kind, at, touchpoint, channel) VALUES ('p0', 'who', 'prompt', '2026-11-01T00:00:00.000Z', 'home', 'web')`,
        ),
      ).toThrow(/CHECK/);
      migrateStore(sql);
      expect(sql.exec(`SELECT value FROM meta WHERE key = 'schema'`).one().value).toBe(String(STORE_SCHEMA.length));
      expect(sql.exec('SELECT seq, id, kind FROM events').toArray()).toEqual([{ seq: 7, id: 'v1', kind: 'visit' }]);
      sql.exec(
        `INSERT INTO events (id, visitor, kind, at, touchpoint, channel, outcome) VALUES ('p1', 'who', 'prompt', '2026-11-01T00:00:01.000Z', 'home', 'web', 'shown')`,
      );
      expect(sql.exec(`SELECT seq FROM events WHERE id = 'p1'`).one().seq).toBe(8);
    });
  });
});
