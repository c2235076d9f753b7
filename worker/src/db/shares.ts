// SQL of share links (migration 0013): only the token's SHA-256 is stored.
import type { Share, ShareView } from '@throughline/schema';
import { newId } from '../ids';

interface Row {
  id: string;
  site_id: string;
  view: ShareView;
  query: string;
  label: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

const toShare = (r: Row, now: string): Share => ({
  id: r.id,
  view: r.view,
  query: r.query,
  label: r.label,
  createdBy: r.created_by,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
  state: r.revoked_at ? 'revoked' : r.expires_at <= now ? 'expired' : 'active',
});

export async function listShares(db: D1Database, siteId: string, now: string): Promise<Share[]> {
  const { results } = await db
    .prepare('SELECT * FROM share_links WHERE site_id = ? ORDER BY created_at DESC, id')
    .bind(siteId)
    .all<Row>();
  return results.map((r) => toShare(r, now));
}

export async function createShare(
  db: D1Database,
  s: {
    siteId: string;
    tokenHash: string;
    view: ShareView;
    query: string;
    label: string;
    by: string;
    now: string;
    expiresAt: string;
  },
): Promise<Share> {
  const id = newId();
  await db
    .prepare(
      `INSERT INTO share_links (id, site_id, token_hash, view, query, label, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .bind(id, s.siteId, s.tokenHash, s.view, s.query, s.label, s.by, s.now, s.expiresAt)
    .run();
  return toShare(
    {
      id,
      site_id: s.siteId,
      view: s.view,
      query: s.query,
      label: s.label,
      created_by: s.by,
      created_at: s.now,
      expires_at: s.expiresAt,
      revoked_at: null,
    },
    s.now,
  );
}

export async function revokeShare(db: D1Database, siteId: string, id: string, now: string): Promise<boolean> {
  const r = await db
    .prepare('UPDATE share_links SET revoked_at = coalesce(revoked_at, ?) WHERE id = ? AND site_id = ?')
    .bind(now, id, siteId)
    .run();
  return (r.meta.changes ?? 0) > 0;
}

/** The live share of a token (not revoked, not expired) with its site's organization and name. */
export async function activeShare(db: D1Database, tokenHash: string, now: string) {
  return db
    .prepare(
      `SELECT l.site_id, l.view, l.query, l.label, l.expires_at, s.org_id, s.name AS site_name FROM share_links l JOIN sites s ON s.id = l.site_id
     WHERE l.token_hash = ? AND l.revoked_at IS NULL AND l.expires_at > ?`,
    )
    .bind(tokenHash, now)
    .first<{
      site_id: string;
      view: ShareView;
      query: string;
      label: string;
      expires_at: string;
      org_id: string;
      site_name: string;
    }>();
}
