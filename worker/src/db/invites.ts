// SQL for invitations by link. Claiming an invite and adding the membership happen in one batch, and only
// the statement that marks it accepted by this user lets the membership through: a link works once.
import type { Invite, Role } from '@throughline/schema';
import { newId, nowIso } from '../ids';

interface InviteRow {
  id: string;
  org_id: string;
  role: Role;
  email: string | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
}

const toInvite = (r: InviteRow): Invite => ({
  id: r.id,
  role: r.role,
  email: r.email,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  acceptedAt: r.accepted_at,
});

export async function createInvite(
  db: D1Database,
  orgId: string,
  by: string | null,
  tokenHash: string,
  role: Role,
  email: string | null,
  hours: number,
): Promise<Invite> {
  const row: InviteRow = {
    id: newId(),
    org_id: orgId,
    role,
    email,
    created_at: nowIso(),
    expires_at: new Date(Date.now() + hours * 3_600_000).toISOString(),
    accepted_at: null,
  };
  await db
    .prepare(
      'INSERT INTO invites (id, org_id, token_hash, role, email, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .bind(row.id, orgId, tokenHash, role, email, by, row.created_at, row.expires_at)
    .run();
  return toInvite(row);
}

export async function listInvites(db: D1Database, orgId: string): Promise<Invite[]> {
  const { results } = await db
    .prepare('SELECT * FROM invites WHERE org_id = ? ORDER BY created_at DESC LIMIT 200')
    .bind(orgId)
    .all<InviteRow>();
  return results.map(toInvite);
}

export const deleteInvite = async (db: D1Database, orgId: string, id: string) =>
  (await db.prepare('DELETE FROM invites WHERE id = ? AND org_id = ?').bind(id, orgId).run()).meta.changes > 0;

export const inviteByToken = (db: D1Database, tokenHash: string) =>
  db
    .prepare(
      'SELECT i.*, o.name AS organization FROM invites i JOIN organizations o ON o.id = i.org_id WHERE i.token_hash = ?',
    )
    .bind(tokenHash)
    .first<InviteRow & { organization: string }>();

/**
 * Uses the invite for `userId` (creating that user first when `newUser` is given) and adds the membership.
 * Returns false when the invite was used or expired in the meantime; then nothing was written.
 */
export async function claimInvite(
  db: D1Database,
  inviteId: string,
  userId: string,
  newUser?: { email: string; passwordHash: string },
): Promise<boolean> {
  const at = nowIso();
  const claimed = 'EXISTS (SELECT 1 FROM invites WHERE id = ?1 AND accepted_by = ?2)';
  const results = await db.batch([
    db
      .prepare(
        'UPDATE invites SET accepted_at = ?3, accepted_by = ?2 WHERE id = ?1 AND accepted_at IS NULL AND expires_at > ?3',
      )
      .bind(inviteId, userId, at),
    ...(newUser
      ? [
          db
            .prepare(`INSERT INTO users (id, email, password_hash, created_at) SELECT ?2, ?4, ?5, ?3 WHERE ${claimed}`)
            .bind(inviteId, userId, at, newUser.email, newUser.passwordHash),
        ]
      : []),
    db
      .prepare(
        'INSERT INTO memberships (org_id, user_id, role, created_at) SELECT org_id, ?2, role, ?3 FROM invites WHERE id = ?1 AND accepted_by = ?2 ON CONFLICT DO NOTHING',
      )
      .bind(inviteId, userId, at),
  ]);
  return results[0]!.meta.changes > 0;
}
