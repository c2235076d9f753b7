// Who may call the dashboard API: a session cookie (with CSRF defence) or a Bearer API token; roles per route.
import { CSRF_HEADER, SHARE_HEADER, type Role, type TokenScope } from '@throughline/schema';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';
import { activeShare } from '../db/shares';
import { sha256 } from '../ids';
import { readSession } from './session';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/**
 * What a share link may read: its site and the reads its views make (overview, trends, stages, touchpoints, actions,
 * comment themes). Never responses (visitor ids), exports, storage, alerts (destination URLs) nor any write.
 */
const SHARED_READS =
  /^\/api\/v1\/sites\/([^/]+)(\/(analytics\/overview|analytics\/trends|stages|touchpoints|actions|touchpoints\/[^/]+\/actions|comments\/themes))?$/;
/**
 * A `partners` share (the partner view, for a partner without an account) reads its site and the partner view only:
 * not the overview, whose other touchpoints' scores are the brand's own. Made with `touchpoint=<key>`, it reads that
 * one partner touchpoint only (docs/metrics.md › Partner view).
 */
const PARTNER_READS = /^\/api\/v1\/sites\/([^/]+)(\/analytics\/partners)?$/;

/** Whether a share of `view` made with `query` may read `url`'s path and query. */
function shareMayRead(view: string, query: string, url: URL): string | null {
  if (view !== 'partners') return SHARED_READS.exec(url.pathname)?.[1] ?? null;
  const path = PARTNER_READS.exec(url.pathname);
  const only = new URLSearchParams(query).get('touchpoint');
  if (!path || (path[2] && only !== null && url.searchParams.get('touchpoint') !== only)) return null;
  return path[1]!;
}

export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const share = c.req.header(SHARE_HEADER);
  if (share) {
    const row = await activeShare(c.env.DB, await sha256(share), new Date().toISOString());
    if (!row) throw new ApiError(401, 'share_ended', 'this link was revoked or has expired');
    const site = shareMayRead(row.view, row.query, new URL(c.req.url));
    if (c.req.method !== 'GET' || site === null || decodeURIComponent(site) !== row.site_id) {
      throw new ApiError(403, 'share_read_only', 'a shared link reads its own view only');
    }
    c.set('caller', { userId: null, orgId: row.org_id, role: 'viewer', via: 'share', siteId: row.site_id });
    return next();
  }
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
  if (c.get('caller').via !== 'session')
    throw new ApiError(403, 'session_only', 'this needs a signed-in session, not an API token');
  return next();
});
