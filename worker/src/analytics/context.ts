// Context sensitivity: how much a touchpoint's quality depends on who and where (docs/metrics.md › Context sensitivity).
// Segments are the rollups' `name:value` rows (device, channel of arrival, locale, country, returning).
import { qualityOf } from './quality';
import { DEFAULT_MIN_N, EMPTY_SUMS, addSums, scoreStat, sumsByTouchpoint, type ScoreRollup, type Sums } from './stats';

/** A score rollup row of one segment (`device:mobile`, …), summed over days. The `all` segment is ignored. */
export interface SegmentScoreRollup extends ScoreRollup {
  segment: string;
}

export interface ContextGap {
  touchpoint: string;
  /** Quality of the best segment minus that of the worst, in 0–100 score points; null below two segments. */
  gap: number | null;
  best: { segment: string; quality: number } | null;
  worst: { segment: string; quality: number } | null;
  /** Segments with enough answers to have a quality. */
  segments: number;
}

/**
 * docs/metrics.md › Context sensitivity: "the context gap of t is the spread between its best and worst
 * segment", here max − min of the segment's quality (mean of its experience dimension scores, each needing
 * the minimum n within the segment). Segments without a quality are left out; with fewer than two left the
 * gap is null. Pass one context's rows only (e.g. `device:*`) for the gap within that context.
 * Returns touchpoints in order of first appearance.
 */
export function contextGapsOf(rows: readonly SegmentScoreRollup[], minN = DEFAULT_MIN_N): ContextGap[] {
  const bySegment = new Map<string, SegmentScoreRollup[]>();
  const touchpoints: string[] = [];
  for (const row of rows) {
    if (row.segment === 'all') continue;
    if (!touchpoints.includes(row.touchpoint)) touchpoints.push(row.touchpoint);
    const list = bySegment.get(row.segment);
    if (list) list.push(row);
    else bySegment.set(row.segment, [row]);
  }

  const qualities = new Map<string, { segment: string; quality: number }[]>();
  for (const [segment, segmentRows] of bySegment) {
    for (const [touchpoint, dims] of sumsByTouchpoint(segmentRows)) {
      const scores = Object.fromEntries([...dims].map(([d, sums]) => [d, scoreStat(sums, minN)]));
      const quality = qualityOf(scores);
      if (quality === null) continue;
      const list = qualities.get(touchpoint) ?? [];
      list.push({ segment, quality });
      qualities.set(touchpoint, list);
    }
  }

  return touchpoints.map((touchpoint) => gapOf(touchpoint, qualities.get(touchpoint) ?? []));
}

/**
 * The context gap from answer-level quality (the rollups' `quality` dimension: each answer's mean of its
 * experience dimensions): per segment the mean answer quality as a 0–100 score, for segments with at least
 * `minN` such answers; best minus worst. One rollup row per segment and touchpoint instead of one per
 * dimension, so the overview can afford it for every segment at once. Touchpoints in order of first appearance.
 */
export function answerQualityGapsOf(rows: readonly SegmentScoreRollup[], minN = DEFAULT_MIN_N): ContextGap[] {
  const pooled = new Map<string, Map<string, Sums>>();
  for (const row of rows) {
    if (row.segment === 'all' || row.dimension !== 'quality') continue;
    let bySegment = pooled.get(row.touchpoint);
    if (!bySegment) pooled.set(row.touchpoint, (bySegment = new Map()));
    bySegment.set(row.segment, addSums(bySegment.get(row.segment) ?? EMPTY_SUMS, row));
  }
  return [...pooled].map(([touchpoint, bySegment]) => {
    const list: { segment: string; quality: number }[] = [];
    for (const [segment, sums] of bySegment) {
      const stat = scoreStat(sums, minN);
      if (stat.value !== null) list.push({ segment, quality: stat.value });
    }
    return gapOf(touchpoint, list);
  });
}

function gapOf(touchpoint: string, list: readonly { segment: string; quality: number }[]): ContextGap {
  if (list.length < 2) return { touchpoint, gap: null, best: null, worst: null, segments: list.length };
  let best = list[0]!;
  let worst = list[0]!;
  // ties go to the first segment by name, so the answer does not depend on the order rows were read in
  for (const entry of list) {
    if (entry.quality > best.quality || (entry.quality === best.quality && entry.segment < best.segment)) best = entry;
    if (entry.quality < worst.quality || (entry.quality === worst.quality && entry.segment < worst.segment))
      worst = entry;
  }
  return { touchpoint, gap: best.quality - worst.quality, best, worst, segments: list.length };
}
