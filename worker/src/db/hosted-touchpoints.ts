// SQL behind the hosted prompt pages /t/{code}: a touchpoint by its short code, with its site's public key and the
// name of the organization that asks (a visitor at a shop counter knows the business, not its web site).

export interface HostedTouchpoint {
  siteKey: string;
  siteName: string;
  orgName: string;
  settings: string;
  key: string;
  name: string;
  /** True when the touchpoint has an enabled prompt: otherwise the page has nothing to ask. */
  asks: boolean;
}

export async function touchpointByCode(db: D1Database, code: string): Promise<HostedTouchpoint | null> {
  const row = await db
    .prepare(
      `SELECT s.key AS siteKey, s.name AS siteName, o.name AS orgName, s.settings, t.key, t.name, coalesce(p.enabled, 0) AS asks
       FROM touchpoints t JOIN sites s ON s.id = t.site_id JOIN organizations o ON o.id = s.org_id
       LEFT JOIN prompts p ON p.site_id = t.site_id AND p.touchpoint = t.key
       WHERE t.code = ?`,
    )
    .bind(code)
    .first<Omit<HostedTouchpoint, 'asks'> & { asks: number }>();
  return row ? { ...row, asks: !!row.asks } : null;
}
