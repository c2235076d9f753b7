// Bulk analytics data for benchmarks: a deterministic generator of journeys (visits and answers over many days and
// touchpoints), turned into the events of the import API, and a loader that posts them through the real path:
// POST /api/v1/sites/{id}/import (5,000 events per request) → the site's Durable Objects → journey/rules.ts.
// Nothing is written around the Worker: the rollups the views read are the ones ingest and import build.
import { setTimeout as sleep } from 'node:timers/promises';
import { apiClient } from './api-client.mjs';
/**
 * @import { Answers, Channel, Context, ImportEvent } from '@throughline/schema'
 * @typedef {{ key: string, stage: string, channel: Channel }} BenchTouchpoint
 */

/** Bump when the generated events change (cached benchmark data is keyed by it). */
export const GENERATOR_VERSION = 2;

/** @type {NonNullable<Context['device']>[]} */
const DEVICES = ['mobile', 'desktop', 'tablet'];
/** @type {NonNullable<Context['channel']>[]} */
const ARRIVALS = ['search', 'direct', 'social', 'email', 'referral'];
const LOCALES = ['en', 'de', 'fr'];
/** @type {Channel[]} */
const CHANNELS = ['web', 'web', 'app', 'email', 'offline'];
export const STAGES = ['Awareness', 'Consideration', 'Purchase', 'Use', 'Loyalty'];

/** The import API's largest request (packages/schema ImportRequestSchema). */
export const IMPORT_BATCH = 5_000;

/**
 * `count` touchpoints tp01…, spread evenly over the stages in order, with a few channels.
 * @returns {BenchTouchpoint[]}
 */
export function benchTouchpoints(count = 40) {
  return Array.from({ length: count }, (_, i) => ({
    key: `tp${String(i + 1).padStart(2, '0')}`,
    stage: /** @type {string} */ (STAGES[Math.floor((i * STAGES.length) / count)]),
    channel: /** @type {Channel} */ (CHANNELS[i % CHANNELS.length]),
  }));
}

/**
 * mulberry32: a small seeded PRNG, so a generator version always yields the same data.
 * @param {number} seed
 * @returns {() => number}
 */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;
