// Turns the site objects' summed rollup metrics (journey/rules.ts, its metric list) into the inputs of the metric
// modules: score sums, histograms, visits, answers and prompts, transitions, journey counts, channel spans, experienced
// consistency and the context gap's segments. Only unit changes (sixtieths, millionths) happen here.
import { EXPERIENCE_UNITS, JOURNEY_ROW, QUALITY_UNITS } from '../journey/rules';
import type { Metrics } from '../store/rollup-rows';
import type { ChannelSpanCount, JourneyTouchpointCount, TransitionRollup } from './connectivity';
import type { SegmentScoreRollup } from './context';
import type { LoyaltyRollup } from './loyalty';
import type { TouchpointCount } from './overview';
import type { PromptCounts } from './response-rate';
import type { ScoreRollup } from './stats';

export interface RollupInputs {
  scores: ScoreRollup[];
  histograms: { touchpoint: string; dimension: string; counts: number[] }[];
  visits: TouchpointCount[];
  answers: TouchpointCount[];
  /** Answers joined to a journey (`k`): n joined, and of them `linked` arrived with a journey link. */
  joined: (TouchpointCount & { linked: number })[];
  prompts: PromptCounts[];
  transitions: TransitionRollup[];
  journeyCounts: JourneyTouchpointCount[];
  channelSpans: ChannelSpanCount[];
  experience: { visitors: number; sum: number };
  /** Loyalty pair sums (sixtieths; r does not depend on units). */
  loyalty: LoyaltyRollup[];
}

const U = QUALITY_UNITS;

/** A `q` or `c:` vector [n, sum, sumsq] in sixtieths, as scale-point sums. */
const qualitySums = (v: number[]) => ({ n: v[0]!, sum: v[1]! / U, sumsq: v[2]! / (U * U) });

export function rollupInputs(byTouchpoint: Record<string, Metrics>): RollupInputs {
  const out: RollupInputs = {
    scores: [],
    histograms: [],
    visits: [],
    answers: [],
    joined: [],
    prompts: [],
    transitions: [],
    journeyCounts: [],
    channelSpans: [],
    experience: { visitors: 0, sum: 0 },
    loyalty: [],
  };
  for (const [touchpoint, metrics] of Object.entries(byTouchpoint)) {
    if (touchpoint === JOURNEY_ROW) {
      for (const [metric, v] of Object.entries(metrics)) {
        if (metric.startsWith('s:')) out.channelSpans.push({ channels: Number(metric.slice(2)), journeys: v[0]! });
        if (metric === 'x') out.experience = { visitors: v[0]!, sum: v[1]! / EXPERIENCE_UNITS };
      }
      continue;
    }
    for (const [metric, v] of Object.entries(metrics)) {
      if (metric === 'visits') out.visits.push({ touchpoint, n: v[0]! });
      else if (metric === 'answers') out.answers.push({ touchpoint, n: v[0]! });
      else if (metric === 'k') out.joined.push({ touchpoint, n: v[0]!, linked: v[1]! });
      else if (metric === 'p') out.prompts.push({ touchpoint, shown: v[0]!, dismissed: v[1]!, answered: v[2]! });
      else if (metric === 'q') out.scores.push({ touchpoint, dimension: 'quality', ...qualitySums(v) });
      else if (metric === 'r') out.journeyCounts.push({ touchpoint, journeys: v[0]!, ended: v[1]! });
      else if (metric === 'l:b' || metric === 'l:r') {
        const [n, sx, sy, sxy, sxx, syy] = v as [number, number, number, number, number, number];
        out.loyalty.push({ touchpoint, outcome: metric === 'l:b' ? 'behavioral' : 'return', n, sx, sy, sxy, sxx, syy });
      } else if (metric.startsWith('d:')) {
        const dimension = metric.slice(2);
        out.scores.push({ touchpoint, dimension, n: v[0]!, sum: v[1]!, sumsq: v[2]! });
        out.histograms.push({ touchpoint, dimension, counts: v.slice(3, 8) });
      } else if (metric.startsWith('a:')) {
        const [count, handoffN, handoffSum, , deltaN, deltaSum, seamlessN] = v as [
          number,
          number,
          number,
          number,
          number,
          number,
          number,
        ];
        out.transitions.push({
          from: metric.slice(2),
          to: touchpoint,
          count,
          handoffN,
          handoffSum,
          deltaN,
          deltaSum: deltaSum / U,
          seamlessN,
        });
      }
    }
  }
  out.transitions.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
  return out;
}

/** The context gap's input: answer-level quality per touchpoint and single-value segment (`c:` metrics of 'all' rows). */
export function segmentScoresOf(byTouchpoint: Record<string, Metrics>): SegmentScoreRollup[] {
  return Object.entries(byTouchpoint).flatMap(([touchpoint, metrics]) =>
    Object.entries(metrics)
      .filter(([m]) => m.startsWith('c:'))
      .map(([m, v]) => ({ segment: m.slice(2), touchpoint, dimension: 'quality', ...qualitySums(v) })),
  );
}

/** Daily rows (trends) as per-dimension score rows, with answer-level `quality`. */
export function dailyScoreRows(rows: readonly { day: string; touchpoint: string; v: Metrics }[]) {
  return rows.flatMap((row) =>
    Object.entries(row.v).flatMap(([metric, v]) => {
      if (metric === 'q')
        return [{ day: row.day, touchpoint: row.touchpoint, dimension: 'quality', ...qualitySums(v) }];
      if (metric.startsWith('d:'))
        return [
          { day: row.day, touchpoint: row.touchpoint, dimension: metric.slice(2), n: v[0]!, sum: v[1]!, sumsq: v[2]! },
        ];
      return [];
    }),
  );
}
