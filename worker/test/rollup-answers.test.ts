// The answer rollup (rollup_answers, migrations/0007, by trigger) holds exactly what the raw answers say: for each
// touchpoint x day x segment, every dimension's count, sum and sum of squares as columns of one row.
import { expect, it } from 'vitest';
import { ROLLUP_DIMENSIONS } from '../src/db/score-columns';
import { answerEvent, createSiteWithTouchpoints, db, postEvents, signup, visitor } from './helpers';

const ORIGIN = 'https://shop.example';
type Ctx = { device?: string; channel?: string; locale?: string; returning?: boolean };

it('keeps rollup_answers equal to the sums of the answers, per dimension and segment, one row per segment', async () => {
  const site = await createSiteWithTouchpoints(await signup(), [ORIGIN]);
  const contexts: (Ctx | undefined)[] = [{ device: 'mobile', locale: 'de-CH', returning: true }, { channel: 'search', returning: false }, undefined, { device: 'desktop', channel: 'email', locale: 'en' }];
  const sent: { touchpoint: string; answers: Record<string, number>; context?: Ctx }[] = [];
  for (let i = 0; i < 24; i++) {
    const touchpoint = ['home', 'cart', 'checkout'][i % 3]!;
    const answers = { sensorial: 1 + (i % 5), affective: 1 + ((i * 3) % 5), ...(i % 4 ? { importance: 1 + ((i * 7) % 5) } : {}) };
    const context = contexts[i % contexts.length];
    sent.push({ touchpoint, answers, context });
    const res = await postEvents({ site: site.key, visitor: visitor(), events: [answerEvent(touchpoint, { answers, ...(context ? { context } : {}) })] }, ORIGIN);
    expect(res.status).toBe(202);
  }

  const expected = new Map<string, { n: number; sum: number; sumsq: number }>();
  for (const a of sent) {
    const c = a.context ?? {};
    const segments = ['all', c.device && `device:${c.device}`, c.channel && `channel:${c.channel}`, c.locale && `locale:${c.locale.split('-')[0]!.toLowerCase()}`,
      c.returning === undefined ? null : `returning:${c.returning ? 'yes' : 'no'}`].filter(Boolean) as string[];
    const quality = (a.answers.sensorial! + a.answers.affective!) / 2;
    for (const [dimension, value] of [...Object.entries(a.answers), ['quality', quality] as const]) {
      for (const segment of segments) {
        const key = `${a.touchpoint}|${dimension}|${segment}`;
        const e = expected.get(key) ?? { n: 0, sum: 0, sumsq: 0 };
        e.n++; e.sum += value; e.sumsq += value * value;
        expected.set(key, e);
      }
    }
  }
  const { results } = await db.prepare('SELECT * FROM rollup_answers WHERE site_id = ?').bind(site.id).all<Record<string, number | string>>();
  // one row per touchpoint x segment (all answers fall on today), whatever the number of dimensions answered
  const keys = results.map((r) => `${r.touchpoint}|${r.segment}`);
  expect(new Set(keys).size).toBe(keys.length);
  expect(new Set(keys)).toEqual(new Set([...expected.keys()].map((k) => k.split('|').filter((_, i) => i !== 1).join('|'))));
  // unpivoted, the columns give the per-dimension sums; dimensions never answered (relational, …) stay at 0
  const actual = new Map<string, { n: number; sum: number; sumsq: number }>();
  for (const r of results) {
    for (const d of ROLLUP_DIMENSIONS) {
      const n = Number(r[`${d}_n`]);
      if (n > 0) actual.set(`${r.touchpoint}|${d}|${r.segment}`, { n, sum: Number(r[`${d}_sum`]), sumsq: Number(r[`${d}_sumsq`]) });
      else expect([r[`${d}_sum`], r[`${d}_sumsq`]]).toEqual([0, 0]);
    }
  }
  expect(actual).toEqual(expected);
});
