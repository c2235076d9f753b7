// /api/v1/members: who belongs to the organization, and (owners only) their roles and removal.
import { createRoute, z } from '@hono/zod-openapi';
import { MemberRoleSchema, MemberSchema, MembersSchema } from '@throughline/schema';
import { authenticate, requireRole, requireSession } from '../auth/middleware';
import { getMember, listMembers, removeMember, setRole } from '../db/members';
import { revokeTokensMadeBy } from '../db/tokens';
import { ApiError, notFound } from '../errors';
import { apiApp, errors, json, jsonBody } from '../openapi';

const UserParam = z.object({ userId: z.string().min(1).max(64) });
/** `?revokeTokens=true` also revokes the API tokens the member made (the dashboard asks when it removes or demotes). */
const RevokeQuery = z.object({
  revokeTokens: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ description: 'Also revoke the API tokens this member made' }),
});
const lastOwner = () =>
  new ApiError(409, 'last_owner', 'an organization needs an owner: make someone else owner first');

const list = createRoute({
  method: 'get',
  path: '/members',
  tags: ['organization'],
  middleware: [authenticate] as const,
  responses: { 200: json(MembersSchema), ...errors },
});
const patch = createRoute({
  method: 'patch',
  path: '/members/{userId}',
  tags: ['organization'],
  middleware: [authenticate, requireSession, requireRole('owner')] as const,
  request: { params: UserParam, query: RevokeQuery, ...jsonBody(MemberRoleSchema) },
  responses: { 200: json(MemberSchema), 409: errors[400], ...errors },
});
const remove = createRoute({
  method: 'delete',
  path: '/members/{userId}',
  tags: ['organization'],
  middleware: [authenticate, requireSession, requireRole('owner')] as const,
  request: { params: UserParam, query: RevokeQuery },
  responses: {
    204: { description: 'Removed; their sessions in this organization end, and their API tokens act no more' },
    409: errors[400],
    ...errors,
  },
});

export const membersRoutes = apiApp()
  .openapi(list, async (c) => {
    const { orgId, userId } = c.get('caller');
    return c.json({ members: await listMembers(c.env.DB, orgId, userId) }, 200);
  })
  .openapi(patch, async (c) => {
    const { orgId, userId: me } = c.get('caller');
    const { userId } = c.req.valid('param');
    if (!(await getMember(c.env.DB, orgId, userId))) throw notFound('member');
    if (!(await setRole(c.env.DB, orgId, userId, c.req.valid('json').role))) throw lastOwner();
    if (c.req.valid('query').revokeTokens === 'true') await revokeTokensMadeBy(c.env.DB, orgId, userId);
    return c.json({ ...(await getMember(c.env.DB, orgId, userId))!, you: userId === me }, 200);
  })
  .openapi(remove, async (c) => {
    const { orgId } = c.get('caller');
    const { userId } = c.req.valid('param');
    if (!(await getMember(c.env.DB, orgId, userId))) throw notFound('member');
    if (!(await removeMember(c.env.DB, orgId, userId))) throw lastOwner();
    if (c.req.valid('query').revokeTokens === 'true') await revokeTokensMadeBy(c.env.DB, orgId, userId);
    return c.body(null, 204);
  });
