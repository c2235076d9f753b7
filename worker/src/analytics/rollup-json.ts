// Sums of the JSON columns that migration 0008 keeps on the daily rollup rows, added up over days in the Worker
// (SQL could only add them through json_each, whose rows D1 counts as read):
// - rollup_answers.contexts on 'all' rows: {"device:mobile": [n, sum, sumsq], …}, answer-level quality per segment,
//   counted in sixtieths (QUALITY_UNITS: a mean of 1–5 scores times 60 is whole, so sums stay exact);
// - rollup_answers.arrivals: {"<from>": [handoff_n, handoff_sum, handoff_sumsq, delta_n, delta_sum, seamless_n]};
// - rollup_visits.arrivals: {"<from>": consecutive visits from → this touchpoint}.
import type { SegmentScoreRollup } from './context';
import type { TransitionRollup } from './connectivity';
import { addSums, EMPTY_SUMS, type Sums } from './stats';

/** Transition sums of one from → to pair over the range (what rollup_transitions rows summed to before 0008). */
export interface TransitionSums extends Required<Omit<TransitionRollup, 'ratedPairs'>> {
  handoffSumsq: number;
}

type Handoffs = Omit<TransitionSums, 'from' | 'to' | 'count'>;
const NO_HANDOFFS: Handoffs = { handoffN: 0, handoffSum: 0, handoffSumsq: 0, deltaN: 0, deltaSum: 0, seamlessN: 0 };

/** contexts count quality in sixtieths of a scale point. */
export const QUALITY_UNITS = 60;

function parsed(json: string | null | undefined): Record<string, unknown> {
  return json ? (JSON.parse(json) as Record<string, unknown>) : {};
}

/** Adds the `contexts` of many rows of one touchpoint each: per touchpoint and segment, the quality sums. */
export class ContextSums {
  private readonly sums = new Map<string, Map<string, Sums>>();

  add(touchpoint: string, contexts: string | null | undefined): void {
    let bySegment = this.sums.get(touchpoint);
    for (const [segment, value] of Object.entries(parsed(contexts))) {
      const [n, sum, sumsq] = value as [number, number, number];
      if (!bySegment) this.sums.set(touchpoint, (bySegment = new Map()));
      bySegment.set(segment, addSums(bySegment.get(segment) ?? EMPTY_SUMS, { n, sum, sumsq }));
    }
  }

  /** One `quality` record per touchpoint × segment (scale points, as context.ts reads them). */
  rows(): SegmentScoreRollup[] {
    const u = QUALITY_UNITS;
    return [...this.sums].flatMap(([touchpoint, bySegment]) =>
      [...bySegment].map(([segment, s]) => ({ segment, touchpoint, dimension: 'quality', n: s.n, sum: s.sum / u, sumsq: s.sumsq / (u * u) })));
  }
}

/** Adds the `arrivals` of both tables over rows of one destination touchpoint each: per from → to pair. */
export class TransitionTotals {
  private readonly pairs = new Map<string, TransitionSums>();

  private pair(from: string, to: string): TransitionSums {
    const key = `${from}\u0000${to}`;
    let t = this.pairs.get(key);
    if (!t) this.pairs.set(key, (t = { from, to, count: 0, ...NO_HANDOFFS }));
    return t;
  }

  /** rollup_visits.arrivals of a row of touchpoint `to`. */
  addVisits(to: string, arrivals: string | null | undefined): void {
    for (const [from, count] of Object.entries(parsed(arrivals))) this.pair(from, to).count += count as number;
  }

  /** rollup_answers.arrivals of a row of touchpoint `to`. */
  addAnswers(to: string, arrivals: string | null | undefined): void {
    for (const [from, value] of Object.entries(parsed(arrivals))) {
      const [hn, hs, hq, dn, ds, sn] = value as number[];
      const t = this.pair(from, to);
      t.handoffN += hn!; t.handoffSum += hs!; t.handoffSumsq += hq!;
      t.deltaN += dn!; t.deltaSum += ds!; t.seamlessN += sn!;
    }
  }

  /** By from, then to (the order the SQL's GROUP BY gave before 0008). */
  rows(): TransitionSums[] {
    return [...this.pairs.values()].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : a.to < b.to ? -1 : a.to > b.to ? 1 : 0));
  }
}
