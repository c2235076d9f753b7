// SQL for a site's journey types (docs/metrics.md › Journey types): their names, stages and touchpoints. The
// default type's stages live in `stages` (db/sites.ts), and its touchpoints sit at their own `stage`, so the
// stages API and the touchpoint editor keep working on it unchanged.
import type { JourneyType, JourneyTypeTouchpoint } from '@throughline/schema';
import { newId, nowIso } from '../ids';
import { bumpConfigVersion, listStages } from './sites';

interface TypeRow {
  id: string;
  slug: string;
  name: string;
  position: number;
  is_default: number;
  stages: string | null;
}
interface MemberRow {
  type_id: string;
  touchpoint: string;
  stage: string;
}

/** What the site objects need to place each visit in a type (journey/rules.ts JourneyTypeRules). */
export interface TypeMap {
  /** The default type's id. */
  default: string;
  /** Every type's id, in the site's order. */
  order: string[];
  /** Touchpoint key → the ids of the types it serves, in the site's order (keys sorted, so equal maps are equal JSON);
   * a touchpoint that serves only the default is left out. */
  of: Record<string, string[]>;
}

/** The site's journey types, in order, with their stages and touchpoints. */
export async function listJourneyTypes(db: D1Database, siteId: string): Promise<JourneyType[]> {
  const [types, members, defaultStages] = await Promise.all([
    db
      .prepare(
        'SELECT id, slug, name, position, is_default, stages FROM journey_types WHERE site_id = ? ORDER BY position, created_at',
      )
      .bind(siteId)
      .all<TypeRow>(),
    db
      .prepare(
        `SELECT m.type_id, m.touchpoint, coalesce(m.stage, t.stage) AS stage FROM journey_type_touchpoints m
       JOIN touchpoints t ON t.site_id = m.site_id AND t.key = m.touchpoint WHERE m.site_id = ? ORDER BY t.position, t.created_at`,
      )
      .bind(siteId)
      .all<MemberRow>(),
    listStages(db, siteId),
  ]);
  return types.results.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    isDefault: r.is_default === 1,
    stages: r.is_default === 1 ? defaultStages : (JSON.parse(r.stages ?? '[]') as string[]),
    touchpoints: members.results.filter((m) => m.type_id === r.id).map((m) => ({ key: m.touchpoint, stage: m.stage })),
  }));
}

/** The site's type map for the rules: one query, small enough to read on every ingest cache miss. */
export async function typeMapOf(db: D1Database, siteId: string): Promise<TypeMap | null> {
  const { results } = await db
    .prepare(
      `SELECT jt.id, jt.is_default, m.touchpoint FROM journey_types jt LEFT JOIN journey_type_touchpoints m ON m.type_id = jt.id
     WHERE jt.site_id = ? ORDER BY jt.position, jt.created_at`,
    )
    .bind(siteId)
    .all<{ id: string; is_default: number; touchpoint: string | null }>();
  return typeMapFromRows(results);
}

export function typeMapFromRows(
  rows: readonly { id: string; is_default: number; touchpoint: string | null }[],
): TypeMap | null {
  const def = rows.find((r) => r.is_default === 1);
  if (!def) return null;
  const order = [...new Set(rows.map((r) => r.id))];
  const of: Record<string, string[]> = {};
  for (const r of rows) if (r.touchpoint !== null) (of[r.touchpoint] ??= []).push(r.id);
  // a touchpoint that serves the default alone is left out (the rules count it there anyway), so that adding one
  // to a site does not change the map, which would place every visit of the site again
  const sorted = Object.fromEntries(
    Object.keys(of)
      .sort()
      .filter((k) => !(of[k]!.length === 1 && of[k]![0] === def.id))
      .map((k) => [k, of[k]!]),
  );
  return { default: def.id, order, of: sorted };
}

/** A type by id or slug, or null. */
export async function findJourneyType(db: D1Database, siteId: string, ref: string): Promise<JourneyType | null> {
  return (await listJourneyTypes(db, siteId)).find((t) => t.id === ref || t.slug === ref) ?? null;
}

