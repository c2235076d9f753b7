// /api/v1/auth/* and /api/v1/me: signup, login (throttled), logout, who am I, the organizations one belongs to and
// switching between them; API tokens.
import { createRoute, type z } from '@hono/zod-openapi';
import {
  LoginSchema,
  MeSchema,
  OrganizationsSchema,
  SignupSchema,
  SwitchOrganizationSchema,
  TokenCreateSchema,
  TokenCreatedSchema,
} from '@throughline/schema';
import type { Context } from 'hono';
import { countLoginAttempt, countNewAccount } from '../auth/login-throttle';
import { authenticate, checkCsrf, requireRole, requireSession } from '../auth/middleware';
import { DUMMY_HASH, hashPassword, verifyPassword } from '../auth/password';
import { endSession, startSession } from '../auth/session';
import {
  createAccount,
  createToken,
  describeCaller,
  findUserByEmail,
  firstMembership,
  listMemberships,
} from '../db/accounts';
import type { AppEnv } from '../env';
import { ApiError, notFound } from '../errors';
import { newSecret, sha256 } from '../ids';
import { apiApp, errors, json, jsonBody } from '../openapi';

async function me(c: Context<AppEnv>, userId: string | null, orgId: string, role: z.infer<typeof MeSchema>['role']) {
  const { org, user } = await describeCaller(c.env.DB, userId, orgId);
  if (!org) throw new ApiError(401, 'unauthenticated', 'log in first');
  return { user: user ?? { id: '', email: '' }, organization: org, role };
}

const signup = createRoute({
  method: 'post',
  path: '/auth/signup',
  tags: ['auth'],
  request: jsonBody(SignupSchema),
  responses: { 201: json(MeSchema, 'Signed up and logged in'), 409: errors[400], ...errors },
});
const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['auth'],
  request: jsonBody(LoginSchema),
  responses: { 200: json(MeSchema, 'Logged in'), 429: errors[400], ...errors },
});
const logout = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['auth'],
  responses: { 204: { description: 'Logged out' } },
});
const whoami = createRoute({
  method: 'get',
  path: '/me',
  tags: ['auth'],
  middleware: [authenticate] as const,
  responses: { 200: json(MeSchema), ...errors },
});
const organizations = createRoute({
  method: 'get',
  path: '/organizations',
  tags: ['auth'],
  middleware: [authenticate] as const,
  responses: { 200: json(OrganizationsSchema), ...errors },
});
const switchOrganization = createRoute({
  method: 'post',
  path: '/auth/switch',
  tags: ['auth'],
  middleware: [authenticate] as const,
  request: jsonBody(SwitchOrganizationSchema),
  responses: { 200: json(MeSchema, 'The session now opens that organization (a new session id)'), ...errors },
});
const tokens = createRoute({
  method: 'post',
  path: '/tokens',
  tags: ['auth'],
  middleware: [authenticate, requireSession, requireRole('owner')] as const,
  request: jsonBody(TokenCreateSchema),
  responses: { 201: json(TokenCreatedSchema, 'The token, shown once'), ...errors },
});

export const authRoutes = apiApp()
  .openapi(signup, async (c) => {
    checkCsrf(c.req.raw);
    const { email, password, organization } = c.req.valid('json');
    await countNewAccount(c);
    if (await findUserByEmail(c.env.DB, email))
      throw new ApiError(409, 'email_taken', 'an account with this email exists; log in instead');
    const { userId, orgId } = await createAccount(
      c.env.DB,
      email,
      await hashPassword(password, c.env.PEPPER ?? ''),
      organization,
    );
    await startSession(c, userId, orgId);
    return c.json(await me(c, userId, orgId, 'owner'), 201);
  })
  .openapi(login, async (c) => {
    checkCsrf(c.req.raw);
    const { email, password } = c.req.valid('json');
    // Counted before verifying: see auth/login-throttle.ts.
    const succeeded = await countLoginAttempt(c, email);
    const user = await findUserByEmail(c.env.DB, email);
    const ok = await verifyPassword(password, c.env.PEPPER ?? '', user?.password_hash ?? DUMMY_HASH);
    if (!user || !ok) throw new ApiError(401, 'invalid_credentials', 'wrong email or password');
    const membership = await firstMembership(c.env.DB, user.id);
    // Only the right password learns this: removed from every organization, the person joins again by an invite link.
    if (!membership)
      throw new ApiError(403, 'no_organization', 'you belong to no organization now: open an invite link to join one');
    await startSession(c, user.id, membership.org_id);
    await succeeded(); // after the session: its cookie stays the first one set
    return c.json(await me(c, user.id, membership.org_id, membership.role), 200);
  })
  .openapi(logout, async (c) => {
    checkCsrf(c.req.raw);
    await endSession(c);
    return c.body(null, 204);
  })
  .openapi(whoami, async (c) => {
    const caller = c.get('caller');
    return c.json(await me(c, caller.userId, caller.orgId, caller.role), 200);
  })
  .openapi(organizations, async (c) => {
    const { userId, orgId, role } = c.get('caller');
    if (!userId) {
      // an API token belongs to one organization
      const { org } = await describeCaller(c.env.DB, null, orgId);
      return c.json({ organizations: org ? [{ ...org, role, current: true }] : [] }, 200);
    }
    const list = await listMemberships(c.env.DB, userId);
    return c.json({ organizations: list.map((o) => ({ ...o, current: o.id === orgId })) }, 200);
  })
  .openapi(switchOrganization, async (c) => {
    const { userId } = c.get('caller');
    if (!userId)
      throw new ApiError(
        403,
        'session_only',
        'an API token belongs to one organization; switching needs a signed-in session',
      );
    const target = (await listMemberships(c.env.DB, userId)).find((o) => o.id === c.req.valid('json').organization);
    // not a member: the same answer as for an organization that does not exist
    if (!target) throw notFound('organization');
    await startSession(c, userId, target.id);
    return c.json(await me(c, userId, target.id, target.role), 200);
  })
  .openapi(tokens, async (c) => {
    const caller = c.get('caller');
    const { name, scope: asked, role: legacy } = c.req.valid('json');
    const scope = asked ?? (legacy && legacy !== 'viewer' ? 'write' : 'read');
    const token = newSecret('tlt_');
    const id = await createToken(
      c.env.DB,
      caller.orgId,
      caller.userId!,
      name,
      scope,
      scope === 'read' ? 'viewer' : caller.role,
      await sha256(token),
    );
    return c.json({ id, name, token }, 201);
  });
