// /w.js: the loader, served from the static assets with a short cache and cross-origin headers.
// Its prompt chunk lives at a versioned, immutable URL under /w/ (see public/_headers).
import { Hono } from 'hono';
import type { AppEnv } from '../env';

export const widgetAssets = new Hono<AppEnv>().get('/w.js', async (c) => {
  const res = await c.env.ASSETS.fetch(c.req.raw);
  const out = new Response(res.body, res);
  out.headers.set('content-type', 'text/javascript; charset=utf-8');
  out.headers.set('cache-control', 'public, max-age=300, stale-while-revalidate=86400');
  out.headers.set('cross-origin-resource-policy', 'cross-origin');
  out.headers.set('access-control-allow-origin', '*');
  return out;
});
