// Assembles the analytics Overview (docs/metrics.md, the overview API) from rows the rollup SQL returns.
// Input shapes mirror GROUP BY results over the rollup tables, so the route only reads and passes them on.
import type { Overview, ScoreStat } from '@throughline/schema';
import { thematicCohesionOf } from './cohesion';
import {
  connectivityOf,
  type ChannelSpanCount,
  type JourneyTouchpointCount,
  type TransitionRollup,
} from './connectivity';
import { consistencyOf, experiencedConsistencyOf, type VisitorMean } from './consistency';
import { answerQualityGapsOf, type ContextGap, type SegmentScoreRollup } from './context';
import { derivedImportanceOf, pairsByTouchpoint, type LoyaltyRollup } from './loyalty';
import {
  DEFAULT_THRESHOLDS,
  farBelowMean,
  priorityIndex,
  quadrantOf,
  rankByPriority,
  type PriorityThresholds,
} from './priority';
import { importanceOf, qualityOf } from './quality';
import { responseRateOf, type PromptCounts } from './response-rate';
import { DEFAULT_MIN_N, scoreStat, sumsByTouchpoint, type ScoreRollup } from './stats';

export type { VisitorMean, ScoreRollup };

/** A touchpoint as the team set it up (the touchpoints table). */
export interface TouchpointMeta {
  key: string;
  name: string;
  stage: string;
  channel: string;
  owner: string;
  /** The team that looks after it. */
  team?: string;
  /** A natural end of the journey: no drop-off. */
  naturalEnd?: boolean;
}

/** A per-touchpoint count: `SELECT touchpoint, sum(n) AS n … GROUP BY touchpoint`. */
export interface TouchpointCount {
  touchpoint: string;
  n: number;
}

export interface OverviewInput {
  range: { from: string; to: string };
  /** Site settings' minN (default 5). */
  minN?: number;
  /** Site settings' quadrant thresholds (default 50/50). */
  thresholds?: PriorityThresholds;
  /** The site's stages in journey order; the last one has no drop-off. */
  stages: readonly string[];
  /** Touchpoints in the team's order (used to break priority ties). Rows about other keys are ignored. */
  touchpoints: readonly TouchpointMeta[];
  /** Score sums (rollup_answers, one record per dimension) over the range for one segment, by touchpoint and dimension (per-day rows are fine too). */
  scores: readonly ScoreRollup[];
  /** rollup_visits summed over the range. */
  visits?: readonly TouchpointCount[];
  /** Prompt events per touchpoint (shown, dismissed, answered). */
  prompts?: readonly PromptCounts[];
  /** Answer events per touchpoint. Without it, n is the largest n among the touchpoint's dimensions
   * (the `quality` row counts every answer with an experience dimension). */
  answers?: readonly TouchpointCount[];
  /** Answers joined to a journey per touchpoint, and of them those that arrived with a journey link (rows are added). */
  joined?: readonly (TouchpointCount & { linked: number })[];
  transitions?: readonly TransitionRollup[];
  /** Per touchpoint: journeys that visited it and journeys that ended there. */
  journeyCounts?: readonly JourneyTouchpointCount[];
  /** Journeys by number of distinct channels visited. */
  channelSpans?: readonly ChannelSpanCount[];
  /** Per visitor, touchpoint and dimension: the visitor's mean answer, for experienced consistency. */
  visitorMeans?: readonly VisitorMean[];
  /** Experienced consistency already computed from rollups (db/journey-reads.ts); wins over `visitorMeans`. */
  experienced?: number | null;
  /** Answers per scale point 1…5, per touchpoint and rated dimension (rows sharing both are added). */
  histograms?: readonly { touchpoint: string; dimension: string; counts: readonly number[] }[];
  /** Answer-level `quality` rollups of every single-value segment (device:*, channel:*, …) over the range, for context gaps. */
  segmentScores?: readonly SegmentScoreRollup[];
  /** Loyalty pair sums per touchpoint and outcome (journey/loyalty.ts), for derived importance. */
  loyalty?: readonly LoyaltyRollup[];
}

const NO_GAP: Omit<ContextGap, 'touchpoint'> = { gap: null, best: null, worst: null, segments: 0 };

/**
 * The overview: per touchpoint its dimension scores (n and 95% interval each), quality, importance,
 * quadrant and priority, ranked by priority, highest first (ties and nulls in the team's order);
 * consistency across touchpoints and as experienced; connectivity of the journey.
 */
