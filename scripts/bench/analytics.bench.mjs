// Analytics benchmark: latency (p50/p95 over RUNS requests) and rows read (x-rows-read, summed over the site's
// objects) of each analytics view through `wrangler dev`, on a site whose events were loaded through the real path —
// POST /api/v1/sites/{id}/import, 5,000 events per request, into the site's Durable Objects, where journey/rules.ts
// builds the rollups — once with the site on k = 1 object and once on k = 4 (settings.shards, set before any event).
// Aim: p95 ≤ 150 ms and ≤ 20,000 rows read (views read rollups, in proportion to touchpoints × days, not answers).
//
// Size: BENCH_ANSWERS answers and BENCH_VISITS visits (default 2 per answer) over 365 days and 40 touchpoints;
// BENCH_SCALE=0.01 runs the same at 1/100. The default is 100,000 answers / 200,000 visits, not the 1,000,000 of the
// aim: the import API stores ~700–1,000 events/s through wrangler dev on this 2-core machine (printed as events/s),
// so 1M answers with their visits would take over an hour per k (BENCH_ANSWERS=1000000 does it). Views read rollups,
// whose rows in a range are bounded by touchpoints × days × segment values, nearly all present at 100,000 answers.
// With BENCH_IMPORT_MAX_SECONDS (default 3,600) per k the load stops rather than run on. The loaded objects are
// cached in node_modules/.cache/throughline-bench, keyed by generator version, size, k and the Worker's store,
// journey and import sources, so re-runs only start the Worker and time (BENCH_ANY_SOURCES=1 also reuses data
// loaded by older sources).
// Bounded: RUNS requests per view, a fixed number of views; loopback only; stops the Worker it started.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GENERATOR_VERSION, STAGES, benchTouchpoints, importAll, journeys } from '../lib/analytics-bulk.mjs';
import { apiClient, must } from '../lib/api-client.mjs';
import { freePort } from '../lib/free-port.mjs';
import { startLocalWorker } from '../lib/local-worker.mjs';
import { ROOT, WORKER } from '../lib/paths.mjs';
import { floorStore, incomingConverter } from './store-floor.mjs';
/**
 * @import { Api } from '../lib/api-client.mjs'
 * @typedef {{ answers: number, visits: number, rollupRows: number, databaseBytes: number }} Counts
 * @typedef {{ siteId: string, shards: number, accepted: number, importSeconds: number, eventsPerSecond: number, retried: number,
 *   load: { start: string, end?: string }, counts: Counts, objects: Array<{ shard: number, events: number, rollupRows: number, databaseBytes: number }> }} Meta
 * @typedef {{ name: string, missing: string } | { name: string, p50: number, p95: number, rowsRead: string }} ViewTimes
 */

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const ANSWERS = Math.round(Number(process.env.BENCH_ANSWERS ?? 100_000) * SCALE);
const VISITS = Math.round(Number(process.env.BENCH_VISITS ?? Number(process.env.BENCH_ANSWERS ?? 100_000) * 2) * SCALE);
const SHARDS = (process.env.BENCH_SHARDS ?? '1,4').split(',').map((k) => {
  const n = Number(k);
  if (n !== 1 && n !== 2 && n !== 4 && n !== 8)
    throw new Error(`BENCH_SHARDS: ${k} is not 1, 2, 4 or 8 (settings.shards)`);
  return n;
});
const IMPORT_MAX_SECONDS = Number(process.env.BENCH_IMPORT_MAX_SECONDS ?? 3_600);
const DAYS = 365;
const LAST_DAY = '2026-10-31';
const RANGE = 'from=2026-10-02&to=2026-10-31'; // the dashboard's default: 30 days
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const WARMUP = 3;
const AIM = { p95: 150, rowsRead: 20_000 };
const LOGIN = { email: 'bench@throughline.test', password: 'correct horse battery', organization: 'Bench' };
const TOUCHPOINTS = benchTouchpoints(40);
const CACHE = path.join(ROOT, 'node_modules/.cache/throughline-bench');

const log = (/** @type {string} */ msg) => console.log(`[analytics.bench] ${msg}`);
/** @type {(sorted: number[], p: number) => number} */
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const load1 = () => (os.loadavg()[0] ?? NaN).toFixed(1);

