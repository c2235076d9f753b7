// Analytics benchmark: latency (p50/p95 over RUNS requests) and D1 rows read (x-rows-read) of each analytics view
// through `wrangler dev` on a local D1 holding 1,000,000 answers and 5,000,000 visits over 365 days and 40
// touchpoints, then the same at 100,000 answers / 500,000 visits. Aim: p95 ≤ 150 ms, ≤ 20,000 rows read, and the
// same rows read at both sizes (views read rollups, not answers).
//
// Data: scripts/lib/analytics-bulk.mjs writes the local D1 sqlite file directly (node:sqlite): raw rows, then each
// rollup by one INSERT … SELECT that mirrors its trigger. Before that, a sample is stored both ways (row by row
// through the triggers, and in bulk) and every rollup table compared: the benchmark stops if they differ.
// The databases are cached in node_modules/.cache/throughline-bench, keyed by generator version, size and the
// migrations, so re-runs only start the Worker and time. BENCH_SCALE=0.01 runs the same at 1/100 of the size.
// Bounded: RUNS requests per view, a fixed number of views; loopback only; stops the Worker it started.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import {
  GENERATOR_VERSION, STAGES, applyMigrationFiles, benchTouchpoints, compareRollups, journeys, loadBulk, loadWithTriggers, rollupSnapshot,
} from '../lib/analytics-bulk.mjs';
import { apiClient } from '../lib/api-client.mjs';
import { startLocalWorker } from '../lib/local-worker.mjs';
import { ROOT, WORKER } from '../lib/paths.mjs';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const SIZES = [
  { answers: Math.round(1_000_000 * SCALE), visits: Math.round(5_000_000 * SCALE) },
  { answers: Math.round(100_000 * SCALE), visits: Math.round(500_000 * SCALE) },
];
const DAYS = 365;
const LAST_DAY = '2026-10-31';
const RANGE = 'from=2026-10-02&to=2026-10-31'; // the dashboard's default: 30 days
const RUNS = 20;
const WARMUP = 3;
const PORT = 8790;
const AIM = { p95: 150, rowsRead: 20_000 };
const LOGIN = { email: 'bench@throughline.test', password: 'correct horse battery', organization: 'Bench' };
const TOUCHPOINTS = benchTouchpoints(40);
const CACHE = path.join(ROOT, 'node_modules/.cache/throughline-bench');

const log = (msg) => console.log(`[analytics.bench] ${msg}`);
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

function migrationsKey() {
  const dir = path.join(WORKER, 'migrations');
  const hash = createHash('sha256');
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()) hash.update(f).update(readFileSync(path.join(dir, f)));
  return hash.digest('hex').slice(0, 10);
}

/** The sample check: the bulk path must build exactly the rollups the triggers build. */
function proveBulkEqualsTriggers() {
  const opts = { siteId: 'sample', touchpoints: TOUCHPOINTS, visits: 10_000, answers: 2_000, days: 30, lastDay: LAST_DAY, seed: 99 };
  const viaTriggers = new DatabaseSync(':memory:');
  const viaBulk = new DatabaseSync(':memory:');
  applyMigrationFiles(viaTriggers);
  applyMigrationFiles(viaBulk);
  loadWithTriggers(viaTriggers, journeys(opts));
  loadBulk(viaBulk, journeys(opts));
  const a = rollupSnapshot(viaTriggers);
  const diffs = compareRollups(a, rollupSnapshot(viaBulk));
  const rows = Object.values(a).reduce((n, t) => n + t.length, 0);
  if (diffs.length) {
    console.error(JSON.stringify(diffs, null, 2));
    throw new Error('bulk rollups differ from trigger rollups');
  }
  log(`sample of ${opts.visits} visits / ${opts.answers} answers: bulk rollups equal trigger rollups (${rows} rows in ${Object.keys(a).length} tables)`);
}

function sqliteFile(persistTo) {
  const dir = path.join(persistTo, 'v3/d1/miniflare-D1DatabaseObject');
  const file = readdirSync(dir).find((f) => f.endsWith('.sqlite'));
  if (!file) throw new Error(`no D1 sqlite file in ${dir}`);
  return path.join(dir, file);
}

/** workerd may hold the file for a moment after wrangler exits: wait (bounded) until it can be written. */
async function openWhenUnlocked(file) {
  for (let i = 0; ; i++) {
    const db = new DatabaseSync(file, { timeout: 5_000 });
    try {
      db.exec('BEGIN IMMEDIATE; COMMIT');
      return db;
    } catch (e) {
      db.close();
      if (i >= 10) throw e;
      await new Promise((r) => setTimeout(r, 2_000));
    }
  }
}

