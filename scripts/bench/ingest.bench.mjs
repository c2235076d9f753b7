// Ingest benchmark: answers/s and latency of POST /v1/events through the local Worker (wrangler dev, local D1),
// with 1-event and 50-event requests at a few concurrency levels; next to it the floor: the same rows stored by
// the same code (worker/src/db/events.ts) into the same schema and triggers in a bare in-memory node:sqlite.
// Bounded: BENCH_SECONDS (default 10) per scenario and at most MAX_REQUESTS each; loopback only.
// BENCH_FLOOR_ONLY=1 runs the floor alone.
import { readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { apiClient } from '../lib/api-client.mjs';
import { freePort } from '../lib/free-port.mjs';
import { importTs } from '../lib/import-ts.mjs';
import { startLocalWorker } from '../lib/local-worker.mjs';
import { WORKER } from '../lib/paths.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const MAX_REQUESTS = 100_000;
const SCENARIOS = [
  { batch: 1, concurrency: 1 }, { batch: 1, concurrency: 8 }, { batch: 1, concurrency: 32 },
  { batch: 50, concurrency: 1 }, { batch: 50, concurrency: 4 }, { batch: 50, concurrency: 16 },
];
const AIM = 5_000;
/** Sites the load is spread over: one site may send 1,000 batches per 10 s (worker/src/ingest/rate-limit.ts). */
const SITES = 8;
const TOUCHPOINTS = [['home', 'Awareness'], ['product', 'Consideration'], ['cart', 'Purchase'], ['checkout', 'Purchase'], ['help', 'Support']];
const DEVICES = ['mobile', 'desktop', 'tablet'];
const LOCALES = ['en-GB', 'de-DE', 'fr-FR'];
const ARRIVALS = ['search', 'direct', 'social', 'email'];

const pick = (list) => list[Math.floor(Math.random() * list.length)];
const score = () => 1 + Math.floor(Math.random() * 5);

/** One visitor's answers along the journey, `n` of them, as the widget would send them. */
function answers(n) {
  const context = { device: pick(DEVICES), locale: pick(LOCALES), channel: pick(ARRIVALS), returning: Math.random() < 0.3 };
  const start = Date.now() - 60 * 60_000;
  return Array.from({ length: n }, (_, i) => {
    const [touchpoint] = TOUCHPOINTS[i % TOUCHPOINTS.length];
    const from = i > 0 ? TOUCHPOINTS[(i - 1) % TOUCHPOINTS.length][0] : undefined;
    return {
      id: crypto.randomUUID(), type: 'answer', touchpoint, at: new Date(start + i * 1000).toISOString(), context,
      ...(from ? { from } : {}),
      answers: { sensorial: score(), affective: score(), cognitive: score(), importance: score(), ...(from ? { handoff: score() } : {}) },
    };
  });
}
const visitorId = () => crypto.randomUUID().replaceAll('-', '');

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

/** "503 worker restarted" (wrangler dev reloads when a source file changes), "429 rate_limited", …: what failed. */
function failureReason(status, text) {
  try {
    return `${status} ${JSON.parse(text).error?.code ?? ''}`.trim();
  } catch {
    return /restarted/i.test(text) ? `${status} worker restarted` : String(status);
  }
}

/**
 * Sends batches of `batch` answers from `concurrency` loops for `seconds`; what the Worker accepted, how fast.
 * Each batch comes from a new visitor (its own user agent, hence its own visitor hash) of one of the sites.
 */
async function load(url, siteKeys, { batch, concurrency, seconds: limit = SECONDS }) {
  const latencies = [];
  let accepted = 0, rowsWritten = 0, requests = 0, failures = 0;
  const statuses = {};
  const started = performance.now();
  const end = started + limit * 1000;
  const loop = async () => {
    while (performance.now() < end && requests < MAX_REQUESTS) {
      requests++;
      const visitor = visitorId();
      const body = JSON.stringify({ site: siteKeys[requests % siteKeys.length], visitor, events: answers(batch) });
      const headers = { 'content-type': 'text/plain', 'user-agent': `Mozilla/5.0 (X11; Linux x86_64) Firefox/145.0 visitor/${visitor}` };
      const t0 = performance.now();
      const res = await fetch(`${url}/v1/events`, { method: 'POST', headers, body });
      const text = await res.text();
      latencies.push(performance.now() - t0);
      if (res.status === 202) {
        accepted += JSON.parse(text).accepted;
        rowsWritten += Number(res.headers.get('x-rows-written') ?? NaN);
      } else {
        failures++;
        const why = failureReason(res.status, text);
        statuses[why] = (statuses[why] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests, failures, statuses, answersPerSecond: accepted / seconds,
    p50: percentile(latencies, 50), p99: percentile(latencies, 99), rowsPerAnswer: rowsWritten / accepted,
  };
}

/** The cost of a request that touches no D1: the CORS preflight of /v1/events, one at a time, for 3 s. */
async function requestFloor(url) {
  const latencies = [];
  const end = performance.now() + 3000;
  while (performance.now() < end && latencies.length < MAX_REQUESTS) {
    const t0 = performance.now();
    const res = await fetch(`${url}/v1/events`, { method: 'OPTIONS', headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' } });
    await res.arrayBuffer();
    latencies.push(performance.now() - t0);
  }
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** The D1 calls events.ts makes, over node:sqlite: a batch is one transaction, as in D1. */
function d1Over(sqlite) {
  const cache = new Map();
  const statement = (sql) => cache.get(sql) ?? cache.set(sql, sqlite.prepare(sql)).get(sql);
  return {
    prepare: (sql) => ({ bind: (...args) => ({ sql, args }) }),
    async batch(list) {
      sqlite.exec('BEGIN');
      try {
        // every statement events.ts sends returns rows (SELECT, INSERT … RETURNING)
        const results = list.map(({ sql, args }) => ({ results: statement(sql).all(...args), meta: {} }));
        sqlite.exec('COMMIT');
        return results;
      } catch (err) {
        sqlite.exec('ROLLBACK');
        throw err;
      }
    },
  };
}

/** The floor: the same statements and triggers in an in-memory SQLite, in the same process, for SECONDS. */
async function floor(batch) {
  const { storeEvents } = await importTs(path.join(WORKER, 'src/db/events.ts'));
  const sqlite = new DatabaseSync(':memory:');
  const dir = path.join(WORKER, 'migrations');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()) sqlite.exec(readFileSync(path.join(dir, file), 'utf8'));
  // The site row the route's config_version guard reads (storeEvents checks it in the same transaction).
  sqlite.exec(`INSERT INTO organizations (id, name, created_at) VALUES ('bench', 'Bench', '2026-01-01');
    INSERT INTO sites (id, org_id, key, name, created_at, config_version) VALUES ('bench', 'bench', 'bench', 'Bench', '2026-01-01', 1)`);
  const db = d1Over(sqlite);
  const totalChanges = () => Number(sqlite.prepare('SELECT total_changes() AS n').get().n);
  let accepted = 0;
  const changesBefore = totalChanges();
  const started = performance.now();
  const end = started + SECONDS * 1000;
  for (let i = 0; performance.now() < end && i < MAX_REQUESTS * 10; i++) {
    const visitor = visitorId();
    const events = answers(batch).map((event) => ({ visitor, event, channel: 'web' }));
    const stored = await storeEvents(db, { siteId: 'bench', country: null, source: 'widget', configVersion: 1, events });
    accepted += stored.accepted;
  }
  const seconds = (performance.now() - started) / 1000;
  return { answersPerSecond: accepted / seconds, rowsPerAnswer: (totalChanges() - changesBefore) / accepted };
}

const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : '–');
const row = (cells, widths) => cells.map((c, i) => String(c).padStart(widths[i])).join('  ');

// BENCH_FLOOR_ONLY=1: only the floor (no wrangler dev), a quick check of what the schema and triggers cost.
if (process.env.BENCH_FLOOR_ONLY === '1') {
  console.log(`floor only: the same statements (worker/src/db/events.ts) and triggers in in-memory node:sqlite, ${SECONDS} s each, load ${os.loadavg()[0].toFixed(1)}`);
  for (const batch of [1, 50]) {
    const f = await floor(batch);
    console.log(row([`${batch} event${batch > 1 ? 's' : ''} per transaction`, fmt(f.answersPerSecond), fmt(f.rowsPerAnswer, 1)], [24, 11, 11]), ' answers/s, SQLite changes per answer');
  }
  process.exit(0);
}

const persistTo = mkdtempSync(path.join(os.tmpdir(), 'tl-bench-'));
const local = await startLocalWorker({ port: await freePort(), persistTo, quiet: true });
// Stopped or timed out from outside: take the local Worker down too (`finally` does not run on a signal).
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => local.stop().finally(() => { rmSync(persistTo, { recursive: true, force: true }); process.exit(130); }));
}
try {
  const api = apiClient(local.url);
  await api.must('POST', '/api/v1/auth/signup', { email: `bench-${Date.now()}@example.com`, password: 'correct horse battery', organization: 'Bench' });
  const siteKeys = [];
  for (let i = 0; i < SITES; i++) {
    const site = await api.must('POST', '/api/v1/sites', { name: `Bench shop ${i}`, origins: [] });
    for (const [key, stage] of TOUCHPOINTS) {
      await api.must('POST', `/api/v1/sites/${site.id}/touchpoints`, { key, name: key, stage, match: [`/${key}*`] });
    }
    siteKeys.push(site.key);
  }
  await load(local.url, siteKeys, { batch: 50, concurrency: 2, seconds: 2 }); // warm the isolate and the D1 file

  const load1 = () => os.loadavg()[0].toFixed(1);
  console.log(`ingest through wrangler dev (local D1), ${SITES} sites, ${SECONDS} s per scenario, ${os.cpus().length} cores (load ${load1()}), Node ${process.version}`);
  const widths = [24, 9, 11, 8, 8, 8, 11];
  console.log(row(['scenario', 'requests', 'answers/s', 'p50 ms', 'p99 ms', 'errors', 'rows/answer'], widths));
  const results = [];
  for (const s of SCENARIOS) {
    const r = await load(local.url, siteKeys, s);
    results.push({ ...s, ...r });
    const errors = r.failures ? `${r.failures} (${Object.entries(r.statuses).map(([k, v]) => `${v}×${k}`).join(', ')})` : '0';
    console.log(row([`${s.batch} event${s.batch > 1 ? 's' : ''} × ${s.concurrency} in flight`, r.requests, fmt(r.answersPerSecond), fmt(r.p50, 1), fmt(r.p99, 1), errors, fmt(r.rowsPerAnswer, 1)], widths));
  }

  const http = await requestFloor(local.url);
  console.log(`\nrequest without D1 (OPTIONS /v1/events, 1 in flight): p50 ${fmt(http.p50, 1)} ms, p99 ${fmt(http.p99, 1)} ms`);
  const floors = { 1: await floor(1), 50: await floor(50) };
  console.log(`floor: the same statements (worker/src/db/events.ts) and triggers in in-memory node:sqlite, one process`);
  for (const [batch, f] of Object.entries(floors)) {
    console.log(row([`${batch} event${batch > 1 ? 's' : ''} per transaction`, '', fmt(f.answersPerSecond), '', '', '', fmt(f.rowsPerAnswer, 1)], widths));
  }
  const best = (batch) => results.filter((r) => r.batch === batch).reduce((a, b) => (b.answersPerSecond > a.answersPerSecond ? b : a));
  const best50 = best(50);
  const best1 = best(1);
  console.log(`\nbest 50-event: ${fmt(best50.answersPerSecond)} answers/s (${best50.concurrency} in flight) = ${fmt((100 * best50.answersPerSecond) / floors[50].answersPerSecond, 1)}% of the floor`);
  console.log(`best 1-event:  ${fmt(best1.answersPerSecond)} answers/s (${best1.concurrency} in flight) = ${fmt((100 * best1.answersPerSecond) / floors[1].answersPerSecond, 1)}% of the floor`);
  console.log(`D1 rows written per answer: ${fmt(best50.rowsPerAnswer, 1)} (D1 meta.rows_written, x-rows-written); SQLite changes per answer incl. triggers: ${fmt(floors[50].rowsPerAnswer, 1)}`);
  console.log(`aim ≥ ${fmt(AIM)} answers/s with 50-event batches: ${best50.answersPerSecond >= AIM ? 'met' : 'NOT met'}`);
  console.log(`load average at the end: ${load1()} (other processes share the cores; figures move with it)`);
} finally {
  await local.stop();
  rmSync(persistTo, { recursive: true, force: true });
}
