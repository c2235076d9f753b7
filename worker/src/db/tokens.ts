// SQL for the API tokens of an organization as owners see them: never the secret.
import type { ApiToken } from '@throughline/schema';
import { nowIso } from '../ids';

export async function listTokens(db: D1Database, orgId: string): Promise<ApiToken[]> {
  const { results } = await db
    .prepare(
      `SELECT t.id, t.name, t.scope, CASE WHEN m.role IS NULL THEN NULL WHEN t.scope = 'read' THEN 'viewer' ELSE m.role END AS role,
         u.email AS createdBy, t.created_at AS createdAt, t.revoked_at AS revokedAt
       FROM api_tokens t LEFT JOIN users u ON u.id = t.created_by
       LEFT JOIN memberships m ON m.org_id = t.org_id AND m.user_id = t.created_by
       WHERE t.org_id = ? ORDER BY t.created_at DESC, t.id`,
    )
    .bind(orgId)
    .all<ApiToken>();
  return results;
}

/** Revokes the live tokens that `userId` made in the organization; returns how many. */
export async function revokeTokensMadeBy(db: D1Database, orgId: string, userId: string): Promise<number> {
  const res = await db
    .prepare('UPDATE api_tokens SET revoked_at = ? WHERE org_id = ? AND created_by = ? AND revoked_at IS NULL')
    .bind(nowIso(), orgId, userId)
    .run();
  return res.meta.changes;
}

/** Revokes a token of the organization; false when it has no such token. Revoking twice keeps the first time. */
export async function revokeToken(db: D1Database, orgId: string, id: string): Promise<boolean> {
  const res = await db
    .prepare('UPDATE api_tokens SET revoked_at = coalesce(revoked_at, ?) WHERE id = ? AND org_id = ?')
    .bind(nowIso(), id, orgId)
    .run();
  return res.meta.changes > 0;
}
