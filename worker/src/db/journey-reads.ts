// Journey-level reads (drop-off, cross-channel share, experienced consistency) from the journey rollups of
// migrations/0004: journeys count on the day of their last visit, in the segments of their first visit.
// Rows read grow with segment x days x touchpoints (or channel counts), never with visits or answers. Daily rows
// are added up here rather than by a GROUP BY, whose sorted rows D1 counts as read a second time.
import { addInto, RANGE, rangeArgs, read, type RangeFilter, type Read } from './analytics-reads';

export interface JourneyCount { touchpoint: string; journeys: number; ended: number }
export interface ChannelSpan { channels: number; journeys: number }
export interface ExperienceSums { visitors: number; sum: number }

/** Per touchpoint: journeys (ending in range) that reached it, and those whose last visit was it. */
export function journeyCounts(db: D1Database, f: RangeFilter): Read<JourneyCount[]> {
  return read(
    db.prepare(`SELECT touchpoint, reached AS journeys, ended FROM rollup_journeys WHERE ${RANGE}`).bind(...rangeArgs(f)),
    (rows: JourneyCount[]) => {
      const sums = new Map<string, JourneyCount>();
      for (const row of rows) {
        addInto(sums, row.touchpoint, () => ({ touchpoint: row.touchpoint, journeys: 0, ended: 0 }), (s) => { s.journeys += row.journeys; s.ended += row.ended; });
      }
      return [...sums.values()].filter((s) => s.journeys > 0);
    },
  );
}

/** Journeys ending in range by the number of distinct channels they visited. */
export function channelSpans(db: D1Database, f: RangeFilter): Read<ChannelSpan[]> {
  return read(
    db.prepare(`SELECT channels, journeys FROM rollup_journey_spans WHERE ${RANGE}`).bind(...rangeArgs(f)),
    (rows: ChannelSpan[]) => {
      const sums = new Map<string, ChannelSpan>();
      for (const row of rows) addInto(sums, String(row.channels), () => ({ channels: row.channels, journeys: 0 }), (s) => { s.journeys += row.journeys; });
      return [...sums.values()].filter((s) => s.journeys > 0);
    },
  );
}

/** Visitors (journeys ending in range) with a within-visitor consistency, and the sum of it (0–100). */
export function experienceSums(db: D1Database, f: RangeFilter): Read<ExperienceSums> {
  return read(
    db.prepare(`SELECT sum(visitors) AS visitors, sum(sum) AS sum FROM rollup_experience WHERE ${RANGE}`).bind(...rangeArgs(f)),
    (rows: { visitors: number | null; sum: number | null }[]) => ({ visitors: rows[0]?.visitors ?? 0, sum: rows[0]?.sum ?? 0 }),
  );
}
