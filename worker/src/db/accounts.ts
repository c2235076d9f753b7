// SQL for organizations, users, memberships and API tokens.
import type { Role, TokenScope } from '@throughline/schema';
import { newId, nowIso } from '../ids';

export interface UserRow {
  id: string;
  email: string;
  password_hash: string;
}

export const findUserByEmail = (db: D1Database, email: string) =>
  db.prepare('SELECT id, email, password_hash FROM users WHERE email = ?').bind(email).first<UserRow>();

/** Creates user, organization and owner membership in one batch. */
export async function createAccount(db: D1Database, email: string, passwordHash: string, organization: string) {
  const userId = newId();
  const orgId = newId();
  const at = nowIso();
  await db.batch([
    db
      .prepare('INSERT INTO users (id, email, password_hash, created_at) VALUES (?, ?, ?, ?)')
      .bind(userId, email, passwordHash, at),
    db.prepare('INSERT INTO organizations (id, name, created_at) VALUES (?, ?, ?)').bind(orgId, organization, at),
    db
      .prepare("INSERT INTO memberships (org_id, user_id, role, created_at) VALUES (?, ?, 'owner', ?)")
      .bind(orgId, userId, at),
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
  const org = await db
    .prepare('SELECT id, name FROM organizations WHERE id = ?')
    .bind(orgId)
    .first<{ id: string; name: string }>();
  const user = userId
    ? await db.prepare('SELECT id, email FROM users WHERE id = ?').bind(userId).first<{ id: string; email: string }>()
    : null;
  return { org, user };
}

/** A token made by a signed-in person (`userId`): it acts only while that person is a member. */
export async function createToken(
  db: D1Database,
  orgId: string,
  userId: string,
  name: string,
  scope: TokenScope,
  role: Role,
  tokenHash: string,
) {
  const id = newId();
  await db
    .prepare(
      'INSERT INTO api_tokens (id, org_id, name, token_hash, scope, role, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .bind(id, orgId, name, tokenHash, scope, role, userId, nowIso())
    .run();
  return id;
}

export const setPassword = (db: D1Database, userId: string, passwordHash: string) =>
  db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').bind(passwordHash, userId).run();

/** Ends every session of the person but the one whose id hashes to `keep`; returns how many ended. */
export async function endOtherSessions(db: D1Database, userId: string, keep: string): Promise<number> {
  const res = await db.prepare('DELETE FROM sessions WHERE user_id = ? AND id_hash <> ?').bind(userId, keep).run();
  return res.meta.changes;
}

/**
 * Deletes a person: their memberships, sessions and the organizations only they belonged to; the API tokens they
 * made are revoked (they would act no more anyway). Refused while they are the only owner of an organization with
 * other members, or the only member of one that still has sites (its data is deleted site by site).
 */
export async function deleteAccount(db: D1Database, userId: string): Promise<'last_owner' | 'has_sites' | null> {
  const orgs = await db
    .prepare(
      `SELECT m.org_id,
         (SELECT count(*) FROM memberships o WHERE o.org_id = m.org_id AND o.user_id <> ?1) AS others,
         (SELECT count(*) FROM memberships o WHERE o.org_id = m.org_id AND o.user_id <> ?1 AND o.role = 'owner') AS other_owners,
         (SELECT count(*) FROM sites s WHERE s.org_id = m.org_id) AS sites, m.role
       FROM memberships m WHERE m.user_id = ?1`,
    )
    .bind(userId)
    .all<{ org_id: string; others: number; other_owners: number; sites: number; role: string }>();
  for (const o of orgs.results) {
    if (o.others > 0 && o.role === 'owner' && o.other_owners === 0) return 'last_owner';
    if (o.others === 0 && o.sites > 0) return 'has_sites';
  }
  const alone = orgs.results.filter((o) => o.others === 0).map((o) => o.org_id);
  await db.batch([
    db
      .prepare('UPDATE api_tokens SET revoked_at = ? WHERE created_by = ? AND revoked_at IS NULL')
      .bind(nowIso(), userId),
    ...alone.map((id) => db.prepare('DELETE FROM organizations WHERE id = ?').bind(id)),
    db.prepare('DELETE FROM users WHERE id = ?').bind(userId),
  ]);
  return null;
}

/** Who did something, as logs and lists show it: the signed-in person's email, or 'API token'. */
export async function callerLabel(db: D1Database, caller: { userId: string | null }): Promise<string> {
  if (!caller.userId) return 'API token';
  return (
    (await db.prepare('SELECT email FROM users WHERE id = ?').bind(caller.userId).first<{ email: string }>())?.email ??
    'API token'
  );
}
