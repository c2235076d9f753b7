// Signed journey links (worker/src/ingest/journey-link.ts). Editors make long-lived ones for one customer's journey
// (POST /api/v1/sites/{id}/journey-links: emails, QR codes printed per order); the widget asks for a short-lived one
// for its own visitor before it hands the journey over to a partner domain (GET /v1/sites/{key}/journey-link).
import { createRoute } from '@hono/zod-openapi';
import { JourneyLinkCreatedSchema, JourneyLinkCreateSchema, VisitorIdSchema } from '@throughline/schema';
import { Hono } from 'hono';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../env';
import { getTouchpoint } from '../db/touchpoints';
import { ApiError, notFound } from '../errors';
import { newSecret } from '../ids';
import { HANDOVER_LINK_SECONDS, journeyLinkSecret, signJourneyLink } from '../ingest/journey-link';
import { ingestSite } from '../ingest/site-cache';
import { apiApp, errors, json, jsonBody } from '../openapi';
import { linkedTarget } from './qr-route';
import { ownSite, SiteIdParam } from './site-scope';

const create = createRoute({
  method: 'post',
  path: '/sites/{id}/journey-links',
  tags: ['journey'],
  middleware: [requireRole('editor')] as const,
  request: { params: SiteIdParam, ...jsonBody(JourneyLinkCreateSchema) },
  responses: { 201: json(JourneyLinkCreatedSchema, 'The signed link, to put in a URL as tl_j'), ...errors },
});

export const journeyLinkApi = apiApp().openapi(create, async (c) => {
  const site = await ownSite(c, c.req.valid('param').id);
  const {
    journey = newSecret()
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(0, 24),
    expiresInDays,
    touchpoint,
  } = c.req.valid('json');
  const tp = touchpoint === undefined ? null : await getTouchpoint(c.env.DB, site.id, touchpoint);
  if (touchpoint !== undefined && !tp) throw notFound('touchpoint');
  const expiresAt = Math.floor(Date.now() / 1000) + expiresInDays * 86_400;
  const link = await signJourneyLink({ secret: await journeyLinkSecret(c.env), site: site.id, journey, expiresAt });
  const made = { journey, link, param: 'tl_j' as const, expiresAt: new Date(expiresAt * 1000).toISOString() };
  return c.json(tp ? { ...made, url: linkedTarget(c.req.url, tp.code, link) } : made, 201);
});

/** The widget's hand-over link for its own visitor id, valid for an hour; never cached. */
export const journeyLinkRoute = new Hono<AppEnv>().get('/sites/:key/journey-link', async (c) => {
  const visitor = VisitorIdSchema.safeParse(c.req.query('visitor'));
  if (!visitor.success) throw new ApiError(400, 'invalid_visitor', 'visitor: a URL-safe id of 8 to 64 characters');
  const { site } = await ingestSite(c.env.DB, c.req.param('key'));
  if (!site) throw new ApiError(404, 'unknown_site', 'no site with this key');
  const expiresAt = Math.floor(Date.now() / 1000) + HANDOVER_LINK_SECONDS;
  const link = await signJourneyLink({
    secret: await journeyLinkSecret(c.env),
    site: site.id,
    journey: visitor.data,
    expiresAt,
  });
  return c.json({ link, expiresAt: new Date(expiresAt * 1000).toISOString() }, 200, {
    'cache-control': 'no-store',
    'access-control-allow-origin': '*',
  });
});
