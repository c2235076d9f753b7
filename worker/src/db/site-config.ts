// SQL behind the public endpoints: a site by its public key, and the widget config.
import { withThemeWording, type SiteConfig, type SiteSettings } from '@throughline/schema';
import { typeMapFromRows, type TypeMap } from './journey-types';
import { listStages, readSettings } from './sites';
import { listTouchpoints } from './touchpoints';

export interface PublicSite {
  id: string;
  key: string;
  origins: string[];
  configVersion: number;
}

export async function siteByKey(db: D1Database, key: string): Promise<PublicSite | null> {
  const row = await db
    .prepare('SELECT id, key, origins, config_version FROM sites WHERE key = ?')
    .bind(key)
    .first<{ id: string; key: string; origins: string; config_version: number }>();
  return row ? { id: row.id, key: row.key, origins: JSON.parse(row.origins), configVersion: row.config_version } : null;
}

/** The site of an ingest batch with its touchpoints' channels by key and its settings, in one D1 round trip (ingest's hot path). */
export async function ingestSiteByKey(
  db: D1Database,
  key: string,
): Promise<
  | (PublicSite & { channels: Map<string, string>; settings: SiteSettings; sendQuery: boolean; types: TypeMap | null })
  | null
> {
  const row = await db
    .prepare(
      `SELECT id, key, origins, config_version, settings,
       (SELECT json_group_object(t.key, t.channel) FROM touchpoints t WHERE t.site_id = sites.id) AS channels,
       (SELECT json_group_array(json_object('id', id, 'is_default', is_default, 'touchpoint', touchpoint)) FROM (
          SELECT jt.id, jt.is_default, m.touchpoint FROM journey_types jt LEFT JOIN journey_type_touchpoints m ON m.type_id = jt.id
          WHERE jt.site_id = sites.id ORDER BY jt.position, jt.created_at)) AS types
     FROM sites WHERE key = ?`,
    )
    .bind(key)
    .first<{
      id: string;
      key: string;
      origins: string;
      config_version: number;
      settings: string;
      channels: string;
      types: string;
    }>();
  if (!row) return null;
  const channels = new Map(Object.entries(JSON.parse(row.channels) as Record<string, string>));
  const settings = readSettings(row.settings);
  // the journey types the site objects place visits in (journey/rules.ts)
  const types = typeMapFromRows(JSON.parse(row.types));
  return {
    id: row.id,
    key: row.key,
    origins: JSON.parse(row.origins),
    configVersion: row.config_version,
    channels,
    settings,
    sendQuery: settings.sendQuery,
    types,
  };
}

export async function buildConfig(db: D1Database, site: PublicSite): Promise<SiteConfig> {
  const [settingsRow, stages, touchpoints] = await Promise.all([
    db
      .prepare('SELECT settings, name FROM sites WHERE id = ?')
      .bind(site.id)
      .first<{ settings: string; name: string }>(),
    listStages(db, site.id),
    listTouchpoints(db, site.id),
  ]);
  const settings = readSettings(settingsRow?.settings ?? '{}');
  const brand = settings.brandName || (settingsRow?.name ?? '');
  return {
    site: site.key,
    stages,
    // the `theme` question's built-in wording, naming the brand (packages/schema/src/brand.ts)
    touchpoints: touchpoints.map((t) => (t.prompt ? { ...t, prompt: withThemeWording(t.prompt, brand) } : t)),
    theme: settings.theme,
    budget: settings.budget,
    partners: settings.partners,
    sendQuery: settings.sendQuery,
  };
}

/** The site's config version now (null when the site is gone): what a cached copy is checked against. */
export async function configVersionOf(db: D1Database, siteId: string): Promise<number | null> {
  const row = await db
    .prepare('SELECT config_version AS v FROM sites WHERE id = ?')
    .bind(siteId)
    .first<{ v: number }>();
  return row?.v ?? null;
}
