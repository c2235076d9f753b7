// Migration 0008 upgrades a database holding data written under 0007: it backfills the 1–5 histograms and the
// 'all' rows' contexts from the raw answers, and the arrivals of rollup_answers and rollup_visits from
// rollup_transitions. This test sends visits and answers (0008's triggers fill every rollup), puts the site's rows
// back as 0007 left them (histograms 0, no JSON columns, rollup_transitions as 0003's triggers kept it), runs
// 0008's backfill statements, and expects exactly the rows the triggers wrote, sums equal.
// No DDL here: a schema change while other test files run makes D1 re-read the schema and moves their rows_read.
import { env } from 'cloudflare:workers';
import { expect, it } from 'vitest';
import { HISTOGRAM_DIMENSIONS, histogramColumns } from '../src/db/score-columns';
import { answerEvent, createSiteWithTouchpoints, db, postEvents, signup, visitor } from './helpers';

const ORIGIN = 'https://shop.example';
const migrations = (env as unknown as { TEST_MIGRATIONS: { name: string; queries: string[] }[] }).TEST_MIGRATIONS;
function statement(pattern: RegExp): string {
  const found = migrations.find((m) => m.name.startsWith('0008'))?.queries.find((q) => pattern.test(q));
  if (!found) throw new Error(`no statement ${pattern} in migration 0008`);
  return found;
}

const SEGMENTS = (x: string) => `json_array('all', 'device:' || ${x}.device, 'channel:' || ${x}.arrival, 'locale:' || ${x}.locale,
  'country:' || ${x}.country, 'returning:' || CASE ${x}.is_returning WHEN 1 THEN 'yes' WHEN 0 THEN 'no' END)`;

/** rollup_transitions of one site as 0003's triggers kept it: visit counts, and handoff/quality-change sums of answers. */
const ROLLUP_TRANSITIONS_0003 = `INSERT INTO rollup_transitions (site_id, from_touchpoint, to_touchpoint, day, segment,
    count, handoff_n, handoff_sum, handoff_sumsq, delta_n, delta_sum, seamless_n)
  SELECT site_id, f, t, day, seg, sum(c), sum(hn), sum(hs), sum(hq), sum(dn), sum(ds), sum(sn) FROM (
    SELECT v.site_id, v.from_touchpoint AS f, v.touchpoint AS t, v.day, s.value AS seg, 1 AS c, 0 AS hn, 0 AS hs, 0 AS hq, 0 AS dn, 0 AS ds, 0 AS sn
    FROM visits v, json_each(${SEGMENTS('v')}) s
    WHERE v.site_id = ?1 AND s.value IS NOT NULL AND v.from_touchpoint <> v.touchpoint
    UNION ALL
    SELECT a.site_id, a.from_touchpoint, a.touchpoint, a.day, s.value, 0,
           a.handoff IS NOT NULL, coalesce(a.handoff, 0), coalesce(a.handoff * a.handoff, 0),
           a.q IS NOT NULL AND a.quality IS NOT NULL, coalesce(a.quality - a.q, 0), coalesce(a.quality >= a.q - 1, 0)
    FROM (SELECT x.*, (SELECT quality FROM answers b WHERE b.site_id = x.site_id AND b.visitor = x.visitor
                         AND b.touchpoint = x.from_touchpoint AND b.quality IS NOT NULL AND b.at <= x.at
                       ORDER BY b.at DESC LIMIT 1) AS q
          FROM answers x WHERE x.site_id = ?1 AND x.from_touchpoint <> x.touchpoint) a,
         json_each(${SEGMENTS('a')}) s
    WHERE s.value IS NOT NULL)
  GROUP BY site_id, seg, day, f, t`;

const HISTOGRAMS = HISTOGRAM_DIMENSIONS.flatMap(histogramColumns);

it('backfills histograms, contexts and arrivals into data written under 0007, equal to what its triggers keep', async () => {
  const site = await createSiteWithTouchpoints(await signup(), [ORIGIN]);
  const contexts = [{ device: 'mobile', locale: 'de-CH', returning: true }, { channel: 'search' }, undefined];
  for (let i = 0; i < 15; i++) {
    const context = contexts[i % contexts.length];
    const ctx = context ? { context } : {};
    const answers = { sensorial: 1 + (i % 5), ...(i % 3 ? { affective: 1 + ((i * 3) % 5) } : {}), ...(i % 4 ? {} : { importance: 2, handoff: 4 }) };
    const events = [
      answerEvent('home', { answers: { sensorial: 1 + ((i * 2) % 5), cognitive: 3 }, ...ctx }),
      { id: crypto.randomUUID(), type: 'visit', touchpoint: 'cart', from: 'home', at: new Date().toISOString(), ...ctx },
      answerEvent('cart', { answers, from: 'home', ...ctx }),
    ];
    expect((await postEvents({ site: site.key, visitor: visitor(), events }, ORIGIN)).status).toBe(202);
  }
  const read = async () => ({
    answers: (await db.prepare('SELECT * FROM rollup_answers WHERE site_id = ? ORDER BY segment, day, touchpoint').bind(site.id).all()).results.map(parsedJson),
    visits: (await db.prepare('SELECT * FROM rollup_visits WHERE site_id = ? ORDER BY segment, day, touchpoint').bind(site.id).all()).results.map(parsedJson),
  });
  const byTrigger = await read();
  // the data reaches every part: histograms, contexts on 'all', arrivals on both tables
  const cartAll = byTrigger.answers.find((r) => r.segment === 'all' && r.touchpoint === 'cart')!;
  expect(cartAll.sensorial_h1).toBe(3);
  expect(Object.keys(cartAll.contexts as object)).toContain('device:mobile');
  expect((cartAll.arrivals as Record<string, number[]>).home![0]).toBe(4); // handoff answers from home (i = 0, 4, 8, 12)
  expect(byTrigger.visits.find((r) => r.segment === 'all' && r.touchpoint === 'cart')!.arrivals).toEqual({ home: 15 });

  // as 0007 left them
  await db.batch([
    db.prepare(`UPDATE rollup_answers SET ${HISTOGRAMS.map((c) => `${c} = 0`).join(', ')}, contexts = NULL, arrivals = NULL WHERE site_id = ?`).bind(site.id),
    db.prepare('UPDATE rollup_visits SET arrivals = NULL WHERE site_id = ?').bind(site.id),
    db.prepare(ROLLUP_TRANSITIONS_0003).bind(site.id),
  ]);
  expect((await read()).answers).not.toEqual(byTrigger.answers);

  await db.batch([
    /UPDATE rollup_answers SET\s+sensorial_h1/, /UPDATE rollup_answers SET contexts/, /UPDATE rollup_answers SET arrivals/,
    /UPDATE rollup_visits SET arrivals/, /DELETE FROM rollup_transitions/,
  ].map((p) => db.prepare(statement(p))));
  expect(await read()).toEqual(byTrigger);
  expect(await db.prepare('SELECT count(*) AS n FROM rollup_transitions').first('n')).toBe(0);
});

/** JSON columns parsed, their keys sorted and numbers rounded (the backfill adds in another order than the trigger). */
function parsedJson(row: Record<string, unknown>) {
  const round = (x: unknown): unknown => (Array.isArray(x) ? x.map(round) : typeof x === 'number' ? Math.round(x * 1e9) / 1e9 : x);
  const out: Record<string, unknown> = { ...row };
  for (const c of ['contexts', 'arrivals']) {
    if (typeof row[c] === 'string') out[c] = Object.fromEntries(Object.entries(JSON.parse(row[c] as string)).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, round(v)]));
  }
  return out;
}