/** The sources that decide what the objects store: a change to any of them builds the data again. */
function sourcesKey() {
  const hash = createHash('sha256');
  const dirs = ['src/store', 'src/journey', 'migrations'].map((d) => path.join(WORKER, d));
  const files = [
    ...dirs.flatMap((d) =>
      readdirSync(d)
        .filter((f) => !f.endsWith('.test.ts'))
        .map((f) => path.join(d, f)),
    ),
    path.join(WORKER, 'src/routes/import-route.ts'),
    path.join(WORKER, 'src/ingest/incoming.ts'),
  ];
  for (const f of files.sort()) hash.update(path.relative(WORKER, f)).update(readFileSync(f));
  return hash.digest('hex').slice(0, 10);
}

/** @param {Api} api */
async function bearer(api) {
  const { token } = await must(api.tokens.$post({ json: { name: `bench-${Date.now()}`, role: 'editor' } }));
  return { authorization: `Bearer ${token}` };
}

/**
 * A persisted local state with one site on `shards` objects holding the generated events; built once, then reused.
 * @param {(typeof SHARDS)[number]} shards
 * @returns {Promise<Meta & { persistTo: string }>}
 */
async function ensureData(shards) {
  const name = (/** @type {string} */ key) =>
    `analytics-g${GENERATOR_VERSION}-s${key}-${ANSWERS}a-${VISITS}v-k${shards}`;
  const persistTo = path.join(CACHE, name(sourcesKey()));
  const metaFile = path.join(persistTo, 'bench-meta.json');
  if (existsSync(metaFile)) return { persistTo, ...JSON.parse(readFileSync(metaFile, 'utf8')) };
  // BENCH_ANY_SOURCES=1: time the newest data of this size and k even if the Worker's sources changed since it was
  // loaded (loading again takes long); said in the output.
  if (process.env.BENCH_ANY_SOURCES === '1' && existsSync(CACHE)) {
    const older = readdirSync(CACHE)
      .filter((d) => d.startsWith(name('')) || new RegExp(`^${name('[0-9a-f]+')}$`).test(d))
      .map((d) => path.join(CACHE, d))
      .filter((d) => existsSync(path.join(d, 'bench-meta.json')))
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
    if (older) {
      log(
        `k=${shards}: reusing ${path.basename(older)}, loaded by other Worker sources than the current ones (BENCH_ANY_SOURCES=1)`,
      );
      return { persistTo: older, ...JSON.parse(readFileSync(path.join(older, 'bench-meta.json'), 'utf8')) };
    }
  }
  rmSync(persistTo, { recursive: true, force: true });
  mkdirSync(persistTo, { recursive: true });
  const worker = await startLocalWorker({ port: await freePort(), persistTo, quiet: true });
  try {
    const { api } = apiClient(worker.url);
    await must(api.auth.signup.$post({ json: LOGIN }));
    const siteId = (await must(api.sites.$post({ json: { name: `Bench shop k=${shards}`, origins: [] } }))).id;
    const param = { id: siteId };
    await must(api.sites[':id'].$patch({ param, json: { settings: { shards } } }));
    await must(api.sites[':id'].stages.$put({ param, json: { stages: STAGES } }));
    for (const t of TOUCHPOINTS) await must(api.sites[':id'].touchpoints.$post({ param, json: { ...t, name: t.key } }));
    const headers = await bearer(api);
    /** @type {Meta['load']} */
    const load = { start: load1() };
    let next = 0;
    const gen = journeys({
      touchpoints: TOUCHPOINTS,
      visits: VISITS,
      answers: ANSWERS,
      days: DAYS,
      lastDay: LAST_DAY,
      seed: 1,
    });
    const r = await importAll(worker.url, siteId, headers, gen, {
      concurrency: 2,
      deadline: performance.now() + IMPORT_MAX_SECONDS * 1000,
      onProgress: ({ sent, seconds }) => {
        if (sent < next) return;
        next = sent + 250_000;
        log(
          `k=${shards}: ${sent.toLocaleString('en-US')} events imported, ${Math.round(sent / seconds).toLocaleString('en-US')} events/s (load ${load1()})`,
        );
      },
    });
    load.end = load1();
    // reading the storage flushes the objects' pending rollups
    const storage = await must(api.sites[':id'].storage.$get({ param }));
    const sum = (/** @type {keyof Counts} */ k) => storage.objects.reduce((n, o) => n + o[k], 0);
    /** @type {Meta} */
    const meta = {
      siteId,
      shards,
      accepted: r.accepted,
      importSeconds: r.seconds,
      eventsPerSecond: r.accepted / r.seconds,
      retried: r.retried,
      load,
      counts: {
        answers: sum('answers'),
        visits: sum('visits'),
        rollupRows: sum('rollupRows'),
        databaseBytes: sum('databaseBytes'),
      },
      objects: storage.objects.map((o) => ({
        shard: o.shard,
        events: o.events,
        rollupRows: o.rollupRows,
        databaseBytes: o.databaseBytes,
      })),
    };
    writeFileSync(metaFile, JSON.stringify(meta));
    log(
      `k=${shards}: imported ${r.accepted.toLocaleString('en-US')} events in ${r.seconds.toFixed(0)} s (${Math.round(meta.eventsPerSecond)} events/s, ${r.requests} requests, ${r.retried} retried)`,
    );
    return { persistTo, ...meta };
  } catch (e) {
    rmSync(persistTo, { recursive: true, force: true });
    throw e;
  } finally {
    await worker.stop();
  }
}

