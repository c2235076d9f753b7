// SQL of a site object's answers list (responses, exports): filtered, newest first, read in keyset pages (at, id)
// so that a page costs the same at the start and at the end of a big site.
import type { ResponseRow } from '@throughline/schema';
import { answerQuality } from '../journey/rules';

/** A responses filter as the site object takes it: segment already normalised, stage resolved to touchpoints. */
export interface AnswerFilter {
  from?: string;
  to?: string;
  touchpoints?: string[];
  hasComment?: 'true' | 'false';
  /** Comment text to find (case- and accent-insensitive; any part of a word). */
  q?: string;
  /** A context segment, `device:mobile`; stage filters arrive as `touchpoints`. */
  segment?: string;
  /** A journey type's id: the answers given in its visits (docs/metrics.md › Journey types). */
  journeyType?: string;
}

/** Where a page ends: the next page starts after this answer. */
export interface Keyset {
  at: string;
  id: string;
}

interface AnswerRow extends Record<string, SqlStorageValue> {
  id: string;
  visitor: string;
  touchpoint: string;
  from_hint: string | null;
  at: string;
  scores: string | null;
  comment: string | null;
  device: string | null;
  arrival: string | null;
  locale: string | null;
  country: string | null;
  is_returning: number | null;
  source: string;
}

/** Segment name → the events column it filters (an answer's columns hold its visit's context). */
const SEGMENT_COLUMNS: Record<string, string> = {
  device: 'device',
  channel: 'arrival',
  locale: 'locale',
  country: 'country',
};

function where(f: AnswerFilter): { sql: string; binds: SqlStorageValue[] } {
  const parts = [`kind = 'answer'`];
  const binds: SqlStorageValue[] = [];
  // `at` holds ISO times: a day's answers lie between its first instant and the next day's
  if (f.from) parts.push('at >= ?'), binds.push(f.from);
  if (f.to) parts.push('at < ?'), binds.push(`${f.to}T99`);
  if (f.touchpoints)
    parts.push(`touchpoint IN (SELECT value FROM json_each(?))`), binds.push(JSON.stringify(f.touchpoints));
  if (f.journeyType) parts.push('journey_type = ?'), binds.push(f.journeyType);
  if (f.hasComment) parts.push(f.hasComment === 'true' ? 'comment IS NOT NULL' : 'comment IS NULL');
  if (f.q) {
    // the trigram index needs 3 characters; shorter text (a 2-character Japanese word) is matched by LIKE
    if ([...f.q].length >= 3)
      parts.push('seq IN (SELECT rowid FROM comments_fts WHERE comments_fts MATCH ?)'),
        binds.push(`"${f.q.replace(/"/g, '""')}"`);
    else parts.push(`comment LIKE ? ESCAPE '\\'`), binds.push(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  if (f.segment && f.segment !== 'all') {
    const [name, value] = f.segment.split(':') as [string, string];
    if (name === 'returning') parts.push('is_returning = ?'), binds.push(value === 'yes' ? 1 : 0);
    else parts.push(`${SEGMENT_COLUMNS[name]} = ?`), binds.push(value);
  }
  return { sql: parts.join(' AND '), binds };
}

function toResponse(r: AnswerRow): ResponseRow {
  const answers = JSON.parse(r.scores ?? '{}') as ResponseRow['answers'];
  const quality = answerQuality(answers);
  return {
    id: r.id,
    visitor: r.visitor,
    touchpoint: r.touchpoint,
    from: r.from_hint,
    at: r.at,
    answers,
    quality: quality === null ? null : Math.round(((quality - 1) / 4) * 1000) / 10,
    comment: r.comment,
    context: {
      device: r.device,
      channel: r.arrival,
      locale: r.locale,
      country: r.country,
      returning: r.is_returning === null ? null : r.is_returning === 1,
    },
    source: r.source === 'import' ? 'import' : 'widget',
  };
}

/** Up to `limit` matching answers after `after`, newest first. */
export function answersPage(sql: SqlStorage, f: AnswerFilter, limit: number, after: Keyset | null): ResponseRow[] {
  const w = where(f);
  const keyset = after ? ' AND (at < ? OR (at = ? AND id < ?))' : '';
  const rows = sql
    .exec<AnswerRow>(
      `SELECT id, visitor, touchpoint, from_hint, at, scores, comment, device, arrival, locale, country, is_returning, source
     FROM events WHERE ${w.sql}${keyset} ORDER BY at DESC, id DESC LIMIT ?`,
      ...w.binds,
      ...(after ? [after.at, after.at, after.id] : []),
      limit,
    )
    .toArray();
  return rows.map(toResponse);
}
