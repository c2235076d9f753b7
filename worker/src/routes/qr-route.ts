// GET /api/v1/sites/{id}/touchpoints/{key}/qr.svg: the QR code of a touchpoint's hosted prompt page, to print; with
// `link`, one customer's code that joins their journey (docs/metrics.md › Journey link).
import { createRoute, z } from '@hono/zod-openapi';
import { JourneyLinkSchema, TouchpointKeySchema } from '@throughline/schema';
import { renderSVG } from 'uqr';
import { getTouchpoint } from '../db/touchpoints';
import { ApiError, notFound } from '../errors';
import { journeyLinkSecret, verifyJourneyLink } from '../ingest/journey-link';
import { apiApp, errors } from '../openapi';
import { ownSite, SiteIdParam } from './site-scope';

/**
 * The absolute address a touchpoint's QR code leads to. `tl_qr` tells the widget on the hosted page that the visit
 * arrived by QR code (channel `qr`), where a scan would otherwise count as a direct visit (a scan has no referrer).
 */
const qrTarget = (requestUrl: string, code: string) => `${new URL(requestUrl).origin}/t/${code}?tl_qr=1`;

/** The same address for one customer's journey: the visit it opens joins the journey the signed link carries. */
export const linkedTarget = (requestUrl: string, code: string, link: string) =>
  `${qrTarget(requestUrl, code)}&tl_j=${link}`;

const qr = createRoute({
  method: 'get',
  path: '/sites/{id}/touchpoints/{key}/qr.svg',
  tags: ['journey'],
  description:
    "With `link` (a journey link of this site, from POST …/journey-links), the code of one customer's address " +
    '/t/{code}?tl_qr=1&tl_j={link}: for a packing slip or a receipt.',
  request: {
    params: SiteIdParam.extend({ key: TouchpointKeySchema }),
    query: z.object({ link: JourneyLinkSchema.optional() }),
  },
  responses: {
    200: {
      content: { 'image/svg+xml': { schema: z.string() } },
      description: 'QR code (SVG) of the absolute /t/{code}?tl_qr=1 address',
    },
    ...errors,
  },
});

export const qrRoutes = apiApp().openapi(qr, async (c) => {
  const { id, key } = c.req.valid('param');
  const site = await ownSite(c, id);
  const tp = await getTouchpoint(c.env.DB, site.id, key);
  if (!tp) throw notFound('touchpoint');
  // Medium error correction survives a smudged print; 4 modules of quiet zone is what scanners expect.
  const { link } = c.req.valid('query');
  // a link of another site (or a forged one) would print a code that joins nothing: refuse it
  if (
    link &&
    !(await verifyJourneyLink({ secret: await journeyLinkSecret(c.env), site: site.id, link, now: Date.now() }))
  ) {
    throw new ApiError(400, 'invalid_link', 'link: not a valid, unexpired journey link of this site');
  }
  const svg = renderSVG(link ? linkedTarget(c.req.url, tp.code, link) : qrTarget(c.req.url, tp.code), {
    ecc: 'M',
    border: 4,
    pixelSize: 8,
  });
  return c.body(svg, 200, {
    'content-type': 'image/svg+xml; charset=utf-8',
    'content-disposition': `inline; filename="${key}-qr${link ? '-customer' : ''}.svg"`,
    'cache-control': 'private, max-age=300',
    // Opened on its own, the SVG is a document: it may run nothing and load nothing.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  });
});