export function buildOverview(input: OverviewInput): Overview {
  const minN = input.minN ?? DEFAULT_MIN_N;
  const thresholds = input.thresholds ?? DEFAULT_THRESHOLDS;
  const known = new Set(input.touchpoints.map((t) => t.key));
  const scoreRows = input.scores.filter((r) => known.has(r.touchpoint));
  const sums = sumsByTouchpoint(scoreRows);
  const visits = countsByTouchpoint(input.visits ?? []);
  const answers = input.answers ? countsByTouchpoint(input.answers) : null;
  const joined = countsByTouchpoint(input.joined ?? []);
  const linked = countsByTouchpoint((input.joined ?? []).map((r) => ({ touchpoint: r.touchpoint, n: r.linked })));
  const histograms = histogramsByTouchpoint(input.histograms ?? []);
  const prompts = new Map((input.prompts ?? []).map((p) => [p.touchpoint, p]));
  const gaps = new Map(
    answerQualityGapsOf(
      (input.segmentScores ?? []).filter((r) => known.has(r.touchpoint)),
      minN,
    ).map((g) => [g.touchpoint, g]),
  );

  const loyalty = pairsByTouchpoint((input.loyalty ?? []).filter((r) => known.has(r.touchpoint)));

  const touchpoints = input.touchpoints.map((tp) => {
    const dims = sums.get(tp.key) ?? new Map();
    const scores: Record<string, ScoreStat> = {};
    let largestN = 0;
    for (const [dimension, s] of dims) {
      largestN = Math.max(largestN, s.n);
      // `quality` rows are answer-level quality for trends; the Overview's quality follows docs/metrics.md › Quality (below).
      if (dimension !== 'quality') scores[dimension] = scoreStat(s, minN);
    }
    const quality = qualityOf(scores);
    const stated = importanceOf(scores);
    const derivedImportance = derivedImportanceOf(loyalty.get(tp.key) ?? {}, minN);
    // docs/metrics.md › Importance: stated where it has a score, else derived
    const importance = stated ?? derivedImportance.value;
    // n and interval from the answer-level quality rollup; the value stays the docs/metrics.md mean of dimension scores
    const answerQuality = scoreStat(dims.get('quality') ?? { n: 0, sum: 0, sumsq: 0 }, minN);
    const { touchpoint: _, ...contextGap } = gaps.get(tp.key) ?? { touchpoint: tp.key, ...NO_GAP };
    return {
      key: tp.key,
      name: tp.name,
      stage: tp.stage,
      channel: tp.channel,
      owner: tp.owner,
      team: tp.team ?? '',
      n: answers ? (answers.get(tp.key) ?? 0) : largestN,
      visits: visits.get(tp.key) ?? 0,
      joined: { n: joined.get(tp.key) ?? 0, linked: linked.get(tp.key) ?? 0 },
      prompts: responseRateOf(prompts.get(tp.key) ?? { shown: 0, dismissed: 0, answered: 0 }),
      scores,
      quality,
      qualityStat: { value: quality, n: answerQuality.n, ci: quality === null ? null : answerQuality.ci },
      contextGap,
      histograms: histograms.get(tp.key) ?? {},
      importance,
      importanceSource:
        stated !== null ? ('stated' as const) : derivedImportance.value !== null ? ('derived' as const) : null,
      derivedImportance,
      farBelow: false,
      quadrant: quadrantOf(importance, quality, thresholds),
      priority: priorityIndex(importance, quality),
    };
  });

  const farBelow = farBelowMean(touchpoints.map((t) => ({ key: t.key, quality: t.quality })));
  for (const t of touchpoints) t.farBelow = farBelow.has(t.key);

  const consistency = consistencyOf(scoreRows, minN);
  const experienced =
    input.experienced !== undefined
      ? { value: input.experienced }
      : experiencedConsistencyOf(
          (input.visitorMeans ?? []).filter((r) => known.has(r.touchpoint)),
          minN,
        );
  const journeyCounts = (input.journeyCounts ?? []).filter((r) => known.has(r.touchpoint));
  const connectivity = connectivityOf(
    {
      transitions: (input.transitions ?? []).filter((t) => known.has(t.from) && known.has(t.to)),
      journeyCounts,
      channelSpans: input.channelSpans ?? [],
      touchpoints: input.touchpoints,
      stages: input.stages,
    },
    minN,
  );

  return {
    range: { from: input.range.from, to: input.range.to },
    minN,
    touchpoints: rankByPriority(touchpoints),
    consistency: {
      overall: consistency.overall,
      byDimension: consistency.byDimension,
      experienced: experienced.value,
      // in the team's touchpoint order, not the order the SQL returned rows in
      breaking: input.touchpoints.map((t) => t.key).filter((key) => consistency.breaking.includes(key)),
      outliers: consistency.outliers.filter((o) => known.has(o.touchpoint)),
      thematic: thematicCohesionOf(
        input.touchpoints.map((t) => t.key),
        new Map([...sums].flatMap(([key, dims]) => (dims.has('theme') ? [[key, dims.get('theme')!] as const] : []))),
        minN,
      ),
    },
    connectivity: {
      score: connectivity.score,
      seamlessRate: connectivity.seamlessRate,
      crossChannelShare: connectivity.crossChannelShare,
      transitions: connectivity.transitions.map((t) => ({
        from: t.from,
        to: t.to,
        count: t.count,
        handoff: t.handoff,
        handoffN: t.handoffN,
        delta: t.delta,
        deltaN: t.deltaN,
      })),
      dropOff: connectivity.dropOff,
      dropOffCounts: input.touchpoints
        .map((t) => ({ touchpoint: t.key, ...sumJourneyCounts(journeyCounts, t.key) }))
        .filter((r) => r.journeys > 0),
      journeys: connectivity.journeys,
    },
  };
}

function countsByTouchpoint(rows: readonly TouchpointCount[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const row of rows) out.set(row.touchpoint, (out.get(row.touchpoint) ?? 0) + row.n);
  return out;
}

function sumJourneyCounts(
  rows: readonly JourneyTouchpointCount[],
  touchpoint: string,
): { journeys: number; ended: number } {
  let journeys = 0;
  let ended = 0;
  for (const row of rows) {
    if (row.touchpoint !== touchpoint) continue;
    journeys += row.journeys;
    ended += row.ended;
  }
  return { journeys, ended };
}

type Histogram = [number, number, number, number, number];

function histogramsByTouchpoint(rows: readonly { touchpoint: string; dimension: string; counts: readonly number[] }[]) {
  const out = new Map<string, Record<string, Histogram>>();
  for (const row of rows) {
    const byDimension = out.get(row.touchpoint) ?? {};
    out.set(row.touchpoint, byDimension);
    const h = (byDimension[row.dimension] ??= [0, 0, 0, 0, 0]);
    for (let i = 0; i < 5; i++) h[i]! += row.counts[i] ?? 0;
  }
  return out;
}
