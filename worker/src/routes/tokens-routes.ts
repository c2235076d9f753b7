// /api/v1/tokens (list) and /api/v1/tokens/{id} (revoke): owners, signed in, manage the organization's API tokens.
// Making one is POST /api/v1/tokens in auth-routes.ts.
import { createRoute, z } from '@hono/zod-openapi';
import { ApiTokensSchema } from '@throughline/schema';
import { authenticate, requireRole, requireSession } from '../auth/middleware';
import { listTokens, revokeToken } from '../db/tokens';
import { notFound } from '../errors';
import { apiApp, errors, json } from '../openapi';

const list = createRoute({
  method: 'get',
  path: '/tokens',
  tags: ['auth'],
  middleware: [authenticate, requireSession, requireRole('owner')] as const,
  responses: { 200: json(ApiTokensSchema), ...errors },
});
const revoke = createRoute({
  method: 'delete',
  path: '/tokens/{id}',
  tags: ['auth'],
  middleware: [authenticate, requireSession, requireRole('owner')] as const,
  request: { params: z.object({ id: z.string().min(1).max(64) }) },
  responses: { 204: { description: 'Revoked: the token is refused from now on' }, ...errors },
});

export const tokensRoutes = apiApp()
  .openapi(list, async (c) => c.json({ tokens: await listTokens(c.env.DB, c.get('caller').orgId) }, 200))
  .openapi(revoke, async (c) => {
    if (!(await revokeToken(c.env.DB, c.get('caller').orgId, c.req.valid('param').id))) throw notFound('token');
    return c.body(null, 204);
  });
