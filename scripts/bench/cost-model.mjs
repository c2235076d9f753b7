// Cost model of the per-site Durable Object store (pure arithmetic: no network, no Worker). `pnpm bench cost`,
// or `node scripts/bench/cost-model.mjs --per-object=2000 --flush-seconds=3 …` (every input below is a flag).
//
// 10,000 sites whose traffic follows Zipf's law (site of rank r gets a share ∝ 1/r^s) peak together at 50,000
// events/s. For each site: how many objects it needs (k ∈ 1, 2, 4, 8, site setting `shards`) so that no object runs
// above a target share of the throughput one object sustains; the peak requests/s each object then receives, against
// Cloudflare's documented soft limit per object; how many months until an object holds 10 GB (the per-object
// limit); and what a million events cost in rows written, requests and storage at Cloudflare's published prices.
//
// Sources (read 2026-11-30):
// - Limits, https://developers.cloudflare.com/durable-objects/platform/limits/ : "Storage per Durable Object 10 GB"
//   (SQLite backend); "An individual Object has a soft limit of 1,000 requests per second"; an object that receives
//   too many requests queues them and then returns an `overloaded` error.
// - Pricing, https://developers.cloudflare.com/durable-objects/platform/pricing/ (Workers Paid, SQLite backend):
//   rows written "First 50 million / month included + $1.00 / million rows"; rows read "First 25 billion / month
//   included + $0.001 / million rows"; SQL stored data "5 GB-month, + $0.20/ GB-month"; requests "1 million,
//   + $0.15/million" (every RPC call on a stub is one request; alarm invocations count as requests); "Each setAlarm()
//   is billed as a single row written"; deletes count as rows written.
// - D1 pricing, https://developers.cloudflare.com/d1/platform/pricing/ (the same row prices): an index adds a
//   written row when a write touches the indexed column. workerd's rowsWritten counts them too: an event insert is
//   3 rows for a visit and 4 for an answer (table row, UNIQUE id, events_visitor, answers_time), as measured.
//
// Rows written per event (measured by `pnpm bench ingest`, part 4, the floor: the Worker's SiteStore in process):
// raw rows (3 per visit, 4 per answer) plus the rollup rows of the flush the event is folded into. Rollups are
// folded in memory and flushed FLUSH_AFTER_MS (60 s; it was 3 s when the ingest figures were measured) after the first pending event, so an object that receives n
// events per flush window writes min(n × ALONE, SATURATION) rollup rows for them (+ 1 watermark row + 1 setAlarm):
// ALONE rollup rows for an event that is flushed by itself (measured: 10 for a visit, 10–12 for an answer, the same
// at 1, 5 and 20 touchpoints reached), and at most SATURATION distinct rollup keys per window however busy
// (measured: ~14 per touchpoint that received events in the window — 5 touchpoints, all segments, one day ≈ 70).
//
// Assumptions (flags): mean traffic is peak / peak-to-mean; each object kept at ≤ `utilization` of what it
// sustains; every event is its own request (the widget sends one visit per page; batches make this cheaper);
// months have 30.44 days; the included free allowances are left out (they are per account, not per event).
import { parseArgs } from 'node:util';

const SOURCES = {
  limits: 'https://developers.cloudflare.com/durable-objects/platform/limits/',
  pricing: 'https://developers.cloudflare.com/durable-objects/platform/pricing/',
  d1Pricing: 'https://developers.cloudflare.com/d1/platform/pricing/',
};
const PRICES = { rowWrittenPerMillion: 1.0, requestPerMillion: 0.15, storedGbMonth: 0.2 };
const LIMITS = { requestsPerSecondPerObject: 1_000, bytesPerObject: 10e9 };
const SHARD_CHOICES = [1, 2, 4, 8];
const MONTH_SECONDS = 30.44 * 86_400;

