// SQL for sites and their stages. Every read is scoped by organization: another tenant's id is "not found".
import {
  DEFAULT_STAGES,
  PartnerDomainSchema,
  SiteSettingsSchema,
  ThemeColorSchema,
  ThemeFontSchema,
  type Site,
  type SiteSettings,
} from '@throughline/schema';
import { newId, newSiteKey, nowIso } from '../ids';

interface SiteRow {
  id: string;
  key: string;
  name: string;
  origins: string;
  settings: string;
  created_at: string;
  config_version: number;
}

export const defaultSettings = (): SiteSettings => SiteSettingsSchema.parse({});

/**
 * Stored settings as the schema reads them. Settings saved while the theme and partners were not yet checked
 * may hold a colour such as `url(…)` or a partner that is no domain: those values fall back to the
 * default or are left out, so the prompt never fetches what an editor once typed.
 */
export function readSettings(stored: string): SiteSettings {
  const raw = JSON.parse(stored) as { theme?: Record<string, unknown>; partners?: unknown[] };
  const parsed = SiteSettingsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const { theme, partners, ...rest } = raw;
  const keep = <T>(schema: { safeParse(v: unknown): { success: boolean } }, v: T) =>
    v !== undefined && schema.safeParse(v).success ? v : undefined;
  const fixedTheme = theme && {
    color: keep(ThemeColorSchema, theme.color),
    font: keep(ThemeFontSchema, theme.font),
    radius: theme.radius,
  };
  return SiteSettingsSchema.parse({
    ...rest,
    theme: fixedTheme && Object.fromEntries(Object.entries(fixedTheme).filter(([, v]) => v !== undefined)),
    partners: Array.isArray(partners) ? partners.filter((p) => PartnerDomainSchema.safeParse(p).success) : undefined,
  });
}

function toSite(r: SiteRow): Site {
  return {
    id: r.id,
    key: r.key,
    name: r.name,
    origins: JSON.parse(r.origins),
    settings: readSettings(r.settings),
    createdAt: r.created_at,
  };
}

const COLUMNS = 'id, key, name, origins, settings, created_at, config_version';

export async function listSites(db: D1Database, orgId: string): Promise<Site[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM sites WHERE org_id = ? ORDER BY created_at`)
    .bind(orgId)
    .all<SiteRow>();
  return results.map(toSite);
}

/** The sites that have at least one alert destination (the scheduled alert run's list). */
export async function sitesWithAlertDestinations(db: D1Database): Promise<Site[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM sites WHERE id IN (SELECT site_id FROM alert_destinations) ORDER BY id`)
    .all<SiteRow>();
  return results.map(toSite);
}

export async function getSite(db: D1Database, orgId: string, id: string): Promise<Site | null> {
  const row = await db
    .prepare(`SELECT ${COLUMNS} FROM sites WHERE id = ? AND org_id = ?`)
    .bind(id, orgId)
    .first<SiteRow>();
  return row ? toSite(row) : null;
}

export async function createSite(
  db: D1Database,
  orgId: string,
  name: string,
  origins: string[],
  settings: SiteSettings,
): Promise<Site> {
  const id = newId();
  const key = newSiteKey();
  const at = nowIso();
  await db.batch([
    db
      .prepare('INSERT INTO sites (id, org_id, key, name, origins, settings, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .bind(id, orgId, key, name, JSON.stringify(origins), JSON.stringify(settings), at),
    ...DEFAULT_STAGES.map((stage, i) =>
      db.prepare('INSERT INTO stages (site_id, position, name) VALUES (?, ?, ?)').bind(id, i, stage),
    ),
    // its default journey type (db/journey-types.ts), whose stages are the rows above
    db
      .prepare(
        `INSERT INTO journey_types (id, site_id, slug, name, position, is_default, stages, created_at) VALUES (?, ?, 'main', 'Main journey', 0, 1, NULL, ?)`,
      )
      .bind(newId().replace(/-/g, ''), id, at),
  ]);
  return { id, key, name, origins, settings, createdAt: at };
}

export async function updateSite(
  db: D1Database,
  site: Site,
  patch: { name?: string; origins?: string[]; settings?: SiteSettings },
) {
  const next = { ...site, ...patch };
  await db
    .prepare('UPDATE sites SET name = ?, origins = ?, settings = ?, config_version = config_version + 1 WHERE id = ?')
    .bind(next.name, JSON.stringify(next.origins), JSON.stringify(next.settings), site.id)
    .run();
  return next;
}

/** Event tables of installs from before the site objects (migrations 0003–0008), until `pnpm move-events` empties them. */
export const LEGACY_EVENT_TABLES = [
  'comments',
  'answers',
  'visits',
  'rollup_answers',
  'rollup_visits',
  'rollup_transitions',
  'journeys',
  'journey_touchpoints',
  'journey_scores',
  'visitor_experience',
  'rollup_journeys',
  'rollup_journey_spans',
  'rollup_experience',
];

/** Deletes a site's setup from D1 (its events live in its site objects: store/site-stores.ts destroyStores). */
export async function deleteSite(db: D1Database, siteId: string) {
  await db.batch(
    [
      ...LEGACY_EVENT_TABLES,
      'legacy_moves',
      'alert_deliveries',
      'alert_states',
      'alert_destinations',
      'touchpoint_actions',
      'share_links',
      'journey_type_touchpoints',
      'journey_types',
      'prompts',
      'touchpoints',
      'stages',
    ]
      .map((t) => db.prepare(`DELETE FROM ${t} WHERE site_id = ?`).bind(siteId))
      .concat(db.prepare('DELETE FROM sites WHERE id = ?').bind(siteId)),
  );
}

export const bumpConfigVersion = (db: D1Database, siteId: string) =>
  db.prepare('UPDATE sites SET config_version = config_version + 1 WHERE id = ?').bind(siteId);

export async function listStages(db: D1Database, siteId: string): Promise<string[]> {
  const { results } = await db
    .prepare('SELECT name FROM stages WHERE site_id = ? ORDER BY position')
    .bind(siteId)
    .all<{ name: string }>();
  return results.map((r) => r.name);
}

export async function replaceStages(db: D1Database, siteId: string, stages: string[]) {
  await db.batch([
    db.prepare('DELETE FROM stages WHERE site_id = ?').bind(siteId),
    ...stages.map((s, i) =>
      db.prepare('INSERT INTO stages (site_id, position, name) VALUES (?, ?, ?)').bind(siteId, i, s),
    ),
    bumpConfigVersion(db, siteId),
  ]);
}