/** A persisted local D1 with the site, its journey and the generated data; built once, then reused. */
async function ensureDatabase(size) {
  const persistTo = path.join(CACHE, `analytics-g${GENERATOR_VERSION}-m${migrationsKey()}-${size.answers}a-${size.visits}v`);
  const metaFile = path.join(persistTo, 'bench-meta.json');
  if (existsSync(metaFile)) return { persistTo, ...JSON.parse(readFileSync(metaFile, 'utf8')) };
  rmSync(persistTo, { recursive: true, force: true });
  mkdirSync(persistTo, { recursive: true });
  const started = performance.now();
  const worker = await startLocalWorker({ port: PORT, persistTo, quiet: true });
  let siteId;
  try {
    const api = apiClient(worker.url);
    await api.must('POST', '/api/v1/auth/signup', LOGIN);
    siteId = (await api.must('POST', '/api/v1/sites', { name: 'Bench shop', origins: [] })).id;
    await api.must('PUT', `/api/v1/sites/${siteId}/stages`, { stages: STAGES });
    for (const t of TOUCHPOINTS) await api.must('POST', `/api/v1/sites/${siteId}/touchpoints`, { ...t, name: t.key });
  } finally {
    await worker.stop();
  }
  const db = await openWhenUnlocked(sqliteFile(persistTo));
  db.exec('PRAGMA cache_size = -1000000');
  loadBulk(db, journeys({ siteId, touchpoints: TOUCHPOINTS, visits: size.visits, answers: size.answers, days: DAYS, lastDay: LAST_DAY, seed: 1 }), {
    onProgress: (m) => log(`${size.answers} answers: ${m} (${((performance.now() - started) / 1000).toFixed(0)} s)`),
  });
  const counts = db.prepare('SELECT (SELECT count(*) FROM answers) AS answers, (SELECT count(*) FROM visits) AS visits').get();
  db.close();
  writeFileSync(metaFile, JSON.stringify({ siteId, counts }));
  log(`built ${persistTo} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return { persistTo, siteId, counts };
}

/** Times each view RUNS times after WARMUP; rows read must not vary between runs. */
async function timeViews(persistTo, siteId) {
  const worker = await startLocalWorker({ port: PORT, persistTo, quiet: true });
  try {
    const api = apiClient(worker.url);
    await api.must('POST', '/api/v1/auth/login', { email: LOGIN.email, password: LOGIN.password });
    const { token } = await api.must('POST', '/api/v1/tokens', { name: 'bench', role: 'viewer' });
    const headers = { authorization: `Bearer ${token}` };
    const base = `/api/v1/sites/${siteId}`;
    const views = [
      ['overview', `${base}/analytics/overview?${RANGE}`],
      ['overview device:mobile', `${base}/analytics/overview?${RANGE}&segment=device:mobile`],
      ['overview stage:Purchase', `${base}/analytics/overview?${RANGE}&segment=stage:Purchase`],
      ['trends', `${base}/analytics/trends?${RANGE}`],
      ['trends channel:search', `${base}/analytics/trends?${RANGE}&segment=channel:search`],
      ['trends tp05 quality', `${base}/analytics/trends?${RANGE}&touchpoint=tp05&dimension=quality`],
      ['responses', `${base}/responses`],
      ['responses device:mobile', `${base}/responses?segment=device:mobile`],
    ];
    const results = [];
    for (const [name, url] of views) {
      const probe = await fetch(new URL(url, worker.url), { headers });
      const probeBody = await probe.text();
      if (probe.status === 404 && name.startsWith('responses')) { results.push({ name, missing: true }); continue; }
      if (probe.status !== 200) throw new Error(`${name}: ${probe.status} ${probeBody.slice(0, 300)}`);
      const latencies = [];
      const rowsRead = new Set();
      for (let i = 0; i < WARMUP + RUNS; i++) {
        const t0 = performance.now();
        const res = await fetch(new URL(url, worker.url), { headers });
        await res.arrayBuffer();
        const ms = performance.now() - t0;
        if (res.status !== 200) throw new Error(`${name}: ${res.status}`);
        if (i >= WARMUP) latencies.push(ms);
        rowsRead.add(res.headers.get('x-rows-read') ?? 'n/a');
      }
      latencies.sort((a, b) => a - b);
      results.push({ name, p50: percentile(latencies, 50), p95: percentile(latencies, 95), rowsRead: [...rowsRead].join('/') });
    }
    return results;
  } finally {
    await worker.stop();
  }
}

const t0 = performance.now();
proveBulkEqualsTriggers();
const table = [];
for (const size of SIZES) {
  const { persistTo, siteId, counts } = await ensureDatabase(size);
  log(`timing views on ${counts.answers} answers / ${counts.visits} visits`);
  for (const r of await timeViews(persistTo, siteId)) table.push({ size: `${counts.answers} a / ${counts.visits} v`, ...r });
}

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
console.log(`\nAnalytics views, ${RANGE}, ${RUNS} runs each after ${WARMUP} warm-up (wrangler dev, local D1, loopback)`);
console.log(`${pad('data', 26)}${pad('view', 26)}${lpad('p50 ms', 9)}${lpad('p95 ms', 9)}${lpad('rows read', 11)}  aim`);
for (const r of table) {
  if (r.missing) { console.log(`${pad(r.size, 26)}${pad(r.name, 26)}${lpad('—', 9)}${lpad('—', 9)}${lpad('—', 11)}  (no such route yet)`); continue; }
  const counted = r.rowsRead !== 'n/a';
  const ok = r.p95 <= AIM.p95 && (!counted || Number(r.rowsRead) <= AIM.rowsRead);
  const verdict = `${ok ? 'ok' : 'MISSED'}${counted ? '' : ' (p95 only: no x-rows-read header)'}`;
  console.log(`${pad(r.size, 26)}${pad(r.name, 26)}${lpad(r.p50.toFixed(1), 9)}${lpad(r.p95.toFixed(1), 9)}${lpad(r.rowsRead, 11)}  ${verdict}`);
}
const bySize = Object.groupBy(table.filter((r) => !r.missing), (r) => r.name);
const same = Object.entries(bySize).map(([name, rs]) => [name, new Set(rs.map((r) => r.rowsRead)).size === 1]);
console.log(`\nsame rows read at both sizes: ${same.every(([, s]) => s) ? 'yes, every view' : `NO: ${same.filter(([, s]) => !s).map(([n]) => n).join(', ')}`}`);
console.log(`aim p95 ≤ ${AIM.p95} ms and ≤ ${AIM.rowsRead} rows read; total ${((performance.now() - t0) / 1000).toFixed(0)} s`);
