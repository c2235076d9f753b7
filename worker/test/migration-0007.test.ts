// Migration 0007 backfills rollup_answers from the rollup_scores rows that 0003's trigger kept. This test sends
// answers (0007's trigger fills rollup_answers), removes the site's rollup_answers rows, runs 0007's backfill
// statement with rollup_scores replaced by the rows 0003's trigger would have written for those answers (its
// json_each of dimensions × segments, summed), and expects exactly the rows 0007's trigger wrote.
// No DDL here: a schema change while other test files run makes D1 re-read the schema and moves their rows_read.
import { env } from 'cloudflare:workers';
import { expect, it } from 'vitest';
import { ROLLUP_DIMENSIONS, scoreColumns } from '../src/db/score-columns';
import { answerEvent, createSiteWithTouchpoints, db, postEvents, signup, visitor } from './helpers';

const ORIGIN = 'https://shop.example';
const migrations = (env as unknown as { TEST_MIGRATIONS: { name: string; queries: string[] }[] }).TEST_MIGRATIONS;
function statement(migration: string, pattern: RegExp): string {
  const found = migrations.find((m) => m.name.startsWith(migration))?.queries.find((q) => pattern.test(q));
  if (!found) throw new Error(`no statement ${pattern} in migration ${migration}`);
  return found;
}

/** rollup_scores as 0003's answers_rollup trigger kept it (one row per dimension × segment), for one site. */
const ROLLUP_SCORES_0003 = `(SELECT a.site_id, a.touchpoint, a.day, d.key AS dimension, s.value AS segment,
    count(*) AS n, sum(d.value) AS sum, sum(d.value * d.value) AS sumsq
  FROM answers a,
    json_each(json_object('sensorial', a.sensorial, 'affective', a.affective, 'cognitive', a.cognitive,
      'relational', a.relational, 'behavioral', a.behavioral, 'importance', a.importance, 'handoff', a.handoff, 'quality', a.quality)) AS d,
    json_each(json_array('all', 'device:' || a.device, 'channel:' || a.arrival, 'locale:' || a.locale,
      'country:' || a.country, 'returning:' || CASE a.is_returning WHEN 1 THEN 'yes' WHEN 0 THEN 'no' END)) AS s
  WHERE a.site_id = ?1 AND d.value IS NOT NULL AND s.value IS NOT NULL
  GROUP BY a.site_id, a.touchpoint, a.day, d.key, s.value)`;

it('backfills rollup_answers from rollup_scores with the sums its trigger keeps', async () => {
  const site = await createSiteWithTouchpoints(await signup(), [ORIGIN]);
  const contexts = [{ device: 'mobile', locale: 'de-CH', returning: true }, { channel: 'search' }, undefined];
  for (let i = 0; i < 12; i++) {
    const answers = { sensorial: 1 + (i % 5), ...(i % 3 ? { affective: 1 + ((i * 3) % 5) } : {}), ...(i % 4 ? {} : { importance: 2 }) };
    const context = contexts[i % contexts.length];
    const event = answerEvent(['home', 'cart'][i % 2], { answers, ...(context ? { context } : {}), ...(i % 2 ? { from: 'home' } : {}) });
    expect((await postEvents({ site: site.key, visitor: visitor(), events: [event] }, ORIGIN)).status).toBe(202);
  }
  // 0007's columns only: 0008 added histograms and JSON columns that 0007's backfill does not know
  const read = async () => (await db.prepare(`SELECT site_id, segment, day, touchpoint, ${scoreColumns(ROLLUP_DIMENSIONS)}
    FROM rollup_answers WHERE site_id = ? ORDER BY segment, day, touchpoint`).bind(site.id).all()).results;
  const byTrigger = await read();
  expect(byTrigger.length).toBeGreaterThan(6);

  await db.prepare('DELETE FROM rollup_answers WHERE site_id = ?').bind(site.id).run();
  const backfill = statement('0007', /INSERT INTO rollup_answers[\s\S]*FROM rollup_scores/);
  await db.prepare(backfill.replace(/FROM rollup_scores\b/, `FROM ${ROLLUP_SCORES_0003}`)).bind(site.id).run();
  expect(await read()).toEqual(byTrigger);
});
