// Moving an install from before the site objects: a site's visits and answers in D1's old event tables
// (migrations 0003–0008) go into its objects through the same rules as ingest. One call moves one page; the
// keyset of the last moved event is kept in legacy_moves, so the move resumes where it stopped, and an event
// moved twice is a duplicate (stored once). When a site is done, its old rows are deleted from D1.
import type { Site } from '@throughline/schema';
import { LEGACY_EVENT_TABLES } from '../db/sites';
import { NO_CONTEXT, type SegmentContext } from '../journey/segments';
import type { IncomingEvent } from './event-rows';
import { storeEvents } from './site-stores';

const PAGE = 500;
const KINDS = ['visits', 'answers'] as const;

interface LegacyRow {
  id: string;
  visitor: string;
  touchpoint: string;
  from_touchpoint: string | null;
  at: string;
  device: string | null;
  arrival: string | null;
  locale: string | null;
  country: string | null;
  is_returning: number | null;
  channel?: string;
  path?: string | null;
  source?: string;
  comment?: string | null;
  sensorial?: number | null;
  affective?: number | null;
  cognitive?: number | null;
  relational?: number | null;
  behavioral?: number | null;
  importance?: number | null;
  handoff?: number | null;
}

export interface MoveProgress {
  moved: number;
  done: boolean;
}

const DIMENSIONS = [
  'sensorial',
  'affective',
  'cognitive',
  'relational',
  'behavioral',
  'importance',
  'handoff',
] as const;

function toIncoming(row: LegacyRow, kind: 'visit' | 'answer', channels: Map<string, string>): IncomingEvent {
  const context: SegmentContext = {
    ...NO_CONTEXT,
    device: row.device,
    arrival: row.arrival,
    locale: row.locale,
    country: row.country,
    returning: row.is_returning === null ? null : row.is_returning === 1,
  };
  const scores =
    kind === 'answer'
      ? Object.fromEntries(DIMENSIONS.filter((d) => row[d] !== null && row[d] !== undefined).map((d) => [d, row[d]!]))
      : null;
  return {
    id: row.id,
    visitor: row.visitor,
    kind,
    at: row.at,
    touchpoint: row.touchpoint,
    channel: row.channel ?? channels.get(row.touchpoint) ?? 'web',
    from: row.from_touchpoint,
    context,
    path: row.path ?? null,
    scores,
    comment: row.comment ?? null,
    source: row.source === 'import' ? 'import' : 'widget',
  };
}

/** Moves the next page of a site's old events; `done` once nothing is left (and the old rows are gone). */
export async function moveLegacyPage(
  env: Cloudflare.Env,
  site: Site,
  channels: Map<string, string>,
): Promise<MoveProgress> {
  const db = env.DB;
  await db.prepare('INSERT INTO legacy_moves (site_id) VALUES (?) ON CONFLICT DO NOTHING').bind(site.id).run();
  const state = (await db
    .prepare('SELECT kind, after_id, moved, done FROM legacy_moves WHERE site_id = ?')
    .bind(site.id)
    .first<{ kind: number; after_id: string; moved: number; done: number }>())!;
  if (state.done) return { moved: state.moved, done: true };
  const table = KINDS[state.kind]!;
  const sql =
    table === 'visits'
      ? 'SELECT * FROM visits WHERE site_id = ? AND id > ? ORDER BY id LIMIT ?'
      : `SELECT a.*, c.body AS comment FROM answers a LEFT JOIN comments c ON c.site_id = a.site_id AND c.answer_id = a.id
       WHERE a.site_id = ? AND a.id > ? ORDER BY a.id LIMIT ?`;
  const { results } = await db.prepare(sql).bind(site.id, state.after_id, PAGE).all<LegacyRow>();
  if (results.length) {
    await storeEvents(
      env,
      site.id,
      site.settings,
      results.map((r) => toIncoming(r, table === 'visits' ? 'visit' : 'answer', channels)),
    );
  }
  const last = results[results.length - 1];
  const finished = results.length < PAGE;
  const nextKind = finished ? state.kind + 1 : state.kind;
  const done = nextKind >= KINDS.length;
  await db
    .prepare('UPDATE legacy_moves SET kind = ?, after_id = ?, moved = moved + ?, done = ? WHERE site_id = ?')
    .bind(Math.min(nextKind, KINDS.length - 1), finished ? '' : last!.id, results.length, +done, site.id)
    .run();
  if (done)
    await db.batch(LEGACY_EVENT_TABLES.map((t) => db.prepare(`DELETE FROM ${t} WHERE site_id = ?`).bind(site.id)));
  return { moved: state.moved + results.length, done };
}
