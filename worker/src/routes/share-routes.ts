// /api/v1/sites/{id}/shares: read-only links to one view of a site with its filters (make, list, revoke), and
// /api/v1/share-info, which a shared view asks first with its token (the `x-throughline-share` header). The reads
// a shared view then makes are the ordinary site routes, under the share caller of auth/middleware.ts.
import { createRoute, z } from '@hono/zod-openapi';
import { SHARE_HEADER, ShareCreatedSchema, ShareInfoSchema, ShareInputSchema, SharesSchema } from '@throughline/schema';
import { requireRole } from '../auth/middleware';
import { callerLabel } from '../db/accounts';
import { activeShare, createShare, listShares, revokeShare } from '../db/shares';
import { ApiError, notFound } from '../errors';
import { newSecret, sha256 } from '../ids';
import { apiApp, errors, json, jsonBody } from '../openapi';
import { ownSite, SiteIdParam } from './site-scope';

const list = createRoute({
  method: 'get',
  path: '/sites/{id}/shares',
  tags: ['shares'],
  description: "The site's share links, newest first (tokens are never shown again).",
  request: { params: SiteIdParam },
  responses: { 200: json(SharesSchema), ...errors },
});
const create = createRoute({
  method: 'post',
  path: '/sites/{id}/shares',
  tags: ['shares'],
  middleware: [requireRole('editor')] as const,
  description:
    `A read-only link to one view with its filters. Open \`path\` in the dashboard; its reads carry the token in \`${SHARE_HEADER}\`. ` +
    "A shared view reads its site's overview, trends, stages, touchpoints, actions and comment themes: never responses, exports, alerts or writes.",
  request: { params: SiteIdParam, ...jsonBody(ShareInputSchema) },
  responses: { 201: json(ShareCreatedSchema, 'Made; the path is shown this once'), ...errors },
});
const revoke = createRoute({
  method: 'delete',
  path: '/sites/{id}/shares/{share}',
  tags: ['shares'],
  middleware: [requireRole('editor')] as const,
  request: { params: SiteIdParam.extend({ share: z.string().min(1).max(64) }) },
  responses: { 204: { description: 'Revoked: the link stops working at once' }, ...errors },
});
const info = createRoute({
  method: 'get',
  path: '/share-info',
  tags: ['shares'],
  description: `What the link whose token is in \`${SHARE_HEADER}\` opens.`,
  responses: { 200: json(ShareInfoSchema), ...errors },
});

export const shareRoutes = apiApp()
  .openapi(list, async (c) => {
    const site = await ownSite(c, c.req.valid('param').id);
    return c.json({ shares: await listShares(c.env.DB, site.id, new Date().toISOString()) }, 200);
  })
  .openapi(create, async (c) => {
    const site = await ownSite(c, c.req.valid('param').id);
    const input = c.req.valid('json');
    const token = newSecret('tls_');
    const now = new Date();
    const share = await createShare(c.env.DB, {
      siteId: site.id,
      tokenHash: await sha256(token),
      view: input.view,
      query: input.query ?? '',
      label: input.label ?? '',
      by: await callerLabel(c.env.DB, c.get('caller')),
      now: now.toISOString(),
      expiresAt: new Date(now.getTime() + (input.expiresInDays ?? 14) * 86_400_000).toISOString(),
    });
    return c.json({ ...share, path: `/shared/${token}` }, 201);
  })
  .openapi(revoke, async (c) => {
    const { id, share } = c.req.valid('param');
    const site = await ownSite(c, id);
    if (!(await revokeShare(c.env.DB, site.id, share, new Date().toISOString()))) throw notFound('share');
    return c.body(null, 204);
  })
  .openapi(info, async (c) => {
    const token = c.req.header(SHARE_HEADER);
    if (!token) throw new ApiError(400, 'missing_share', `send the link's token in ${SHARE_HEADER}`);
    const row = await activeShare(c.env.DB, await sha256(token), new Date().toISOString());
    if (!row) throw new ApiError(401, 'share_ended', 'this link was revoked or has expired');
    return c.json(
      {
        siteId: row.site_id,
        siteName: row.site_name,
        view: row.view,
        query: row.query,
        label: row.label,
        expiresAt: row.expires_at,
      },
      200,
    );
  });
