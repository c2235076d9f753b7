// /api/v1/sites/{id}/stages and /touchpoints (with each touchpoint's prompt): the journey a CX team sets up.
import { createRoute, z } from '@hono/zod-openapi';
import {
  PromptInputSchema,
  StagesSchema,
  TouchpointInputSchema,
  TouchpointKeySchema,
  TouchpointPatchSchema,
  TouchpointSchema,
} from '@throughline/schema';
import { requireRole } from '../auth/middleware';
import { listStages, replaceStages } from '../db/sites';
import {
  createTouchpoint,
  deleteTouchpoint,
  getTouchpoint,
  listTouchpoints,
  putPrompt,
  updateTouchpoint,
} from '../db/touchpoints';
import { ApiError, notFound } from '../errors';
import { apiApp, errors, json, jsonBody } from '../openapi';
import { ownSite, SiteIdParam } from './site-scope';

const TouchpointParam = SiteIdParam.extend({ key: TouchpointKeySchema });
const TouchpointOut = TouchpointSchema.extend({ prompt: PromptInputSchema.nullable() });
const StagesBody = z.object({ stages: StagesSchema });

const getStages = createRoute({
  method: 'get',
  path: '/sites/{id}/stages',
  tags: ['journey'],
  request: { params: SiteIdParam },
  responses: { 200: json(StagesBody), ...errors },
});
const putStages = createRoute({
  method: 'put',
  path: '/sites/{id}/stages',
  tags: ['journey'],
  middleware: [requireRole('editor')] as const,
  request: { params: SiteIdParam, ...jsonBody(StagesBody) },
  responses: { 200: json(StagesBody), ...errors },
});
const list = createRoute({
  method: 'get',
  path: '/sites/{id}/touchpoints',
  tags: ['journey'],
  request: { params: SiteIdParam },
  responses: { 200: json(z.object({ touchpoints: z.array(TouchpointOut) })), ...errors },
});
const create = createRoute({
  method: 'post',
  path: '/sites/{id}/touchpoints',
  tags: ['journey'],
  middleware: [requireRole('editor')] as const,
  request: { params: SiteIdParam, ...jsonBody(TouchpointInputSchema.extend({ prompt: PromptInputSchema.optional() })) },
  responses: { 201: json(TouchpointOut, 'Created'), 409: errors[400], ...errors },
});
const patch = createRoute({
  method: 'patch',
  path: '/sites/{id}/touchpoints/{key}',
  tags: ['journey'],
  middleware: [requireRole('editor')] as const,
  request: { params: TouchpointParam, ...jsonBody(TouchpointPatchSchema) },
  responses: { 200: json(TouchpointOut), ...errors },
});
const remove = createRoute({
  method: 'delete',
  path: '/sites/{id}/touchpoints/{key}',
  tags: ['journey'],
  middleware: [requireRole('editor')] as const,
  request: { params: TouchpointParam },
  responses: { 204: { description: 'Deleted; its answers stay' }, ...errors },
});
const getPrompt = createRoute({
  method: 'get',
  path: '/sites/{id}/touchpoints/{key}/prompt',
  tags: ['journey'],
  request: { params: TouchpointParam },
  responses: { 200: json(PromptInputSchema.nullable()), ...errors },
});
const setPrompt = createRoute({
  method: 'put',
  path: '/sites/{id}/touchpoints/{key}/prompt',
  tags: ['journey'],
  middleware: [requireRole('editor')] as const,
  request: { params: TouchpointParam, ...jsonBody(PromptInputSchema) },
  responses: { 200: json(PromptInputSchema), ...errors },
});

async function ownTouchpoint(db: D1Database, siteId: string, key: string) {
  const tp = await getTouchpoint(db, siteId, key);
  if (!tp) throw notFound('touchpoint');
  return tp;
}

async function checkStage(db: D1Database, siteId: string, stage: string | undefined) {
  if (stage !== undefined && !(await listStages(db, siteId)).includes(stage)) {
    throw new ApiError(400, 'unknown_stage', `no stage named "${stage}" on this site`);
  }
}

export const journeyRoutes = apiApp()
  .openapi(getStages, async (c) => {
    const site = await ownSite(c, c.req.valid('param').id);
    return c.json({ stages: await listStages(c.env.DB, site.id) }, 200);
  })
  .openapi(putStages, async (c) => {
    const site = await ownSite(c, c.req.valid('param').id);
    const { stages } = c.req.valid('json');
    const used = new Set((await listTouchpoints(c.env.DB, site.id)).map((t) => t.stage));
    const missing = [...used].filter((s) => !stages.includes(s));
    if (missing.length)
      throw new ApiError(400, 'stage_in_use', `stages still used by touchpoints: ${missing.join(', ')}`, { missing });
    await replaceStages(c.env.DB, site.id, stages);
    return c.json({ stages }, 200);
  })
  .openapi(list, async (c) => {
    const site = await ownSite(c, c.req.valid('param').id);
    return c.json({ touchpoints: await listTouchpoints(c.env.DB, site.id) }, 200);
  })
  .openapi(create, async (c) => {
    const site = await ownSite(c, c.req.valid('param').id);
    const { prompt, ...input } = c.req.valid('json');
    await checkStage(c.env.DB, site.id, input.stage);
    if (await getTouchpoint(c.env.DB, site.id, input.key))
      throw new ApiError(409, 'key_taken', `touchpoint "${input.key}" exists`);
    const tp = await createTouchpoint(c.env.DB, site.id, input);
    if (prompt) await putPrompt(c.env.DB, site.id, tp.key, prompt);
    return c.json({ ...tp, prompt: prompt ?? null }, 201);
  })
  .openapi(patch, async (c) => {
    const { id, key } = c.req.valid('param');
    const site = await ownSite(c, id);
    const current = await ownTouchpoint(c.env.DB, site.id, key);
    const body = c.req.valid('json');
    await checkStage(c.env.DB, site.id, body.stage);
    const next = { ...current, ...Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) };
    await updateTouchpoint(c.env.DB, site.id, next);
    return c.json(next, 200);
  })
  .openapi(remove, async (c) => {
    const { id, key } = c.req.valid('param');
    const site = await ownSite(c, id);
    await ownTouchpoint(c.env.DB, site.id, key);
    await deleteTouchpoint(c.env.DB, site.id, key);
    return c.body(null, 204);
  })
  .openapi(getPrompt, async (c) => {
    const { id, key } = c.req.valid('param');
    const site = await ownSite(c, id);
    return c.json((await ownTouchpoint(c.env.DB, site.id, key)).prompt, 200);
  })
  .openapi(setPrompt, async (c) => {
    const { id, key } = c.req.valid('param');
    const site = await ownSite(c, id);
    await ownTouchpoint(c.env.DB, site.id, key);
    const prompt = c.req.valid('json');
    await putPrompt(c.env.DB, site.id, key, prompt);
    return c.json(prompt, 200);
  });
