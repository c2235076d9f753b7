// Actions on touchpoints: an editor logs what the team changed (day, title, note); every read answers each action
// with its measured effect on quality (analytics/action-effect.ts), from the site's daily rollups.
import { createRoute, z } from '@hono/zod-openapi';
import {
  ActionInputSchema,
  ActionsSchema,
  ActionWithEffectSchema,
  TouchpointKeySchema,
  type Action,
  type Site,
} from '@throughline/schema';
import { requireRole } from '../auth/middleware';
import { actionEffect, EFFECT_WINDOW_DAYS } from '../analytics/action-effect';
import { dailyScoreRows } from '../analytics/rollup-metrics';
import { addDays } from '../analytics/trends';
import { callerLabel } from '../db/accounts';
import { createAction, deleteAction, listActions } from '../db/actions';
import { getTouchpoint } from '../db/touchpoints';
import { notFound } from '../errors';
import { nowIso } from '../ids';
import { apiApp, errors, json, jsonBody } from '../openapi';
import { dailyOf } from '../store/site-stores';
import { ownSite, SiteIdParam } from './site-scope';

const TouchpointParam = SiteIdParam.extend({ key: TouchpointKeySchema });
const EFFECT =
  'Each action comes with its effect: answer-level quality in equal windows before its day and from it on ' +
  `(${EFFECT_WINDOW_DAYS} days each, fewer while recent), the change with its 95% Welch interval and a two-sided Welch test.`;

const siteActions = createRoute({
  method: 'get',
  path: '/sites/{id}/actions',
  tags: ['actions'],
  description: `Every action of the site, newest first. ${EFFECT}`,
  request: { params: SiteIdParam },
  responses: { 200: json(ActionsSchema), ...errors },
});
const touchpointActions = createRoute({
  method: 'get',
  path: '/sites/{id}/touchpoints/{key}/actions',
  tags: ['actions'],
  description: `A touchpoint's actions, newest first. ${EFFECT}`,
  request: { params: TouchpointParam },
  responses: { 200: json(ActionsSchema), ...errors },
});
const create = createRoute({
  method: 'post',
  path: '/sites/{id}/touchpoints/{key}/actions',
  tags: ['actions'],
  middleware: [requireRole('editor')] as const,
  request: { params: TouchpointParam, ...jsonBody(ActionInputSchema) },
  responses: { 201: json(ActionWithEffectSchema, 'Logged'), ...errors },
});
const remove = createRoute({
  method: 'delete',
  path: '/sites/{id}/touchpoints/{key}/actions/{action}',
  tags: ['actions'],
  middleware: [requireRole('editor')] as const,
  request: { params: TouchpointParam.extend({ action: z.string().min(1).max(64) }) },
  responses: { 204: { description: 'Removed' }, ...errors },
});

/** The actions with their effects, from one read of the daily rollups that covers every window. */
async function withEffects(env: Cloudflare.Env, site: Site, actions: Action[]) {
  if (!actions.length) return [];
  const today = new Date().toISOString().slice(0, 10);
  const earliest = actions.reduce((d, a) => (a.day < d ? a.day : d), today);
  const daily = await dailyOf(env, site.id, site.settings.shards, 'all', addDays(earliest, -EFFECT_WINDOW_DAYS), today);
  const rows = dailyScoreRows(daily.rows);
  return actions.map((a) => ({
    ...a,
    effect: actionEffect(rows, a.touchpoint, a.day, today, { minN: site.settings.minN }),
  }));
}

async function ownTouchpoint(db: D1Database, siteId: string, key: string) {
  if (!(await getTouchpoint(db, siteId, key))) throw notFound('touchpoint');
}

export const actionRoutes = apiApp()
  .openapi(siteActions, async (c) => {
    const site = await ownSite(c, c.req.valid('param').id);
    return c.json({ actions: await withEffects(c.env, site, await listActions(c.env.DB, site.id)) }, 200);
  })
  .openapi(touchpointActions, async (c) => {
    const { id, key } = c.req.valid('param');
    const site = await ownSite(c, id);
    await ownTouchpoint(c.env.DB, site.id, key);
    return c.json({ actions: await withEffects(c.env, site, await listActions(c.env.DB, site.id, key)) }, 200);
  })
  .openapi(create, async (c) => {
    const { id, key } = c.req.valid('param');
    const site = await ownSite(c, id);
    await ownTouchpoint(c.env.DB, site.id, key);
    const by = await callerLabel(c.env.DB, c.get('caller'));
    const input = c.req.valid('json');
    const action = await createAction(c.env.DB, site.id, key, { ...input, note: input.note ?? '' }, by, nowIso());
    return c.json((await withEffects(c.env, site, [action]))[0]!, 201);
  })
  .openapi(remove, async (c) => {
    const { id, key, action } = c.req.valid('param');
    const site = await ownSite(c, id);
    if (!(await deleteAction(c.env.DB, site.id, key, action))) throw notFound('action');
    return c.body(null, 204);
  });
