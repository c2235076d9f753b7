// /api/v1/sites: create, list, read, update, delete a site.
import { createRoute, z } from '@hono/zod-openapi';
import { SiteCreateSchema, SitePatchSchema, SiteSchema, SiteSettingsSchema } from '@throughline/schema';
import { requireRole, requireSession } from '../auth/middleware';
import { createSite, defaultSettings, deleteSite, listSites, updateSite } from '../db/sites';
import { ApiError } from '../errors';
import { apiApp, errors, json, jsonBody } from '../openapi';
import { allStores, destroyStores, rulesOf, storedEventCount } from '../store/site-stores';
import { ownSite, SiteIdParam } from './site-scope';

const list = createRoute({
  method: 'get',
  path: '/sites',
  tags: ['sites'],
  responses: { 200: json(z.object({ sites: z.array(SiteSchema) })), ...errors },
});
const create = createRoute({
  method: 'post',
  path: '/sites',
  tags: ['sites'],
  middleware: [requireRole('editor')] as const,
  request: jsonBody(SiteCreateSchema),
  responses: { 201: json(SiteSchema, 'Created'), ...errors },
});
const read = createRoute({
  method: 'get',
  path: '/sites/{id}',
  tags: ['sites'],
  request: { params: SiteIdParam },
  responses: { 200: json(SiteSchema), ...errors },
});
const patch = createRoute({
  method: 'patch',
  path: '/sites/{id}',
  tags: ['sites'],
  middleware: [requireRole('editor')] as const,
  request: { params: SiteIdParam, ...jsonBody(SitePatchSchema) },
  responses: { 200: json(SiteSchema), ...errors },
});
const remove = createRoute({
  method: 'delete',
  path: '/sites/{id}',
  tags: ['sites'],
  middleware: [requireSession, requireRole('owner')] as const,
  request: { params: SiteIdParam },
  responses: { 204: { description: 'Deleted with all its data' }, ...errors },
});

export const sitesRoutes = apiApp()
  .openapi(list, async (c) => c.json({ sites: await listSites(c.env.DB, c.get('caller').orgId) }, 200))
  .openapi(create, async (c) => {
    const body = c.req.valid('json');
    const site = await createSite(
      c.env.DB,
      c.get('caller').orgId,
      body.name,
      body.origins,
      body.settings ?? defaultSettings(),
    );
    return c.json(site, 201);
  })
  .openapi(read, async (c) => c.json(await ownSite(c, c.req.valid('param').id), 200))
  .openapi(patch, async (c) => {
    const site = await ownSite(c, c.req.valid('param').id);
    const body = c.req.valid('json');
    const settings = body.settings ? SiteSettingsSchema.parse({ ...site.settings, ...body.settings }) : site.settings;
    // visitors are split over the objects by a hash: another number of objects would split their journeys
    if (
      settings.shards !== site.settings.shards &&
      (await storedEventCount(c.env, site.id, site.settings.shards)) > 0
    ) {
      throw new ApiError(
        409,
        'shards_fixed',
        'the number of site objects can be changed only before the site has events',
      );
    }
    const updated = await updateSite(c.env.DB, site, {
      name: body.name ?? site.name,
      origins: body.origins ?? site.origins,
      settings,
    });
    if (
      settings.journeyWindowDays !== site.settings.journeyWindowDays ||
      settings.retentionDays !== site.settings.retentionDays
    ) {
      await Promise.all(allStores(c.env, site.id, settings.shards).map((s) => s.configure(rulesOf(settings))));
    }
    return c.json(updated, 200);
  })
  .openapi(remove, async (c) => {
    const site = await ownSite(c, c.req.valid('param').id);
    await destroyStores(c.env, site.id, site.settings.shards);
    await deleteSite(c.env.DB, site.id);
    return c.body(null, 204);
  });
