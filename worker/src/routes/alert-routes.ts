// /api/v1/sites/{id}/alerts: where a site's alerts go (destinations), which alerts are open, the latest deliveries,
// and "send a test". The scheduled run that finds and delivers alerts is alerts/run-alerts.ts.
import { createRoute, z } from '@hono/zod-openapi';
import {
  AlertDestinationInputSchema,
  AlertsStateSchema,
  CreatedDestinationSchema,
  TestDeliverySchema,
} from '@throughline/schema';
import { requireRole } from '../auth/middleware';
import { attemptDelivery } from '../alerts/deliver';
import { testMessage } from '../alerts/messages';
import {
  createDestination,
  deleteDestination,
  destinationsOf,
  enqueueStmt,
  listDestinations,
  openAlerts,
  recentDeliveries,
} from '../db/alerts';
import { ApiError, notFound } from '../errors';
import { newId, newSecret, nowIso } from '../ids';
import { apiApp, errors, json, jsonBody } from '../openapi';
import { ownSite, SiteIdParam } from './site-scope';

const DestinationParam = SiteIdParam.extend({ destination: z.string().min(1).max(64) });
const LOOPBACK = /^(localhost|127\.0\.0\.1|\[::1\])$/;

const state = createRoute({
  method: 'get',
  path: '/sites/{id}/alerts',
  tags: ['alerts'],
  description: "The site's alert destinations, its open alerts and the latest 50 deliveries (newest first).",
  request: { params: SiteIdParam },
  responses: { 200: json(AlertsStateSchema), ...errors },
});
const create = createRoute({
  method: 'post',
  path: '/sites/{id}/alerts/destinations',
  tags: ['alerts'],
  middleware: [requireRole('editor')] as const,
  description:
    "Adds a destination. A webhook's signing secret is in this answer only: each delivery carries " +
    '`x-throughline-signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`.',
  request: { params: SiteIdParam, ...jsonBody(AlertDestinationInputSchema) },
  responses: { 201: json(CreatedDestinationSchema, 'Added'), ...errors },
});
const remove = createRoute({
  method: 'delete',
  path: '/sites/{id}/alerts/destinations/{destination}',
  tags: ['alerts'],
  middleware: [requireRole('editor')] as const,
  request: { params: DestinationParam },
  responses: { 204: { description: 'Removed, with its deliveries' }, ...errors },
});
const test = createRoute({
  method: 'post',
  path: '/sites/{id}/alerts/destinations/{destination}/test',
  tags: ['alerts'],
  middleware: [requireRole('editor')] as const,
  description: 'Sends a test message now and answers what the receiver said; a failed test is retried like an alert.',
  request: { params: DestinationParam },
  responses: { 200: json(TestDeliverySchema), ...errors },
});

export const alertRoutes = apiApp()
  .openapi(state, async (c) => {
    const site = await ownSite(c, c.req.valid('param').id);
    const [destinations, open, deliveries] = await Promise.all([
      listDestinations(c.env.DB, site.id),
      openAlerts(c.env.DB, site.id),
      recentDeliveries(c.env.DB, site.id),
    ]);
    return c.json({ destinations, open: open.map(({ detail: _, ...a }) => a), deliveries }, 200);
  })
  .openapi(create, async (c) => {
    const site = await ownSite(c, c.req.valid('param').id);
    const input = c.req.valid('json');
    const url = new URL(input.url);
    const local = LOOPBACK.test(url.hostname) && c.env.ENVIRONMENT !== 'production';
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
      throw new ApiError(
        400,
        'invalid_destination',
        'a destination URL must use https (http only to localhost in development)',
      );
    }
    const secret = input.kind === 'webhook' ? newSecret('whsec_') : '';
    const id = await createDestination(c.env.DB, site.id, input, secret, nowIso());
    const made = (await listDestinations(c.env.DB, site.id)).find((d) => d.id === id)!;
    return c.json({ ...made, secret: secret || null }, 201);
  })
  .openapi(remove, async (c) => {
    const { id, destination } = c.req.valid('param');
    const site = await ownSite(c, id);
    if (!(await deleteDestination(c.env.DB, site.id, destination))) throw notFound('destination');
    return c.body(null, 204);
  })
  .openapi(test, async (c) => {
    const { id, destination } = c.req.valid('param');
    const site = await ownSite(c, id);
    const dest = (await destinationsOf(c.env.DB, site.id)).find((d) => d.id === destination);
    if (!dest) throw notFound('destination');
    const now = Date.now();
    const message = testMessage(site, c.env.PUBLIC_URL, new Date(now).toISOString());
    // recorded like any delivery, so Settings shows it and a failure is retried by the outbox
    const deliveryId = newId();
    await enqueueStmt(
      c.env.DB,
      { destinationId: dest.id, siteId: site.id, event: 'test', payload: message },
      new Date(now).toISOString(),
      deliveryId,
    ).run();
    return c.json(await attemptDelivery(c.env, { ...dest, id: deliveryId, attempts: 0 }, message, now), 200);
  });
