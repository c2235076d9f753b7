// SQL of a site object's rollups: one row per segment x day x touchpoint, every metric in one JSON object.
// Writing adds a folded contribution (one upsert per row key, whatever the number of events behind it);
// reading sums rows over a range, in proportion to touchpoints x days.
import { daysBetween } from '../analytics/trends';
import { addMetric, parseRowKey, type Contribution, type Vector } from '../journey/rules';

export type Metrics = Record<string, Vector>;

/** Adds a contribution into the rollup rows; a row whose metrics all reach zero is removed. Rows written. */
export function applyContribution(sql: SqlStorage, c: Contribution): number {
  let written = 0;
  for (const [key, metrics] of c) {
    const { segment, day, touchpoint } = parseRowKey(key);
    const row = sql
      .exec<{ v: string }>(
        'SELECT v FROM rollups WHERE segment = ? AND day = ? AND touchpoint = ?',
        segment,
        day,
        touchpoint,
      )
      .toArray()[0];
    const v: Metrics = row ? JSON.parse(row.v) : {};
    for (const [metric, add] of metrics) {
      const into = v[metric] ?? add.map(() => 0);
      for (let i = 0; i < add.length; i++) into[i] = (into[i] ?? 0) + add[i]!;
      if (into.every((x) => x === 0)) delete v[metric];
      else v[metric] = into;
    }
    if (Object.keys(v).length === 0) {
      if (row)
        written += sql.exec(
          'DELETE FROM rollups WHERE segment = ? AND day = ? AND touchpoint = ?',
          segment,
          day,
          touchpoint,
        ).rowsWritten;
    } else {
      written += sql.exec(
        'INSERT INTO rollups (segment, day, touchpoint, v) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET v = excluded.v',
        segment,
        day,
        touchpoint,
        JSON.stringify(v),
      ).rowsWritten;
    }
  }
  return written;
}

/** Per touchpoint (JOURNEY_ROW for journey totals), the metrics of one segment summed over days; `only` keeps metric prefixes. */
export function sumRollups(
  sql: SqlStorage,
  segment: string,
  from: string,
  to: string,
  only?: (metric: string) => boolean,
): { byTouchpoint: Record<string, Metrics>; rowsRead: number } {
  const cursor = sql.exec<{ touchpoint: string; v: string }>(
    'SELECT touchpoint, v FROM rollups WHERE segment = ? AND day BETWEEN ? AND ?',
    segment,
    from,
    to,
  );
  const sums: Contribution = new Map();
  for (const r of cursor) {
    for (const [metric, v] of Object.entries(JSON.parse(r.v) as Metrics))
      if (!only || only(metric)) addMetric(sums, r.touchpoint, metric, v);
  }
  return { byTouchpoint: toRecord(sums), rowsRead: cursor.rowsRead };
}

/** Daily rows of one segment (optionally one touchpoint), metrics filtered by `only`. */
export function dailyRollups(
  sql: SqlStorage,
  segment: string,
  from: string,
  to: string,
  touchpoint: string | undefined,
  only: (metric: string) => boolean,
): { rows: { day: string; touchpoint: string; v: Metrics }[]; rowsRead: number } {
  const cursor =
    touchpoint === undefined
      ? sql.exec<{ day: string; touchpoint: string; v: string }>(
          'SELECT day, touchpoint, v FROM rollups WHERE segment = ? AND day BETWEEN ? AND ?',
          segment,
          from,
          to,
        )
      : // one touchpoint: the days as a list, each one seek on (segment, day, touchpoint), not a scan of every touchpoint
        sql.exec<{ day: string; touchpoint: string; v: string }>(
          'SELECT day, touchpoint, v FROM rollups WHERE segment = ? AND day IN (SELECT value FROM json_each(?)) AND touchpoint = ?',
          segment,
          JSON.stringify(daysBetween(from, to)),
          touchpoint,
        );
  const rows = [];
  for (const r of cursor) {
    const v = Object.fromEntries(Object.entries(JSON.parse(r.v) as Metrics).filter(([m]) => only(m)));
    if (Object.keys(v).length) rows.push({ day: r.day, touchpoint: r.touchpoint, v });
  }
  return { rows, rowsRead: cursor.rowsRead };
}

export function toRecord(c: Contribution): Record<string, Metrics> {
  return Object.fromEntries([...c].map(([k, m]) => [k, Object.fromEntries(m)]));
}

/** Every rollup row (tests and the storage check compare them). */
export function allRollups(sql: SqlStorage): Record<string, Metrics> {
  return Object.fromEntries(
    sql
      .exec<{ segment: string; day: string; touchpoint: string; v: string }>('SELECT * FROM rollups ORDER BY 1, 2, 3')
      .toArray()
      .map((r) => [`${r.segment}\t${r.day}\t${r.touchpoint}`, JSON.parse(r.v) as Metrics]),
  );
}
