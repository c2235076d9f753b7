// Connectivity: do visitors move seamlessly between touchpoints, online and offline (docs/metrics.md › Connectivity)?
// Built from transition rollups (consecutive visits A → B) and per-journey counts the SQL groups for us.
import { DEFAULT_MIN_N, scaleDiffToScore, toScore } from './stats';

/** Transition rollup rows for A → B (rollup_transitions), summed over days; rows sharing from/to are added. */
export interface TransitionRollup {
  from: string;
  to: string;
  /** Consecutive visits A → B within journeys. */
  count: number;
  /** `handoff` answers at B from visitors who came from A: count and sum on the 1–5 scale. */
  handoffN: number;
  handoffSum: number;
  /** Visitors who rated quality at both A and B: count and sum of (quality at B − quality at A), 1–5 points. */
  deltaN: number;
  deltaSum: number;
  /** Rated pairs whose quality at B is not more than one scale point below A. */
  seamlessN: number;
  /** Rated consecutive pairs; the migration's delta_n counts exactly these, so it defaults to deltaN. */
  ratedPairs?: number;
}

/** Per touchpoint: journeys that visited it, and journeys whose last visit was it. */
export interface JourneyTouchpointCount {
  touchpoint: string;
  journeys: number;
  ended: number;
}

/** Journeys by how many distinct channels they visited: a GROUP BY over COUNT(DISTINCT channel) per journey. */
export interface ChannelSpanCount {
  channels: number;
  journeys: number;
}

export interface TransitionStat {
  from: string;
  to: string;
  count: number;
  /** Handoff score 0–100, null below the minimum n of handoff answers. */
  handoff: number | null;
  handoffN: number;
  /** Mean quality change A → B in 0–100 score points (one scale point = 25), null below the minimum n. */
  delta: number | null;
  deltaN: number;
  /** Share (0–1) of this transition's rated pairs that were seamless, null below the minimum n. */
  seamlessRate: number | null;
}

export interface Connectivity {
  /** 0–100. */
  score: number | null;
  /** Share 0–1. */
  seamlessRate: number | null;
  /** Share 0–1. */
  crossChannelShare: number | null;
  /** Most frequent first. */
  transitions: TransitionStat[];
  /** Share 0–1 per touchpoint outside the last stage that some journey visited. */
  dropOff: Record<string, number>;
  journeys: number;
}

function pooledTransitions(rows: readonly TransitionRollup[]): Required<TransitionRollup>[] {
  const byPair = new Map<string, Required<TransitionRollup>>();
  for (const row of rows) {
    const key = JSON.stringify([row.from, row.to]);
    const rated = row.ratedPairs ?? row.deltaN;
    const seen = byPair.get(key);
    if (!seen) {
      byPair.set(key, { ...row, ratedPairs: rated });
      continue;
    }
    seen.count += row.count;
    seen.handoffN += row.handoffN;
    seen.handoffSum += row.handoffSum;
    seen.deltaN += row.deltaN;
    seen.deltaSum += row.deltaSum;
    seen.seamlessN += row.seamlessN;
    seen.ratedPairs += rated;
  }
  return [...byPair.values()];
}

/**
 * docs/metrics.md › Connectivity › transition graph and handoff score of A → B:
 * the handoff answers at B from visitors who came from A, as a 0–100 score, and the change in quality
 * from A to B for visitors who rated both. The change is reported in score points (0–100 scale, so
 * −25 means one scale point worse) to sit beside every other number on the dashboard.
 */
export function transitionStats(rows: readonly TransitionRollup[], minN = DEFAULT_MIN_N): TransitionStat[] {
  return pooledTransitions(rows)
    .map((t) => ({
      from: t.from,
      to: t.to,
      count: t.count,
      handoff: t.handoffN >= minN && t.handoffN > 0 ? toScore(t.handoffSum / t.handoffN) : null,
      handoffN: t.handoffN,
      delta: t.deltaN >= minN && t.deltaN > 0 ? scaleDiffToScore(t.deltaSum / t.deltaN) : null,
      deltaN: t.deltaN,
      seamlessRate: t.ratedPairs >= minN && t.ratedPairs > 0 ? t.seamlessN / t.ratedPairs : null,
    }))
    .sort((a, b) => b.count - a.count);
}

