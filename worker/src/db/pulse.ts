// SQL behind the employee pulse (docs/metrics.md › Employee pulse): the staff page's touchpoint by its staff code,
// one response added to its day's sums (no row per response), and the sums per touchpoint over a range.
import type { PulseAnswer } from '@throughline/schema';
import type { Sums } from '../analytics/stats';

export interface StaffTouchpoint {
  siteId: string;
  settings: string;
  orgName: string;
  key: string;
  name: string;
}

export async function touchpointByStaffCode(db: D1Database, code: string): Promise<StaffTouchpoint | null> {
  return db
    .prepare(
      `SELECT s.id AS siteId, s.settings, o.name AS orgName, t.key, t.name
       FROM touchpoints t JOIN sites s ON s.id = t.site_id JOIN organizations o ON o.id = s.org_id
       WHERE t.staff_code = ?`,
    )
    .bind(code)
    .first<StaffTouchpoint>();
}

/** Adds one response to the touchpoint's sums of `day`: one upsert. */
export async function addPulse(
  db: D1Database,
  siteId: string,
  touchpoint: string,
  day: string,
  a: PulseAnswer,
): Promise<void> {
  await db
    .prepare(
      `INSERT INTO pulse_rollups (site_id, touchpoint, day, n, tools_sum, tools_sumsq, support_sum, support_sumsq, pride_sum, pride_sumsq)
       VALUES (?1, ?2, ?3, 1, ?4, ?4 * ?4, ?5, ?5 * ?5, ?6, ?6 * ?6)
       ON CONFLICT (site_id, touchpoint, day) DO UPDATE SET n = n + 1,
         tools_sum = tools_sum + ?4, tools_sumsq = tools_sumsq + ?4 * ?4,
         support_sum = support_sum + ?5, support_sumsq = support_sumsq + ?5 * ?5,
         pride_sum = pride_sum + ?6, pride_sumsq = pride_sumsq + ?6 * ?6`,
    )
    .bind(siteId, touchpoint, day, a.tools, a.support, a.pride)
    .run();
}

export interface PulseSums {
  touchpoint: string;
  responses: number;
  tools: Sums;
  support: Sums;
  pride: Sums;
}

/** Per touchpoint, the sums over the days of a range: reads touchpoints × days rows. */
export async function pulseSums(db: D1Database, siteId: string, from: string, to: string): Promise<PulseSums[]> {
  const { results } = await db
    .prepare(
      `SELECT touchpoint, sum(n) AS n, sum(tools_sum) AS ts, sum(tools_sumsq) AS tq, sum(support_sum) AS ss, sum(support_sumsq) AS sq,
              sum(pride_sum) AS ps, sum(pride_sumsq) AS pq
       FROM pulse_rollups WHERE site_id = ? AND day BETWEEN ? AND ? GROUP BY touchpoint`,
    )
    .bind(siteId, from, to)
    .all<{ touchpoint: string; n: number; ts: number; tq: number; ss: number; sq: number; ps: number; pq: number }>();
  return results.map((r) => ({
    touchpoint: r.touchpoint,
    responses: r.n,
    tools: { n: r.n, sum: r.ts, sumsq: r.tq },
    support: { n: r.n, sum: r.ss, sumsq: r.sq },
    pride: { n: r.n, sum: r.ps, sumsq: r.pq },
  }));
}

/** Staff codes of a site's touchpoints, by key. */
export async function staffCodes(db: D1Database, siteId: string): Promise<Map<string, string>> {
  const { results } = await db
    .prepare('SELECT key, staff_code FROM touchpoints WHERE site_id = ?')
    .bind(siteId)
    .all<{ key: string; staff_code: string }>();
  return new Map(results.map((r) => [r.key, r.staff_code]));
}
