// SQL for the per-site, per-day counters of traffic ingest dropped: one upsert per dropped request.

export type DropReason = 'bots' | 'rate_limited';

/** Adds `events` to today's counter of `reason` for the site with public key `siteKey` (nothing if no such site). */
export async function countDropped(
  db: D1Database,
  siteKey: string,
  reason: DropReason,
  events: number,
  now = new Date(),
) {
  const column = reason === 'bots' ? 'bots' : 'rate_limited';
  await db
    .prepare(
      `INSERT INTO dropped_traffic (site_id, day, ${column}) SELECT id, ?, ? FROM sites WHERE key = ?
       ON CONFLICT (site_id, day) DO UPDATE SET ${column} = ${column} + excluded.${column}`,
    )
    .bind(now.toISOString().slice(0, 10), events, siteKey)
    .run();
}

export async function readDropped(db: D1Database, siteId: string, from: string, to: string) {
  const { results } = await db
    .prepare(
      'SELECT day, bots, rate_limited AS rateLimited FROM dropped_traffic WHERE site_id = ? AND day BETWEEN ? AND ? ORDER BY day',
    )
    .bind(siteId, from, to)
    .all<{ day: string; bots: number; rateLimited: number }>();
  return results;
}
