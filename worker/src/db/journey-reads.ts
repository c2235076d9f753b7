// Journey-level reads (drop-off, cross-channel share, experienced consistency) from the raw visits
// and answers of the range. Unlike db/analytics-reads.ts these grow with traffic: journey rollups are next.
import { EXPERIENCE_DIMENSIONS } from '@throughline/schema';
import type { RangeFilter, Reads } from './analytics-reads';

const SEGMENT_COLUMNS: Record<string, string> = { device: 'device', channel: 'arrival', locale: 'locale', country: 'country', returning: 'is_returning' };

/** `segment` ('device:mobile') as a SQL condition on the raw tables, with its bound value. */
function segmentWhere(segment: string): { sql: string; args: (string | number)[] } {
  if (segment === 'all') return { sql: '', args: [] };
  const [name = '', value = ''] = segment.split(':');
  const column = SEGMENT_COLUMNS[name];
  if (!column) return { sql: ' AND 0', args: [] };
  return { sql: ` AND ${column} = ?`, args: [name === 'returning' ? +(value === 'yes') : value] };
}

export interface JourneyCount { touchpoint: string; journeys: number; ended: number }
export interface ChannelSpan { channels: number; journeys: number }
export interface VisitorMeanRow { visitor: string; touchpoint: string; dimension: string; mean: number }

export async function readJourneys(db: D1Database, f: RangeFilter) {
  const seg = segmentWhere(f.segment);
  const args = [f.siteId, f.from, f.to, ...seg.args];
  const inRange = `SELECT visitor, touchpoint, at, channel FROM visits WHERE site_id = ? AND day BETWEEN ? AND ?${seg.sql}`;
  const [counts, spans] = await db.batch([
    db.prepare(
      `WITH v AS (${inRange}),
            last AS (SELECT touchpoint FROM (SELECT touchpoint, row_number() OVER (PARTITION BY visitor ORDER BY at DESC) AS rn FROM v) WHERE rn = 1),
            ended AS (SELECT touchpoint, count(*) AS n FROM last GROUP BY touchpoint)
       SELECT v.touchpoint, count(DISTINCT v.visitor) AS journeys, coalesce(max(ended.n), 0) AS ended
       FROM v LEFT JOIN ended ON ended.touchpoint = v.touchpoint GROUP BY v.touchpoint`,
    ).bind(...args),
    db.prepare(
      `WITH v AS (${inRange})
       SELECT channels, count(*) AS journeys FROM (SELECT count(DISTINCT channel) AS channels FROM v GROUP BY visitor) GROUP BY channels`,
    ).bind(...args),
  ]);
  return {
    journeyCounts: { rows: counts!.results as JourneyCount[], rowsRead: counts!.meta.rows_read ?? 0 } satisfies Reads<JourneyCount>,
    channelSpans: { rows: spans!.results as ChannelSpan[], rowsRead: spans!.meta.rows_read ?? 0 } satisfies Reads<ChannelSpan>,
  };
}

/** Per visitor who rated two or more touchpoints: their mean per touchpoint and experience dimension. */
export async function readVisitorMeans(db: D1Database, f: RangeFilter): Promise<Reads<VisitorMeanRow>> {
  const seg = segmentWhere(f.segment);
  const dims = EXPERIENCE_DIMENSIONS;
  const r = await db.prepare(
    `WITH a AS (SELECT * FROM answers WHERE site_id = ? AND day BETWEEN ? AND ?${seg.sql})
     SELECT visitor, touchpoint, ${dims.map((d) => `avg(${d}) AS ${d}`).join(', ')} FROM a
     WHERE visitor IN (SELECT visitor FROM a GROUP BY visitor HAVING count(DISTINCT touchpoint) >= 2)
     GROUP BY visitor, touchpoint`,
  ).bind(f.siteId, f.from, f.to, ...seg.args).all<Record<string, string | number | null>>();
  const rows: VisitorMeanRow[] = [];
  for (const row of r.results) {
    for (const d of dims) {
      const mean = row[d];
      if (typeof mean === 'number') rows.push({ visitor: String(row.visitor), touchpoint: String(row.touchpoint), dimension: d, mean });
    }
  }
  return { rows, rowsRead: r.meta.rows_read ?? 0 };
}
