// SQL for password reset links. Issuing one retires the person's open links; using one marks it used, sets the
// password and ends every session of the person in one batch, and only the request whose claim marked it used
// gets through: a link works once, even when opened twice at the same moment.
import { newId, newSecret, nowIso } from '../ids';

export interface ResetRow {
  id: string;
  user_id: string;
  email: string;
  expires_at: string;
  used_at: string | null;
}

/** A new link for `userId`, valid for `minutes`; returns its secret token (only its hash is stored) and expiry. */
export async function createReset(
  db: D1Database,
  userId: string,
  by: string | null,
  tokenHash: string,
  minutes: number,
) {
  const at = nowIso();
  const expiresAt = new Date(Date.now() + minutes * 60_000).toISOString();
  await db.batch([
    db.prepare('UPDATE password_resets SET used_at = ?2 WHERE user_id = ?1 AND used_at IS NULL').bind(userId, at),
    db
      .prepare(
        'INSERT INTO password_resets (id, user_id, token_hash, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .bind(newId(), userId, tokenHash, by, at, expiresAt),
  ]);
  return { expiresAt };
}

export const resetByToken = (db: D1Database, tokenHash: string) =>
  db
    .prepare(
      'SELECT r.id, r.user_id, u.email, r.expires_at, r.used_at FROM password_resets r JOIN users u ON u.id = r.user_id WHERE r.token_hash = ?',
    )
    .bind(tokenHash)
    .first<ResetRow>();

/**
 * Uses the link: sets the password and ends every session of its person. Returns that person's id, or null when
 * the link was used or expired in the meantime (then nothing was written).
 */
export async function useReset(db: D1Database, resetId: string, passwordHash: string): Promise<string | null> {
  const claim = newSecret();
  const claimed = '(SELECT user_id FROM password_resets WHERE id = ?1 AND claim = ?2)';
  const [used] = await db.batch([
    db
      .prepare(
        'UPDATE password_resets SET used_at = ?3, claim = ?2 WHERE id = ?1 AND used_at IS NULL AND expires_at > ?3',
      )
      .bind(resetId, claim, nowIso()),
    db.prepare(`UPDATE users SET password_hash = ?3 WHERE id = ${claimed}`).bind(resetId, claim, passwordHash),
    db.prepare(`DELETE FROM sessions WHERE user_id = ${claimed}`).bind(resetId, claim),
  ]);
  if (!used!.meta.changes) return null;
  const row = await db
    .prepare('SELECT user_id FROM password_resets WHERE id = ?')
    .bind(resetId)
    .first<{ user_id: string }>();
  return row?.user_id ?? null;
}

/** The organizations `userId` belongs to where `ownerId` is not an owner: an owner resets only those they answer for. */
export async function membershipsBeyond(db: D1Database, userId: string, ownerId: string): Promise<number> {
  const row = await db
    .prepare(
      `SELECT count(*) AS n FROM memberships m WHERE m.user_id = ?1 AND NOT EXISTS
         (SELECT 1 FROM memberships o WHERE o.org_id = m.org_id AND o.user_id = ?2 AND o.role = 'owner')`,
    )
    .bind(userId, ownerId)
    .first<{ n: number }>();
  return row?.n ?? 0;
}
