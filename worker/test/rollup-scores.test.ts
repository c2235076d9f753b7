// The answer rollups (migrations/0003, by trigger) hold exactly what the raw answers say: for each
// touchpoint x day x dimension x segment, the count, sum, sum of squares and histogram of the scores.
import { expect, it } from 'vitest';
import { answerEvent, createSiteWithTouchpoints, db, postEvents, signup, visitor } from './helpers';

const ORIGIN = 'https://shop.example';
type Ctx = { device?: string; channel?: string; locale?: string; returning?: boolean };

it('keeps rollup_scores equal to the sums of the answers, per dimension and segment', async () => {
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

  const expected = new Map<string, { n: number; sum: number; sumsq: number; h: number[] }>();
  for (const a of sent) {
    const c = a.context ?? {};
    const segments = ['all', c.device && `device:${c.device}`, c.channel && `channel:${c.channel}`, c.locale && `locale:${c.locale.split('-')[0]!.toLowerCase()}`,
      c.returning === undefined ? null : `returning:${c.returning ? 'yes' : 'no'}`].filter(Boolean) as string[];
    const quality = (a.answers.sensorial! + a.answers.affective!) / 2;
    for (const [dimension, value] of [...Object.entries(a.answers), ['quality', quality] as const]) {
      for (const segment of segments) {
        const key = `${a.touchpoint}|${dimension}|${segment}`;
        const e = expected.get(key) ?? { n: 0, sum: 0, sumsq: 0, h: [0, 0, 0, 0, 0] };
        e.n++; e.sum += value; e.sumsq += value * value;
        if (Number.isInteger(value)) e.h[value - 1]!++;
        expected.set(key, e);
      }
    }
  }
  const { results } = await db.prepare('SELECT touchpoint, dimension, segment, n, sum, sumsq, h1, h2, h3, h4, h5 FROM rollup_scores WHERE site_id = ?')
    .bind(site.id).all<{ touchpoint: string; dimension: string; segment: string; n: number; sum: number; sumsq: number; h1: number; h2: number; h3: number; h4: number; h5: number }>();
  const actual = new Map(results.map((r) => [`${r.touchpoint}|${r.dimension}|${r.segment}`, { n: r.n, sum: r.sum, sumsq: r.sumsq, h: [r.h1, r.h2, r.h3, r.h4, r.h5] }]));
  expect(actual).toEqual(expected);
});