const memberStatements = (
  db: D1Database,
  siteId: string,
  typeId: string,
  isDefault: boolean,
  touchpoints: readonly JourneyTypeTouchpoint[],
) => [
  db.prepare('DELETE FROM journey_type_touchpoints WHERE type_id = ?').bind(typeId),
  ...touchpoints.flatMap((t) => [
    db
      .prepare('INSERT INTO journey_type_touchpoints (type_id, site_id, touchpoint, stage) VALUES (?, ?, ?, ?)')
      .bind(typeId, siteId, t.key, isDefault ? null : t.stage),
    // the default type's stage is the touchpoint's own
    ...(isDefault
      ? [db.prepare('UPDATE touchpoints SET stage = ? WHERE site_id = ? AND key = ?').bind(t.stage, siteId, t.key)]
      : []),
  ]),
];

export async function createJourneyType(
  db: D1Database,
  siteId: string,
  input: { name: string; slug: string; stages: string[]; touchpoints: JourneyTypeTouchpoint[] },
): Promise<string> {
  const id = newId().replace(/-/g, '');
  await db.batch([
    db
      .prepare(
        `INSERT INTO journey_types (id, site_id, slug, name, position, is_default, stages, created_at)
       VALUES (?, ?, ?, ?, (SELECT coalesce(max(position), -1) + 1 FROM journey_types WHERE site_id = ?), 0, ?, ?)`,
      )
      .bind(id, siteId, input.slug, input.name, siteId, JSON.stringify(input.stages), nowIso()),
    ...memberStatements(db, siteId, id, false, input.touchpoints).slice(1),
    bumpConfigVersion(db, siteId),
  ]);
  return id;
}

/** Writes a type's name, stages and touchpoints as given (the caller merged the patch and checked it). */
export async function updateJourneyType(
  db: D1Database,
  siteId: string,
  t: JourneyType,
  touchpointsChanged: boolean,
): Promise<void> {
  await db.batch([
    db
      .prepare('UPDATE journey_types SET name = ?, stages = ? WHERE id = ? AND site_id = ?')
      .bind(t.name, t.isDefault ? null : JSON.stringify(t.stages), t.id, siteId),
    ...(t.isDefault
      ? [
          db.prepare('DELETE FROM stages WHERE site_id = ?').bind(siteId),
          ...t.stages.map((s, i) =>
            db.prepare('INSERT INTO stages (site_id, position, name) VALUES (?, ?, ?)').bind(siteId, i, s),
          ),
        ]
      : []),
    ...(touchpointsChanged ? memberStatements(db, siteId, t.id, t.isDefault, t.touchpoints) : []),
    bumpConfigVersion(db, siteId),
  ]);
}

export async function reorderJourneyTypes(db: D1Database, siteId: string, order: readonly string[]): Promise<void> {
  await db.batch([
    ...order.map((id, i) =>
      db.prepare('UPDATE journey_types SET position = ? WHERE id = ? AND site_id = ?').bind(i, id, siteId),
    ),
    bumpConfigVersion(db, siteId),
  ]);
}

export async function deleteJourneyType(db: D1Database, siteId: string, id: string): Promise<void> {
  await db.batch([
    db.prepare('DELETE FROM journey_type_touchpoints WHERE type_id = ?').bind(id),
    db.prepare('DELETE FROM journey_types WHERE id = ? AND site_id = ? AND is_default = 0').bind(id, siteId),
    bumpConfigVersion(db, siteId),
  ]);
}

/** A new touchpoint serves the default type (at its own stage), as every touchpoint did before there were types. */
export const joinDefaultStatement = (db: D1Database, siteId: string, key: string) =>
  db
    .prepare(
      `INSERT OR IGNORE INTO journey_type_touchpoints (type_id, site_id, touchpoint, stage)
     SELECT id, site_id, ?, NULL FROM journey_types WHERE site_id = ? AND is_default = 1`,
    )
    .bind(key, siteId);
