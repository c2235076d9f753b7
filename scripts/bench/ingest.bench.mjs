// Ingest benchmark, through the local Worker (`wrangler dev`, local D1 and local SQLite Durable Objects) and in
// process, in four parts:
// 1. throughput: answers/s and latency of POST /v1/events with 1-event and 50-event requests at a few concurrency
//    levels, over 8 sites (one object each; each batch from a new visitor);
// 2. k objects for one site: the same 50-event load on one site split over k = 1, 2, 4 objects (settings.shards);
// 3. journeys that reached 1, 5 and 20 touchpoints: visitors post a visit and then an answer at each touchpoint in
//    turn, one event per request; measured are the visit and the answer at the 1st, 5th, 20th touchpoint;
// 4. the floor: the Worker's own SiteStore (site-store.ts → journey/rules.ts, STORE_SCHEMA) in this process over
//    in-memory node:sqlite (store-floor.mjs), one transaction per batch, the same events; its journey part measures
//    rows written by events folded into one flush (1, 10, 100), counting rows as Cloudflare bills them.
// Rows written are AMORTIZED: rollups are folded in memory and flushed by an alarm a few seconds later, so the
// request's x-rows-written (raw rows of that request) is not the cost. The cost is read from
// GET /api/v1/sites/{id}/storage (rowsWritten, eventsWritten per object since it started; the read itself flushes)
// before and after each part: Δ rows written / Δ events stored.
// Bounded: BENCH_SECONDS (default 10) per throughput scenario and at most MAX_REQUESTS each; the journey part has a
// fixed number of visitors (JOURNEY_VISITORS, default 40) and requests; loopback only; stops the Worker it started.
// BENCH_FLOOR_ONLY=1 runs the floor alone. BENCH_JSON=file writes the figures as JSON too (cost-model input).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { apiClient, must } from '../lib/api-client.mjs';
import { freePort } from '../lib/free-port.mjs';
import { startLocalWorker } from '../lib/local-worker.mjs';
import { floorStore, incomingConverter } from './store-floor.mjs';
/**
 * @import { Context, TrackedEvent } from '@throughline/schema'
 * @typedef {{ visit: TrackedEvent, answer: TrackedEvent }} Step a touchpoint of a journey: its visit, then its answer
 * @typedef {{ id: string, steps: Step[] }} Visitor
 * @typedef {{ rows: number, events: number, stored: number, bytes: number, rollupRows: number, objects: Array<{ events: number }> }} Storage
 * @typedef {Awaited<ReturnType<typeof floorThroughput>>} FloorThroughput
 */

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const MAX_REQUESTS = 100_000;
const SCENARIOS = [
  { batch: 1, concurrency: 1 },
  { batch: 1, concurrency: 8 },
  { batch: 1, concurrency: 32 },
  { batch: 50, concurrency: 1 },
  { batch: 50, concurrency: 4 },
  { batch: 50, concurrency: 16 },
];
/** @type {Array<1 | 2 | 4>} objects a site is split over (settings.shards: 1, 2, 4 or 8) */
const SHARD_SCENARIOS = [1, 2, 4];
const SHARD_CONCURRENCY = 8;
const JOURNEY_LENGTHS = [1, 5, 20];
const JOURNEY_VISITORS = Number(process.env.JOURNEY_VISITORS ?? 40);
/** Of those, this many post their measured visit and answer alone, each followed by a flush: no folding at all. */
const ALONE = 3;
const AIM = { answersPerSecond: 5_000, rowsPerEvent: 5 };
const RULES = { windowDays: 30, retentionDays: 395 };
/** Sites the throughput load is spread over: one site may send 1,000 batches per 10 s (worker/src/ingest/rate-limit.ts). */
const SITES = 8;
/** @type {Array<[string, string]>} */
const TOUCHPOINTS = [
  ['home', 'Awareness'],
  ['product', 'Consideration'],
  ['cart', 'Purchase'],
  ['checkout', 'Purchase'],
  ['help', 'Support'],
];
/** @type {Array<[string, string]>} */
const JOURNEY_TOUCHPOINTS = Array.from({ length: 20 }, (_, i) => [
  `tp${String(i + 1).padStart(2, '0')}`,
  /** @type {string} */ (['Awareness', 'Consideration', 'Purchase', 'Use'][Math.floor(i / 5)]),
]);
/** @type {NonNullable<Context['device']>[]} */
const DEVICES = ['mobile', 'desktop', 'tablet'];
const LOCALES = ['en-GB', 'de-DE', 'fr-FR'];
/** @type {NonNullable<Context['channel']>[]} */
const ARRIVALS = ['search', 'direct', 'social', 'email'];

