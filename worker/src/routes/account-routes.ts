// /api/v1/auth/password, /api/v1/auth/sessions/end-others and DELETE /api/v1/me: a signed-in person's own account.
// Each proves the person again with the password where it matters, counted like a login.
import { createRoute, z } from '@hono/zod-openapi';
import { AccountDeleteSchema, PasswordChangeSchema } from '@throughline/schema';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { countLoginAttempt } from '../auth/login-throttle';
import { authenticate, requireSession } from '../auth/middleware';
import { hashPassword, verifyPassword } from '../auth/password';
import { endSession, SESSION_COOKIE, startSession } from '../auth/session';
import { deleteAccount, endOtherSessions, setPassword } from '../db/accounts';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';
import { sha256 } from '../ids';
import { apiApp, errors, json, jsonBody } from '../openapi';

const conflict = { 409: errors[400] };

const password = createRoute({
  method: 'post',
  path: '/auth/password',
  tags: ['auth'],
  middleware: [authenticate, requireSession] as const,
  request: jsonBody(PasswordChangeSchema),
  responses: {
    204: { description: 'Changed; every other session of this person ended, this one has a new id' },
    429: errors[400],
    ...errors,
  },
});
const endOthers = createRoute({
  method: 'post',
  path: '/auth/sessions/end-others',
  tags: ['auth'],
  middleware: [authenticate, requireSession] as const,
  responses: { 200: json(z.object({ ended: z.int() }), 'Every other session of this person ended'), ...errors },
});
const remove = createRoute({
  method: 'delete',
  path: '/me',
  tags: ['auth'],
  middleware: [authenticate, requireSession] as const,
  request: jsonBody(AccountDeleteSchema),
  responses: {
    204: { description: 'The account is deleted, with the organizations only it belonged to and that have no sites' },
    ...conflict,
    429: errors[400],
    ...errors,
  },
});

/** The caller's email and password hash, after checking `typed` against it (counted like a login). */
async function provePassword(c: Context<AppEnv>, userId: string, typed: string) {
  const user = await c.env.DB.prepare('SELECT email, password_hash FROM users WHERE id = ?')
    .bind(userId)
    .first<{ email: string; password_hash: string }>();
  if (!user) throw new ApiError(401, 'unauthenticated', 'log in first');
  const succeeded = await countLoginAttempt(c, user.email);
  if (!(await verifyPassword(typed, c.env.PEPPER ?? '', user.password_hash)))
    throw new ApiError(403, 'wrong_password', 'the current password is not right');
  return succeeded;
}

const currentSessionHash = async (c: Context<AppEnv>) => sha256(getCookie(c, SESSION_COOKIE) ?? '');

export const accountRoutes = apiApp()
  .openapi(password, async (c) => {
    const { userId, orgId } = c.get('caller');
    const { current, password: next } = c.req.valid('json');
    const succeeded = await provePassword(c, userId!, current);
    await setPassword(c.env.DB, userId!, await hashPassword(next, c.env.PEPPER ?? ''));
    // Whoever else was signed in with the old password is out; this browser goes on with a new session id.
    await endOtherSessions(c.env.DB, userId!, await currentSessionHash(c));
    await startSession(c, userId!, orgId);
    await succeeded();
    return c.body(null, 204);
  })
  .openapi(endOthers, async (c) => {
    const ended = await endOtherSessions(c.env.DB, c.get('caller').userId!, await currentSessionHash(c));
    return c.json({ ended }, 200);
  })
  .openapi(remove, async (c) => {
    const { userId } = c.get('caller');
    await provePassword(c, userId!, c.req.valid('json').password);
    const refused = await deleteAccount(c.env.DB, userId!);
    if (refused === 'last_owner')
      throw new ApiError(
        409,
        'last_owner',
        'you are the only owner of an organization with other members: make someone else owner first',
      );
    if (refused === 'has_sites')
      throw new ApiError(
        409,
        'delete_sites_first',
        'you are the only member of an organization that still has sites: delete them first',
      );
    await endSession(c);
    return c.body(null, 204);
  });
