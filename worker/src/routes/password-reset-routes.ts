// Password reset by a one-time link. An owner issues a link for a member and passes it on (no mail service
// is assumed); where the deployment has Cloudflare's email binding, a person asks for one by email. The link's page
// (/reset/{token}) sets a new password: the link is then used, and every session of the person ends.
import { createRoute, z } from '@hono/zod-openapi';
import {
  PasswordResetDoneSchema,
  PasswordResetLinkSchema,
  PasswordResetOptionsSchema,
  PasswordResetPreviewSchema,
  PasswordResetRequestedSchema,
  PasswordResetRequestSchema,
  PasswordResetSchema,
} from '@throughline/schema';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { countForClient } from '../auth/login-throttle';
import { authenticate, checkCsrf, requireRole, requireSession } from '../auth/middleware';
import { hashPassword } from '../auth/password';
import { resetEmail, senderFor } from '../auth/reset-email';
import { startSession } from '../auth/session';
import { findUserByEmail, firstMembership } from '../db/accounts';
import { getMember } from '../db/members';
import { createReset, membershipsBeyond, resetByToken, useReset } from '../db/password-resets';
import type { AppEnv } from '../env';
import { ApiError, notFound } from '../errors';
import { newSecret, sha256 } from '../ids';
import { apiApp, errors, json, jsonBody } from '../openapi';

/** An owner's link is passed on by hand, so it lasts a day; an emailed one an hour. */
const OWNER_LINK_MINUTES = 24 * 60;
const EMAIL_LINK_MINUTES = 60;
/** Uses of reset links per client address and window; emailed links per address, and per account (no mail bombing). */
export const RESET_LIMITS = { use: 20, request: 20, requestPerAccount: 3 } as const;

const gone = { 410: errors[400] };
/** Cookie-less public writes still need our CSRF header: checked before the body is, so a forged form learns nothing. */
const csrf = createMiddleware<AppEnv>(async (c, next) => (checkCsrf(c.req.raw), next()));
const TokenParam = z.object({ token: z.string().min(10).max(200) });

const issue = createRoute({
  method: 'post',
  path: '/members/{userId}/password-reset',
  tags: ['organization'],
  middleware: [authenticate, requireSession, requireRole('owner')] as const,
  request: { params: z.object({ userId: z.string().min(1).max(64) }) },
  responses: {
    201: json(
      PasswordResetLinkSchema,
      'A one-time link, shown once, to pass on to the member; their open links stop working',
    ),
    409: errors[400],
    ...errors,
  },
});
const options = createRoute({
  method: 'get',
  path: '/auth/reset',
  tags: ['auth'],
  responses: { 200: json(PasswordResetOptionsSchema, 'Whether this deployment sends reset links by email') },
});
const preview = createRoute({
  method: 'get',
  path: '/auth/reset/{token}',
  tags: ['auth'],
  request: { params: TokenParam },
  responses: {
    200: json(PasswordResetPreviewSchema, 'Whose password the link resets (no login needed)'),
    ...gone,
    ...errors,
  },
});
const reset = createRoute({
  method: 'post',
  path: '/auth/reset',
  tags: ['auth'],
  middleware: [csrf] as const,
  request: jsonBody(PasswordResetSchema),
  responses: {
    200: json(
      PasswordResetDoneSchema,
      'The password is set; every session of the person ended, and this browser is signed in',
    ),
    429: errors[400],
    ...gone,
    ...errors,
  },
});
const request = createRoute({
  method: 'post',
  path: '/auth/reset/request',
  tags: ['auth'],
  middleware: [csrf] as const,
  request: jsonBody(PasswordResetRequestSchema),
  responses: {
    202: json(
      PasswordResetRequestedSchema,
      'When an account has this email, a link is on its way (the answer is the same either way)',
    ),
    501: json(
      errors[400].content['application/json'].schema,
      'This deployment sends no email: an owner issues reset links',
    ),
    429: errors[400],
    ...errors,
  },
});

/** The usable link behind a token: 404 unknown, 410 used or expired. */
async function usableReset(c: Context<AppEnv>, token: string) {
  const row = await resetByToken(c.env.DB, await sha256(token));
  if (!row) throw notFound('reset link');
  if (row.used_at)
    throw new ApiError(
      410,
      'reset_used',
      'this reset link was already used or replaced by a newer one; ask for a new one',
    );
  if (row.expires_at <= new Date().toISOString())
    throw new ApiError(410, 'reset_expired', 'this reset link has expired; ask for a new one');
  return row;
}

const resetUrl = (c: Context<AppEnv>, token: string) => `${new URL(c.req.url).origin}/reset/${token}`;

export const passwordResetRoutes = apiApp()
  .openapi(issue, async (c) => {
    const { orgId, userId: me } = c.get('caller');
    const { userId } = c.req.valid('param');
    if (!(await getMember(c.env.DB, orgId, userId))) throw notFound('member');
    if (userId === me)
      throw new ApiError(
        409,
        'own_account',
        'to change your own password, use "Your account" with your current password',
      );
    // A reset link takes over the account, and with it every organization the person belongs to.
    if (await membershipsBeyond(c.env.DB, userId, me!)) {
      throw new ApiError(
        409,
        'member_elsewhere',
        'this person also belongs to an organization you do not own: an owner there, or the person by email, resets the password',
      );
    }
    const token = newSecret('tlr_');
    const { expiresAt } = await createReset(c.env.DB, userId, me, await sha256(token), OWNER_LINK_MINUTES);
    return c.json({ url: resetUrl(c, token), expiresAt }, 201);
  })
  .openapi(options, (c) => c.json({ email: !!c.env.EMAIL }, 200))
  .openapi(preview, async (c) => {
    const row = await usableReset(c, c.req.valid('param').token);
    return c.json({ email: row.email, expiresAt: row.expires_at }, 200);
  })
  .openapi(reset, async (c) => {
    const { token, password } = c.req.valid('json');
    await countForClient(c, 'reset', RESET_LIMITS.use);
    const row = await usableReset(c, token);
    const userId = await useReset(c.env.DB, row.id, await hashPassword(password, c.env.PEPPER ?? ''));
    if (!userId) throw new ApiError(410, 'reset_used', 'this reset link was already used; ask for a new one');
    const membership = await firstMembership(c.env.DB, userId);
    if (membership) await startSession(c, userId, membership.org_id);
    return c.json({ email: row.email, signedIn: !!membership }, 200);
  })
  .openapi(request, async (c) => {
    if (!c.env.EMAIL) {
      throw new ApiError(
        501,
        'email_not_configured',
        'this Throughline sends no email: ask an owner of your organization for a reset link (Team → Reset link)',
      );
    }
    const { email } = c.req.valid('json');
    await countForClient(c, 'reset-request', RESET_LIMITS.request, { email, limit: RESET_LIMITS.requestPerAccount });
    const user = await findUserByEmail(c.env.DB, email);
    if (user) {
      const token = newSecret('tlr_');
      await createReset(c.env.DB, user.id, null, await sha256(token), EMAIL_LINK_MINUTES);
      try {
        await c.env.EMAIL.send(
          resetEmail(senderFor(c.env.EMAIL_FROM, c.req.url), email, resetUrl(c, token), EMAIL_LINK_MINUTES),
        );
      } catch (err) {
        // Said to the operator, not the caller: the answer must not tell whether the email has an account.
        console.error('password reset email not sent', err);
      }
    }
    return c.json(
      {
        message:
          'If an account has this email, a link to reset its password is on its way. It works once, for an hour.',
      },
      202,
    );
  });
