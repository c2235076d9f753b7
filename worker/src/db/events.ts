// SQL that stores visits and answers, once per event id. Rollups follow by trigger (migrations/), per inserted row.
// A batch costs at most three statements whatever its size: one `INSERT … SELECT … FROM json_each(?)` per table
// (visits, answers, comments) with the table's rows as one JSON parameter, because D1's cost is per statement
// (and a statement may bind only 100 parameters).
import { EXPERIENCE_DIMENSIONS, type Context as VisitContext, type TrackedEvent } from '@throughline/schema';

export interface StoredEvent {
  visitor: string;
  event: TrackedEvent;
  /** The touchpoint's channel (web, email, offline, ...). */
  channel: string;
}

export interface StoreBatch {
  siteId: string;
  country: string | null;
  source: 'widget' | 'import';
  events: StoredEvent[];
  /**
   * Write only if the site's config_version is still this one (the config the events were checked against came
   * from a cache); otherwise nothing is written and the result says `stale`.
   */
  configVersion?: number;
}

export interface StoreResult {
  accepted: number;
  duplicates: number;
  /** D1's rows written (raw rows, rollup rows by trigger, index entries): the cost the ingest benchmark reports. */
  rowsWritten: number;
  /** The site's config changed (or the site is gone) since `configVersion`: nothing was written. */
  stale: boolean;
}

type Cell = string | number | null;

/** Language part of a locale ('de-CH' → 'de'): segments stay few. */
const language = (locale?: string) => locale?.toLowerCase().split('-')[0] ?? null;

/** device, arrival, locale, country, is_returning: the segment columns every raw row carries. */
function contextColumns(ctx: VisitContext | undefined, country: string | null): Cell[] {
  return [ctx?.device ?? null, ctx?.channel ?? null, language(ctx?.locale), country, ctx?.returning === undefined ? null : +ctx.returning];
}

/** Mean of the experience dimensions an answer carries (1–5), or null: the answer's quality. */
export function answerQuality(answers: Partial<Record<string, number>>): number | null {
  const values = EXPERIENCE_DIMENSIONS.map((d) => answers[d]).filter((v): v is number => v !== undefined);
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

const VISIT_COLUMNS = ['site_id', 'id', 'visitor', 'touchpoint', 'from_touchpoint', 'at', 'day', 'device', 'arrival', 'locale', 'country',
  'is_returning', 'path', 'channel'];
const ANSWER_COLUMNS = ['site_id', 'id', 'visitor', 'touchpoint', 'from_touchpoint', 'at', 'day', 'device', 'arrival', 'locale', 'country',
  'is_returning', 'sensorial', 'affective', 'cognitive', 'relational', 'behavioral', 'importance', 'handoff', 'quality', 'source'];
const COMMENT_COLUMNS = ['site_id', 'answer_id', 'touchpoint', 'at', 'body'];

/** The rows of each table for a batch, in the batch's order (triggers see earlier rows of the same batch). */
function tableRows(b: StoreBatch) {
  const visits: Cell[][] = [];
  const answers: Cell[][] = [];
  const comments: Cell[][] = [];
  for (const { visitor, event: e, channel } of b.events) {
    const at = new Date(e.at).toISOString();
    const common = [b.siteId, e.id, visitor, e.touchpoint, e.from ?? null, at, at.slice(0, 10), ...contextColumns(e.context, b.country)];
    if (e.type === 'visit') {
      visits.push([...common, e.context?.path ?? null, channel]);
      continue;
    }
    const a = e.answers;
    answers.push([...common, a.sensorial ?? null, a.affective ?? null, a.cognitive ?? null, a.relational ?? null, a.behavioral ?? null,
      a.importance ?? null, a.handoff ?? null, answerQuality(a), b.source]);
    if (e.comment) comments.push([b.siteId, e.id, e.touchpoint, at, e.comment]);
  }
  return { visits, answers, comments };
}

/**
 * One statement that inserts all `rows` (arrays in `columns` order) from one JSON parameter, each row once:
 * `RETURNING` lists the rows really inserted (a duplicate id returns nothing). With `guard`, only while the
 * site's config_version is still the given one.
 */
function insertRows(db: D1Database, table: string, columns: string[], rows: Cell[][], guard: [string, number] | null) {
  const cells = columns.map((_, i) => `r.value ->> ${i}`).join(', ');
  const where = guard ? '(SELECT config_version FROM sites WHERE id = ?2) = ?3' : 'true'; // a WHERE keeps ON CONFLICT unambiguous
  return db.prepare(
    `INSERT INTO ${table} (${columns.join(', ')}) SELECT ${cells} FROM json_each(?1) r WHERE ${where} ORDER BY r.key
     ON CONFLICT DO NOTHING RETURNING 1`,
  ).bind(JSON.stringify(rows), ...(guard ?? []));
}

/**
 * Stores a batch of one site's events in one D1 batch (one transaction: all or nothing): visits, then answers,
 * then comments. Triggers run per inserted row, so rollups stay in step and a duplicate counts nowhere.
 */
export async function storeEvents(db: D1Database, b: StoreBatch): Promise<StoreResult> {
  if (!b.events.length) return { accepted: 0, duplicates: 0, rowsWritten: 0, stale: false };
  const { visits, answers, comments } = tableRows(b);
  const guard: [string, number] | null = b.configVersion === undefined ? null : [b.siteId, b.configVersion];
  // In the same transaction as the inserts: the version they were guarded by.
  const version = guard ? [db.prepare('SELECT config_version AS version FROM sites WHERE id = ?').bind(b.siteId)] : [];
  const events = [
    ...(visits.length ? [insertRows(db, 'visits', VISIT_COLUMNS, visits, guard)] : []),
    ...(answers.length ? [insertRows(db, 'answers', ANSWER_COLUMNS, answers, guard)] : []),
  ];
  const rest = comments.length ? [insertRows(db, 'comments', COMMENT_COLUMNS, comments, guard)] : [];
  const results = await db.batch([...version, ...events, ...rest]);
  const rowsWritten = results.reduce((n, r) => n + (r.meta.rows_written ?? 0), 0);
  const stale = guard !== null && (results[0]!.results[0] as { version: number } | undefined)?.version !== b.configVersion;
  if (stale) return { accepted: 0, duplicates: 0, rowsWritten, stale };
  const accepted = results.slice(version.length, version.length + events.length).reduce((n, r) => n + r.results.length, 0);
  return { accepted, duplicates: b.events.length - accepted, rowsWritten, stale };
}
