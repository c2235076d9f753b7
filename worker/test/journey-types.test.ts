// Journey types (docs/metrics.md › Journey types) through the real API in workerd: the migration that gives every
// site its default type, the types API and its checks, and the overview filtered by type on data whose answers are
// computed by hand below, with a touchpoint that serves two types and the rule deciding which one a visit is in.
import { OverviewSchema, type ImportEvent, type JourneyType, type Overview, type Trends } from '@throughline/schema';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createSiteWithTouchpoints, db, signup, storedRollups, type Session } from './helpers';

const migrations = (env as unknown as { TEST_MIGRATIONS: { name: string; queries: string[] }[] }).TEST_MIGRATIONS;
const RANGE = 'from=2026-03-01&to=2026-03-30';
const at = (time: string) => `2026-03-10T${time}:00.000Z`;
const visit = (visitor: string, touchpoint: string, time: string): ImportEvent =>
  ({ id: crypto.randomUUID(), type: 'visit', visitor: `visitor-${visitor}`, touchpoint, at: at(time) }) as ImportEvent;
const answer = (
  visitor: string,
  touchpoint: string,
  time: string,
  answers: Record<string, number>,
  from?: string,
): ImportEvent =>
  ({
    id: crypto.randomUUID(),
    type: 'answer',
    visitor: `visitor-${visitor}`,
    touchpoint,
    at: at(time),
    answers,
    ...(from ? { from } : {}),
  }) as ImportEvent;

async function ok<T>(res: Response, status = 200): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(status);
  return res.json<T>();
}
const typesOf = async (s: Session, siteId: string) =>
  (await ok<{ journeyTypes: JourneyType[] }>(await s.get(`/api/v1/sites/${siteId}/journey-types`))).journeyTypes;
const overview = async (s: Session, siteId: string, query = '') => {
  const o = await ok<Overview>(await s.get(`/api/v1/sites/${siteId}/analytics/overview?${RANGE}${query}`));
  expect(OverviewSchema.safeParse(o).success).toBe(true);
  return o;
};
const tp = (o: Overview, key: string) => o.touchpoints.find((t) => t.key === key);
const moves = (o: Overview) =>
  Object.fromEntries(o.connectivity.transitions.map((t) => [`${t.from}>${t.to}`, t.count]));
const ends = (o: Overview) =>
  Object.fromEntries(o.connectivity.dropOffCounts.map((d) => [d.touchpoint, [d.journeys, d.ended]]));

describe('the default journey type', () => {
  it('is given to a site made before journey types by migration 0014, with its stages and every touchpoint', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s);
    // the site as it was before 0014: no journey types (the touchpoints' memberships go with them)
    await db.prepare('DELETE FROM journey_types WHERE site_id = ?').bind(site.id).run();
    expect(await typesOf(s, site.id)).toEqual([]);
    const inserts = migrations.find((m) => m.name.startsWith('0014'))!.queries.filter((q) => /^\s*INSERT/i.test(q));
    expect(inserts.length).toBe(2);
    for (const q of inserts) await db.prepare(q).run();

    const [main, ...others] = await typesOf(s, site.id);
    expect(others).toEqual([]);
    expect(main).toMatchObject({
      slug: 'main',
      name: 'Main journey',
      isDefault: true,
      stages: ['Awareness', 'Consideration', 'Purchase', 'Use', 'Support', 'Loyalty'],
    });
    expect(main!.touchpoints).toEqual([
      { key: 'home', stage: 'Awareness' },
      { key: 'cart', stage: 'Purchase' },
      { key: 'checkout', stage: 'Purchase' },
    ]);
    // the stages API reads and writes the default type
    await ok(await s.send('PUT', `/api/v1/sites/${site.id}/stages`, { stages: ['Awareness', 'Purchase', 'Loyalty'] }));
    expect((await typesOf(s, site.id))[0]!.stages).toEqual(['Awareness', 'Purchase', 'Loyalty']);
    await ok(
      await s.send('PATCH', `/api/v1/sites/${site.id}/journey-types/main`, {
        stages: ['Awareness', 'Purchase', 'Use'],
      }),
    );
    expect((await ok<{ stages: string[] }>(await s.get(`/api/v1/sites/${site.id}/stages`))).stages).toEqual([
      'Awareness',
      'Purchase',
      'Use',
    ]);
    // a touchpoint made through the touchpoints API serves the default type at its stage
    await ok(
      await s.send('POST', `/api/v1/sites/${site.id}/touchpoints`, { key: 'faq', name: 'FAQ', stage: 'Use' }),
      201,
    );
    expect((await typesOf(s, site.id))[0]!.touchpoints.at(-1)).toEqual({ key: 'faq', stage: 'Use' });
  });
});

