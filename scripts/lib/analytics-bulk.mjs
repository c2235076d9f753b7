// Bulk analytics data for benchmarks: a deterministic generator of journeys (visits and answers over many days and
// touchpoints), and two ways to store them in a D1 sqlite file with node:sqlite:
// - `loadWithTriggers`: row by row through the real tables, so the migrations' triggers build every rollup;
// - `loadBulk`: raw rows with the triggers of `visits`/`answers` set aside, then each rollup built by one
//   INSERT … SELECT … GROUP BY that mirrors its trigger, and the triggers put back. Much faster at millions of
//   rows; `compareRollups` shows both give the same rollups (the benchmark checks that on a sample first).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { WORKER } from './paths.mjs';

export const GENERATOR_VERSION = 1;

const DEVICES = ['mobile', 'desktop', 'tablet'];
const ARRIVALS = ['search', 'direct', 'social', 'email', 'referral'];
const LOCALES = ['en', 'de', 'fr'];
const COUNTRIES = ['DE', 'FR', 'GB', 'US', 'CH'];
const CHANNELS = ['web', 'web', 'app', 'email', 'offline'];
export const STAGES = ['Awareness', 'Consideration', 'Purchase', 'Use', 'Loyalty'];

/** `count` touchpoints tp01…, spread evenly over the stages in order, with a few channels. */
export function benchTouchpoints(count = 40) {
  return Array.from({ length: count }, (_, i) => ({
    key: `tp${String(i + 1).padStart(2, '0')}`,
    stage: STAGES[Math.floor((i * STAGES.length) / count)],
    channel: CHANNELS[i % CHANNELS.length],
  }));
}

/** mulberry32: a small seeded PRNG, so a generator version always yields the same data. */
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
const hexId = (prefix, n) => `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/**
 * Yields visitors one by one: `{ visitor, visits: [...], answers: [...] }` with rows shaped like the raw tables.
 * About `visits` visits (1–9 per visitor, 5 on average) walking mostly forward through the touchpoints, over
 * `days` days ending at `lastDay`; each visit answered with probability answers/visits. Times within a visitor
 * are strictly increasing, so the last visit is never a tie.
 */
export function* journeys({ siteId, touchpoints, visits, answers, days, lastDay, seed = 1 }) {
  const rand = prng(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const score = () => 1 + Math.floor(rand() * 5);
  const start0 = Date.parse(`${lastDay}T00:00:00Z`) - (days - 1) * DAY_MS;
  const span = (days - 2) * DAY_MS; // leaves up to two days for a journey to unfold
  const answerRate = answers / visits;
  let v = 0;
  let a = 0;
  for (let i = 0; v < visits; i++) {
    const visitor = `bench${i.toString(36).padStart(8, '0')}`;
    const ctx = { device: pick(DEVICES), arrival: pick(ARRIVALS), locale: pick(LOCALES), country: pick(COUNTRIES), is_returning: rand() < 0.3 ? 1 : 0 };
    const n = Math.min(visits - v, 1 + Math.floor(rand() * 9));
    let t = start0 + Math.floor(rand() * span);
    let idx = Math.floor(rand() * 8);
    let prev = null;
    const vs = [];
    const as = [];
    for (let k = 0; k < n; k++) {
      const tp = touchpoints[idx];
      const at = new Date(t).toISOString();
      const row = { site_id: siteId, visitor, touchpoint: tp.key, from_touchpoint: prev, at, day: at.slice(0, 10), ...ctx, channel: tp.channel };
      vs.push({ ...row, id: hexId('00000000', v++), path: null });
      if (rand() < answerRate) {
        const ans = { sensorial: score(), affective: score(), cognitive: score(), relational: null, behavioral: null,
          importance: rand() < 0.5 ? score() : null, handoff: prev && rand() < 0.5 ? score() : null };
        const aAt = new Date(t + 30_000).toISOString();
        as.push({ ...row, id: hexId('00000001', a++), at: aAt, day: aAt.slice(0, 10), ...ans,
          quality: (ans.sensorial + ans.affective + ans.cognitive) / 3, source: 'import' });
      }
      prev = tp.key;
      idx = Math.max(0, Math.min(touchpoints.length - 1, idx + Math.floor(rand() * 11) - 3));
      t += 60_000 + Math.floor(rand() * 6 * 3_600_000);
    }
    yield { visitor, visits: vs, answers: as };
  }
}

const VISIT_COLUMNS = ['site_id', 'id', 'visitor', 'touchpoint', 'from_touchpoint', 'at', 'day', 'device', 'arrival', 'locale', 'country', 'is_returning', 'path', 'channel'];
const ANSWER_COLUMNS = ['site_id', 'id', 'visitor', 'touchpoint', 'from_touchpoint', 'at', 'day', 'device', 'arrival', 'locale', 'country', 'is_returning',
  'sensorial', 'affective', 'cognitive', 'relational', 'behavioral', 'importance', 'handoff', 'quality', 'source'];
const insertSql = (table, cols) => `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')}) ON CONFLICT DO NOTHING`;

