// SQL of a site object's raw events: insert once per id, load a visitor's events for the rules, keep an answer's
// effective context (its visit's) up to date.
import type { Dimension, PromptOutcome } from '@throughline/schema';
import type { SegmentContext, StoredEvent } from '../journey/rules';

/** An event as the Worker hands it to the site object: checked, with its visitor and touchpoint channel. */
export interface IncomingEvent {
  id: string;
  visitor: string;
  kind: 'visit' | 'answer' | 'prompt';
  at: string;
  touchpoint: string;
  channel: string;
  from: string | null;
  /** The context the event was sent with (an answer's usually has none: it takes its visit's). */
  context: SegmentContext;
  path: string | null;
  scores: Partial<Record<Dimension, number>> | null;
  comment: string | null;
  /** A prompt event's outcome. */
  outcome?: PromptOutcome;
  source: 'widget' | 'import';
  /** It arrived with a valid signed journey link, and `visitor` is the journey that link carries. */
  linked?: boolean;
}

/** A stored event as the rules see it, with its arrival order, the context columns it has now, and an answer's journey type. */
export interface EventRow {
  seq: number;
  event: StoredEvent;
  effective: SegmentContext;
  journeyType: string | null;
}

interface Row extends Record<string, SqlStorageValue> {
  seq: number;
  id: string;
  visitor: string;
  kind: string;
  at: string;
  touchpoint: string;
  channel: string;
  device: string | null;
  arrival: string | null;
  locale: string | null;
  country: string | null;
  is_returning: number | null;
  sent: string | null;
  scores: string | null;
  outcome: string | null;
  linked: number;
  journey_type: string | null;
}

const columnsOf = (r: Row): SegmentContext => ({
  device: r.device,
  arrival: r.arrival,
  locale: r.locale,
  country: r.country,
  returning: r.is_returning === null ? null : r.is_returning === 1,
});

function toEventRow(r: Row): EventRow {
  const effective = columnsOf(r);
  const base = { id: r.id, at: r.at, touchpoint: r.touchpoint, channel: r.channel };
  const event: StoredEvent =
    r.kind === 'visit'
      ? { ...base, kind: 'visit', context: effective }
      : r.kind === 'prompt'
        ? { ...base, kind: 'prompt', context: effective, outcome: r.outcome as PromptOutcome }
        : {
            ...base,
            kind: 'answer',
            context: r.sent ? (JSON.parse(r.sent) as SegmentContext) : effective,
            scores: JSON.parse(r.scores ?? '{}'),
            ...(r.linked ? { linked: true } : {}),
          };
  return { seq: r.seq, event, effective, journeyType: r.journey_type };
}

const EVENT_COLUMNS =
  'seq, id, visitor, kind, at, touchpoint, channel, device, arrival, locale, country, is_returning, sent, scores, outcome, linked, journey_type';

/** The journey-relevant (not archived) events of these visitors, by visitor. */
export function loadVisitors(
  sql: SqlStorage,
  visitors: readonly string[],
): { byVisitor: Map<string, EventRow[]>; rowsRead: number } {
  const byVisitor = new Map<string, EventRow[]>(visitors.map((v) => [v, []]));
  let rowsRead = 0;
  for (const visitor of visitors) {
    const cursor = sql.exec<Row>(`SELECT ${EVENT_COLUMNS} FROM events WHERE visitor = ? AND archived = 0`, visitor);
    for (const r of cursor) byVisitor.get(visitor)!.push(toEventRow(r));
    rowsRead += cursor.rowsRead;
  }
  return { byVisitor, rowsRead };
}

/** Visitors with events after `seq`: whose contribution the rollups do not hold yet. */
export function visitorsAfter(sql: SqlStorage, seq: number): string[] {
  return sql
    .exec<{ visitor: string }>('SELECT DISTINCT visitor FROM events WHERE seq > ?', seq)
    .toArray()
    .map((r) => r.visitor);
}

export const maxSeq = (sql: SqlStorage): number => Number(sql.exec('SELECT max(seq) AS m FROM events').one().m ?? 0);

const contextCells = (c: SegmentContext) => [
  c.device,
  c.arrival,
  c.locale,
  c.country,
  c.returning === null ? null : +c.returning,
];

/** Inserts one event unless its id is stored: its seq, or null for a duplicate; and rows written. */
export function insertEvent(
  sql: SqlStorage,
  e: IncomingEvent,
  effective: SegmentContext,
  journeyType: string | null = null,
): { seq: number | null; written: number } {
  const cursor = sql.exec<{ seq: number }>(
    `INSERT INTO events (id, visitor, kind, at, touchpoint, channel, from_hint, device, arrival, locale, country, is_returning,
       sent, path, scores, comment, source, outcome, linked, journey_type)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING RETURNING seq`,
    e.id,
    e.visitor,
    e.kind,
    e.at,
    e.touchpoint,
    e.channel,
    e.from,
    ...contextCells(effective),
    e.kind === 'answer' ? JSON.stringify(e.context) : null,
    e.path,
    e.scores ? JSON.stringify(e.scores) : null,
    e.comment,
    e.source,
    e.outcome ?? null,
    e.linked ? 1 : 0,
    journeyType,
  );
  const row = cursor.toArray()[0];
  let written = cursor.rowsWritten;
  if (row && e.comment)
    written += sql.exec('INSERT INTO comments_fts (rowid, comment) VALUES (?, ?)', row.seq, e.comment).rowsWritten;
  return { seq: row ? row.seq : null, written };
}

/** Sets an answer's effective context (its visit arrived, or went). */
export function updateContext(sql: SqlStorage, id: string, c: SegmentContext): number {
  return sql.exec(
    'UPDATE events SET device = ?, arrival = ?, locale = ?, country = ?, is_returning = ? WHERE id = ?',
    ...contextCells(c),
    id,
  ).rowsWritten;
}

/** Sets an answer's journey type (an earlier visit arrived, or the site's types changed). */
export function updateJourneyType(sql: SqlStorage, id: string, type: string | null): number {
  return sql.exec('UPDATE events SET journey_type = ? WHERE id = ?', type, id).rowsWritten;
}

export const sameContext = (a: SegmentContext, b: SegmentContext) =>
  a.device === b.device &&
  a.arrival === b.arrival &&
  a.locale === b.locale &&
  a.country === b.country &&
  a.returning === b.returning;
