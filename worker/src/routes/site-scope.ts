// Resolves `{id}` in /api/v1/sites/{id}/... to the caller's own site, or 404: tenants never see each other.
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { getSite } from '../db/sites';
import type { AppEnv } from '../env';
import { notFound } from '../errors';

export async function ownSite(c: Context<AppEnv>, id: string) {
  const site = await getSite(c.env.DB, c.get('caller').orgId, id);
  if (!site) throw notFound('site');
  return site;
}

/** The `{id}` path parameter of every /sites/{id}/... route. */
export const SiteIdParam = z.object({ id: z.string().max(64) });