/** Applies every migration of worker/migrations to a fresh node:sqlite database (for samples in memory). */
export function applyMigrationFiles(db) {
  const dir = path.join(WORKER, 'migrations');
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()) db.exec(readFileSync(path.join(dir, f), 'utf8'));
}

/** Stores every row through the real tables, in time order, so the triggers build the rollups as ingest would. */
export function loadWithTriggers(db, gen) {
  const insVisit = db.prepare(insertSql('visits', VISIT_COLUMNS));
  const insAnswer = db.prepare(insertSql('answers', ANSWER_COLUMNS));
  const rows = [];
  for (const j of gen) {
    for (const r of j.visits) rows.push(['v', r]);
    for (const r of j.answers) rows.push(['a', r]);
  }
  rows.sort((x, y) => (x[1].at < y[1].at ? -1 : x[1].at > y[1].at ? 1 : 0));
  db.exec('BEGIN');
  for (const [kind, r] of rows) {
    if (kind === 'v') insVisit.run(...VISIT_COLUMNS.map((c) => r[c]));
    else insAnswer.run(...ANSWER_COLUMNS.map((c) => r[c]));
  }
  db.exec('COMMIT');
}

const SEG = (x) => `json_array('all', 'device:' || ${x}.device, 'channel:' || ${x}.arrival, 'locale:' || ${x}.locale,
  'country:' || ${x}.country, 'returning:' || CASE ${x}.is_returning WHEN 1 THEN 'yes' WHEN 0 THEN 'no' END)`;
const DIMS = (x) => `json_object('sensorial', ${x}.sensorial, 'affective', ${x}.affective, 'cognitive', ${x}.cognitive,
  'relational', ${x}.relational, 'behavioral', ${x}.behavioral)`;

/** The dimensions with columns in rollup_answers (migration 0007), `quality` last; all but quality have a 1–5 histogram (0008). */
const WIDE = ['sensorial', 'affective', 'cognitive', 'relational', 'behavioral', 'importance', 'handoff', 'quality'];
const HIST = WIDE.filter((d) => d !== 'quality').flatMap((d) => [1, 2, 3, 4, 5].map((k) => [d, k]));

/** Each answer with a previous touchpoint, and `q`: the visitor's latest quality there at or before it (0003's rule). */
const MOVED_ANSWERS = `(SELECT x.*, (SELECT quality FROM answers b WHERE b.site_id = x.site_id AND b.visitor = x.visitor
                          AND b.touchpoint = x.from_touchpoint AND b.quality IS NOT NULL AND b.at <= x.at
                        ORDER BY b.at DESC LIMIT 1) AS q
           FROM answers x WHERE x.from_touchpoint IS NOT NULL AND x.from_touchpoint <> x.touchpoint)`;

