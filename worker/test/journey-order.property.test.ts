// The site object's rollups depend only on which events it holds: any permutation of a journey's events, split
// into any batches, with the object evicted between batches (losing what it had folded but not yet written),
// gives the same rollup rows as the events sent at once in time order. Real objects, real SQLite.
import { env } from 'cloudflare:workers';
import { evictDurableObject } from 'cloudflare:test';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import type { IncomingEvent } from '../src/store/event-rows';
import type { StoreRules } from '../src/store/site-store';

// two journey types sharing `cart` (docs/metrics.md › Journey types): the typed rows must not depend on order either
const RULES: StoreRules = {
  windowDays: 30,
  retentionDays: 395,
  types: {
    default: 'main',
    order: ['main', 'store'],
    of: { cart: ['main', 'store'], counter: ['store'], home: ['main'], product: ['main'] },
  },
};
const TOUCHPOINTS = ['home', 'product', 'cart', 'counter'] as const;
const CHANNEL: Record<string, string> = { home: 'web', product: 'web', cart: 'web', counter: 'offline' };
const DEVICES = [null, 'mobile', 'desktop'] as const;

const eventArb = fc.record({
  visitor: fc.constantFrom('v-one-0001', 'v-two-0002'),
  kind: fc.constantFrom('visit', 'visit', 'answer'),
  touchpoint: fc.constantFrom(...TOUCHPOINTS),
  // minutes over ~70 days, so that some gaps pass the 30-day window
  minute: fc.integer({ min: 0, max: 70 * 24 * 60 }),
  device: fc.constantFrom(...DEVICES),
  scores: fc.record(
    {
      sensorial: fc.integer({ min: 1, max: 5 }),
      cognitive: fc.integer({ min: 1, max: 5 }),
      handoff: fc.integer({ min: 1, max: 5 }),
    },
    { requiredKeys: ['sensorial'] },
  ),
});

type RawEvent = typeof eventArb extends fc.Arbitrary<infer T> ? T : never;

function toIncoming(e: RawEvent, i: number): IncomingEvent {
  return {
    id: `e-${i}`,
    visitor: e.visitor,
    kind: e.kind as 'visit' | 'answer',
    touchpoint: e.touchpoint,
    channel: CHANNEL[e.touchpoint]!,
    at: new Date(Date.UTC(2026, 0, 1) + e.minute * 60_000).toISOString(),
    from: null,
    context: { device: e.device, arrival: null, locale: null, country: null, returning: null },
    path: null,
    scores: e.kind === 'answer' ? e.scores : null,
    comment: null,
    source: 'import',
  };
}

const store = (name: string) => env.SITE_STORE.get(env.SITE_STORE.idFromName(name));

it('gives the same rollups for any arrival order, any batches and evictions between them', async () => {
  let run = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.array(eventArb, { minLength: 1, maxLength: 14 }),
      fc.array(fc.nat(), { minLength: 14, maxLength: 14 }),
      fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 14, maxLength: 14 }),
      fc.boolean(),
      async (raw, order, cuts, evict) => {
        const events: IncomingEvent[] = JSON.parse(JSON.stringify(raw.map(toIncoming))); // plain objects for RPC
        const reference = store(`order-ref-${++run}`);
        const sorted = [...events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
        await reference.ingest(sorted, RULES);

        // a permutation (by sort keys), cut into batches of 1–4, some repeated (duplicates change nothing)
        const shuffled = events
          .map((e, i) => ({ e, k: order[i] ?? 0 }))
          .sort((a, b) => a.k - b.k)
          .map((x) => x.e);
        const other = store(`order-other-${run}`);
        for (let i = 0, b = 0; i < shuffled.length; b++) {
          const batch = shuffled.slice(i, i + cuts[b % cuts.length]!);
          await other.ingest(b % 3 === 2 ? [...batch, ...batch] : batch, RULES);
          if (evict && b % 2 === 0) await evictDurableObject(other);
          i += batch.length;
        }
        expect(await other.dump()).toEqual(await reference.dump());
      },
    ),
    { numRuns: 25 },
  );
});
