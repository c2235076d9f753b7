// Share links: a read-only link to one view opens its site's reads and nothing else, stops when revoked or expired.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { BASE, createSiteWithTouchpoints, signup, worker } from './helpers';

const shared = (token: string, path: string, init: RequestInit = {}) =>
  worker.fetch(`${BASE}${path}`, {
    ...init,
    headers: { 'x-throughline-share': token, 'content-type': 'application/json', ...(init.headers ?? {}) },
  });

describe('share links', () => {
  it('reads its own site’s views, refuses everything else, and ends when revoked', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s);
    const other = await createSiteWithTouchpoints(s);
    const made = await s.send('POST', `/api/v1/sites/${site.id}/shares`, {
      view: 'priorities',
      query: 'segment=device:mobile',
      label: 'Board',
    });
    expect(made.status).toBe(201);
    const share = await made.json<{ id: string; path: string; state: string }>();
    expect(share.state).toBe('active');
    const token = share.path.replace('/shared/', '');

    expect(await (await shared(token, '/api/v1/share-info')).json()).toMatchObject({
      siteId: site.id,
      siteName: 'Shop',
      view: 'priorities',
      query: 'segment=device:mobile',
      label: 'Board',
    });
    for (const path of [
      '',
      '/analytics/overview?segment=device:mobile',
      '/analytics/trends',
      '/stages',
      '/touchpoints',
      '/actions',
      '/comments/themes',
    ]) {
      expect((await shared(token, `/api/v1/sites/${site.id}${path}`)).status, path).toBe(200);
    }
    for (const path of [
      `/api/v1/sites/${site.id}/responses`,
      `/api/v1/sites/${site.id}/export.csv`,
      `/api/v1/sites/${site.id}/alerts`,
      `/api/v1/sites/${site.id}/shares`,
      `/api/v1/sites/${other.id}/analytics/overview`,
      '/api/v1/sites',
      '/api/v1/me',
      '/api/v1/tokens',
    ]) {
      expect((await shared(token, path)).status, path).toBe(403);
    }
    const write = await shared(token, `/api/v1/sites/${site.id}/touchpoints/cart`, {
      method: 'PATCH',
      body: JSON.stringify({ name: 'x' }),
    });
    expect(write.status).toBe(403);

    // listed for the team, without its token; revoked, it stops at once
    const list = await (await s.get(`/api/v1/sites/${site.id}/shares`)).json<{
      shares: { id: string; state: string }[];
    }>();
    expect(list.shares).toMatchObject([{ id: share.id, state: 'active' }]);
    expect(JSON.stringify(list)).not.toContain(token);
    expect((await s.send('DELETE', `/api/v1/sites/${site.id}/shares/${share.id}`)).status).toBe(204);
    expect((await shared(token, `/api/v1/sites/${site.id}/analytics/overview`)).status).toBe(401);
    expect(
      (await (await s.get(`/api/v1/sites/${site.id}/shares`)).json<{ shares: { state: string }[] }>()).shares[0]!.state,
    ).toBe('revoked');
  });

  it('stops working when it expires', async () => {
    const s = await signup();
    const site = await createSiteWithTouchpoints(s);
    const share = await (
      await s.send('POST', `/api/v1/sites/${site.id}/shares`, { view: 'map', expiresInDays: 1 })
    ).json<{ id: string; path: string }>();
    const token = share.path.replace('/shared/', '');
    expect((await shared(token, `/api/v1/sites/${site.id}/analytics/overview`)).status).toBe(200);
    await (env as unknown as { DB: D1Database }).DB.prepare('UPDATE share_links SET expires_at = ? WHERE id = ?')
      .bind(new Date(Date.now() - 1000).toISOString(), share.id)
      .run();
    const res = await shared(token, `/api/v1/sites/${site.id}/analytics/overview`);
    expect(res.status).toBe(401);
    expect((await res.json<{ error: { code: string } }>()).error.code).toBe('share_ended');
    expect(
      (await (await s.get(`/api/v1/sites/${site.id}/shares`)).json<{ shares: { state: string }[] }>()).shares[0]!.state,
    ).toBe('expired');
  });
});