/** Each rollup of migrations 0003/0004/0007/0008 from the raw rows at once; the same sums its trigger keeps row by row. */
export const BULK_ROLLUPS = [
  `INSERT INTO rollup_answers (site_id, segment, day, touchpoint, ${WIDE.map((d) => `${d}_n, ${d}_sum, ${d}_sumsq`).join(', ')},
     ${HIST.map(([d, k]) => `${d}_h${k}`).join(', ')}, contexts, arrivals)
   SELECT g.*, c.contexts, t.arrivals FROM (
     SELECT a.site_id, s.value AS segment, a.day, a.touchpoint,
            ${WIDE.map((d) => `sum(a.${d} IS NOT NULL), total(a.${d}), total(a.${d} * a.${d})`).join(', ')},
            ${HIST.map(([d, k]) => `sum(a.${d} IS ${k})`).join(', ')}
     FROM answers a, json_each(${SEG('a')}) s
     WHERE s.value IS NOT NULL AND coalesce(${WIDE.map((d) => `a.${d}`).join(', ')}) IS NOT NULL
     GROUP BY a.site_id, s.value, a.day, a.touchpoint) g
   LEFT JOIN (
     SELECT site_id, day, touchpoint, json_group_object(segment, json_array(n, sum, sumsq)) AS contexts FROM (
       SELECT a.site_id, a.day, a.touchpoint, s.value AS segment, count(*) AS n, sum(a.q60) AS sum, sum(a.q60 * a.q60) AS sumsq
       FROM (SELECT *, CAST(round(quality * 60) AS INTEGER) AS q60 FROM answers) a, json_each(${SEG('a').replace("json_array('all', ", 'json_array(')}) s
       WHERE a.quality IS NOT NULL AND s.value IS NOT NULL GROUP BY 1, 2, 3, 4)
     GROUP BY 1, 2, 3) c ON g.segment = 'all' AND c.site_id = g.site_id AND c.day = g.day AND c.touchpoint = g.touchpoint
   LEFT JOIN (
     SELECT site_id, segment, day, touchpoint, json_group_object(f, json_array(hn, hs, hq, dn, ds, sn)) AS arrivals FROM (
       SELECT a.site_id, s.value AS segment, a.day, a.touchpoint, a.from_touchpoint AS f,
              sum(a.handoff IS NOT NULL) AS hn, total(a.handoff) AS hs, total(a.handoff * a.handoff) AS hq,
              sum(a.q IS NOT NULL AND a.quality IS NOT NULL) AS dn, total(a.quality - a.q) AS ds, sum(coalesce(a.quality >= a.q - 1, 0)) AS sn
       FROM ${MOVED_ANSWERS} a, json_each(${SEG('a')}) s
       WHERE s.value IS NOT NULL AND (a.handoff IS NOT NULL OR (a.q IS NOT NULL AND a.quality IS NOT NULL))
       GROUP BY 1, 2, 3, 4, 5)
     GROUP BY 1, 2, 3, 4) t ON t.site_id = g.site_id AND t.segment = g.segment AND t.day = g.day AND t.touchpoint = g.touchpoint`,
  `INSERT INTO rollup_visits (site_id, touchpoint, day, segment, n, arrivals)
   SELECT g.site_id, g.touchpoint, g.day, g.segment, g.n, t.arrivals FROM (
     SELECT v.site_id, v.touchpoint, v.day, s.value AS segment, count(*) AS n FROM visits v, json_each(${SEG('v')}) s
     WHERE s.value IS NOT NULL GROUP BY v.site_id, s.value, v.day, v.touchpoint) g
   LEFT JOIN (
     SELECT site_id, segment, day, touchpoint, json_group_object(f, n) AS arrivals FROM (
       SELECT v.site_id, s.value AS segment, v.day, v.touchpoint, v.from_touchpoint AS f, count(*) AS n
       FROM visits v, json_each(${SEG('v')}) s
       WHERE s.value IS NOT NULL AND v.from_touchpoint <> v.touchpoint GROUP BY 1, 2, 3, 4, 5)
     GROUP BY 1, 2, 3, 4) t ON t.site_id = g.site_id AND t.segment = g.segment AND t.day = g.day AND t.touchpoint = g.touchpoint`,
  `INSERT INTO journey_touchpoints (site_id, visitor, touchpoint, channel)
   SELECT site_id, visitor, touchpoint, min(channel) FROM visits GROUP BY site_id, visitor, touchpoint`,
  `INSERT INTO journeys (site_id, visitor, first_at, last_at, first_day, last_day, last_touchpoint, segments, channels)
   SELECT g.site_id, g.visitor, g.first, g.last,
          (SELECT day FROM visits f INDEXED BY visits_visitor WHERE f.site_id = g.site_id AND f.visitor = g.visitor AND f.at = g.first),
          (SELECT day FROM visits l INDEXED BY visits_visitor WHERE l.site_id = g.site_id AND l.visitor = g.visitor AND l.at = g.last),
          (SELECT touchpoint FROM visits l INDEXED BY visits_visitor WHERE l.site_id = g.site_id AND l.visitor = g.visitor AND l.at = g.last),
          (SELECT ${SEG('f')} FROM visits f INDEXED BY visits_visitor WHERE f.site_id = g.site_id AND f.visitor = g.visitor AND f.at = g.first),
          (SELECT count(DISTINCT channel) FROM journey_touchpoints t WHERE t.site_id = g.site_id AND t.visitor = g.visitor)
   FROM (SELECT site_id, visitor, min(at) AS first, max(at) AS last FROM visits GROUP BY site_id, visitor) g`,
  `INSERT INTO journey_scores (site_id, visitor, dimension, touchpoint, n, sum)
   SELECT a.site_id, a.visitor, d.key, a.touchpoint, count(*), sum(d.value) FROM answers a, json_each(${DIMS('a')}) d
   WHERE a.quality IS NOT NULL AND d.value IS NOT NULL GROUP BY a.site_id, a.visitor, d.key, a.touchpoint`,
  `INSERT INTO visitor_experience (site_id, visitor, value)
   SELECT site_id, visitor, avg(c) FROM (
     SELECT site_id, visitor, 100 * (1 - sqrt(max(0, avg(m * m) - avg(m) * avg(m))) / 2) AS c
     FROM (SELECT site_id, visitor, dimension, sum / n AS m FROM journey_scores)
     GROUP BY site_id, visitor, dimension HAVING count(*) >= 2)
   GROUP BY site_id, visitor`,
  `INSERT INTO rollup_journeys (site_id, segment, day, touchpoint, reached, ended)
   SELECT j.site_id, s.value, j.last_day, t.touchpoint, count(*), sum(t.touchpoint = j.last_touchpoint)
   FROM journeys j JOIN journey_touchpoints t ON t.site_id = j.site_id AND t.visitor = j.visitor, json_each(j.segments) s
   WHERE s.value IS NOT NULL GROUP BY j.site_id, s.value, j.last_day, t.touchpoint`,
  `INSERT INTO rollup_journey_spans (site_id, segment, day, channels, journeys)
   SELECT j.site_id, s.value, j.last_day, j.channels, count(*) FROM journeys j, json_each(j.segments) s
   WHERE s.value IS NOT NULL GROUP BY j.site_id, s.value, j.last_day, j.channels`,
  `INSERT INTO rollup_experience (site_id, segment, day, visitors, sum)
   SELECT j.site_id, s.value, j.last_day, count(*), sum(x.value)
   FROM journeys j JOIN visitor_experience x ON x.site_id = j.site_id AND x.visitor = j.visitor, json_each(j.segments) s
   WHERE s.value IS NOT NULL GROUP BY j.site_id, s.value, j.last_day`,
];

