// Journey-level reads (drop-off, cross-channel share, experienced consistency) from the journey rollups of
// migrations/0004: journeys count on the day of their last visit, in the segments of their first visit.
// Rows read grow with segment x days x touchpoints (or channel counts), never with visits or answers.
import { all, type RangeFilter, type Reads } from './analytics-reads';

export interface JourneyCount { touchpoint: string; journeys: number; ended: number }
export interface ChannelSpan { channels: number; journeys: number }
export interface ExperienceSums { visitors: number; sum: number }

/** Per touchpoint: journeys (ending in range) that reached it, and those whose last visit was it. */
export const readJourneyCounts = (db: D1Database, f: RangeFilter) =>
  all<JourneyCount>(
    db.prepare(
      `SELECT touchpoint, sum(reached) AS journeys, sum(ended) AS ended FROM rollup_journeys
       WHERE site_id = ? AND segment = ? AND day BETWEEN ? AND ? GROUP BY touchpoint HAVING sum(reached) > 0`,
    ).bind(f.siteId, f.segment, f.from, f.to),
  );

/** Journeys ending in range by the number of distinct channels they visited. */
export const readChannelSpans = (db: D1Database, f: RangeFilter) =>
  all<ChannelSpan>(
    db.prepare(
      `SELECT channels, sum(journeys) AS journeys FROM rollup_journey_spans
       WHERE site_id = ? AND segment = ? AND day BETWEEN ? AND ? GROUP BY channels HAVING sum(journeys) > 0`,
    ).bind(f.siteId, f.segment, f.from, f.to),
  );

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