/** @type {<T>(list: T[]) => T} */
const pick = (list) => /** @type {typeof list[number]} */ (list[Math.floor(Math.random() * list.length)]);
const score = () => 1 + Math.floor(Math.random() * 5);
const visitorId = () => crypto.randomUUID().replaceAll('-', '');
/** @returns {Context} */
const newContext = () => ({
  device: pick(DEVICES),
  locale: pick(LOCALES),
  channel: pick(ARRIVALS),
  returning: Math.random() < 0.3,
});
const load1 = () => (os.loadavg()[0] ?? NaN).toFixed(1);

/**
 * One visitor's answers along the journey, `n` of them (the throughput scenarios' batches, as before v2).
 * @param {number} n
 * @returns {TrackedEvent[]}
 */
function answers(n) {
  const context = newContext();
  const start = Date.now() - 60 * 60_000;
  return Array.from({ length: n }, (_, i) => {
    const [touchpoint] = /** @type {[string, string]} */ (TOUCHPOINTS[i % TOUCHPOINTS.length]);
    const from = i > 0 ? /** @type {[string, string]} */ (TOUCHPOINTS[(i - 1) % TOUCHPOINTS.length])[0] : undefined;
    return {
      id: crypto.randomUUID(),
      type: 'answer',
      touchpoint,
      at: new Date(start + i * 1000).toISOString(),
      context,
      ...(from ? { from } : {}),
      answers: {
        sensorial: score(),
        affective: score(),
        cognitive: score(),
        importance: score(),
        ...(from ? { handoff: score() } : {}),
      },
    };
  });
}

/**
 * A journey over `length` touchpoints as the widget sends it: at each touchpoint a visit (with the context) and
 * then an answer (without: it takes its visit's), each its own request. Returns the steps: [{ visit, answer }].
 * @param {number} length
 * @returns {Step[]}
 */
function journey(length) {
  const context = newContext();
  const start = Date.now() - 3 * 3_600_000 + Math.floor(Math.random() * 600_000);
  return Array.from({ length }, (_, i) => {
    const [touchpoint] = /** @type {[string, string]} */ (JOURNEY_TOUCHPOINTS[i]);
    const from = i > 0 ? { from: /** @type {[string, string]} */ (JOURNEY_TOUCHPOINTS[i - 1])[0] } : {};
    const at = start + i * 300_000;
    return {
      visit: { id: crypto.randomUUID(), type: 'visit', touchpoint, at: new Date(at).toISOString(), ...from, context },
      answer: {
        id: crypto.randomUUID(),
        type: 'answer',
        touchpoint,
        at: new Date(at + 30_000).toISOString(),
        ...from,
        answers: {
          sensorial: score(),
          affective: score(),
          cognitive: score(),
          importance: score(),
          ...(i > 0 ? { handoff: score() } : {}),
        },
      },
    };
  });
}

/**
 * @param {number[]} sorted
 * @param {number} p
 */
function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** "503 worker restarted" (wrangler dev reloads when a source file changes), "429 rate_limited", …: what failed. */
/**
 * @param {number} status
 * @param {string} text
 */
function failureReason(status, text) {
  if (status === 0) return 'connection closed';
  try {
    return `${status} ${JSON.parse(text).error?.code ?? ''}`.trim();
  } catch {
    return /restarted/i.test(text) ? `${status} worker restarted` : String(status);
  }
}

