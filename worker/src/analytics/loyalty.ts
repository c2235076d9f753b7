// Derived importance (docs/metrics.md › Derived importance): how strongly a touchpoint's quality goes with the
// loyalty outcome, from the pair sums the rollups keep (journey/loyalty.ts). Pure arithmetic on sums.
import type { DerivedImportance, LoyaltyOutcome } from '@throughline/schema';

/** Pair sums of one touchpoint and outcome, pooled over days: n, Σx, Σy, Σxy, Σx², Σy². */
export interface PairSums {
  n: number;
  sx: number;
  sy: number;
  sxy: number;
  sxx: number;
  syy: number;
}

export interface LoyaltyRollup extends PairSums {
  touchpoint: string;
  outcome: LoyaltyOutcome;
}

const EMPTY_PAIRS: Readonly<PairSums> = Object.freeze({ n: 0, sx: 0, sy: 0, sxy: 0, sxx: 0, syy: 0 });

function addPairs(a: PairSums, b: PairSums): PairSums {
  return { n: a.n + b.n, sx: a.sx + b.sx, sy: a.sy + b.sy, sxy: a.sxy + b.sxy, sxx: a.sxx + b.sxx, syy: a.syy + b.syy };
}

/** Pearson's r from pair sums; null below 3 pairs or when x or y does not vary (no association to measure). */
export function correlation(s: PairSums): number | null {
  if (s.n < 3) return null;
  const cov = s.n * s.sxy - s.sx * s.sy;
  const vx = s.n * s.sxx - s.sx * s.sx;
  const vy = s.n * s.syy - s.sy * s.sy;
  if (vx <= 0 || vy <= 0) return null;
  return Math.max(-1, Math.min(1, cov / Math.sqrt(vx * vy)));
}

/** 1.959964: the normal 97.5% quantile. Fisher's z of r is close to normal with sd 1/√(n − 3). */
const Z975 = 1.959963984540054;

/** 95% interval of r by Fisher's z transform; null below 4 pairs. */
function correlationInterval(r: number, n: number): [number, number] | null {
  if (n < 4) return null;
  const z = Math.atanh(Math.max(-0.999999, Math.min(0.999999, r)));
  const half = Z975 / Math.sqrt(n - 3);
  return [Math.tanh(z - half), Math.tanh(z + half)];
}

/** docs/metrics.md › Derived importance: 100 × r, and 0 where quality goes against loyalty (r < 0). */
const importanceOfR = (r: number) => Math.max(0, r) * 100;

/**
 * A touchpoint's derived importance: the `behavioral` outcome where it has at least minN pairs, else coming back.
 * Below minN pairs, or without variation in quality or outcome, value and ci are null (n still given).
 */
export function derivedImportanceOf(
  byOutcome: Partial<Record<LoyaltyOutcome, PairSums>>,
  minN: number,
): DerivedImportance {
  const behavioral = byOutcome.behavioral ?? EMPTY_PAIRS;
  const outcome: LoyaltyOutcome = behavioral.n >= minN ? 'behavioral' : 'return';
  const s = outcome === 'behavioral' ? behavioral : (byOutcome.return ?? EMPTY_PAIRS);
  const r = s.n >= minN ? correlation(s) : null;
  const ci = r === null ? null : correlationInterval(r, s.n);
  return {
    value: r === null ? null : importanceOfR(r),
    n: s.n,
    ci: ci && [importanceOfR(ci[0]), importanceOfR(ci[1])],
    r,
    outcome,
  };
}

/** Groups rollup rows by touchpoint and outcome, adding rows that share both (one per day). */
export function pairsByTouchpoint(
  rows: readonly LoyaltyRollup[],
): Map<string, Partial<Record<LoyaltyOutcome, PairSums>>> {
  const out = new Map<string, Partial<Record<LoyaltyOutcome, PairSums>>>();
  for (const row of rows) {
    const byOutcome = out.get(row.touchpoint) ?? {};
    out.set(row.touchpoint, byOutcome);
    byOutcome[row.outcome] = addPairs(byOutcome[row.outcome] ?? EMPTY_PAIRS, row);
  }
  return out;
}
