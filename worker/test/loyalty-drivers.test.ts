// Loyalty drivers through the real API: answers go in by the import route, the site object keeps the loyalty pair
// sums in its rollups, and the overview ranks by derived importance where importance is not asked
// (docs/metrics.md › Derived importance). Synthetic journeys where loyalty depends on one touchpoint only.
import { env } from 'cloudflare:workers';
import { evictDurableObject, runInDurableObject } from 'cloudflare:test';
import { OverviewSchema, type ImportEvent, type Overview } from '@throughline/schema';
import { describe, expect, it } from 'vitest';
import { storeOf } from '../src/store/site-stores';
import { createSiteWithTouchpoints, signup, type Session } from './helpers';

/** A small seeded generator (mulberry32), so the synthetic answers are the same on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const at = (day: number, hour: number) => new Date(Date.UTC(2026, 2, day, hour)).toISOString();
const visit = (visitor: string, touchpoint: string, when: string): ImportEvent =>
  ({ id: crypto.randomUUID(), type: 'visit', visitor, touchpoint, at: when }) as ImportEvent;
const answer = (visitor: string, touchpoint: string, when: string, answers: Record<string, number>): ImportEvent =>
  ({ id: crypto.randomUUID(), type: 'answer', visitor, touchpoint, at: when, answers }) as ImportEvent;

async function load(s: Session, siteId: string, events: ImportEvent[]) {
  const res = await s.send('POST', `/api/v1/sites/${siteId}/import`, { events });
  expect(res.status, await res.clone().text()).toBe(200);
}
async function overview(s: Session, siteId: string): Promise<Overview> {
  const res = await s.get(`/api/v1/sites/${siteId}/analytics/overview?from=2026-03-01&to=2026-03-31`);
  expect(res.status).toBe(200);
  return OverviewSchema.parse(await res.json());
}

/**
 * 80 visitors rate home, cart and checkout (sensorial, affective, cognitive, each 1–5 at random, the same value on
 * the three dimensions so quality is that value). Loyalty follows cart alone: the behavioral answer (asked at
 * checkout) equals the cart rating; or, without it, the visitor comes back three days later when cart was 4 or 5.
 */
function syntheticJourneys(outcome: 'behavioral' | 'return'): ImportEvent[] {
  const next = random(outcome === 'behavioral' ? 7 : 11);
  const rate = () => 1 + Math.floor(next() * 5);
  const events: ImportEvent[] = [];
  for (let i = 0; i < 80; i++) {
    const v = `visitor-${outcome}-${i}`;
    const [home, cart, checkout] = [rate(), rate(), rate()];
    const same = (x: number) => ({ sensorial: x, affective: x, cognitive: x });
    events.push(
      visit(v, 'home', at(5, 9)),
      answer(v, 'home', at(5, 9), same(home)),
      visit(v, 'cart', at(5, 10)),
      answer(v, 'cart', at(5, 10), same(cart)),
      visit(v, 'checkout', at(5, 11)),
      answer(
        v,
        'checkout',
        at(5, 11),
        outcome === 'behavioral' ? { ...same(checkout), behavioral: cart } : same(checkout),
      ),
    );
    if (outcome === 'return' && cart >= 4) events.push(visit(v, 'home', at(8, 9)));
  }
  return events;
}

describe('loyalty drivers', () => {
  it('ranks first the one touchpoint loyalty depends on, by the behavioral answer', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s);
    await load(s, site.id, syntheticJourneys('behavioral'));
    const o = await overview(s, site.id);
    const [first, ...rest] = o.touchpoints;
    expect(first!.key).toBe('cart');
    expect(first!.derivedImportance).toMatchObject({ outcome: 'behavioral', n: 80, r: 1, value: 100 });
    expect(first!.importanceSource).toBe('derived');
    for (const t of rest) {
      expect(t.derivedImportance.n).toBe(80);
      expect(t.derivedImportance.value!).toBeLessThan(first!.derivedImportance.ci![0]);
    }
  });

  it('ranks it first by coming back where behavioral is not asked', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s);
    await load(s, site.id, syntheticJourneys('return'));
    const o = await overview(s, site.id);
    expect(o.touchpoints[0]!.key).toBe('cart');
    const cart = o.touchpoints[0]!;
    expect(cart.derivedImportance.outcome).toBe('return');
    expect(cart.derivedImportance.value!).toBeGreaterThan(70);
    expect(cart.quadrant).not.toBeNull();
    for (const t of o.touchpoints.slice(1))
      expect(t.derivedImportance.value!).toBeLessThan(cart.derivedImportance.ci![0]);
  });

  it('agrees with a hand-computed correlation, and prefers stated importance where it is asked', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s);
    // five visitors: cart quality x = 1 2 3 4 5 and behavioral (at checkout) y = 2 1 4 3 5 → r = 0.8 (see
    // src/analytics/loyalty.test.ts for the arithmetic) → derived importance 80. Home also states importance 4 → 75.
    const xs = [1, 2, 3, 4, 5];
    const ys = [2, 1, 4, 3, 5];
    const events = xs.flatMap((x, i) => [
      visit(`hand-${i}-visitor`, 'home', at(6, 8)),
      answer(`hand-${i}-visitor`, 'home', at(6, 8), { sensorial: 3, importance: 4 }),
      visit(`hand-${i}-visitor`, 'cart', at(6, 9)),
      answer(`hand-${i}-visitor`, 'cart', at(6, 9), { sensorial: x }),
      visit(`hand-${i}-visitor`, 'checkout', at(6, 10)),
      answer(`hand-${i}-visitor`, 'checkout', at(6, 10), { behavioral: ys[i]! }),
    ]);
    await load(s, site.id, events);
    const o = await overview(s, site.id);
    const cart = o.touchpoints.find((t) => t.key === 'cart')!;
    expect(cart.derivedImportance.value).toBeCloseTo(80, 6);
    expect(cart.importance).toBeCloseTo(80, 6);
    expect(cart.importanceSource).toBe('derived');
    const home = o.touchpoints.find((t) => t.key === 'home')!;
    // home's quality is 3 for everyone: no variation, no derived importance; stated 4 → 75
    expect(home.derivedImportance.value).toBeNull();
    expect(home).toMatchObject({ importance: 75, importanceSource: 'stated' });
  });

  it('adds the pairs once to rollups written before they existed', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s);
    await load(s, site.id, syntheticJourneys('return').slice(0, 60));
    const stub = storeOf(env, site.id);
    const reference = await stub.dump();
    // an object as it was before loyalty pairs: no `l:` metrics, no mark
    await runInDurableObject(stub, (_store, state) => {
      const sql = state.storage.sql;
      for (const row of sql
        .exec<{ segment: string; day: string; touchpoint: string; v: string }>('SELECT * FROM rollups')
        .toArray()) {
        const v = Object.fromEntries(
          Object.entries(JSON.parse(row.v) as Record<string, number[]>).filter(([m]) => !m.startsWith('l:')),
        );
        if (Object.keys(v).length)
          sql.exec(
            'UPDATE rollups SET v = ? WHERE segment = ? AND day = ? AND touchpoint = ?',
            JSON.stringify(v),
            row.segment,
            row.day,
            row.touchpoint,
          );
        else
          sql.exec(
            'DELETE FROM rollups WHERE segment = ? AND day = ? AND touchpoint = ?',
            row.segment,
            row.day,
            row.touchpoint,
          );
      }
      sql.exec(`DELETE FROM meta WHERE key = 'loyalty'`);
    });
    await evictDurableObject(stub);
    expect(await stub.dump()).toEqual(reference);
  });
});