/**
 * The simulated visitor's own address in 198.18.0.0/15 (RFC 2544's benchmarking range), stable per visitor: ingest
 * limits each client address per site (600 batches a minute, worker/src/ingest/client-limit.ts), and every request
 * of the benchmark comes from loopback. wrangler dev passes the CF-Connecting-IP header through to the Worker.
 * @param {string} visitor
 */
function addressOf(visitor) {
  let h = 0x811c9dc5;
  for (let i = 0; i < visitor.length; i++) h = Math.imul(h ^ visitor.charCodeAt(i), 0x01000193);
  h >>>= 0;
  return `198.${18 + ((h >>> 16) & 1)}.${(h >>> 8) & 255}.${h & 255}`;
}

/**
 * One POST /v1/events as the widget sends it (text/plain, the visitor's own user agent and address): a plain fetch, as
 * the widget's route is outside the dashboard API.
 * @param {string} url
 * @param {string} siteKey
 * @param {string} visitor
 * @param {TrackedEvent[]} events
 */
async function post(url, siteKey, visitor, events) {
  const headers = {
    'content-type': 'text/plain',
    'user-agent': `Mozilla/5.0 (X11; Linux x86_64) Firefox/145.0 visitor/${visitor}`,
    'cf-connecting-ip': addressOf(visitor),
  };
  const t0 = performance.now();
  try {
    const res = await fetch(`${url}/v1/events`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ site: siteKey, visitor, events }),
    });
    const text = await res.text();
    return {
      status: res.status,
      text,
      ms: performance.now() - t0,
      rowsWritten: Number(res.headers.get('x-rows-written') ?? NaN),
      retryAfter: Number(res.headers.get('retry-after') ?? 1),
    };
  } catch (e) {
    // wrangler dev restarting (a source file changed) closes the connection
    const err = /** @type {Error & { cause?: { code?: string } }} */ (e);
    return {
      status: 0,
      text: `connection closed: ${err.cause?.code ?? err.message}`,
      ms: performance.now() - t0,
      rowsWritten: NaN,
      retryAfter: 2,
    };
  }
}

/** Sends one request, again after a 429 or 5xx (at most 5 times): the journey part needs every event stored. */
let retried = 0;
/** @type {(...args: Parameters<typeof post>) => Promise<Awaited<ReturnType<typeof post>> & { body: { accepted: number } }>} */
async function postSurely(url, siteKey, visitor, events) {
  for (let attempt = 0; ; attempt++) {
    const r = await post(url, siteKey, visitor, events);
    if (r.status === 202) return { ...r, body: JSON.parse(r.text) };
    if ((r.status !== 429 && r.status !== 0 && r.status < 500) || attempt >= 5)
      throw new Error(`POST /v1/events → ${failureReason(r.status, r.text)}`);
    retried++;
    await sleep(Math.min(10, r.retryAfter) * 1000);
  }
}

/**
 * Sends batches of `batch` answers from `concurrency` loops for `seconds`; what the Worker accepted, how fast.
 * Each batch comes from a new visitor (its own user agent, hence its own visitor hash) of one of the sites.
 * @param {string} url
 * @param {string[]} siteKeys
 * @param {{ batch: number, concurrency: number, seconds?: number }} scenario
 */