const { values: flags } = parseArgs({
  options: {
    sites: { type: 'string', default: '10000' },
    'peak-events': { type: 'string', default: '50000' },
    zipf: { type: 'string', default: '1.0' },
    'peak-to-mean': { type: 'string', default: '3' },
    // events/s one object sustained with 50-event batches, one site on k = 1 through wrangler dev (`pnpm bench
    // ingest`, part 2, 2026-11-30 10:49 UTC, load 1.2–2.5: 2,608; 706–1,868 in runs at load 3.5–7.5;
    // docs/benchmarks.md). The in-process floor of the same code: 8,258 (6,507–16,018 over the runs).
    // Requests are held to the soft limit apart.
    'per-object': { type: 'string', default: '2600' },
    utilization: { type: 'string', default: '0.5' },
    'events-per-request': { type: 'string', default: '1' },
    'answer-share': { type: 'string', default: '0.2' },
    // databaseBytes / events of the k = 1 object in `pnpm bench ingest` part 2 (raw answers with their indexes and
    // a few rollup rows: 549; 549–587 over k = 1, 2, 4 and the runs); the analytics bench's imported year of visits
    // and answers: 154 MB / 300,061 events = 513 with its 162,932 rollup rows
    'bytes-per-event': { type: 'string', default: '550' },
    'flush-seconds': { type: 'string', default: '60' },
    alone: { type: 'string', default: '10' },
    saturation: { type: 'string', default: '280' },
    'retention-months': { type: 'string', default: '13' },
  },
  strict: true,
});
/** @param {keyof typeof flags} k */
const num = (k) => {
  const v = Number(flags[k]);
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${k} must be a positive number, not ${flags[k]}`);
  return v;
};
const P = {
  sites: Math.round(num('sites')),
  peak: num('peak-events'),
  zipf: num('zipf'),
  peakToMean: num('peak-to-mean'),
  perObject: num('per-object'),
  utilization: num('utilization'),
  eventsPerRequest: num('events-per-request'),
  answerShare: Math.min(1, num('answer-share')),
  bytesPerEvent: num('bytes-per-event'),
  flushSeconds: num('flush-seconds'),
  alone: num('alone'),
  saturation: num('saturation'),
  retentionMonths: num('retention-months'),
};

/** Rows written per event at `n` events per flush window of one object: raw rows + its share of the flush. */
/** @param {number} n */
function rowsPerEvent(n) {
  const raw = 3 * (1 - P.answerShare) + 4 * P.answerShare;
  const events = Math.max(1, n); // an event alone is flushed alone
  const flushRows = Math.min(events * P.alone, P.saturation) + 1 /* watermark */ + 1 /* setAlarm */;
  return raw + flushRows / events;
}

// per site, by rank
let h = 0;
for (let r = 1; r <= P.sites; r++) h += r ** -P.zipf;
/**
 * @typedef {{ rank: number, peak: number, k: number, over: boolean, peakRequestsPerObject: number, perFlush: number, rows: number,
 *   monthlyEvents: number, daysTo10GB: number, kForRetention: number }} Site
 */
/** @type {Site[]} */
const sites = [];
for (let r = 1; r <= P.sites; r++) {
  const peak = (P.peak * r ** -P.zipf) / h;
  // k: throughput within `utilization` of what an object sustains, and requests within it of the soft limit
  const fits = (/** @type {number} */ k) =>
    peak / k <= P.perObject * P.utilization &&
    peak / P.eventsPerRequest / k <= LIMITS.requestsPerSecondPerObject * P.utilization;
  const k = SHARD_CHOICES.find(fits) ?? /** @type {number} */ (SHARD_CHOICES.at(-1));
  const mean = peak / P.peakToMean;
  const perFlush = (mean / k) * P.flushSeconds;
  const rows = rowsPerEvent(perFlush);
  const monthlyEvents = mean * MONTH_SECONDS;
  const monthlyBytesPerObject = (monthlyEvents / k) * P.bytesPerEvent;
  sites.push({
    rank: r,
    peak,
    k,
    over: !fits(k),
    peakRequestsPerObject: peak / P.eventsPerRequest / k,
    perFlush,
    rows,
    monthlyEvents,
    daysTo10GB: (LIMITS.bytesPerObject / monthlyBytesPerObject) * 30.44,
    // objects for the retention's raw events to stay ≤ `utilization` of 10 GB each (a power of two, unbounded)
    kForRetention:
      2 **
      Math.max(
        0,
        Math.ceil(
          Math.log2((monthlyEvents * P.bytesPerEvent * P.retentionMonths) / (LIMITS.bytesPerObject * P.utilization)),
        ),
      ),
  });
}

/** @type {(n: number, d?: number) => string} */
const fmt = (n, d = 0) =>
  Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d }) : '∞';
/** @type {(a: number, b: number, d?: number) => string} */
const range = (a, b, d = 0) => (fmt(a, d) === fmt(b, d) ? fmt(a, d) : `${fmt(a, d)}–${fmt(b, d)}`);
/** @type {(cells: Array<string | number>, widths: number[]) => string} */
const pad = (cells, widths) =>
  cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i] ?? 0) : String(c).padStart(widths[i] ?? 0))).join('  ');

/** @type {Array<[number, number]>} */
const tiers = /** @type {Array<[number, number]>} */ ([
  [1, 1],
  [2, 10],
  [11, 100],
  [101, 1_000],
  [1_001, 10_000],
])
  .filter(([a]) => a <= P.sites)
  .map(([a, b]) => [a, Math.min(b, P.sites)]);
const rowCost = (/** @type {number} */ rows) => rows * PRICES.rowWrittenPerMillion; // $ per million events, rows written
const requestCost = PRICES.requestPerMillion / P.eventsPerRequest;
const storageMonth = ((1e6 * P.bytesPerEvent) / 1e9) * PRICES.storedGbMonth; // $ per month for a million events kept

console.log(
  `Cost model: ${fmt(P.sites)} sites, Zipf s = ${P.zipf}, peak ${fmt(P.peak)} events/s in total (mean = peak / ${P.peakToMean}), ${fmt(P.answerShare * 100)}% answers`,
);
console.log(
  `per object: ${fmt(P.perObject)} events/s sustained, kept ≤ ${fmt(P.utilization * 100)}%; ${P.eventsPerRequest} event(s) per request; ${fmt(P.bytesPerEvent)} bytes/event; flush every ${P.flushSeconds} s`,
);
console.log(
  `rows written per event = ${fmt(3 * (1 - P.answerShare) + 4 * P.answerShare, 1)} raw + min(n × ${P.alone}, ${P.saturation}) + 2 per flush of n events`,
);
console.log(
  `prices (${SOURCES.pricing}): rows written $${PRICES.rowWrittenPerMillion.toFixed(2)}/M, requests $${PRICES.requestPerMillion.toFixed(2)}/M, stored data $${PRICES.storedGbMonth.toFixed(2)}/GB-month`,
);
console.log(
  `limits (${SOURCES.limits}): ${fmt(LIMITS.requestsPerSecondPerObject)} requests/s per object (soft), 10 GB per object\n`,
);
const widths = [12, 12, 7, 8, 11, 11, 8, 9, 12, 13];
console.log(
  pad(
    [
      'site rank',
      'peak ev/s',
      'k',
      'objects',
      'peak req/s',
      'ev/flush',
      'rows/ev',
      '$/M ev',
      'days→10 GB',
      `k for ${P.retentionMonths} mo`,
    ],
    widths,
  ),
);
console.log(
  pad(['', 'per site', '(1–8)', '', 'per object', 'per object', '', 'rows', 'per object', 'in ≤ 50%'], widths),
);
const dayFmt = (/** @type {number} */ d) => (d >= 3650 ? '> 10 y' : fmt(d, d < 10 ? 1 : 0));
for (const [a, b] of tiers) {
  const t = sites.slice(a - 1, b);
  const first = /** @type {Site} */ (t[0]);
  const last = /** @type {Site} */ (t.at(-1));
  const events = t.reduce((n, s) => n + s.monthlyEvents, 0);
  const rows = t.reduce((n, s) => n + s.monthlyEvents * s.rows, 0) / events;
  const ks = [...new Set(t.map((s) => s.k))].sort((x, y) => x - y).join('/');
  const over = t.some((s) => s.over) ? '!' : '';
  const days = t.map((s) => s.daysTo10GB);
  const kr = t.map((s) => s.kForRetention);
  console.log(
    pad(
      [
        a === b ? `${a}` : `${fmt(a)}–${fmt(b)}`,
        range(last.peak, first.peak, first.peak < 10 ? 2 : 0),
        ks + over,
        fmt(t.reduce((n, s) => n + s.k, 0)),
        range(
          Math.min(...t.map((s) => s.peakRequestsPerObject)),
          Math.max(...t.map((s) => s.peakRequestsPerObject)),
          1,
        ),
        range(Math.min(...t.map((s) => s.perFlush)), Math.max(...t.map((s) => s.perFlush)), 2),
        fmt(rows, 2),
        `$${fmt(rowCost(rows), 2)}`,
        fmt(Math.min(...days)) === fmt(Math.max(...days))
          ? dayFmt(first.daysTo10GB)
          : `${dayFmt(Math.min(...days))}–${dayFmt(Math.max(...days))}`,
        range(Math.min(...kr), Math.max(...kr)),
      ],
      widths,
    ),
  );
}

const monthlyEvents = sites.reduce((n, s) => n + s.monthlyEvents, 0);
const monthlyRows = sites.reduce((n, s) => n + s.monthlyEvents * s.rows, 0);
const objects = sites.reduce((n, s) => n + s.k, 0);
const maxReq = Math.max(...sites.map((s) => s.peakRequestsPerObject));
const soonest = Math.min(...sites.map((s) => s.daysTo10GB));
const tooBig = sites.filter((s) => s.kForRetention > s.k);
const retentionDays = (/** @type {Site} */ s) =>
  ((LIMITS.bytesPerObject * P.utilization) / ((s.monthlyEvents / s.k) * P.bytesPerEvent)) * 30.44;
const rowsPerEvent_ = monthlyRows / monthlyEvents;
console.log(
  `\nobjects needed for throughput: ${fmt(objects)} (${fmt(sites.filter((s) => s.k > 1).length)} sites on k > 1${sites.some((s) => s.over) ? `; ${sites.filter((s) => s.over).length} site(s) (!) above the target even at k = 8` : ''}); for storage too: ${fmt(sites.reduce((n, s) => n + Math.max(s.k, s.kForRetention), 0))}`,
);
console.log(
  `busiest object at peak: ${fmt(maxReq, 0)} requests/s, ${fmt((100 * maxReq) / LIMITS.requestsPerSecondPerObject, 0)}% of the ${fmt(LIMITS.requestsPerSecondPerObject)}/s soft limit`,
);
console.log(
  `fullest object: 10 GB of events after ${dayFmt(soonest)} days. With ${P.retentionMonths} months of raw events kept, ${fmt(tooBig.length)} sites (${fmt((100 * tooBig.reduce((n, s) => n + s.monthlyEvents, 0)) / sites.reduce((n, s) => n + s.monthlyEvents, 0))}% of the events) need more objects than 8 or than throughput asks (${fmt(tooBig.reduce((n, s) => n + s.kForRetention, 0))} objects for them); at their k, the busiest keeps ≤ 5 GB for ${fmt(retentionDays(/** @type {Site} */ (sites[0])), 1)} days`,
);
console.log(
  `events: ${fmt(monthlyEvents / 1e9, 1)} billion/month; rows written ${fmt(rowsPerEvent_, 2)} per event on average → $${fmt(rowCost(rowsPerEvent_), 2)} per million events ($${fmt((monthlyRows / 1e6) * PRICES.rowWrittenPerMillion)}/month)`,
);
console.log(
  `requests: $${fmt(requestCost, 2)} per million events ($${fmt((monthlyEvents / P.eventsPerRequest / 1e6) * PRICES.requestPerMillion)}/month)`,
);
console.log(
  `storage: $${fmt(storageMonth, 3)} per million events per month kept, $${fmt(storageMonth * P.retentionMonths, 2)} over ${P.retentionMonths} months of retention; all sites after ${P.retentionMonths} months: $${fmt(((monthlyEvents * P.retentionMonths * P.bytesPerEvent) / 1e9) * PRICES.storedGbMonth)}/month`,
);
console.log(
  `before (one D1 database, rollup triggers): 22–261 rows written per visit, 12–26 per answer → $22–261 per million visits`,
);
console.log(
  `not counted: duration (GB-s while an object runs), rows read by views, the Worker's own requests; free allowances`,
);
