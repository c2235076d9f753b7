// /api/v1/invites: owners invite people by a single-use link with a role and an expiry. The link's page
// previews the invite (no login) and accepts it for the signed-in user, or for a new account made on the spot.
import { createRoute, z } from '@hono/zod-openapi';
import {
  InviteAcceptSchema,
  InviteCreateSchema,
  InviteCreatedSchema,
  InvitePreviewSchema,
  InvitesSchema,
  MeSchema,
  PasswordSchema,
} from '@throughline/schema';
import type { Context } from 'hono';
import { authenticate, checkCsrf, requireRole, requireSession } from '../auth/middleware';
import { countLoginAttempt, countNewAccount } from '../auth/login-throttle';
import { hashPassword, verifyPassword } from '../auth/password';
import { readSession, startSession } from '../auth/session';
import { describeCaller, findUserByEmail } from '../db/accounts';
import { claimInvite, createInvite, deleteInvite, inviteByToken, listInvites } from '../db/invites';
import { getMember } from '../db/members';
import type { AppEnv } from '../env';
import { ApiError, invalid, notFound } from '../errors';
import { newId, newSecret, sha256 } from '../ids';
import { apiApp, errors, json, jsonBody } from '../openapi';

const TokenParam = z.object({ token: z.string().min(10).max(200) });
const gone = { 410: errors[400] };

const list = createRoute({
  method: 'get',
  path: '/invites',
  tags: ['organization'],
  middleware: [authenticate, requireSession, requireRole('owner')] as const,
  responses: { 200: json(InvitesSchema), ...errors },
});
const create = createRoute({
  method: 'post',
  path: '/invites',
  tags: ['organization'],
  middleware: [authenticate, requireSession, requireRole('owner')] as const,
  request: jsonBody(InviteCreateSchema),
  responses: { 201: json(InviteCreatedSchema, 'The invite with its link, shown once'), ...errors },
});
const revoke = createRoute({
  method: 'delete',
  path: '/invites/{id}',
  tags: ['organization'],
  middleware: [authenticate, requireSession, requireRole('owner')] as const,
  request: { params: z.object({ id: z.string().min(1).max(64) }) },
  responses: { 204: { description: 'Revoked: the link no longer works' }, ...errors },
});
const preview = createRoute({
  method: 'get',
  path: '/invites/preview/{token}',
  tags: ['organization'],
  request: { params: TokenParam },
  responses: { 200: json(InvitePreviewSchema, 'What the link offers (no login needed)'), ...gone, ...errors },
});
const accept = createRoute({
  method: 'post',
  path: '/invites/accept',
  tags: ['organization'],
  request: jsonBody(InviteAcceptSchema),
  responses: {
    200: json(MeSchema, 'Joined; the session now opens the inviting organization'),
    409: errors[400],
    ...gone,
    ...errors,
  },
});

/** The usable invite behind a token: 404 unknown, 410 used or expired. */
async function usableInvite(c: Context<AppEnv>, token: string) {
  const invite = await inviteByToken(c.env.DB, await sha256(token));
  if (!invite) throw notFound('invite');
  if (invite.accepted_at)
    throw new ApiError(410, 'invite_used', 'this invite link was already used; ask for a new one');
  if (invite.expires_at <= new Date().toISOString())
    throw new ApiError(410, 'invite_expired', 'this invite link has expired; ask for a new one');
  return invite;
}

export const invitesRoutes = apiApp()
  .openapi(list, async (c) => c.json({ invites: await listInvites(c.env.DB, c.get('caller').orgId) }, 200))
  .openapi(create, async (c) => {
    const { orgId, userId } = c.get('caller');
    const { role, email, expiresInHours } = c.req.valid('json');
    const token = newSecret('tli_');
    const invite = await createInvite(
      c.env.DB,
      orgId,
      userId,
      await sha256(token),
      role,
      email ?? null,
      expiresInHours,
    );
    return c.json({ ...invite, token, url: `${new URL(c.req.url).origin}/invite/${token}` }, 201);
  })
  .openapi(revoke, async (c) => {
    if (!(await deleteInvite(c.env.DB, c.get('caller').orgId, c.req.valid('param').id))) throw notFound('invite');
    return c.body(null, 204);
  })
  .openapi(preview, async (c) => {
    const invite = await usableInvite(c, c.req.valid('param').token);
    return c.json(
      { organization: invite.organization, role: invite.role, email: invite.email, expiresAt: invite.expires_at },
      200,
    );
  })
  .openapi(accept, async (c) => {
    checkCsrf(c.req.raw);
    const body = c.req.valid('json');
    const session = await readSession(c);
    if (!session && !(body.email && body.password))
      throw new ApiError(401, 'unauthenticated', 'log in, or give an email and a password for a new account');
    const invite = await usableInvite(c, body.token);
    let userId: string;
    let email: string;
    let newUser: { email: string; passwordHash: string } | undefined;
    let loggedIn: (() => Promise<void>) | undefined;
    if (session) {
      userId = session.user_id;
      email = (await describeCaller(c.env.DB, userId, invite.org_id)).user?.email ?? '';
      if (await getMember(c.env.DB, invite.org_id, userId))
        throw new ApiError(409, 'already_member', 'you are already a member of this organization');
    } else {
      email = body.email!;
      const existing = await findUserByEmail(c.env.DB, email);
      if (existing) {
        // An account that is not signed in (a member removed before, or just logged out): its password, counted
        // like a login.
        loggedIn = await countLoginAttempt(c, email);
        if (!(await verifyPassword(body.password!, c.env.PEPPER ?? '', existing.password_hash)))
          throw new ApiError(401, 'invalid_credentials', 'wrong email or password');
        userId = existing.id;
        if (await getMember(c.env.DB, invite.org_id, userId))
          throw new ApiError(409, 'already_member', 'you are already a member of this organization');
      } else {
        await countNewAccount(c);
        const strong = PasswordSchema.safeParse(body.password);
        if (!strong.success) throw invalid(strong.error);
        userId = newId();
        newUser = { email, passwordHash: await hashPassword(body.password!, c.env.PEPPER ?? '') };
      }
    }
    if (invite.email && invite.email !== email)
      throw new ApiError(403, 'wrong_email', `this invite is for ${invite.email}`);
    if (!(await claimInvite(c.env.DB, invite.id, userId, newUser)))
      throw new ApiError(410, 'invite_used', 'this invite link was already used; ask for a new one');
    await startSession(c, userId, invite.org_id);
    await loggedIn?.();
    return c.json(
      {
        user: { id: userId, email },
        organization: { id: invite.org_id, name: invite.organization },
        role: invite.role,
      },
      200,
    );
  });
