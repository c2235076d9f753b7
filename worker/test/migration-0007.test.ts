// Migration 0007 backfills rollup_answers from the rollup_scores rows that 0003's trigger kept. This test puts
// 0003's table and trigger back beside 0007's trigger, sends answers (both rollups fill), removes the site's
// rollup_answers rows, runs 0007's backfill statement, and expects exactly the rows 0007's trigger wrote.
import { env } from 'cloudflare:workers';
import { afterEach, expect, it } from 'vitest';
import { answerEvent, createSiteWithTouchpoints, db, postEvents, signup, visitor } from './helpers';

const ORIGIN = 'https://shop.example';
const migrations = (env as unknown as { TEST_MIGRATIONS: { name: string; queries: string[] }[] }).TEST_MIGRATIONS;
function statement(migration: string, pattern: RegExp): string {
  const found = migrations.find((m) => m.name.startsWith(migration))?.queries.find((q) => pattern.test(q));
  if (!found) throw new Error(`no statement ${pattern} in migration ${migration}`);
  return found;
}

afterEach(async () => {
  await db.batch([db.prepare('DROP TRIGGER IF EXISTS answers_rollup'), db.prepare('DROP TABLE IF EXISTS rollup_scores')]);
});

it('backfills rollup_answers from rollup_scores with the sums its trigger keeps', async () => {
  await db.batch([
    db.prepare(statement('0003', /CREATE TABLE rollup_scores/)),
    db.prepare(statement('0003', /CREATE TRIGGER answers_rollup AFTER/)),
  ]);
  const site = await createSiteWithTouchpoints(await signup(), [ORIGIN]);
  const contexts = [{ device: 'mobile', locale: 'de-CH', returning: true }, { channel: 'search' }, undefined];
  for (let i = 0; i < 12; i++) {
    const answers = { sensorial: 1 + (i % 5), ...(i % 3 ? { affective: 1 + ((i * 3) % 5) } : {}), ...(i % 4 ? {} : { importance: 2 }) };
    const context = contexts[i % contexts.length];
    const event = answerEvent(['home', 'cart'][i % 2], { answers, ...(context ? { context } : {}), ...(i % 2 ? { from: 'home' } : {}) });
    expect((await postEvents({ site: site.key, visitor: visitor(), events: [event] }, ORIGIN)).status).toBe(202);
  }
  const read = async () => (await db.prepare('SELECT * FROM rollup_answers WHERE site_id = ? ORDER BY segment, day, touchpoint').bind(site.id).all()).results;
  const byTrigger = await read();
  expect(byTrigger.length).toBeGreaterThan(6);

  await db.batch([
    db.prepare('DELETE FROM rollup_answers WHERE site_id = ?').bind(site.id),
    db.prepare('DELETE FROM rollup_scores WHERE site_id <> ?').bind(site.id), // rows other test files may have added meanwhile
  ]);
  await db.prepare(statement('0007', /INSERT INTO rollup_answers[\s\S]*FROM rollup_scores/)).run();
  expect(await read()).toEqual(byTrigger);
});
