// SQL for the members of an organization and their roles. An organization always keeps one owner.
import type { Member, Role } from '@throughline/schema';

interface MemberRow {
  user_id: string;
  email: string;
  role: Role;
  created_at: string;
}

export async function listMembers(db: D1Database, orgId: string, callerId: string | null): Promise<Member[]> {
  const { results } = await db
    .prepare(
      'SELECT m.user_id, u.email, m.role, m.created_at FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.org_id = ? ORDER BY m.created_at, u.email',
    )
    .bind(orgId)
    .all<MemberRow>();
  return results.map((r) => ({
    userId: r.user_id,
    email: r.email,
    role: r.role,
    joinedAt: r.created_at,
    you: r.user_id === callerId,
  }));
}

export const getMember = async (db: D1Database, orgId: string, userId: string) =>
  (await listMembers(db, orgId, null)).find((m) => m.userId === userId) ?? null;

const OTHER_OWNER = `EXISTS (SELECT 1 FROM memberships o WHERE o.org_id = ?1 AND o.role = 'owner' AND o.user_id <> ?2)`;

/** Changes a member's role; false when that would leave the organization without an owner. */
export async function setRole(db: D1Database, orgId: string, userId: string, role: Role): Promise<boolean> {
  const res = await db
    .prepare(
      `UPDATE memberships SET role = ?3 WHERE org_id = ?1 AND user_id = ?2 AND (?3 = 'owner' OR role <> 'owner' OR ${OTHER_OWNER})`,
    )
    .bind(orgId, userId, role)
    .run();
  return res.meta.changes > 0;
}

/** Removes a member and ends their sessions in this organization; false when they are its last owner. */
export async function removeMember(db: D1Database, orgId: string, userId: string): Promise<boolean> {
  const [res] = await db.batch([
    db
      .prepare(`DELETE FROM memberships WHERE org_id = ?1 AND user_id = ?2 AND (role <> 'owner' OR ${OTHER_OWNER})`)
      .bind(orgId, userId),
    db
      .prepare(
        'DELETE FROM sessions WHERE org_id = ?1 AND user_id = ?2 AND NOT EXISTS (SELECT 1 FROM memberships WHERE org_id = ?1 AND user_id = ?2)',
      )
      .bind(orgId, userId),
  ]);
  return res!.meta.changes > 0;
}
