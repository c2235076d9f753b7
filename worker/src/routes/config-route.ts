// GET /v1/sites/{key}/config: what the widget needs, public and cacheable, with an ETag per config version.
import { Hono } from 'hono';
import { buildConfig, siteByKey } from '../db/site-config';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';

export const configRoute = new Hono<AppEnv>().get('/sites/:key/config', async (c) => {
  const site = await siteByKey(c.env.DB, c.req.param('key'));
  if (!site) throw new ApiError(404, 'unknown_site', 'no site with this key');
  const etag = `"${site.id.slice(0, 8)}-${site.configVersion}"`;
  const headers = {
    etag,
    'cache-control': 'public, max-age=60, stale-while-revalidate=600',
    'access-control-allow-origin': '*',
    'access-control-expose-headers': 'etag',
  };
  if (c.req.header('if-none-match') === etag) return c.body(null, 304, headers);
  return c.json(await buildConfig(c.env.DB, site), 200, headers);
});
