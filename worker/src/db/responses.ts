// SQL for the responses list and the exports: answers with their comments, filtered, newest first, read in
// keyset pages (at, id) so that a page costs the same at the start and at the end of a big site.
import type { ResponseRow, ResponsesFilter } from '@throughline/schema';
import { ApiError } from '../errors';

interface AnswerRow {
  id: string; visitor: string; touchpoint: string; from_touchpoint: string | null; at: string;
  sensorial: number | null; affective: number | null; cognitive: number | null; relational: number | null;
  behavioral: number | null; importance: number | null; handoff: number | null; quality: number | null;
  device: string | null; arrival: string | null; locale: string | null; country: string | null; is_returning: number | null;
  source: 'widget' | 'import'; comment: string | null;
}

const DIMENSION_COLUMNS = ['sensorial', 'affective', 'cognitive', 'relational', 'behavioral', 'importance', 'handoff'] as const;

/** Segment name (as in analytics, `device:mobile`) → the answers column it filters. */
const SEGMENT_COLUMNS: Record<string, string> = { device: 'a.device', channel: 'a.arrival', locale: 'a.locale', country: 'a.country' };

function where(siteId: string, f: ResponsesFilter): { sql: string; binds: unknown[] } {
  const parts = ['a.site_id = ?'];
  const binds: unknown[] = [siteId];
  if (f.from) parts.push('a.day >= ?'), binds.push(f.from);
  if (f.to) parts.push('a.day <= ?'), binds.push(f.to);
  if (f.touchpoint) parts.push('a.touchpoint = ?'), binds.push(f.touchpoint);
  if (f.hasComment) parts.push(f.hasComment === 'true' ? 'c.body IS NOT NULL' : 'c.body IS NULL');
  if (f.segment) {
    const [name, value] = f.segment.split(':') as [string, string];
    if (SEGMENT_COLUMNS[name]) parts.push(`${SEGMENT_COLUMNS[name]} = ?`), binds.push(value);
    else if (name === 'returning') parts.push('a.is_returning = ?'), binds.push(value === 'yes' ? 1 : 0);
    else if (name === 'stage') parts.push('a.touchpoint IN (SELECT key FROM touchpoints WHERE site_id = a.site_id AND stage = ?)'), binds.push(value);
    else throw new ApiError(400, 'unknown_segment', `no segment named "${name}"; use device, channel, locale, country, returning or stage`);
  }
  return { sql: parts.join(' AND '), binds };
}

/** Throws the 4xx a filter would give, before a streamed export has sent its first byte. */
export function checkResponsesFilter(f: ResponsesFilter): void {
  where('', f);
}

/** The opaque cursor of the row after which the next page starts. */
const encodeCursor = (r: { at: string; id: string }) => btoa(`${r.at}|${r.id}`).replace(/=+$/, '');

function decodeCursor(cursor: string): { at: string; id: string } {
  try {
    const [at, id] = atob(cursor).split('|');
    if (at && id && !Number.isNaN(Date.parse(at))) return { at, id };
  } catch { /* below */ }
  throw new ApiError(400, 'invalid_cursor', 'the cursor is not one this API gave out');
}

function toResponse(r: AnswerRow): ResponseRow {
  const answers: ResponseRow['answers'] = {};
  for (const d of DIMENSION_COLUMNS) if (r[d] !== null) answers[d] = r[d];
  return {
    id: r.id, visitor: r.visitor, touchpoint: r.touchpoint, from: r.from_touchpoint, at: r.at, answers,
    quality: r.quality === null ? null : Math.round(((r.quality - 1) / 4) * 1000) / 10,
    comment: r.comment,
    context: { device: r.device, channel: r.arrival, locale: r.locale, country: r.country, returning: r.is_returning === null ? null : r.is_returning === 1 },
    source: r.source,
  };
}

/** One page of matching answers, newest first, and the cursor of the next page (null on the last). */
export async function readResponses(db: D1Database, siteId: string, f: ResponsesFilter, limit: number, cursor?: string) {
  const w = where(siteId, f);
  const after = cursor ? decodeCursor(cursor) : null;
  const { results } = await db
    .prepare(
      `SELECT a.*, c.body AS comment FROM answers a
       LEFT JOIN comments c ON c.site_id = a.site_id AND c.answer_id = a.id
       WHERE ${w.sql} ${after ? 'AND (a.at < ? OR (a.at = ? AND a.id < ?))' : ''}
       ORDER BY a.at DESC, a.id DESC LIMIT ?`,
    )
    .bind(...w.binds, ...(after ? [after.at, after.at, after.id] : []), limit + 1)
    .all<AnswerRow>();
  const page = results.slice(0, limit);
  const last = page[page.length - 1];
  return { responses: page.map(toResponse), nextCursor: results.length > limit && last ? encodeCursor(last) : null };
}

/** Every matching answer, newest first, one keyset page at a time: memory stays one page whatever the site's size. */
export async function* allResponses(db: D1Database, siteId: string, f: ResponsesFilter, pageSize = 500): AsyncGenerator<ResponseRow[]> {
  let cursor: string | undefined;
  do {
    const page = await readResponses(db, siteId, f, pageSize, cursor);
    if (page.responses.length) yield page.responses;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
