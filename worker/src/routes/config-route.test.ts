import { describe, expect, it } from 'vitest';
import { BASE, createSiteWithTouchpoints, db, signup, worker } from '../../test/helpers';

const getConfig = (key: string, headers: Record<string, string> = {}) =>
  worker.fetch(`${BASE}/v1/sites/${key}/config`, { headers });

interface Config {
  touchpoints: { key: string; name: string; prompt: { sampling: number } | null }[];
  stages: string[];
  theme: { color: string };
}

describe('GET /v1/sites/{key}/config', () => {
  it('serves the second request from the edge cache with the same body and ETag, and 304 for a known ETag', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s);
    const first = await getConfig(site.key);
    expect(first.headers.get('x-config-cache')).toBe('miss');
    const second = await getConfig(site.key);
    expect(second.headers.get('x-config-cache')).toBe('hit');
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(await second.text()).toBe(await first.text());
    expect(second.headers.get('content-type')).toContain('application/json');
    expect((await getConfig(site.key, { 'if-none-match': first.headers.get('etag')! })).status).toBe(304);
  });

  it('is fresh right after a touchpoint, prompt, stage or site setting changes', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s);
    const etags = new Set<string>();
    const fresh = async () => {
      await getConfig(site.key); // make sure the current version is cached
      const res = await getConfig(site.key);
      etags.add(res.headers.get('etag')!);
      return res.json<Config>();
    };
    await fresh();

    expect((await s.send('PATCH', `/api/v1/sites/${site.id}/touchpoints/cart`, { name: 'Basket' })).status).toBe(200);
    const afterEdit = await getConfig(site.key);
    expect(afterEdit.headers.get('x-config-cache')).toBe('miss');
    expect((await afterEdit.json<Config>()).touchpoints.find((t) => t.key === 'cart')?.name).toBe('Basket');
    expect((await fresh()).touchpoints.find((t) => t.key === 'cart')?.name).toBe('Basket');

    await s.send('PUT', `/api/v1/sites/${site.id}/touchpoints/cart/prompt`, { sampling: 0.25 });
    expect((await fresh()).touchpoints.find((t) => t.key === 'cart')?.prompt?.sampling).toBe(0.25);

    await s.send('PUT', `/api/v1/sites/${site.id}/stages`, { stages: ['Awareness', 'Purchase', 'Loyalty'] });
    expect((await fresh()).stages).toEqual(['Awareness', 'Purchase', 'Loyalty']);

    await s.send('PATCH', `/api/v1/sites/${site.id}`, { settings: { theme: { color: '#112233' } } });
    expect((await fresh()).theme.color).toBe('#112233');
    expect(etags.size).toBe(5);
  });
});

describe('theme and partners (issue 15, L2)', () => {
  it('refuses a theme colour or font that would fetch something, and partners that are no domain', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s);
    const patch = (settings: unknown) => s.send('PATCH', `/api/v1/sites/${site.id}`, { settings });
    for (const color of [
      'url(https://tracker.example/p.gif)',
      'var(--x)',
      'red;background:url(x)',
      'image-set("x.png" 1x)',
    ]) {
      expect((await patch({ theme: { color, font: 'system-ui', radius: 12 } })).status, color).toBe(400);
    }
    expect(
      (await patch({ theme: { color: '#fff', font: 'x; src: url(https://t.example/f.woff)', radius: 12 } })).status,
    ).toBe(400);
    for (const partner of [
      'https://carrier.example',
      'carrier.example/path',
      'javascript:alert(1)',
      '*.example',
      'localhost:port',
      'http://localhost:5174',
      'localhost:5174/x',
    ]) {
      expect((await patch({ partners: [partner] })).status, partner).toBe(400);
    }
    for (const color of ['#4f46e5', '#FFF', 'rgb(79 70 229)', 'oklch(0.5 0.2 270 / 80%)', 'rebeccapurple']) {
      expect(
        (await patch({ theme: { color, font: '"Inter", system-ui, sans-serif', radius: 12 } })).status,
        color,
      ).toBe(200);
    }
    const ok = await patch({ partners: ['Carrier.Example', 'track.parcel-co.example'] });
    expect((await ok.json<{ settings: { partners: string[] } }>()).settings.partners).toEqual([
      'carrier.example',
      'track.parcel-co.example',
    ]);
    // For trying a partner page locally (issue 14): localhost or an IPv4 address, with a port.
    const local = await patch({ partners: ['localhost', 'LOCALHOST:5174', '127.0.0.1:8788', 'carrier.example:8443'] });
    expect((await local.json<{ settings: { partners: string[] } }>()).settings.partners).toEqual([
      'localhost',
      'localhost:5174',
      '127.0.0.1:8788',
      'carrier.example:8443',
    ]);
  });

  it('serves the default colour, and leaves out partners, where settings saved before these checks hold bad values', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s);
    const settings = {
      theme: { color: 'url(https://tracker.example/p.gif)', font: 'system-ui', radius: 8 },
      partners: ['carrier.example', 'not a domain'],
    };
    await db
      .prepare('UPDATE sites SET settings = ?, config_version = config_version + 1 WHERE id = ?')
      .bind(JSON.stringify(settings), site.id)
      .run();
    const config = await (await getConfig(site.key)).json<Config & { partners: string[]; theme: { radius: number } }>();
    expect(config.theme).toMatchObject({ color: '#4f46e5', radius: 8 });
    expect(config.partners).toEqual(['carrier.example']);
    expect((await s.get(`/api/v1/sites/${site.id}`)).status).toBe(200);
  });
});
