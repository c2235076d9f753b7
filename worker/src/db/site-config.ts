// SQL behind the public endpoints: a site by its public key, and the widget config.
import { SiteSettingsSchema, type SiteConfig } from '@throughline/schema';
import { listStages } from './sites';
import { listTouchpoints } from './touchpoints';

export interface PublicSite { id: string; key: string; origins: string[]; configVersion: number }

export async function siteByKey(db: D1Database, key: string): Promise<PublicSite | null> {
  const row = await db.prepare('SELECT id, key, origins, config_version FROM sites WHERE key = ?').bind(key)
    .first<{ id: string; key: string; origins: string; config_version: number }>();
  return row ? { id: row.id, key: row.key, origins: JSON.parse(row.origins), configVersion: row.config_version } : null;
}

export async function buildConfig(db: D1Database, site: PublicSite): Promise<SiteConfig> {
  const [settingsRow, stages, touchpoints] = await Promise.all([
    db.prepare('SELECT settings FROM sites WHERE id = ?').bind(site.id).first<{ settings: string }>(),
    listStages(db, site.id),
    listTouchpoints(db, site.id),
  ]);
  const settings = SiteSettingsSchema.parse(JSON.parse(settingsRow?.settings ?? '{}'));
  return {
    site: site.key, stages, touchpoints,
    theme: settings.theme, budget: settings.budget, partners: settings.partners, sendQuery: settings.sendQuery,
  };
}
