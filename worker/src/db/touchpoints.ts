// SQL for touchpoints and their prompts.
import { PromptInputSchema, type Prompt, type Touchpoint } from '@throughline/schema';
import { newShortCode, nowIso } from '../ids';
import { joinDefaultStatement } from './journey-types';
import { bumpConfigVersion } from './sites';

interface TouchpointRow {
  key: string;
  name: string;
  stage: string;
  channel: string;
  owner: string;
  team: string;
  match: string;
  code: string;
  natural_end: number;
}
interface PromptRow {
  touchpoint: string;
  dimensions: string;
  wording: string;
  sampling: number;
  trigger: string;
  recontact_days: number;
  comment: number;
  enabled: number;
}

export type TouchpointWithPrompt = Touchpoint & { prompt: Prompt | null };

const toTouchpoint = (r: TouchpointRow): Touchpoint => ({
  key: r.key,
  name: r.name,
  stage: r.stage,
  channel: r.channel as Touchpoint['channel'],
  owner: r.owner as Touchpoint['owner'],
  team: r.team,
  match: JSON.parse(r.match),
  naturalEnd: r.natural_end === 1,
  code: r.code,
});

const toPrompt = (r: PromptRow): Prompt =>
  PromptInputSchema.parse({
    dimensions: JSON.parse(r.dimensions),
    wording: JSON.parse(r.wording),
    sampling: r.sampling,
    trigger: JSON.parse(r.trigger),
    recontactDays: r.recontact_days,
    comment: !!r.comment,
    enabled: !!r.enabled,
  });

export async function listTouchpoints(db: D1Database, siteId: string): Promise<TouchpointWithPrompt[]> {
  const [tps, prompts] = await db.batch([
    db
      .prepare(
        'SELECT key, name, stage, channel, owner, team, match, code, natural_end FROM touchpoints WHERE site_id = ? ORDER BY position, created_at',
      )
      .bind(siteId),
    db.prepare('SELECT * FROM prompts WHERE site_id = ?').bind(siteId),
  ]);
  const byKey = new Map((prompts!.results as PromptRow[]).map((p) => [p.touchpoint, toPrompt(p)]));
  return (tps!.results as TouchpointRow[]).map((r) => ({ ...toTouchpoint(r), prompt: byKey.get(r.key) ?? null }));
}

export async function getTouchpoint(db: D1Database, siteId: string, key: string): Promise<TouchpointWithPrompt | null> {
  return (await listTouchpoints(db, siteId)).find((t) => t.key === key) ?? null;
}

export async function createTouchpoint(
  db: D1Database,
  siteId: string,
  tp: Omit<Touchpoint, 'code'>,
): Promise<Touchpoint> {
  const code = newShortCode();
  await db.batch([
    db
      .prepare(
        `INSERT INTO touchpoints (site_id, key, name, stage, channel, owner, team, match, natural_end, code, staff_code, position, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(position), -1) + 1 FROM touchpoints WHERE site_id = ?), ?)`,
        // staff_code: the staff pulse page /e/{code} (db/pulse.ts), a code of its own
      )
      .bind(
        siteId,
        tp.key,
        tp.name,
        tp.stage,
        tp.channel,
        tp.owner,
        tp.team ?? '',
        JSON.stringify(tp.match),
        +(tp.naturalEnd ?? false),
        code,
        newShortCode(),
        siteId,
        nowIso(),
      ),
    joinDefaultStatement(db, siteId, tp.key),
    bumpConfigVersion(db, siteId),
  ]);
  return { ...tp, code };
}

export async function updateTouchpoint(db: D1Database, siteId: string, tp: Touchpoint) {
  await db.batch([
    db
      .prepare(
        'UPDATE touchpoints SET name = ?, stage = ?, channel = ?, owner = ?, team = ?, match = ?, natural_end = ? WHERE site_id = ? AND key = ?',
      )
      .bind(
        tp.name,
        tp.stage,
        tp.channel,
        tp.owner,
        tp.team ?? '',
        JSON.stringify(tp.match),
        +(tp.naturalEnd ?? false),
        siteId,
        tp.key,
      ),
    bumpConfigVersion(db, siteId),
  ]);
}

export async function deleteTouchpoint(db: D1Database, siteId: string, key: string) {
  await db.batch([
    db.prepare('DELETE FROM prompts WHERE site_id = ? AND touchpoint = ?').bind(siteId, key),
    db.prepare('DELETE FROM touchpoints WHERE site_id = ? AND key = ?').bind(siteId, key),
    bumpConfigVersion(db, siteId),
  ]);
}

export async function putPrompt(db: D1Database, siteId: string, key: string, p: Prompt) {
  await db.batch([
    db
      .prepare(
        `INSERT INTO prompts (site_id, touchpoint, dimensions, wording, sampling, trigger, recontact_days, comment, enabled)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (site_id, touchpoint) DO UPDATE SET dimensions = excluded.dimensions, wording = excluded.wording,
         sampling = excluded.sampling, trigger = excluded.trigger, recontact_days = excluded.recontact_days,
         comment = excluded.comment, enabled = excluded.enabled`,
      )
      .bind(
        siteId,
        key,
        JSON.stringify(p.dimensions),
        JSON.stringify(p.wording),
        p.sampling,
        JSON.stringify(p.trigger),
        p.recontactDays,
        +p.comment,
        +p.enabled,
      ),
    bumpConfigVersion(db, siteId),
  ]);
}

/** Touchpoint keys of a site by their channel: what ingest checks events against. */
export async function touchpointChannels(db: D1Database, siteId: string): Promise<Map<string, string>> {
  const { results } = await db
    .prepare('SELECT key, channel FROM touchpoints WHERE site_id = ?')
    .bind(siteId)
    .all<{ key: string; channel: string }>();
  return new Map(results.map((r) => [r.key, r.channel]));
}