describe('the journey types API', () => {
  it('creates, renames, reorders and deletes types, and refuses what would break them with a reason', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s);
    const base = `/api/v1/sites/${site.id}/journey-types`;
    const made = await ok<JourneyType>(
      await s.send('POST', base, {
        name: 'Getting support',
        stages: ['Ask', 'Solved'],
        touchpoints: [{ key: 'cart', stage: 'Ask' }],
      }),
      201,
    );
    expect(made).toMatchObject({
      slug: 'getting-support',
      isDefault: false,
      stages: ['Ask', 'Solved'],
      touchpoints: [{ key: 'cart', stage: 'Ask' }],
    });

    const code = async (res: Response, status: number) => {
      expect(res.status).toBe(status);
      return (await res.json<{ error: { code: string } }>()).error.code;
    };
    expect(await code(await s.send('POST', base, { name: 'Getting support', stages: ['Ask'] }), 409)).toBe(
      'slug_taken',
    );
    expect(
      await code(
        await s.send('POST', base, {
          name: 'Returns',
          stages: ['Ask'],
          touchpoints: [{ key: 'nowhere', stage: 'Ask' }],
        }),
        400,
      ),
    ).toBe('unknown_touchpoint');
    expect(
      await code(
        await s.send('POST', base, {
          name: 'Returns',
          stages: ['Ask'],
          touchpoints: [{ key: 'cart', stage: 'Refund' }],
        }),
        400,
      ),
    ).toBe('unknown_stage');
    expect(await code(await s.send('PATCH', `${base}/getting-support`, { stages: ['Solved'] }), 400)).toBe(
      'stage_in_use',
    );
    expect(await code(await s.send('DELETE', `${base}/main`), 409)).toBe('default_type');
    expect(await code(await s.send('PATCH', `${base}/nope`, { name: 'x' }), 404)).toBe('not_found');

    const renamed = await ok<JourneyType>(
      await s.send('PATCH', `${base}/${made.id}`, { name: 'Support', position: 0 }),
    );
    expect(renamed).toMatchObject({ name: 'Support', slug: 'getting-support' });
    expect((await typesOf(s, site.id)).map((t) => t.slug)).toEqual(['getting-support', 'main']);
    expect((await s.send('DELETE', `${base}/${made.id}`)).status).toBe(204);
    expect((await typesOf(s, site.id)).map((t) => t.slug)).toEqual(['main']);
  });
});

/**
 * Two types share the touchpoint `help` (channel email; the others are web):
 * - Main journey (default): home (Awareness), cart (Purchase), help (Support);
 * - Returns: returns (Request), help (Request). `returns` serves Returns only.
 * The rule (docs/metrics.md › Journey types): a stay at `help` takes the type of the latest earlier stay of its
 * journey at a touchpoint that serves only one of help's types; else the default.
 * Visitors, all on 2026-03-10, each answering `cognitive` only (so an answer's quality is its cognitive score):
 * - v1: home → help, answers 5   → help is Main (home is Main only)
 * - v2: returns → help, answers 1 → help is Returns
 * - v3: help, answers 4          → nothing earlier: the default, Main
 * - v4: returns → home → help, answers 2 and handoff 4 → help is Main: home is the latest earlier one-type stay
 *       (the type of the journey's first one-type stay would be Returns). Sent newest first.
 * By hand (score = (mean − 1) / 4 × 100):
 * - Main: help answers 5, 4, 2 → mean 11/3 → 66.67; help visits 3, home 2; moves home → help 2 (v1, v4: Main's part
 *   of v4 is home → help), handoff at help from home 4 → 75; journeys 3 (v1, v3, v4's Main part); cross-channel:
 *   v1 (web, email) and v4 (web, email), not v3 (email) → 2/3; help reached by 3, all ended there; home reached by 2.
 * - Returns: help answer 1 → 0; returns visits 2 (v2, v4); moves returns → help 1; journeys 2 (v2, v4's Returns
 *   part, which is returns alone); cross-channel: v2 only → 1/2; returns reached 2, ended 1 (v4); help reached 1, ended 1.
 * - Every journey: help answers 5, 1, 4, 2 → mean 3 → 50; moves home → help 2, returns → help 1, returns → home 1;
 *   journeys 4; cross-channel 3/4.
 */
