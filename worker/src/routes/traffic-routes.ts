// /api/v1/sites/{id}/traffic/dropped: what ingest answered but did not store, per day (bots, rate limits).
import { createRoute } from '@hono/zod-openapi';
import { AnalyticsQuerySchema, DroppedTrafficSchema } from '@throughline/schema';
import { readDropped } from '../db/dropped-traffic';
import { apiApp, errors, json } from '../openapi';
import { resolveRange } from './analytics-routes';
import { ownSite, SiteIdParam } from './site-scope';

const dropped = createRoute({
  method: 'get',
  path: '/sites/{id}/traffic/dropped',
  tags: ['traffic'],
  request: { params: SiteIdParam, query: AnalyticsQuerySchema.pick({ from: true, to: true }) },
  responses: { 200: json(DroppedTrafficSchema), ...errors },
});

export const trafficRoutes = apiApp().openapi(dropped, async (c) => {
  const site = await ownSite(c, c.req.valid('param').id);
  const { from, to } = resolveRange(c.req.valid('query'));
  return c.json({ days: await readDropped(c.env.DB, site.id, from, to) }, 200);
});