/**
 * Times each view RUNS times after WARMUP; rows read must not vary between runs.
 * @param {string} persistTo
 * @param {string} siteId
 */
async function timeViews(persistTo, siteId) {
  const worker = await startLocalWorker({ port: await freePort(), persistTo, quiet: true });
  try {
    const { api } = apiClient(worker.url);
    await must(api.auth.login.$post({ json: { email: LOGIN.email, password: LOGIN.password } }));
    const headers = await bearer(api);
    const base = `/api/v1/sites/${siteId}`;
    // Timed as plain fetches with the token (the reply's bytes, its x-rows-read header), not through the client.
    /** @type {Array<[string, string]>} */
    const views = [
      ['overview', `${base}/analytics/overview?${RANGE}`],
      ['overview device:mobile', `${base}/analytics/overview?${RANGE}&segment=device:mobile`],
      ['overview stage:Purchase', `${base}/analytics/overview?${RANGE}&segment=stage:Purchase`],
      ['overview 365 days', `${base}/analytics/overview?from=2025-11-01&to=${LAST_DAY}`],
      ['trends', `${base}/analytics/trends?${RANGE}`],
      ['trends channel:search', `${base}/analytics/trends?${RANGE}&segment=channel:search`],
      ['trends tp05 quality', `${base}/analytics/trends?${RANGE}&touchpoint=tp05&dimension=quality`],
      ['responses', `${base}/responses`],
      ['responses device:mobile', `${base}/responses?segment=device:mobile`],
    ];
    /** @type {ViewTimes[]} */
    const results = [];
    for (const [name, url] of views) {
      const probe = await fetch(new URL(url, worker.url), { headers });
      const probeBody = await probe.text();
      if (probe.status !== 200) {
        results.push({ name, missing: `${probe.status} ${probeBody.slice(0, 120)}` });
        continue;
      }
      /** @type {number[]} */
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
      results.push({
        name,
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        rowsRead: [...rowsRead].join('/'),
      });
    }
    return results;
  } finally {
    await worker.stop();
  }
}

/**
 * The import path without the Worker: the first `count` generated events stored by the Worker's own SiteStore in
 * this process (store-floor.mjs), 400 per ingest() as import-route.ts sends them. Where the import's time goes.
 */
async function importFloor(count = 60_000) {
  const f = await floorStore();
  const toIncoming = await incomingConverter();
  const channels = new Map(TOUCHPOINTS.map((t) => [t.key, t.channel]));
  /** @type {Array<ReturnType<typeof toIncoming> & { source: 'import' }>} */
  const events = [];
  for (const j of journeys({
    touchpoints: TOUCHPOINTS,
    visits: VISITS,
    answers: ANSWERS,
    days: DAYS,
    lastDay: LAST_DAY,
    seed: 1,
  })) {
    for (const { visitor, ...e } of j.events)
      events.push({ ...toIncoming(e, visitor, channels.get(e.touchpoint)), source: 'import' });
    if (events.length >= count) break;
  }
  const started = performance.now();
  for (let i = 0; i < events.length; i += 400)
    f.ingest(events.slice(i, i + 400), { windowDays: 30, retentionDays: 395 });
  const stats = f.flush();
  const seconds = (performance.now() - started) / 1000;
  return {
    events: events.length,
    eventsPerSecond: events.length / seconds,
    rowsPerEvent: f.billed() / events.length,
    rollupRows: stats.rollupRows,
  };
}