/**
 * Raw rows with the triggers of visits/answers set aside, then BULK_ROLLUPS, then the triggers back.
 * For a database whose event tables are empty (the rollups are built, not added to).
 */
export function loadBulk(db, gen, { onProgress } = {}) {
  const triggers = db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('visits', 'answers')`).all();
  const insVisit = db.prepare(insertSql('visits', VISIT_COLUMNS));
  const insAnswer = db.prepare(insertSql('answers', ANSWER_COLUMNS));
  db.exec('BEGIN');
  try {
    for (const t of db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('visits', 'answers')`).all()) {
      db.exec(`DROP TRIGGER "${t.name}"`);
    }
    let n = 0;
    for (const j of gen) {
      for (const r of j.visits) insVisit.run(...VISIT_COLUMNS.map((c) => r[c]));
      for (const r of j.answers) insAnswer.run(...ANSWER_COLUMNS.map((c) => r[c]));
      n += j.visits.length;
      if (onProgress && n % 500_000 < j.visits.length) onProgress(`raw rows: ${n} visits`);
    }
    for (const [i, sql] of BULK_ROLLUPS.entries()) {
      db.exec(sql);
      onProgress?.(`rollup ${i + 1}/${BULK_ROLLUPS.length}`);
    }
    for (const t of triggers) db.exec(t.sql);
    db.exec('COMMIT');
  } catch (e) {
    db.exec('ROLLBACK');
    throw e;
  }
}

/** Reals rounded; JSON objects (0008's contexts and arrivals, summed in another order by the bulk path) with sorted keys. */
function normalised(v) {
  if (typeof v === 'number') return Number.isInteger(v) ? v : Number(v.toFixed(6));
  if (typeof v !== 'string' || !v.startsWith('{')) return v;
  const round = (x) => (Array.isArray(x) ? x.map(round) : typeof x === 'number' ? normalised(x) : x);
  return JSON.stringify(Object.entries(JSON.parse(v)).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, x]) => [k, round(x)]));
}

/** Every rollup and journey table, rows kept by the triggers at 0 left out, reals rounded: for comparing. */
const ROLLUP_TABLES = {
  rollup_answers: '1', rollup_visits: '1', journeys: '1', journey_touchpoints: '1',
  journey_scores: '1', visitor_experience: '1', rollup_journeys: 'reached <> 0 OR ended <> 0',
  rollup_journey_spans: 'journeys <> 0', rollup_experience: 'visitors <> 0',
};
export function rollupSnapshot(db) {
  const out = {};
  for (const [table, where] of Object.entries(ROLLUP_TABLES)) {
    const rows = db.prepare(`SELECT * FROM ${table} WHERE ${where}`).all();
    out[table] = rows
      .map((r) => JSON.stringify(Object.values(r).map(normalised)))
      .sort();
  }
  return out;
}

/** Differences between two snapshots: per table, rows only in a and only in b (first few). */
export function compareRollups(a, b) {
  const diffs = [];
  for (const table of Object.keys(ROLLUP_TABLES)) {
    const inB = new Set(b[table]);
    const inA = new Set(a[table]);
    const onlyA = a[table].filter((r) => !inB.has(r));
    const onlyB = b[table].filter((r) => !inA.has(r));
    if (onlyA.length || onlyB.length) diffs.push({ table, rows: [a[table].length, b[table].length], onlyA: onlyA.slice(0, 3), onlyB: onlyB.slice(0, 3) });
  }
  return diffs;
}
