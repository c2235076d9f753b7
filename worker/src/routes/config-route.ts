// GET /v1/sites/{key}/config: what the widget needs, public and cacheable, with an ETag per config version.
// The body comes from the edge cache when this version was built before (see config-cache.ts).
import { Hono } from 'hono';
import { buildConfig, siteByKey } from '../db/site-config';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';
import { cacheConfig, readCachedConfig } from './config-cache';
import { originAllowed } from './public-cors';

export const configRoute = new Hono<AppEnv>().get('/sites/:key/config', async (c) => {
  const site = await siteByKey(c.env.DB, c.req.param('key'));
  if (!site) throw new ApiError(404, 'unknown_site', 'no site with this key');
  // A page on an origin the site does not allow (a sandboxed frame's `null` included) is offered no touchpoint, so the
  // widget records and asks nothing there: ingest would refuse its events.
  if (!originAllowed(c.req.raw, site))
    return c.json({ ...(await buildConfig(c.env.DB, site)), touchpoints: [] }, 200, {
      'access-control-allow-origin': '*',
      'cache-control': 'no-store',
      vary: 'Origin',
    });
  const etag = `"${site.id.slice(0, 8)}-${site.configVersion}"`;
  const headers = {
    etag,
    'cache-control': 'public, max-age=60, stale-while-revalidate=600',
    'access-control-allow-origin': '*',
    'access-control-expose-headers': 'etag',
    vary: 'Origin',
    'content-type': 'application/json; charset=utf-8',
  };
  if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
  const cached = await readCachedConfig(site.key, site.configVersion);
  if (cached) return c.body(cached, 200, { ...headers, 'x-config-cache': 'hit' });
  const body = JSON.stringify(await buildConfig(c.env.DB, site));
  await cacheConfig(site.key, site.configVersion, body);
  return c.body(body, 200, { ...headers, 'x-config-cache': 'miss' });
});