/** A valid v4-shaped uuid (the import API checks ids with z.uuid()), unique per prefix and n. */
const uuidOf = (/** @type {string} */ prefix, /** @type {number} */ n) =>
  `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/**
 * Yields visitors one by one: `{ visitor, events: [...] }`, the events shaped as the import API takes them.
 * About `visits` visits (1–9 per visitor, 5 on average) walking mostly forward through the touchpoints, over
 * `days` days ending at `lastDay`; each visit answered (30 s later) with probability answers/visits. Visits carry
 * the visitor's context; answers carry none (as the widget sends them): they take their visit's.
 * @param {{ touchpoints: BenchTouchpoint[], visits: number, answers: number, days: number, lastDay: string, seed?: number }} opts
 * @returns {Generator<{ visitor: string, events: ImportEvent[] }>}
 */
export function* journeys({ touchpoints, visits, answers, days, lastDay, seed = 1 }) {
  const rand = prng(seed);
  /** @type {<T>(list: T[]) => T} */
  const pick = (list) => /** @type {typeof list[number]} */ (list[Math.floor(rand() * list.length)]);
  const score = () => 1 + Math.floor(rand() * 5);
  const start0 = Date.parse(`${lastDay}T00:00:00Z`) - (days - 1) * DAY_MS;
  const span = (days - 2) * DAY_MS; // leaves up to two days for a journey to unfold
  const answerRate = answers / visits;
  let v = 0;
  let a = 0;
  for (let i = 0; v < visits; i++) {
    const visitor = `bench${i.toString(36).padStart(8, '0')}`;
    const context = { device: pick(DEVICES), channel: pick(ARRIVALS), locale: pick(LOCALES), returning: rand() < 0.3 };
    const n = Math.min(visits - v, 1 + Math.floor(rand() * 9));
    let t = start0 + Math.floor(rand() * span);
    let idx = Math.floor(rand() * 8);
    /** @type {string | null} */
    let prev = null;
    /** @type {ImportEvent[]} */
    const events = [];
    for (let k = 0; k < n; k++) {
      const tp = /** @type {BenchTouchpoint} */ (touchpoints[idx]);
      /** @type {{ from?: string }} */
      const from = prev && prev !== tp.key ? { from: prev } : {};
      events.push({
        type: 'visit',
        id: uuidOf('00000000', v++),
        visitor,
        touchpoint: tp.key,
        at: new Date(t).toISOString(),
        ...from,
        context,
      });
      if (rand() < answerRate) {
        /** @type {Answers} */
        const scores = { sensorial: score(), affective: score(), cognitive: score() };
        if (rand() < 0.5) scores.importance = score();
        if (from.from && rand() < 0.5) scores.handoff = score();
        events.push({
          type: 'answer',
          id: uuidOf('00000001', a++),
          visitor,
          touchpoint: tp.key,
          at: new Date(t + 30_000).toISOString(),
          ...from,
          answers: scores,
        });
      }
      prev = tp.key;
      idx = Math.max(0, Math.min(touchpoints.length - 1, idx + Math.floor(rand() * 11) - 3));
      t += 60_000 + Math.floor(rand() * 6 * 3_600_000);
    }
    yield { visitor, events };
  }
}

/**
 * The generator's events in import requests of at most `size` (whole visitors kept together where they fit).
 * @param {Iterable<{ events: ImportEvent[] }>} gen
 * @returns {Generator<ImportEvent[]>}
 */
export function* importBatches(gen, size = IMPORT_BATCH) {
  /** @type {ImportEvent[]} */
  let batch = [];
  for (const { events } of gen) {
    if (batch.length + events.length > size) {
      yield batch;
      batch = [];
    }
    batch.push(...events);
  }
  if (batch.length) yield batch;
}

/**
 * Posts every batch to POST {url}/api/v1/sites/{siteId}/import with `headers` (a bearer token), `concurrency` in
 * flight. A failed request (wrangler dev restarting, 5xx) is sent again, at most `retries` times, after a pause:
 * the import is idempotent by event id. Returns what the Worker accepted and how long it took.
 * @param {string} url
 * @param {string} siteId
 * @param {Record<string, string>} headers
 * @param {Iterable<{ events: ImportEvent[] }>} gen
 * @param {{ concurrency?: number, retries?: number, deadline?: number, onProgress?: (p: { sent: number, accepted: number, seconds: number }) => void }} [opts]
 */
export async function importAll(
  url,
  siteId,
  headers,
  gen,
  { concurrency = 2, retries = 5, deadline = Infinity, onProgress } = {},
) {
  const batches = importBatches(gen);
  let accepted = 0,
    duplicates = 0,
    requests = 0,
    sent = 0,
    retried = 0;
  const started = performance.now();
  const { api } = apiClient(url, headers);
  const post = async (/** @type {ImportEvent[]} */ events) => {
    for (let attempt = 0; ; attempt++) {
      let status = 0,
        text = '';
      try {
        const res = await api.sites[':id'].import.$post({ param: { id: siteId }, json: { events } });
        status = res.status;
        if (res.status === 200) return await res.json();
        text = await res.text();
      } catch (e) {
        text = String(e);
      }
      if ((status && status < 500 && status !== 429) || attempt >= retries)
        throw new Error(`import → ${status}: ${text.slice(0, 300)}`);
      retried++;
      await sleep(1_000 * (attempt + 1));
    }
  };
  const loop = async () => {
    for (;;) {
      if (performance.now() > deadline) throw new Error('import did not finish before its deadline');
      const next = batches.next();
      if (next.done) return;
      requests++;
      const r = await post(next.value);
      accepted += r.accepted;
      duplicates += r.duplicates;
      sent += next.value.length;
      onProgress?.({ sent, accepted, seconds: (performance.now() - started) / 1000 });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  return { accepted, duplicates, requests, retried, seconds: (performance.now() - started) / 1000 };
}