/**
 * docs/metrics.md › Connectivity › drop-off after A: journeys whose last visit is A, although A is not
 * in the last stage. "After A" reads as an exit rate, so the share is of the journeys that reached A
 * (ended / journeys through A), comparable between busy and quiet touchpoints. Touchpoints in the site's
 * last stage, and those no journey reached (0/0), have no entry.
 */
export function dropOffOf(
  counts: readonly JourneyTouchpointCount[],
  touchpoints: readonly { key: string; stage: string; naturalEnd?: boolean }[],
  stages: readonly string[],
): Record<string, number> {
  const lastStage = stages[stages.length - 1];
  // a natural end (an order confirmation) is where journeys are meant to end: it has no drop-off, like the last stage
  const stageOf = new Map(touchpoints.filter((t) => !t.naturalEnd).map((t) => [t.key, t.stage]));
  const totals = new Map<string, { journeys: number; ended: number }>();
  for (const row of counts) {
    const seen = totals.get(row.touchpoint) ?? { journeys: 0, ended: 0 };
    totals.set(row.touchpoint, { journeys: seen.journeys + row.journeys, ended: seen.ended + row.ended });
  }
  const dropOff: Record<string, number> = {};
  for (const [key, { journeys, ended }] of totals) {
    const stage = stageOf.get(key);
    if (stage === undefined || stage === lastStage || journeys === 0) continue;
    dropOff[key] = ended / journeys;
  }
  return dropOff;
}

/** docs/metrics.md › Connectivity › cross-channel share: share of journeys spanning two or more channels. */
export function crossChannelShareOf(spans: readonly ChannelSpanCount[]): number | null {
  let journeys = 0;
  let cross = 0;
  for (const row of spans) {
    journeys += row.journeys;
    if (row.channels >= 2) cross += row.journeys;
  }
  return journeys > 0 ? cross / journeys : null;
}

export interface ConnectivityInput {
  transitions: readonly TransitionRollup[];
  journeyCounts: readonly JourneyTouchpointCount[];
  channelSpans: readonly ChannelSpanCount[];
  touchpoints: readonly { key: string; stage: string; naturalEnd?: boolean }[];
  stages: readonly string[];
}

/**
 * All of docs/metrics.md › Connectivity.
 *
 * Seamless rate: share of rated consecutive pairs (pooled over all transitions) whose later quality is not
 * more than one scale point below the earlier one; null below the minimum n of rated pairs.
 * Connectivity score (0–100): "mean handoff score where handoff answers exist, else the seamless rate":
 * the mean of all handoff answers pooled over transitions (each answer counts once, so a busy transition
 * weighs more than a rare one) as a score when there are at least the minimum n of them; otherwise the
 * seamless rate × 100; null when neither has enough answers.
 */
export function connectivityOf(input: ConnectivityInput, minN = DEFAULT_MIN_N): Connectivity {
  const pooled = pooledTransitions(input.transitions);
  let handoffN = 0;
  let handoffSum = 0;
  let rated = 0;
  let seamless = 0;
  for (const t of pooled) {
    handoffN += t.handoffN;
    handoffSum += t.handoffSum;
    rated += t.ratedPairs;
    seamless += t.seamlessN;
  }
  const seamlessRate = rated >= minN && rated > 0 ? seamless / rated : null;
  const handoffScore = handoffN >= minN && handoffN > 0 ? toScore(handoffSum / handoffN) : null;
  const journeys = input.channelSpans.reduce((a, row) => a + row.journeys, 0);
  return {
    score: handoffScore ?? (seamlessRate === null ? null : seamlessRate * 100),
    seamlessRate,
    crossChannelShare: crossChannelShareOf(input.channelSpans),
    transitions: transitionStats(input.transitions, minN),
    dropOff: dropOffOf(input.journeyCounts, input.touchpoints, input.stages),
    journeys,
  };
}
