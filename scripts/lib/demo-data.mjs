// Simulated demo visits and answers over the last 60 days, deterministic (seeded PRNG), so that
// a re-run imports the same event ids and the import stays idempotent.
import {
  DEMO_COMMENTS,
  DEMO_PATHS,
  DEMO_REGRESSION,
  DEMO_RETURN_TOUCHPOINTS,
  DEMO_TOUCHPOINTS,
} from './demo-journey.mjs';
/**
 * @import { Answers, Context, ImportEvent } from '@throughline/schema'
 * @import { DemoTouchpoint } from './demo-journey.mjs'
 */

/**
 * @param {number} seed
 * @returns {() => number}
 */
function mulberry32(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uuid from the PRNG: stable across runs. */
/** @param {() => number} rand */
function uuid(rand) {
  const hex = Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(/** @type {string} */ (hex[16]), 16) & 3) | 8).toString(16);
  const h = hex.join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A 1–5 answer around `mean`, with visitor mood shifting it. */
/**
 * @param {() => number} rand
 * @param {number} mean
 * @param {number} mood
 */
function likert(rand, mean, mood) {
  const noise = (rand() + rand() + rand() - 1.5) * 1.6;
  return Math.min(5, Math.max(1, Math.round(mean + mood + noise)));
}

/** @type {NonNullable<Context['device']>[]} */
const DEVICES = ['mobile', 'mobile', 'desktop', 'desktop', 'tablet'];
const LOCALES = ['en-GB', 'en-GB', 'en-US', 'de-DE', 'fr-FR', 'nl-NL'];
/** @type {NonNullable<Context['channel']>[]} */
const ARRIVALS = ['search', 'direct', 'social', 'email', 'referral'];

/**
 * @param {{ journeys?: number, days?: number, now?: number, seed?: number, paths?: string[][] }} opts
 * @returns {ImportEvent[]} import events, oldest first
 */
export function simulateDemoEvents({
  journeys = 1100,
  days = 60,
  now = Date.now(),
  seed = 20261123,
  paths = DEMO_PATHS,
} = {}) {
  const rand = mulberry32(seed);
  const byKey = Object.fromEntries([...DEMO_TOUCHPOINTS, ...DEMO_RETURN_TOUCHPOINTS].map((t) => [t.key, t]));
  // Anchor days to midnight so re-runs on the same day produce the same times (and ids).
  const dayStart = Math.floor(now / 86_400_000) * 86_400_000;
  const regressedSince = dayStart - (DEMO_REGRESSION.days - 1) * 86_400_000;
  /** @type {ImportEvent[]} */
  const events = [];
  for (let j = 0; j < journeys; j++) {
    const visitor = uuid(rand).replace(/-/g, '');
    const path = /** @type {string[]} */ (paths[Math.floor(rand() * paths.length)]);
    const length = 1 + Math.floor(rand() * path.length);
    const mood = (rand() - 0.5) * 1.2;
    const device = DEVICES[Math.floor(rand() * DEVICES.length)];
    const locale = LOCALES[Math.floor(rand() * LOCALES.length)];
    let at = dayStart - Math.floor(rand() * days) * 86_400_000 + Math.floor(rand() * 20) * 3_600_000;
    /** @type {string | undefined} */
    let from;
    for (let i = 0; i < length; i++) {
      const tp = /** @type {DemoTouchpoint} */ (byKey[/** @type {string} */ (path[i])]);
      /** @type {Context} */
      const context = {
        device,
        locale,
        returning: i > 0,
        channel:
          tp.channel === 'offline' ? 'qr' : i === 0 ? ARRIVALS[Math.floor(rand() * ARRIVALS.length)] : 'internal',
      };
      const base = { touchpoint: tp.key, at: new Date(at).toISOString(), visitor, context, ...(from ? { from } : {}) };
      // Draw every random number whether or not the event is kept, so the sequence (and ids) stay stable.
      const visitId = uuid(rand);
      const asked = rand() < 0.34;
      if (at < now) events.push({ id: visitId, type: 'visit', ...base });
      if (at < now && asked) {
        /** @type {Answers} */
        const answers = {};
        const drop = tp.key === DEMO_REGRESSION.touchpoint && at >= regressedSince ? DEMO_REGRESSION.drop : 0;
        for (const d of tp.dims) answers[d] = likert(rand, tp.mean[d] - (d === 'importance' ? 0 : drop), mood);
        if (!answers.importance && rand() < 0.35) answers.importance = likert(rand, tp.mean.importance, 0);
        const previous = from ? byKey[from] : undefined;
        if (previous)
          answers.handoff = likert(
            rand,
            (previous.mean.cognitive + tp.mean.cognitive) / 2 - (tp.owner === 'partner' ? 0.8 : 0),
            mood,
          );
        const comments = DEMO_COMMENTS[tp.key];
        const comment = comments && rand() < 0.12 ? comments[Math.floor(rand() * comments.length)] : undefined;
        events.push({ id: uuid(rand), type: 'answer', ...base, answers, ...(comment ? { comment } : {}) });
      }
      from = tp.key;
      at += (5 + Math.floor(rand() * 600)) * 60_000 * (tp.stage === 'Purchase' ? 1 : 8);
    }
  }
  return events.sort((a, b) => a.at.localeCompare(b.at));
}
