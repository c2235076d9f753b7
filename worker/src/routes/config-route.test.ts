import { describe, expect, it } from 'vitest';
import { BASE, createSiteWithTouchpoints, signup, worker } from '../../test/helpers';

const getConfig = (key: string, headers: Record<string, string> = {}) => worker.fetch(`${BASE}/v1/sites/${key}/config`, { headers });

interface Config { touchpoints: { key: string; name: string; prompt: { sampling: number } | null }[]; stages: string[]; theme: { color: string } }

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
