// /api/v1/sites/{id}/journey-types: a site's several journeys (docs/metrics.md › Journey types), each with its
// name, ordered stages and the touchpoints that serve it. Editors write, viewers read. The default type is the
// site's first journey: `/stages` reads and writes its stages, and it cannot be deleted. After a change the site
// objects take the new types and place every visit again (journey/rules.ts).
import { createRoute } from '@hono/zod-openapi';
import {
  JourneyTypeInputSchema,
  JourneyTypePatchSchema,
  JourneyTypeRefSchema,
  JourneyTypeSchema,
  JourneyTypesSchema,
  MAX_JOURNEY_TYPES,
  slugOf,
  type JourneyType,
  type JourneyTypeTouchpoint,
  type Site,
} from '@throughline/schema';
import type { Context } from 'hono';
import { requireRole } from '../auth/middleware';
import {
  createJourneyType,
  deleteJourneyType,
  findJourneyType,
  listJourneyTypes,
  reorderJourneyTypes,
  typeMapOf,
  updateJourneyType,
} from '../db/journey-types';
import { listTouchpoints } from '../db/touchpoints';
import type { AppEnv } from '../env';
import { ApiError, notFound } from '../errors';
import { apiApp, errors, json, jsonBody } from '../openapi';
import { allStores, rulesOf } from '../store/site-stores';
import { ownSite, SiteIdParam } from './site-scope';

const TypeParam = SiteIdParam.extend({ typeId: JourneyTypeRefSchema });

const list = createRoute({
  method: 'get',
  path: '/sites/{id}/journey-types',
  tags: ['journey'],
  request: { params: SiteIdParam },
  responses: { 200: json(JourneyTypesSchema), ...errors },
});
const create = createRoute({
  method: 'post',
  path: '/sites/{id}/journey-types',
  tags: ['journey'],
  middleware: [requireRole('editor')] as const,
  request: { params: SiteIdParam, ...jsonBody(JourneyTypeInputSchema) },
  responses: { 201: json(JourneyTypeSchema, 'Created'), 409: errors[400], ...errors },
});
const patch = createRoute({
  method: 'patch',
  path: '/sites/{id}/journey-types/{typeId}',
  tags: ['journey'],
  middleware: [requireRole('editor')] as const,
  description:
    'Rename a type, give it new stages, a new list of touchpoints (each at one of its stages), or a new place in the list.',
  request: { params: TypeParam, ...jsonBody(JourneyTypePatchSchema) },
  responses: { 200: json(JourneyTypeSchema), ...errors },
});
const remove = createRoute({
  method: 'delete',
  path: '/sites/{id}/journey-types/{typeId}',
  tags: ['journey'],
  middleware: [requireRole('editor')] as const,
  request: { params: TypeParam },
  responses: {
    204: { description: 'Deleted; its visits count in the types their touchpoints still serve' },
    409: errors[400],
    ...errors,
  },
});

/** Every listed touchpoint exists and sits in one of the type's stages. */
async function checkTouchpoints(
  db: D1Database,
  siteId: string,
  stages: readonly string[],
  touchpoints: readonly JourneyTypeTouchpoint[],
) {
  const known = new Set((await listTouchpoints(db, siteId)).map((t) => t.key));
  const unknown = touchpoints.filter((t) => !known.has(t.key)).map((t) => t.key);
  if (unknown.length)
    throw new ApiError(
      400,
      'unknown_touchpoint',
      `no touchpoint ${unknown.map((k) => `"${k}"`).join(', ')} on this site`,
      { unknown },
    );
  const outside = touchpoints.filter((t) => !stages.includes(t.stage));
  if (outside.length) {
    throw new ApiError(
      400,
      'unknown_stage',
      `touchpoint "${outside[0]!.key}" is in stage "${outside[0]!.stage}", which this journey type does not have`,
      { stages },
    );
  }
}

/** The site objects take the site's journey types now, so that every view reads rollups of the types as they are. */
async function applyTypes(c: Context<AppEnv>, site: Site) {
  const types = await typeMapOf(c.env.DB, site.id);
  await Promise.all(
    allStores(c.env, site.id, site.settings.shards).map((s) => s.configure(rulesOf(site.settings, types))),
  );
}

async function ownType(db: D1Database, siteId: string, ref: string): Promise<JourneyType> {
  const t = await findJourneyType(db, siteId, ref);
  if (!t) throw notFound('journey type');
  return t;
}

export const journeyTypeRoutes = apiApp()
  .openapi(list, async (c) => {
    const site = await ownSite(c, c.req.valid('param').id);
    return c.json({ journeyTypes: await listJourneyTypes(c.env.DB, site.id) }, 200);
  })
  .openapi(create, async (c) => {
    const site = await ownSite(c, c.req.valid('param').id);
    const input = c.req.valid('json');
    const existing = await listJourneyTypes(c.env.DB, site.id);
    if (existing.length >= MAX_JOURNEY_TYPES)
      throw new ApiError(409, 'too_many_types', `a site has at most ${MAX_JOURNEY_TYPES} journey types`);
    const slug = input.slug ?? slugOf(input.name);
    if (existing.some((t) => t.slug === slug))
      throw new ApiError(409, 'slug_taken', `a journey type "${slug}" exists; give another slug`);
    await checkTouchpoints(c.env.DB, site.id, input.stages, input.touchpoints);
    const id = await createJourneyType(c.env.DB, site.id, { ...input, slug });
    await applyTypes(c, site);
    return c.json(await ownType(c.env.DB, site.id, id), 201);
  })
  .openapi(patch, async (c) => {
    const { id, typeId } = c.req.valid('param');
    const site = await ownSite(c, id);
    const current = await ownType(c.env.DB, site.id, typeId);
    const body = c.req.valid('json');
    const next: JourneyType = {
      ...current,
      name: body.name ?? current.name,
      stages: body.stages ?? current.stages,
      touchpoints: body.touchpoints ?? current.touchpoints,
    };
    if (body.touchpoints) await checkTouchpoints(c.env.DB, site.id, next.stages, next.touchpoints);
    else {
      const missing = [...new Set(next.touchpoints.map((t) => t.stage))].filter((s) => !next.stages.includes(s));
      if (missing.length)
        throw new ApiError(400, 'stage_in_use', `stages still used by touchpoints: ${missing.join(', ')}`, { missing });
    }
    await updateJourneyType(c.env.DB, site.id, next, body.touchpoints !== undefined);
    if (body.position !== undefined) {
      const others = (await listJourneyTypes(c.env.DB, site.id)).map((t) => t.id).filter((i) => i !== current.id);
      await reorderJourneyTypes(c.env.DB, site.id, [
        ...others.slice(0, body.position),
        current.id,
        ...others.slice(body.position),
      ]);
    }
    // the order decides too: a visit no earlier stay places goes to the first type its touchpoint serves
    if (body.touchpoints || body.position !== undefined) await applyTypes(c, site);
    return c.json(await ownType(c.env.DB, site.id, current.id), 200);
  })
  .openapi(remove, async (c) => {
    const { id, typeId } = c.req.valid('param');
    const site = await ownSite(c, id);
    const t = await ownType(c.env.DB, site.id, typeId);
    if (t.isDefault)
      throw new ApiError(409, 'default_type', 'the default journey type cannot be deleted; rename it instead');
    await deleteJourneyType(c.env.DB, site.id, t.id);
    await applyTypes(c, site);
    return c.body(null, 204);
  });
