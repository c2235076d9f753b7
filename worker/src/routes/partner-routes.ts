// GET /api/v1/sites/{id}/analytics/partners: the partner view. The one analytics read a `partners` share link may
// make (auth/middleware.ts): it answers only partner-owned touchpoints and the handoffs that touch them.
import { createRoute } from '@hono/zod-openapi';
import { PartnerQuerySchema, PartnerViewSchema } from '@throughline/schema';
import { partnerViewOf } from '../analytics/partner-view';
import { siteOverview } from '../analytics/site-overview';
import { notFound } from '../errors';
import { apiApp, errors, json } from '../openapi';
import { scopeOf } from './analytics-routes';
import { SiteIdParam } from './site-scope';

const partners = createRoute({
  method: 'get',
  path: '/sites/{id}/analytics/partners',
  tags: ['analytics'],
  description:
    'Partner-owned touchpoints: scores with n, answers joined to a journey, and the handoffs into and out of each ' +
    "(the overview's transitions). `touchpoint` narrows it to one of them.",
  request: { params: SiteIdParam, query: PartnerQuerySchema },
  responses: { 200: json(PartnerViewSchema), ...errors },
});

export const partnerRoutes = apiApp().openapi(partners, async (c) => {
  const q = c.req.valid('query');
  const { site, range, f, stages, touchpoints } = await scopeOf(c, c.req.valid('param').id, q);
  const mine = touchpoints.find((t) => t.key === q.touchpoint);
  if (q.touchpoint !== undefined && mine?.owner !== 'partner') throw notFound('partner touchpoint');
  const { overview, rowsRead } = await siteOverview(c.env, {
    siteId: f.siteId,
    settings: site.settings,
    range,
    segment: f.segment,
    stages,
    touchpoints,
  });
  c.header('x-rows-read', String(rowsRead));
  return c.json(
    partnerViewOf(
      overview,
      touchpoints.map((t) => t.key),
      q.touchpoint,
    ),
    200,
  );
});