const t0 = performance.now();
log(
  `${ANSWERS.toLocaleString('en-US')} answers / ${VISITS.toLocaleString('en-US')} visits, k = ${SHARDS.join(', ')}; ${os.cpus().length} cores, load ${load1()}, Node ${process.version}, ${new Date().toISOString()}`,
);
const floor = await importFloor();
log(
  `import floor (site-store.ts in process, in-memory node:sqlite, 400 events per ingest): ${Math.round(floor.eventsPerSecond)} events/s over the first ${floor.events} events, ${floor.rowsPerEvent.toFixed(1)} rows written per event, ${floor.rollupRows} rollup rows`,
);
/** @type {Array<ViewTimes & { k: number }>} */
const table = [];
const loads = [];
for (const shards of SHARDS) {
  const data = await ensureData(shards);
  loads.push(data);
  log(
    `k=${shards}: timing views on ${data.counts.answers} answers / ${data.counts.visits} visits, ${data.counts.rollupRows} rollup rows, ${(data.counts.databaseBytes / 1e6).toFixed(0)} MB`,
  );
  for (const r of await timeViews(data.persistTo, data.siteId)) table.push({ k: shards, ...r });
}

/** @type {(s: string | number, n: number) => string} */
const pad = (s, n) => String(s).padEnd(n);
/** @type {(s: string | number, n: number) => string} */
const lpad = (s, n) => String(s).padStart(n);
console.log(
  `\nLoaded through POST /api/v1/sites/{id}/import (5,000 events per request, 2 in flight), wrangler dev, local Durable Objects`,
);
console.log(
  `${pad('k', 3)}${lpad('answers', 11)}${lpad('visits', 11)}${lpad('rollup rows', 13)}${lpad('MB', 8)}${lpad('import s', 10)}${lpad('events/s', 10)}  load start → end`,
);
for (const d of loads) {
  console.log(
    `${pad(d.shards, 3)}${lpad(d.counts.answers, 11)}${lpad(d.counts.visits, 11)}${lpad(d.counts.rollupRows, 13)}${lpad((d.counts.databaseBytes / 1e6).toFixed(0), 8)}${lpad(d.importSeconds.toFixed(0), 10)}${lpad(Math.round(d.eventsPerSecond), 10)}  ${d.load.start} → ${d.load.end}`,
  );
}
console.log(
  `\nAnalytics views, ${RANGE} unless named, ${RUNS} runs each after ${WARMUP} warm-up (wrangler dev, loopback)`,
);
console.log(`${pad('k', 3)}${pad('view', 26)}${lpad('p50 ms', 9)}${lpad('p95 ms', 9)}${lpad('rows read', 11)}  aim`);
for (const r of table) {
  if ('missing' in r) {
    console.log(`${pad(r.k, 3)}${pad(r.name, 26)}${lpad('—', 9)}${lpad('—', 9)}${lpad('—', 11)}  (${r.missing})`);
    continue;
  }
  const counted = r.rowsRead !== 'n/a';
  const ok = r.p95 <= AIM.p95 && (!counted || Number(r.rowsRead) <= AIM.rowsRead);
  const verdict = `${ok ? 'ok' : 'MISSED'}${counted ? '' : ' (p95 only: no x-rows-read header)'}`;
  console.log(
    `${pad(r.k, 3)}${pad(r.name, 26)}${lpad(r.p50.toFixed(1), 9)}${lpad(r.p95.toFixed(1), 9)}${lpad(r.rowsRead, 11)}  ${verdict}`,
  );
}
console.log(
  `\naim p95 ≤ ${AIM.p95} ms and ≤ ${AIM.rowsRead} rows read; load at the end ${load1()}; total ${((performance.now() - t0) / 1000).toFixed(0)} s`,
);
