// Brand theme through the real API: the brand promise is a site setting, the `theme` question reaches the widget's
// config in seven languages naming the brand (the team's own wording wins), theme answers are stored but are not
// quality, and the overview's thematic cohesion matches numbers worked out by hand (docs/metrics.md › Thematic cohesion).
import { OverviewSchema, type ImportEvent } from '@throughline/schema';
import { describe, expect, it } from 'vitest';
import { BASE, createSiteWithTouchpoints, signup, worker } from './helpers';

const answer = (visitor: string, touchpoint: string, answers: Record<string, number>): ImportEvent =>
  ({
    id: crypto.randomUUID(),
    type: 'answer',
    visitor,
    touchpoint,
    at: '2026-03-10T10:00:00.000Z',
    answers,
  }) as ImportEvent;

describe('brand theme', () => {
  it('keeps the brand promise and asks the theme question naming the brand, in every widget language', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s);
    const patched = await s.send('PATCH', `/api/v1/sites/${site.id}`, {
      settings: { brandName: 'Trailhead', brandPromise: 'Gear that gets you outdoors with confidence' },
    });
    expect(patched.status).toBe(200);
    expect((await patched.json<{ settings: { brandPromise: string } }>()).settings.brandPromise).toBe(
      'Gear that gets you outdoors with confidence',
    );
    const put = await s.send('PUT', `/api/v1/sites/${site.id}/touchpoints/cart/prompt`, {
      dimensions: ['sensorial', 'theme'],
      wording: { de: { theme: 'Passt das zu Trailhead?' } },
    });
    expect(put.status, await put.clone().text()).toBe(200);
    const config = await (await worker.fetch(`${BASE}/v1/sites/${site.key}/config`)).json<{
      touchpoints: { key: string; prompt: { wording: Record<string, Record<string, string>> } | null }[];
    }>();
    const wording = config.touchpoints.find((t) => t.key === 'cart')!.prompt!.wording;
    expect(wording.en!.theme).toBe('How well does this fit what Trailhead promises?');
    expect(wording.nl!.theme).toBe('Hoe goed past dit bij wat Trailhead belooft?');
    expect(wording.de!.theme).toBe('Passt das zu Trailhead?');
    expect(Object.keys(wording).sort()).toEqual(['ar', 'de', 'en', 'es', 'fr', 'ja', 'nl']);
    // a prompt without theme gets no theme wording
    expect(config.touchpoints.find((t) => t.key === 'home')!.prompt?.wording.en?.theme).toBeUndefined();
  });

  it('refuses a brand promise longer than one sentence should be', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s);
    const res = await s.send('PATCH', `/api/v1/sites/${site.id}`, { settings: { brandPromise: 'x'.repeat(301) } });
    expect(res.status).toBe(400);
  });

  it('measures thematic cohesion from theme answers, which do not count as quality', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s);
    // home: five answers theme 5 → 100; cart: theme 4 → 75; checkout: theme 1 → 0. Sensorial 3 everywhere → quality 50.
    // mean (100 + 75 + 0) / 3 = 58.33; deviations 41.67, 16.67, −58.33; squares 1736.11 + 277.78 + 3402.78 = 5416.67;
    // / 3 = 1805.56; spread 42.49. checkout lies 58.33 below: more than one spread and 10 points → drifting.
    const events = [
      ['home', 5],
      ['cart', 4],
      ['checkout', 1],
    ].flatMap(([tp, theme]) =>
      Array.from({ length: 5 }, (_, i) =>
        answer(`brand-visitor-${tp}-${i}`, tp as string, { sensorial: 3, theme: theme as number }),
      ),
    );
    const imported = await s.send('POST', `/api/v1/sites/${site.id}/import`, { events });
    expect(imported.status, await imported.clone().text()).toBe(200);
    const o = OverviewSchema.parse(
      await (await s.get(`/api/v1/sites/${site.id}/analytics/overview?from=2026-03-01&to=2026-03-31`)).json(),
    );
    expect(o.consistency.thematic.mean).toBeCloseTo(58.3333, 3);
    expect(o.consistency.thematic.spread).toBeCloseTo(42.492, 2);
    expect(o.consistency.thematic.touchpoints).toBe(3);
    expect(o.consistency.thematic.drifting.map((d) => d.touchpoint)).toEqual(['checkout']);
    expect(o.consistency.thematic.drifting[0]!.points).toBeCloseTo(58.3333, 3);
    for (const t of o.touchpoints) expect(t.quality).toBe(50);
    expect(o.touchpoints.find((t) => t.key === 'checkout')!.scores.theme!.value).toBe(0);
  });
});
