// SQL for the API tokens of an organization as owners see them: never the secret.
import type { ApiToken, Role } from '@throughline/schema';
import { nowIso } from '../ids';

export async function listTokens(db: D1Database, orgId: string): Promise<ApiToken[]> {
  const { results } = await db
    .prepare(
      `SELECT t.id, t.name, t.role, u.email AS createdBy, t.created_at AS createdAt, t.revoked_at AS revokedAt
       FROM api_tokens t LEFT JOIN users u ON u.id = t.created_by WHERE t.org_id = ? ORDER BY t.created_at DESC`,
    )
    .bind(orgId)
    .all<{ id: string; name: string; role: Role; createdBy: string | null; createdAt: string; revokedAt: string | null }>();
  return results;
}

/** Revokes a token of the organization; false when it has no such token. Revoking twice keeps the first time. */
export async function revokeToken(db: D1Database, orgId: string, id: string): Promise<boolean> {
  const res = await db.prepare('UPDATE api_tokens SET revoked_at = coalesce(revoked_at, ?) WHERE id = ? AND org_id = ?').bind(nowIso(), id, orgId).run();
  return res.meta.changes > 0;
}