async function load(url, siteKeys, { batch, concurrency, seconds: limit = SECONDS }) {
  /** @type {number[]} */
  const latencies = [];
  let accepted = 0,
    headerRows = 0,
    requests = 0,
    failures = 0;
  /** @type {Record<string, number>} */
  const statuses = {};
  const started = performance.now();
  const end = started + limit * 1000;
  const loop = async () => {
    while (performance.now() < end && requests < MAX_REQUESTS) {
      requests++;
      const r = await post(
        url,
        /** @type {string} */ (siteKeys[requests % siteKeys.length]),
        visitorId(),
        answers(batch),
      );
      latencies.push(r.ms);
      if (r.status === 202) {
        accepted += JSON.parse(r.text).accepted;
        headerRows += r.rowsWritten;
      } else {
        failures++;
        const why = failureReason(r.status, r.text);
        statuses[why] = (statuses[why] ?? 0) + 1;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests,
    failures,
    statuses,
    accepted,
    answersPerSecond: accepted / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    headerRowsPerAnswer: headerRows / accepted,
  };
}

/**
 * The cost of a request that touches no storage: the CORS preflight of /v1/events, one at a time, for 3 s.
 * @param {string} url
 */
async function requestFloor(url) {
  /** @type {number[]} */
  const latencies = [];
  const end = performance.now() + 3000;
  while (performance.now() < end && latencies.length < MAX_REQUESTS) {
    const t0 = performance.now();
    const res = await fetch(`${url}/v1/events`, {
      method: 'OPTIONS',
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'POST' },
    });
    await res.arrayBuffer();
    latencies.push(performance.now() - t0);
  }
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** @type {(n: number | undefined, digits?: number) => string} */
const fmt = (n, digits = 0) =>
  n !== undefined && Number.isFinite(n)
    ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
    : '–';
/** @type {(cells: unknown[], widths: number[]) => string} */
const row = (cells, widths) => cells.map((c, i) => String(c).padStart(widths[i] ?? 0)).join('  ');

// ---------------------------------------------------------------------------------------------------- the floor

/**
 * The floor's throughput: batches of `batch` answers, each from a new visitor, one ingest() each, for SECONDS.
 * @param {number} batch
 */
async function floorThroughput(batch, seconds = SECONDS) {
  const f = await floorStore();
  const incoming = await incomingConverter();
  let accepted = 0;
  const changes0 = f.changes();
  const billed0 = f.billed();
  const started = performance.now();
  const end = started + seconds * 1000;
  for (let i = 0; performance.now() < end && i < MAX_REQUESTS * 10; i++) {
    const visitor = visitorId();
    accepted += f.ingest(
      answers(batch).map((e) => incoming(e, visitor)),
      RULES,
    ).accepted;
    await f.tick();
  }
  const flushed = f.flush();
  const elapsed = (performance.now() - started) / 1000;
  return {
    answersPerSecond: accepted / elapsed,
    sqliteRowsPerAnswer: (f.changes() - changes0) / accepted,
    rowsPerAnswer: (f.billed() - billed0 + f.state.setAlarms) / accepted,
    reportedRowsPerAnswer: flushed.rowsWritten / flushed.eventsWritten,
    bytesPerEvent: flushed.databaseBytes / flushed.events,
  };
}

/** Events folded into one flush in the floor's journey part: alone (every event flushed by itself), 10, 100. */
const FOLDS = [1, 10, 100];

/**
 * The journey part in the floor, on one in-process object per length: visitors walk the journey one event per
 * ingest(); then the visit and the answer at the last touchpoint are stored by groups of `fold` visitors, each
 * group followed by a flush. Rows per event as billed: (SQLite changes + index entries + 1 setAlarm per flush) / n.
 */
async function floorJourneys() {
  const incoming = await incomingConverter();
  const out = [];
  for (const length of JOURNEY_LENGTHS) {
    const f = await floorStore();
    const groups = FOLDS.map((fold) => ({
      fold,
      visitors: Array.from({ length: fold === 1 ? ALONE : fold }, () => ({ id: visitorId(), steps: journey(length) })),
    }));
    const one = (/** @type {Visitor} */ v, /** @type {TrackedEvent} */ e) =>
      f.ingest([incoming(e, v.id)], RULES).accepted;
    for (const g of groups)
      for (const v of g.visitors) for (const s of v.steps.slice(0, -1)) one(v, s.visit), one(v, s.answer);
    f.flush();
    /** @type {Record<string, number>} */
    const r = { length };
    for (const kind of /** @type {const} */ (['visit', 'answer'])) {
      for (const { fold, visitors } of groups) {
        let rows = 0,
          n = 0;
        for (let i = 0; i < visitors.length; i += fold) {
          const b0 = f.billed();
          for (const v of visitors.slice(i, i + fold)) n += one(v, /** @type {Step} */ (v.steps[length - 1])[kind]);
          f.flush();
          rows += f.billed() - b0 + 1; // + the setAlarm that armed this flush
        }
        r[`${kind}${fold}`] = rows / n;
      }
    }
    out.push(r);
  }
  return out;
}

async function runFloor() {
  console.log(
    `\n4. floor: worker/src/store/site-store.ts (journey/rules.ts, STORE_SCHEMA) in this process over in-memory node:sqlite, one transaction per batch`,
  );
  console.log(
    `   rows = as billed: SQLite changes (flushed rollups, watermark) + index entries of event inserts + setAlarm calls; "SQLite" without the last two; "reported" = the object's own rowsWritten`,
  );
  const widths = [34, 11, 13, 13, 15, 12];
  console.log(row(['', 'answers/s', 'rows/answer', 'SQLite/answer', 'reported/answer', 'bytes/event'], widths));
  const floors = /** @type {Record<1 | 50, FloorThroughput>} */ ({}); // both filled below
  for (const batch of /** @type {const} */ ([1, 50])) {
    const f = (floors[batch] = await floorThroughput(batch));
    console.log(
      row(
        [
          `${batch} event${batch > 1 ? 's' : ''} per transaction`,
          fmt(f.answersPerSecond),
          fmt(f.rowsPerAnswer, 2),
          fmt(f.sqliteRowsPerAnswer, 2),
          fmt(f.reportedRowsPerAnswer, 2),
          fmt(f.bytesPerEvent),
        ],
        widths,
      ),
    );
  }
  const journeys = await floorJourneys();
  console.log(
    `   journeys: rows (as billed) per visit and per answer at the last touchpoint, by events folded into one flush (1 = each event flushed alone)`,
  );
  const jw = [34, ...FOLDS.map(() => 11), ...FOLDS.map(() => 12)];
  console.log(
    row(['touchpoints reached', ...FOLDS.map((n) => `visit @${n}`), ...FOLDS.map((n) => `answer @${n}`)], jw),
  );
  for (const j of journeys)
    console.log(
      row([j.length, ...FOLDS.map((n) => fmt(j[`visit${n}`], 2)), ...FOLDS.map((n) => fmt(j[`answer${n}`], 2))], jw),
    );
  return { floors, journeys };
}

if (process.env.BENCH_FLOOR_ONLY === '1') {
  console.log(`floor only, ${SECONDS} s per scenario, load ${load1()}, Node ${process.version}`);
  await runFloor();
  process.exit(0);
}

// ------------------------------------------------------------------------------------------ through wrangler dev

const persistTo = mkdtempSync(path.join(os.tmpdir(), 'tl-bench-'));
const local = await startLocalWorker({ port: await freePort(), persistTo, quiet: true });
// Stopped or timed out from outside: take the local Worker down too (`finally` does not run on a signal).
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () =>
    local.stop().finally(() => {
      rmSync(persistTo, { recursive: true, force: true });
      process.exit(130);
    }),
  );
}
try {
  const { api } = apiClient(local.url);
  await must(
    api.auth.signup.$post({
      json: { email: `bench-${Date.now()}@example.com`, password: 'correct horse battery', organization: 'Bench' },
    }),
  );
  /**
   * A site with these touchpoints on `shards` objects (set before any event).
   * @param {string} name
   * @param {Array<[string, string]>} touchpoints
   * @param {1 | 2 | 4 | 8} [shards]
   */
  const newSite = async (name, touchpoints, shards = 1) => {
    const site = await must(api.sites.$post({ json: { name, origins: [] } }));
    const param = { id: site.id };
    if (shards !== 1) await must(api.sites[':id'].$patch({ param, json: { settings: { shards } } }));
    for (const [key, stage] of touchpoints)
      await must(api.sites[':id'].touchpoints.$post({ param, json: { key, name: key, stage, match: [`/${key}*`] } }));
    return site;
  };
  /** Rows written and events stored so far over these sites' objects (reading flushes their pending rollups). */
  /**
   * @template {import('hono/client').ClientResponse<unknown>} T
   * @param {() => Promise<T>} call
   */
  const mustSurely = async (call) => {
    for (let attempt = 0; ; attempt++) {
      try {
        return await must(call());
      } catch (e) {
        if (attempt >= 5) throw e;
        await sleep(2_000); // wrangler dev restarting
      }
    }
  };
  /**
   * @param {Array<{ id: string }>} sites
   * @returns {Promise<Storage>}
   */
  const storage = async (sites) => {
    const all = await Promise.all(
      sites.map((s) => mustSurely(() => api.sites[':id'].storage.$get({ param: { id: s.id } }))),
    );
    const objects = all.flatMap((s) => s.objects);
    const sum = (/** @type {'rowsWritten' | 'eventsWritten' | 'events' | 'databaseBytes' | 'rollupRows'} */ k) =>
      objects.reduce((n, o) => n + o[k], 0);
    return {
      rows: sum('rowsWritten'),
      events: sum('eventsWritten'),
      stored: sum('events'),
      bytes: sum('databaseBytes'),
      rollupRows: sum('rollupRows'),
      objects,
    };
  };
  /**
   * Δ rows written / Δ events stored between two reads; NaN (shown as –) when an object restarted in between (its
   * counters start again at 0 with the object: wrangler dev restarts when a source file changes), seen as a
   * difference between the events it says it wrote and the events its table gained.
   */
  const amortized = (/** @type {Storage} */ before, /** @type {Storage} */ after) => {
    const events = after.events - before.events;
    return events > 0 && events === after.stored - before.stored ? (after.rows - before.rows) / events : NaN;
  };

  /** @type {Array<{ id: string, key: string }>} */
  const sites = [];
  for (let i = 0; i < SITES; i++) sites.push(await newSite(`Bench shop ${i}`, TOUCHPOINTS));
  const siteKeys = sites.map((s) => s.key);
  await load(local.url, siteKeys, { batch: 50, concurrency: 2, seconds: 2 }); // warm the isolate and the objects

  const started = new Date().toISOString();
  const loadStart = load1();
  console.log(
    `ingest through wrangler dev (local D1 + SQLite Durable Objects), ${SECONDS} s per scenario, ${os.cpus().length} cores, load ${loadStart}, Node ${process.version}, ${started}`,
  );
  console.log(`\n1. throughput: ${SITES} sites (one object each), each batch from a new visitor`);
  const widths = [24, 9, 11, 8, 8, 8, 13, 14];
  console.log(
    row(['scenario', 'requests', 'answers/s', 'p50 ms', 'p99 ms', 'errors', 'rows/answer', 'header/answer'], widths),
  );
  /** @type {Array<{ batch: number, concurrency: number, rowsPerAnswer: number } & Awaited<ReturnType<typeof load>>>} */
  const results = [];
  for (const s of SCENARIOS) {
    const before = await storage(sites);
    const r = await load(local.url, siteKeys, s);
    const rowsPerAnswer = amortized(before, await storage(sites));
    results.push({ ...s, ...r, rowsPerAnswer });
    const errors = r.failures
      ? `${r.failures} (${Object.entries(r.statuses)
          .map(([k, v]) => `${v}×${k}`)
          .join(', ')})`
      : '0';
    console.log(
      row(
        [
          `${s.batch} event${s.batch > 1 ? 's' : ''} × ${s.concurrency} in flight`,
          r.requests,
          fmt(r.answersPerSecond),
          fmt(r.p50, 1),
          fmt(r.p99, 1),
          errors,
          fmt(rowsPerAnswer, 2),
          fmt(r.headerRowsPerAnswer, 2),
        ],
        widths,
      ),
    );
  }
  const http = await requestFloor(local.url);
  console.log(
    `request without storage (OPTIONS /v1/events, 1 in flight): p50 ${fmt(http.p50, 1)} ms, p99 ${fmt(http.p99, 1)} ms`,
  );

  console.log(
    `\n2. one site on k objects: 50-event batches × ${SHARD_CONCURRENCY} in flight, ${SECONDS} s each (one site may send 1,000 batches per 10 s: at most 5,000 answers/s)`,
  );
  const kw = [4, 9, 11, 13, 8, 8, 8, 13, 12, 22];
  console.log(
    row(
      [
        'k',
        'requests',
        'answers/s',
        'per object/s',
        'p50 ms',
        'p99 ms',
        'errors',
        'rows/answer',
        'bytes/event',
        'events per object',
      ],
      kw,
    ),
  );
  const shardResults = [];
  for (const k of SHARD_SCENARIOS) {
    const site = await newSite(`Bench shop k=${k}`, TOUCHPOINTS, k);
    const before = await storage([site]);
    const r = await load(local.url, [site.key], { batch: 50, concurrency: SHARD_CONCURRENCY });
    const after = await storage([site]);
    const rowsPerAnswer = amortized(before, after);
    const bytesPerEvent = after.bytes / after.stored;
    shardResults.push({ k, ...r, rowsPerAnswer, bytesPerEvent, perObject: r.answersPerSecond / k });
    const errors = r.failures
      ? `${r.failures} (${Object.entries(r.statuses)
          .map(([x, v]) => `${v}×${x}`)
          .join(', ')})`
      : '0';
    console.log(
      row(
        [
          k,
          r.requests,
          fmt(r.answersPerSecond),
          fmt(r.answersPerSecond / k),
          fmt(r.p50, 1),
          fmt(r.p99, 1),
          errors,
          fmt(rowsPerAnswer, 2),
          fmt(bytesPerEvent),
          after.objects.map((o) => o.events).join('/'),
        ],
        kw,
      ),
    );
  }

  console.log(
    `\n3. journeys: ${JOURNEY_VISITORS} visitors per length post a visit and then an answer at each touchpoint in turn, one event per request (8 visitors in flight); measured: the visit and the answer at the last touchpoint`,
  );
  console.log(
    `   folded: ${JOURNEY_VISITORS - ALONE} visitors' measured events, then one read of the storage (a flush); alone: ${ALONE} visitors, a flush after each event (no folding at all)`,
  );
  const jw = [20, 13, 12, 12, 13, 12, 13, 14];
  console.log(
    row(
      [
        'touchpoints reached',
        'requests',
        'rows/visit',
        'rows/answer',
        'whole journey',
        'visit alone',
        'answer alone',
        'header/event',
      ],
      jw,
    ),
  );
  const journeyResults = [];
  for (const length of JOURNEY_LENGTHS) {
    const site = await newSite(`Journeys of ${length}`, JOURNEY_TOUCHPOINTS);
    const visitors = Array.from({ length: JOURNEY_VISITORS }, () => ({ id: visitorId(), steps: journey(length) }));
    let requests = 0,
      headerRows = 0,
      headerEvents = 0;
    retried = 0;
    const send = async (/** @type {Visitor} */ v, /** @type {TrackedEvent} */ e) => {
      requests++;
      const r = await postSurely(local.url, site.key, v.id, [e]);
      headerRows += r.rowsWritten;
      headerEvents += r.body.accepted;
      return r.body.accepted;
    };
    /**
     * Runs `work(visitor)` for each visitor, 8 visitors at a time.
     * @param {Visitor[]} list
     * @param {(v: Visitor) => Promise<unknown>} work
     */
    const each = async (list, work) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (next < list.length) await work(/** @type {Visitor} */ (list[next++]));
        }),
      );
    };
    const start = await storage([site]);
    await each(visitors, async (v) => {
      for (const s of v.steps.slice(0, -1)) await send(v, s.visit), await send(v, s.answer);
    });
    const alone = async (/** @type {keyof Step} */ kind) => {
      let rows = 0;
      for (const v of visitors.slice(0, ALONE)) {
        const b = await storage([site]);
        await send(v, /** @type {Step} */ (v.steps[length - 1])[kind]);
        const a = await storage([site]);
        rows += a.rows - b.rows;
      }
      return rows / ALONE;
    };
    const aloneVisit = await alone('visit');
    const aloneAnswer = await alone('answer');
    const rest = visitors.slice(ALONE);
    const b1 = await storage([site]);
    await each(rest, (v) => send(v, /** @type {Step} */ (v.steps[length - 1]).visit));
    const b2 = await storage([site]);
    await each(rest, (v) => send(v, /** @type {Step} */ (v.steps[length - 1]).answer));
    const b3 = await storage([site]);
    const j = {
      length,
      requests,
      retried,
      perVisit: amortized(b1, b2),
      perAnswer: amortized(b2, b3),
      wholeJourney: amortized(start, b3),
      aloneVisit,
      aloneAnswer,
      headerPerEvent: headerRows / headerEvents,
      storedEvents: b3.stored,
    };
    journeyResults.push(j);
    console.log(
      row(
        [
          length,
          `${requests}${retried ? ` (${retried} again)` : ''}`,
          fmt(j.perVisit, 2),
          fmt(j.perAnswer, 2),
          fmt(j.wholeJourney, 2),
          fmt(j.aloneVisit, 1),
          fmt(j.aloneAnswer, 1),
          fmt(j.headerPerEvent, 2),
        ],
        jw,
      ),
    );
  }
  const notCounted = journeyResults.every((j) => j.aloneVisit <= j.headerPerEvent + 0.01);
  if (notCounted) {
    console.log(
      `   NOTE: a visit flushed alone costs no more than its raw row here, so the objects' rowsWritten does not count`,
    );
    console.log(
      `   the rows their flushes write (site-store.ts adds flush() only when ingest overflows): the Worker figures above are`,
    );
    console.log(`   raw rows only; the floor below counts every row SQLite wrote.`);
  }

  const floor = await runFloor();
  /** @type {(list: typeof results, batch: number) => (typeof results)[number]} */
  const best = (list, batch) =>
    list.filter((r) => r.batch === batch).reduce((a, b) => (b.answersPerSecond > a.answersPerSecond ? b : a));
  const best50 = best(results, 50);
  const best1 = best(results, 1);
  const k1 = shardResults.find((r) => r.k === 1);
  if (!k1) throw new Error('no result for k = 1');
  console.log(
    `\nbest 50-event: ${fmt(best50.answersPerSecond)} answers/s over ${SITES} objects (${best50.concurrency} in flight) = ${fmt((100 * best50.answersPerSecond) / floor.floors[50].answersPerSecond, 1)}% of the floor`,
  );
  console.log(
    `best 1-event:  ${fmt(best1.answersPerSecond)} answers/s (${best1.concurrency} in flight) = ${fmt((100 * best1.answersPerSecond) / floor.floors[1].answersPerSecond, 1)}% of the floor`,
  );
  console.log(
    `one object (k = 1), 50-event batches: ${fmt(k1.answersPerSecond)} answers/s; aim ≥ ${fmt(AIM.answersPerSecond)} per object: ${k1.answersPerSecond >= AIM.answersPerSecond ? 'met' : 'NOT met'} through wrangler dev; the floor: ${fmt(floor.floors[50].answersPerSecond)}`,
  );
  for (const n of FOLDS) {
    const of = (/** @type {keyof Step} */ kind) => floor.journeys.map((j) => j[`${kind}${n}`] ?? NaN);
    const worst = Math.max(...of('visit'), ...of('answer'));
    const spread = (/** @type {keyof Step} */ kind) =>
      `${fmt(Math.min(...of(kind)), 2)}–${fmt(Math.max(...of(kind)), 2)}`;
    console.log(
      `rows per visit/answer at 1/5/20 touchpoints, ${n} event${n > 1 ? 's' : ''} per flush (floor, as billed): visits ${spread('visit')}, answers ${spread('answer')}; aim ≤ ${AIM.rowsPerEvent}: ${worst <= AIM.rowsPerEvent ? 'met' : 'NOT met'}`,
    );
  }
  const loadEnd = load1();
  console.log(
    `load average at the start ${loadStart}, at the end ${loadEnd} (other processes share the cores; figures move with it)`,
  );
  if (process.env.BENCH_JSON) {
    writeFileSync(
      process.env.BENCH_JSON,
      JSON.stringify(
        { started, loadStart, loadEnd, seconds: SECONDS, results, http, shardResults, journeyResults, floor },
        null,
        2,
      ),
    );
  }
} finally {
  await local.stop();
  rmSync(persistTo, { recursive: true, force: true });
}
