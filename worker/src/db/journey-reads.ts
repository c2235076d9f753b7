// Journey-level reads (drop-off, cross-channel share, experienced consistency) from the journey rollups of
// migrations/0004: journeys count on the day of their last visit, in the segments of their first visit.
// Rows read grow with segment x days x touchpoints (or channel counts), never with visits or answers. Daily rows
// are added up here rather than by a GROUP BY, whose sorted rows D1 counts as read a second time.
import { addInto, all, type RangeFilter, type Reads } from './analytics-reads';

export interface JourneyCount { touchpoint: string; journeys: number; ended: number }
export interface ChannelSpan { channels: number; journeys: number }
export interface ExperienceSums { visitors: number; sum: number }

/** Per touchpoint: journeys (ending in range) that reached it, and those whose last visit was it. */
export async function readJourneyCounts(db: D1Database, f: RangeFilter): Promise<Reads<JourneyCount>> {
  const r = await all<JourneyCount>(
    db.prepare(
      `SELECT touchpoint, reached AS journeys, ended FROM rollup_journeys
       WHERE site_id = ? AND segment = ? AND day BETWEEN ? AND ?`,
    ).bind(f.siteId, f.segment, f.from, f.to),
  );
  const sums = new Map<string, JourneyCount>();
  for (const row of r.rows) {
    addInto(sums, row.touchpoint, () => ({ touchpoint: row.touchpoint, journeys: 0, ended: 0 }), (s) => { s.journeys += row.journeys; s.ended += row.ended; });
  }
  return { rows: [...sums.values()].filter((s) => s.journeys > 0), rowsRead: r.rowsRead };
}

/** Journeys ending in range by the number of distinct channels they visited. */
export async function readChannelSpans(db: D1Database, f: RangeFilter): Promise<Reads<ChannelSpan>> {
  const r = await all<ChannelSpan>(
    db.prepare(
      `SELECT channels, journeys FROM rollup_journey_spans WHERE site_id = ? AND segment = ? AND day BETWEEN ? AND ?`,
    ).bind(f.siteId, f.segment, f.from, f.to),
  );
  const sums = new Map<string, ChannelSpan>();
  for (const row of r.rows) {
    addInto(sums, String(row.channels), () => ({ channels: row.channels, journeys: 0 }), (s) => { s.journeys += row.journeys; });
  }
  return { rows: [...sums.values()].filter((s) => s.journeys > 0), rowsRead: r.rowsRead };
}

/** Visitors (journeys ending in range) with a within-visitor consistency, and the sum of it (0–100). */
export async function readExperience(db: D1Database, f: RangeFilter): Promise<Reads<ExperienceSums>> {
  const r = await all<{ visitors: number | null; sum: number | null }>(
    db.prepare(
      `SELECT sum(visitors) AS visitors, sum(sum) AS sum FROM rollup_experience
       WHERE site_id = ? AND segment = ? AND day BETWEEN ? AND ?`,
    ).bind(f.siteId, f.segment, f.from, f.to),
  );
  const row = r.rows[0];
  return { rows: [{ visitors: row?.visitors ?? 0, sum: row?.sum ?? 0 }], rowsRead: r.rowsRead };
}
