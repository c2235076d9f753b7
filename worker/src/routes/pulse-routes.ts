// /api/v1/sites/{id}/analytics/pulse: employee pulse beside customer quality per touchpoint, and their correlation
// across touchpoints (docs/metrics.md › Employee pulse, Service-profit chain); the staff page's QR code per touchpoint.
import { createRoute, z } from '@hono/zod-openapi';
import { AnalyticsQuerySchema, PULSE_MIN_GROUP, PulseViewSchema, TouchpointKeySchema } from '@throughline/schema';
import { renderSVG } from 'uqr';
import { LOW, pulseOf, serviceProfitChain } from '../analytics/pulse';
import { siteOverview } from '../analytics/site-overview';
import { pulseSums, staffCodes } from '../db/pulse';
import { listStages } from '../db/sites';
import { listTouchpoints } from '../db/touchpoints';
import { notFound } from '../errors';
import { apiApp, errors, json } from '../openapi';
import { resolveRange } from './analytics-routes';
import { ownSite, SiteIdParam } from './site-scope';

const pulse = createRoute({
  method: 'get',
  path: '/sites/{id}/analytics/pulse',
  tags: ['analytics'],
  description:
    'Employee pulse (staff page /e/{code}) beside customer quality per touchpoint; scores only for groups of 5 or more responses.',
  request: { params: SiteIdParam, query: AnalyticsQuerySchema.pick({ from: true, to: true }) },
  responses: { 200: json(PulseViewSchema), ...errors },
});

const staffQr = createRoute({
  method: 'get',
  path: '/sites/{id}/touchpoints/{key}/staff-qr.svg',
  tags: ['journey'],
  request: { params: SiteIdParam.extend({ key: TouchpointKeySchema }) },
  responses: {
    200: {
      content: { 'image/svg+xml': { schema: z.string() } },
      description: 'QR code (SVG) of the staff page /e/{code}',
    },
    ...errors,
  },
});

export const pulseRoutes = apiApp()
  .openapi(pulse, async (c) => {
    const site = await ownSite(c, c.req.valid('param').id);
    const range = resolveRange(c.req.valid('query'));
    const [touchpoints, stages, codes, sums] = await Promise.all([
      listTouchpoints(c.env.DB, site.id),
      listStages(c.env.DB, site.id),
      staffCodes(c.env.DB, site.id),
      pulseSums(c.env.DB, site.id, range.from, range.to),
    ]);
    const { overview, rowsRead } = await siteOverview(c.env, {
      siteId: site.id,
      settings: site.settings,
      range,
      segment: 'all',
      stages,
      touchpoints,
    });
    const quality = new Map(overview.touchpoints.map((t) => [t.key, t.quality]));
    const bySum = new Map(sums.map((s) => [s.touchpoint, s]));
    const minGroup = Math.max(PULSE_MIN_GROUP, site.settings.minN);
    const rows = touchpoints.map((t) => {
      const { pulse: p, questions } = pulseOf(bySum.get(t.key), minGroup);
      const q = quality.get(t.key) ?? null;
      return {
        key: t.key,
        name: t.name,
        stage: t.stage,
        staffCode: codes.get(t.key) ?? '',
        responses: bySum.get(t.key)?.responses ?? 0,
        pulse: p,
        questions,
        quality: q,
        bothLow: p !== null && q !== null && p < LOW && q < LOW,
      };
    });
    c.header('x-rows-read', String(rowsRead));
    return c.json({ range, minGroup, touchpoints: rows, chain: serviceProfitChain(rows) }, 200);
  })
  .openapi(staffQr, async (c) => {
    const { id, key } = c.req.valid('param');
    const site = await ownSite(c, id);
    const code = (await staffCodes(c.env.DB, site.id)).get(key);
    if (!code) throw notFound('touchpoint');
    const svg = renderSVG(`${new URL(c.req.url).origin}/e/${code}`, { ecc: 'M', border: 4, pixelSize: 8 });
    return c.body(svg, 200, {
      'content-type': 'image/svg+xml; charset=utf-8',
      'content-disposition': `inline; filename="${key}-staff-qr.svg"`,
      'cache-control': 'private, max-age=300',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    });
  });
