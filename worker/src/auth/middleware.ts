// Who may call the dashboard API: a session cookie (with CSRF defence) or a Bearer API token; roles per route.
import type { Role, TokenScope } from '@throughline/schema';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';
import { sha256 } from '../ids';
import { readSession } from './session';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The custom header the dashboard sends: a cross-site form or image cannot set it. */
export const CSRF_HEADER = 'x-throughline';

export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const bearer = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (bearer) {
    // A token acts only while its maker is a member: a read token as a viewer, a write token with the maker's role.
    const row = await c.env.DB.prepare(
      `SELECT t.org_id, t.scope, m.role FROM api_tokens t JOIN memberships m ON m.org_id = t.org_id AND m.user_id = t.created_by
       WHERE t.token_hash = ? AND t.revoked_at IS NULL`,
    )
      .bind(await sha256(bearer))
      .first<{ org_id: string; scope: TokenScope; role: Role }>();
    if (!row) throw new ApiError(401, 'unauthenticated', 'invalid or revoked API token');
    const role = row.scope === 'read' ? 'viewer' : row.role;
    c.set('caller', { userId: null, orgId: row.org_id, role, via: 'token', scope: row.scope });
    return next();
  }
  if (!SAFE_METHODS.has(c.req.method)) checkCsrf(c.req.raw);
  const session = await readSession(c);
  if (!session) throw new ApiError(401, 'unauthenticated', 'log in first');
  c.set('caller', { userId: session.user_id, orgId: session.org_id, role: session.role, via: 'session' });
  return next();
});

/** Cookie-authenticated state changes need our custom header and, when the browser sends one, a same-origin Origin. */
export function checkCsrf(req: Request): void {
  if (!req.headers.get(CSRF_HEADER)) throw new ApiError(403, 'csrf', `missing ${CSRF_HEADER} header`);
  const origin = req.headers.get('origin');
  if (origin && origin !== new URL(req.url).origin) throw new ApiError(403, 'csrf', 'cross-origin request refused');
  if (req.headers.get('sec-fetch-site') === 'cross-site') throw new ApiError(403, 'csrf', 'cross-site request refused');
}

const RANK: Record<Role, number> = { viewer: 0, editor: 1, owner: 2 };

/** Refuses callers below `role`. */
export const requireRole = (role: Role) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (RANK[c.get('caller').role] < RANK[role]) throw new ApiError(403, 'forbidden', `needs the ${role} role`);
    return next();
  });

/**
 * Managing credentials and people (tokens, invites, roles, removals, site deletion) needs a signed-in person:
 * an API token, leaked or not, never makes tokens or owners, nor locks the people out.
 */
export const requireSession = createMiddleware<AppEnv>(async (c, next) => {
  if (c.get('caller').via !== 'session') throw new ApiError(403, 'session_only', 'this needs a signed-in session, not an API token');
  return next();
});
