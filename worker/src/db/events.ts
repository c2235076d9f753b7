// SQL that stores visits and answers, once per event id. Rollups follow by trigger (migrations/0003).
import { EXPERIENCE_DIMENSIONS, type Context as VisitContext, type TrackedEvent } from '@throughline/schema';

export interface StoredEvent {
  siteId: string;
  visitor: string;
  event: TrackedEvent;
  /** The touchpoint's channel (web, email, offline, ...). */
  channel: string;
  country: string | null;
  source: 'widget' | 'import';
}

/** Language part of a locale ('de-CH' → 'de'): segments stay few. */
const language = (locale?: string) => locale?.toLowerCase().split('-')[0] ?? null;

function contextColumns(ctx: VisitContext | undefined) {
  return [ctx?.device ?? null, ctx?.channel ?? null, language(ctx?.locale), ctx?.returning === undefined ? null : +ctx.returning];
}

/** Mean of the experience dimensions an answer carries (1–5), or null: the answer's quality. */
export function answerQuality(answers: Partial<Record<string, number>>): number | null {
  const values = EXPERIENCE_DIMENSIONS.map((d) => answers[d]).filter((v): v is number => v !== undefined);
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

/** The statements that store one event; the first one's `meta.changes` is 1 if new, 0 if a duplicate. */
export function storeEventStatements(db: D1Database, s: StoredEvent): D1PreparedStatement[] {
  const e = s.event;
  const at = new Date(e.at).toISOString();
  const day = at.slice(0, 10);
  const [device, arrival, locale, returning] = contextColumns(e.context);
  if (e.type === 'visit') {
    return [
      db.prepare(
        `INSERT INTO visits (site_id, id, visitor, touchpoint, from_touchpoint, at, day, device, arrival, locale, country, is_returning, path, channel)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      ).bind(s.siteId, e.id, s.visitor, e.touchpoint, e.from ?? null, at, day, device, arrival, locale, s.country, returning, e.context?.path ?? null, s.channel),
    ];
  }
  const a = e.answers;
  const statements = [
    db.prepare(
      `INSERT INTO answers (site_id, id, visitor, touchpoint, from_touchpoint, at, day, device, arrival, locale, country, is_returning,
         sensorial, affective, cognitive, relational, behavioral, importance, handoff, quality, source)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    ).bind(
      s.siteId, e.id, s.visitor, e.touchpoint, e.from ?? null, at, day, device, arrival, locale, s.country, returning,
      a.sensorial ?? null, a.affective ?? null, a.cognitive ?? null, a.relational ?? null, a.behavioral ?? null,
      a.importance ?? null, a.handoff ?? null, answerQuality(a), s.source,
    ),
  ];
  if (e.comment) {
    statements.push(
      db.prepare('INSERT INTO comments (site_id, answer_id, touchpoint, at, body) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING')
        .bind(s.siteId, e.id, e.touchpoint, at, e.comment),
    );
  }
  return statements;
}

/**
 * Stores events in one D1 batch (one transaction: all or nothing); returns how many were new, and the rows
 * D1 wrote for them (raw rows, rollup rows by trigger, index entries): the cost the ingest benchmark reports.
 */
export async function storeEvents(db: D1Database, events: StoredEvent[]): Promise<{ accepted: number; duplicates: number; rowsWritten: number }> {
  if (!events.length) return { accepted: 0, duplicates: 0, rowsWritten: 0 };
  const groups = events.map((e) => storeEventStatements(db, e));
  const results = await db.batch(groups.flat());
  let accepted = 0;
  let i = 0;
  for (const g of groups) {
    if (results[i]!.meta.changes > 0) accepted++;
    i += g.length;
  }
  const rowsWritten = results.reduce((n, r) => n + (r.meta.rows_written ?? 0), 0);
  return { accepted, duplicates: events.length - accepted, rowsWritten };
}
