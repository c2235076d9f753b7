// /api/v1/sites/{id}/storage: what each of the site's objects holds (events, rollup rows, bytes) and the rows it
// wrote since it started: the figures the ingest benchmark and the cost model read.
import { createRoute, z } from '@hono/zod-openapi';
import { StorageSchema } from '@throughline/schema';
import { requireRole } from '../auth/middleware';
import { touchpointChannels } from '../db/touchpoints';
import { apiApp, errors, json } from '../openapi';
import { moveLegacyPage } from '../store/legacy-move';
import { allStores } from '../store/site-stores';
import { ownSite, SiteIdParam } from './site-scope';

const storage = createRoute({
  method: 'get',
  path: '/sites/{id}/storage',
  tags: ['traffic'],
  request: { params: SiteIdParam },
  responses: { 200: json(StorageSchema), ...errors },
});

const move = createRoute({
  method: 'post',
  path: '/sites/{id}/storage/move-legacy',
  tags: ['traffic'],
  middleware: [requireRole('owner')] as const,
  description:
    "Moves the next page of this site's events from the D1 event tables of installs made before the site objects " +
    '(migrations 0003–0008). Idempotent and resumable: call until `done`. `pnpm move-events` does it for every site.',
  request: { params: SiteIdParam },
  responses: { 200: json(z.object({ moved: z.int(), done: z.boolean() })), ...errors },
});

export const storageRoutes = apiApp()
  .openapi(storage, async (c) => {
    const site = await ownSite(c, c.req.valid('param').id);
    const stats = await Promise.all(allStores(c.env, site.id, site.settings.shards).map((s) => s.stats()));
    return c.json({ shards: site.settings.shards, objects: stats.map((s, shard) => ({ shard, ...s })) }, 200);
  })
  .openapi(move, async (c) => {
    const site = await ownSite(c, c.req.valid('param').id);
    return c.json(await moveLegacyPage(c.env, site, await touchpointChannels(c.env.DB, site.id)), 200);
  });
