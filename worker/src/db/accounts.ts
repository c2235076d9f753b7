// SQL for organizations, users, memberships and API tokens.
import type { Role, TokenScope } from '@throughline/schema';
import { newId, nowIso } from '../ids';

export interface UserRow { id: string; email: string; password_hash: string }

export const findUserByEmail = (db: D1Database, email: string) =>
  db.prepare('SELECT id, email, password_hash FROM users WHERE email = ?').bind(email).first<UserRow>();

/** Creates user, organization and owner membership in one batch. */
export async function createAccount(db: D1Database, email: string, passwordHash: string, organization: string) {
  const userId = newId();
  const orgId = newId();
  const at = nowIso();
  await db.batch([
    db.prepare('INSERT INTO users (id, email, password_hash, created_at) VALUES (?, ?, ?, ?)').bind(userId, email, passwordHash, at),
    db.prepare('INSERT INTO organizations (id, name, created_at) VALUES (?, ?, ?)').bind(orgId, organization, at),
    db.prepare("INSERT INTO memberships (org_id, user_id, role, created_at) VALUES (?, ?, 'owner', ?)").bind(orgId, userId, at),
  ]);
  return { userId, orgId };
}

/** The first organization of a user (the one a login opens). */
export const firstMembership = (db: D1Database, userId: string) =>
  db
    .prepare('SELECT org_id, role FROM memberships WHERE user_id = ? ORDER BY created_at LIMIT 1')
    .bind(userId)
    .first<{ org_id: string; role: Role }>();

/** The organizations a person belongs to, oldest membership first, with their role in each. */
export const listMemberships = (db: D1Database, userId: string) =>
  db
    .prepare(
      `SELECT o.id, o.name, m.role FROM memberships m JOIN organizations o ON o.id = m.org_id
       WHERE m.user_id = ? ORDER BY m.created_at, o.id`,
    )
    .bind(userId)
    .all<{ id: string; name: string; role: Role }>()
    .then((r) => r.results);

export async function describeCaller(db: D1Database, userId: string | null, orgId: string) {
  const org = await db.prepare('SELECT id, name FROM organizations WHERE id = ?').bind(orgId).first<{ id: string; name: string }>();
  const user = userId ? await db.prepare('SELECT id, email FROM users WHERE id = ?').bind(userId).first<{ id: string; email: string }>() : null;
  return { org, user };
}

/** A token made by a signed-in person (`userId`): it acts only while that person is a member. */
export async function createToken(db: D1Database, orgId: string, userId: string, name: string, scope: TokenScope, role: Role, tokenHash: string) {
  const id = newId();
  await db
    .prepare('INSERT INTO api_tokens (id, org_id, name, token_hash, scope, role, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .bind(id, orgId, name, tokenHash, scope, role, userId, nowIso())
    .run();
  return id;
}
