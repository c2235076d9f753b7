// Fixed-window counters in D1: login throttling. One upsert per counter and attempt; expired windows are pruned lazily.

export const clear = (db: D1Database, key: string, windowMs: number) =>
  db
    .prepare('DELETE FROM rate_counters WHERE key = ?')
    .bind(`${key}:${Math.floor(Date.now() / windowMs)}`)
    .run();

/**
 * Adds one to each counter of `keys` in the current window, in one D1 batch (one transaction), and returns the new
 * counts in order. Counting before the work it guards is what makes a limit hold at any concurrency: the n-th of
 * many parallel attempts sees n.
 */
export async function bumpAll(db: D1Database, keys: string[], windowMs: number): Promise<number[]> {
  const now = Date.now();
  const window = Math.floor(now / windowMs);
  const upsert = db.prepare(
    `INSERT INTO rate_counters (key, count, expires_at) VALUES (?, 1, ?)
     ON CONFLICT (key) DO UPDATE SET count = count + 1 RETURNING count`,
  );
  const results = await db.batch<{ count: number }>(
    keys.map((key) => upsert.bind(`${key}:${window}`, (window + 1) * windowMs)),
  );
  if (Math.random() < 0.01) await db.prepare('DELETE FROM rate_counters WHERE expires_at < ?').bind(now).run();
  return results.map((r) => r.results[0]?.count ?? 1);
}
