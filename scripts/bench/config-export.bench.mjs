// Edge API benchmark: widget config latency from the edge cache (hit) against a rebuilt one (miss, after a
// touchpoint edit), and a streamed CSV export of a site with many answers (time to first byte, total, size).
// Runs wrangler dev on a fresh local D1; loopback only; bounded: RUNS config requests each way, ANSWERS answers.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { apiClient, must } from '../lib/api-client.mjs';
import { freePort } from '../lib/free-port.mjs';
import { startLocalWorker } from '../lib/local-worker.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const ANSWERS = Number(process.env.BENCH_ANSWERS ?? 20_000);
const TOUCHPOINTS = ['home', 'product', 'cart', 'checkout', 'help', 'delivery', 'rewards', 'counter'];

/** @type {(xs: number[], q: number) => number} */
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;
const fmt = (/** @type {number[]} */ xs) =>
  `p50 ${quantile(xs, 0.5).toFixed(2)} ms, p95 ${quantile(xs, 0.95).toFixed(2)} ms`;

/**
 * @template T
 * @param {() => Promise<T>} fn
 * @returns {Promise<[number, T]>}
 */
async function timed(fn) {
  const t = performance.now();
  const out = await fn();
  return [performance.now() - t, out];
}

const persistTo = mkdtempSync(path.join(tmpdir(), 'throughline-bench-'));
const worker = await startLocalWorker({ port: await freePort(), persistTo, vars: { PEPPER: 'bench' }, quiet: true });
try {
  const { api, sessionCookie } = apiClient(worker.url);
  await must(
    api.auth.signup.$post({
      json: { email: 'bench@example.com', password: 'benchmark password', organization: 'Bench' },
    }),
  );
  const site = await must(api.sites.$post({ json: { name: 'Bench', origins: [] } }));
  const param = { id: site.id };
  for (const key of TOUCHPOINTS) {
    await must(
      api.sites[':id'].touchpoints.$post({
        param,
        json: { key, name: key, stage: 'Purchase', match: [`/${key}*`], prompt: {} },
      }),
    );
  }
  // The widget's config route, outside the dashboard API: timed as the widget fetches it.
  /** @type {() => Promise<[string | null, string]>} */
  const config = () =>
    fetch(`${worker.url}/v1/sites/${site.key}/config`).then(async (r) => [
      r.headers.get('x-config-cache'),
      await r.text(),
    ]);

  const hits = [];
  const misses = [];
  await config(); // warm
  for (let i = 0; i < RUNS; i++) {
    const [ms, [state]] = await timed(config);
    if (state !== 'hit') throw new Error(`expected a cache hit, got ${state}`);
    hits.push(ms);
  }
  for (let i = 0; i < RUNS; i++) {
    await must(
      api.sites[':id'].touchpoints[':key'].$patch({ param: { ...param, key: 'home' }, json: { name: `home ${i}` } }),
    );
    const [ms, [state, body]] = await timed(config);
    if (state !== 'miss' || !body.includes(`home ${i}`)) throw new Error('expected a fresh config after the edit');
    misses.push(ms);
  }

  // Answers through the import API (5,000 per request), then the export streamed to the end.
  const day = 86_400_000;
  for (let done = 0; done < ANSWERS; done += 5000) {
    /** @type {import('@throughline/schema').ImportEvent[]} */
    const events = Array.from({ length: Math.min(5000, ANSWERS - done) }, (_, i) => ({
      id: crypto.randomUUID(),
      type: 'answer',
      visitor: `bench-visitor-${(done + i) % 2000}`,
      touchpoint: /** @type {string} */ (TOUCHPOINTS[i % TOUCHPOINTS.length]),
      at: new Date(Date.now() - ((done + i) % 60) * day - i * 1000).toISOString(),
      answers: { sensorial: 1 + (i % 5), affective: 1 + ((i * 3) % 5), cognitive: 1 + ((i * 7) % 5) },
      ...(i % 10 === 0 ? { comment: `=cmd|' /C calc'!A0, comment ${i}, "quoted"` } : {}),
    }));
    await must(api.sites[':id'].import.$post({ param, json: { events } }));
  }
  // The export is read as a stream, timed from the request: a plain fetch of its URL with the session cookie.
  await must(api.auth.login.$post({ json: { email: 'bench@example.com', password: 'benchmark password' } }));
  const exportURL = api.sites[':id']['export.csv'].$url({ param, query: {} });
  const start = performance.now();
  const res = await fetch(exportURL, { headers: { cookie: sessionCookie() } });
  if (!res.body) throw new Error(`export → ${res.status}: no body`);
  const reader = res.body.getReader();
  let first = 0;
  let bytes = 0;
  let rows = -1;
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!first) first = performance.now() - start;
    bytes += value.length;
    rows += (decoder.decode(value, { stream: true }).match(/\r\n/g) ?? []).length;
  }
  const total = performance.now() - start;

  console.log(`\nConfig GET /v1/sites/{key}/config, ${RUNS} requests each (wrangler dev, local D1, loopback)`);
  console.log(`  edge cache hit:                 ${fmt(hits)}`);
  console.log(`  miss after a touchpoint edit:   ${fmt(misses)}   (every miss served the edited config)`);
  console.log(`Export GET …/export.csv of ${ANSWERS.toLocaleString('en')} answers (10% with a comment)`);
  console.log(
    `  first byte ${first.toFixed(0)} ms, all ${total.toFixed(0)} ms, ${(bytes / 1e6).toFixed(1)} MB, ${rows.toLocaleString('en')} line ends`,
  );
} finally {
  await worker.stop();
  rmSync(persistTo, { recursive: true, force: true });
}
