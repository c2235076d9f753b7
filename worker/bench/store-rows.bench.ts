// Rows written per event by a site object (worker/src/store/site-store.ts), inside workerd with real SQLite:
// journeys that reach 1, 5 and 20 touchpoints, each event sent alone, with the pending rollups written after every
// event (no folding: the worst case, a quiet site) and folded as the object does under load (written once at the
// end); and 50-event batches. Prints a markdown table; asserts nothing. `pnpm bench rows`.
import { env } from 'cloudflare:workers';
import { it } from 'vitest';
import type { IncomingEvent } from '../src/store/event-rows';

const RULES = { windowDays: 30, retentionDays: 395 };
const VISITORS = 40;
const STEPS = 20;
const context = { device: 'mobile', arrival: 'search', locale: 'en', country: 'GB', returning: false };

function event(
  n: number,
  visitor: string,
  kind: 'visit' | 'answer',
  touchpoint: string,
  second: number,
): IncomingEvent {
  return {
    id: `${visitor}-${n}`,
    visitor,
    kind,
    touchpoint,
    channel: 'web',
    from: null,
    context,
    path: '/p',
    comment: null,
    source: 'widget',
    at: new Date(Date.UTC(2026, 10, 1) + second * 1000).toISOString(),
    scores: kind === 'answer' ? { sensorial: 1 + (n % 5), affective: 3, cognitive: 4 } : null,
  };
}

it('rows written per event', async () => {
  const rows: Record<string, string | number>[] = [];
  for (const reach of [1, 5, 20]) {
    for (const folded of [false, true]) {
      const store = env.SITE_STORE.get(env.SITE_STORE.idFromName(`rows-${reach}-${folded}`));
      for (let v = 0; v < VISITORS; v++) {
        for (let i = 0; i < STEPS; i++) {
          const tp = `tp${i % reach}`;
          for (const [k, kind] of (['visit', 'answer'] as const).entries()) {
            await store.ingest([event(i * 2 + k, `v${v}`, kind, tp, v * 5000 + i * 10 + k)], RULES);
            if (!folded) await store.stats(); // stats() writes the pending rollups first
          }
        }
      }
      const s = await store.stats();
      rows.push({
        journey: `reaches ${reach}`,
        rollups: folded ? 'folded' : 'written per event',
        events: s.events,
        'rows written / event': +(s.rowsWritten / s.eventsWritten).toFixed(2),
        'bytes / event': Math.round(s.databaseBytes / s.events),
      });
    }
  }
  const batched = env.SITE_STORE.get(env.SITE_STORE.idFromName('rows-batched'));
  for (let v = 0; v < 200; v++) {
    await batched.ingest(
      Array.from({ length: 50 }, (_, i) =>
        event(i, `b${v}`, i % 2 ? 'answer' : 'visit', `tp${Math.floor(i / 2) % 5}`, v * 5000 + i),
      ),
      RULES,
    );
  }
  const s = await batched.stats();
  rows.push({
    journey: '50-event batches, reaches 5',
    rollups: 'folded',
    events: s.events,
    'rows written / event': +(s.rowsWritten / s.eventsWritten).toFixed(2),
    'bytes / event': Math.round(s.databaseBytes / s.events),
  });
  const head = Object.keys(rows[0]!);
  console.log(
    [
      '',
      head.join(' | '),
      head.map(() => '---').join(' | '),
      ...rows.map((r) => head.map((h) => r[h]).join(' | ')),
    ].join('\n'),
  );
}, 600_000);