describe('views filtered by journey type', () => {
  it('gives each type its own visits and journeys, with the scores and moves computed by hand', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s);
    const api = `/api/v1/sites/${site.id}`;
    await ok(await s.send('PATCH', api, { settings: { minN: 1 } }));
    await ok(
      await s.send('POST', `${api}/touchpoints`, { key: 'help', name: 'Help', stage: 'Support', channel: 'email' }),
      201,
    );
    await ok(
      await s.send('POST', `${api}/touchpoints`, { key: 'returns', name: 'Returns form', stage: 'Support' }),
      201,
    );
    await ok(
      await s.send('PATCH', `${api}/journey-types/main`, {
        touchpoints: [
          { key: 'home', stage: 'Awareness' },
          { key: 'cart', stage: 'Purchase' },
          { key: 'help', stage: 'Support' },
        ],
      }),
    );
    await ok(
      await s.send('POST', `${api}/journey-types`, {
        name: 'Returns',
        stages: ['Request', 'Refund'],
        touchpoints: [
          { key: 'returns', stage: 'Request' },
          { key: 'help', stage: 'Request' },
        ],
      }),
      201,
    );
    const events = [
      visit('v1', 'home', '10:00'),
      visit('v1', 'help', '10:05'),
      answer('v1', 'help', '10:06', { cognitive: 5 }),
      visit('v3', 'help', '10:00'),
      answer('v3', 'help', '10:01', { cognitive: 4 }),
      answer('v4', 'help', '10:11', { cognitive: 2, handoff: 4 }, 'home'),
      visit('v4', 'help', '10:10'),
      visit('v4', 'home', '10:05'),
      visit('v4', 'returns', '10:00'),
    ];
    await ok(await s.send('POST', `${api}/import`, { events }));
    // v2 arrives newest first, one event at a time: its answer counts in Main until the visit to `returns` arrives
    for (const e of [
      answer('v2', 'help', '10:06', { cognitive: 1 }),
      visit('v2', 'help', '10:05'),
      visit('v2', 'returns', '10:00'),
    ]) {
      await ok(await s.send('POST', `${api}/import`, { events: [e] }));
    }

    const main = await overview(s, site.id, '&journey=main');
    expect(main.touchpoints.map((t) => [t.key, t.stage])).toEqual([
      ['home', 'Awareness'],
      ['cart', 'Purchase'],
      ['help', 'Support'],
    ]);
    expect(tp(main, 'help')!.quality).toBeCloseTo(66.67, 1);
    expect([tp(main, 'help')!.n, tp(main, 'help')!.visits, tp(main, 'home')!.visits]).toEqual([3, 3, 2]);
    expect(moves(main)).toEqual({ 'home>help': 2 });
    expect(main.connectivity.transitions[0]!.handoff).toBe(75);
    expect(main.connectivity.journeys).toBe(3);
    expect(main.connectivity.crossChannelShare).toBeCloseTo(2 / 3, 6);
    expect(ends(main)).toEqual({ help: [3, 3], home: [2, 0] });

    const returns = await overview(s, site.id, '&journey=returns');
    expect(returns.touchpoints.map((t) => [t.key, t.stage])).toEqual([
      ['help', 'Request'],
      ['returns', 'Request'],
    ]);
    expect(tp(returns, 'help')!.quality).toBe(0);
    expect([tp(returns, 'help')!.n, tp(returns, 'help')!.visits, tp(returns, 'returns')!.visits]).toEqual([1, 1, 2]);
    expect(moves(returns)).toEqual({ 'returns>help': 1 });
    expect(returns.connectivity.journeys).toBe(2);
    expect(returns.connectivity.crossChannelShare).toBe(0.5);
    expect(ends(returns)).toEqual({ returns: [2, 1], help: [1, 1] });

    const all = await overview(s, site.id);
    expect(tp(all, 'help')!.quality).toBe(50);
    expect(moves(all)).toEqual({ 'home>help': 2, 'returns>help': 1, 'returns>home': 1 });
    expect(all.connectivity.journeys).toBe(4);
    expect(all.connectivity.crossChannelShare).toBe(0.75);

    // trends of one type hold only its visits' answers: Returns' help has v2's answer (1 → 0) alone
    const trends = await ok<Trends>(await s.get(`${api}/analytics/trends?${RANGE}&journey=returns&touchpoint=help`));
    const day = trends.touchpoints.find((t) => t.touchpoint === 'help')!.days.find((d) => d.day === '2026-03-10')!;
    expect([day.n, day.scores.quality?.value]).toEqual([1, 0]);

    // responses and exports of a type list the answers given in its visits: Returns has v2's, Main the other three
    const listed = async (q: string) =>
      (await ok<{ responses: { visitor: string }[] }>(await s.get(`${api}/responses?${q}`))).responses
        .map((r) => r.visitor)
        .sort();
    expect(await listed('journey=returns')).toEqual(['visitor-v2']);
    expect(await listed('journey=main')).toEqual(['visitor-v1', 'visitor-v3', 'visitor-v4']);
    expect(await listed('')).toEqual(['visitor-v1', 'visitor-v2', 'visitor-v3', 'visitor-v4']);
    const csv = await (await s.get(`${api}/export.csv?journey=returns`)).text();
    expect(
      csv
        .trim()
        .split('\r\n')
        .slice(1)
        .map((l) => l.split(',')[2]),
    ).toEqual(['visitor-v2']);

    // a type that does not exist is a clear 400
    const bad = await s.get(`${api}/analytics/overview?${RANGE}&journey=refunds`);
    expect(bad.status).toBe(400);
    expect((await bad.json<{ error: { code: string } }>()).error.code).toBe('invalid_journey');

    // with one type left, the typed rollups go and the default type is every journey again
    expect(Object.keys(await storedRollups(site.id)).some((k) => k.startsWith('jt:'))).toBe(true);
    expect((await s.send('DELETE', `${api}/journey-types/returns`)).status).toBe(204);
    expect(Object.keys(await storedRollups(site.id)).some((k) => k.startsWith('jt:'))).toBe(false);
    const single = await overview(s, site.id, '&journey=main');
    expect(tp(single, 'help')!.quality).toBe(50);
    expect(single.connectivity.journeys).toBe(4);
    expect(await listed('journey=main')).toEqual(['visitor-v1', 'visitor-v2', 'visitor-v3', 'visitor-v4']);
  });
});
