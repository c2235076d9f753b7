// Session cookies: __Host- prefixed, Secure, HttpOnly, SameSite=Lax; a new id at every login;
// idle and absolute expiry. Only the SHA-256 of the session id is stored.
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../env';
import { newSecret, sha256 } from '../ids';

export const SESSION_COOKIE = '__Host-tl_session';
const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
const SESSION_ABSOLUTE_MS = 14 * 24 * 60 * 60 * 1000;

export async function startSession(c: Context<AppEnv>, userId: string, orgId: string): Promise<void> {
  const old = getCookie(c, SESSION_COOKIE);
  if (old)
    await c.env.DB.prepare('DELETE FROM sessions WHERE id_hash = ?')
      .bind(await sha256(old))
      .run();
  const id = newSecret();
  const now = Date.now();
  await c.env.DB.prepare(
    'INSERT INTO sessions (id_hash, user_id, org_id, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)',
  )
    .bind(await sha256(id), userId, orgId, now, now)
    .run();
  setCookie(c, SESSION_COOKIE, id, {
    path: '/',
    secure: true,
    httpOnly: true,
    sameSite: 'Lax',
    maxAge: SESSION_ABSOLUTE_MS / 1000,
  });
}

export async function endSession(c: Context<AppEnv>): Promise<void> {
  const id = getCookie(c, SESSION_COOKIE);
  if (id)
    await c.env.DB.prepare('DELETE FROM sessions WHERE id_hash = ?')
      .bind(await sha256(id))
      .run();
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true });
}

export interface SessionRow {
  user_id: string;
  org_id: string;
  role: 'owner' | 'editor' | 'viewer';
}

/** The live session of this request, touching its idle timer; null when absent or expired. */
export async function readSession(c: Context<AppEnv>): Promise<SessionRow | null> {
  const id = getCookie(c, SESSION_COOKIE);
  if (!id) return null;
  const idHash = await sha256(id);
  const now = Date.now();
  const row = await c.env.DB.prepare(
    `SELECT s.user_id, s.org_id, m.role, s.created_at, s.last_seen_at FROM sessions s
     JOIN memberships m ON m.org_id = s.org_id AND m.user_id = s.user_id WHERE s.id_hash = ?`,
  )
    .bind(idHash)
    .first<SessionRow & { created_at: number; last_seen_at: number }>();
  if (!row) return null;
  if (now - row.last_seen_at > SESSION_IDLE_MS || now - row.created_at > SESSION_ABSOLUTE_MS) {
    await c.env.DB.prepare('DELETE FROM sessions WHERE id_hash = ?').bind(idHash).run();
    return null;
  }
  // Touch at most once a minute: a dashboard page makes several calls.
  if (now - row.last_seen_at > 60_000) {
    await c.env.DB.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?').bind(now, idHash).run();
  }
  return { user_id: row.user_id, org_id: row.org_id, role: row.role };
}
