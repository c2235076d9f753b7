// A site's Overview for a range and segment, read from its objects' rollups: what the overview route answers and
// what the scheduled alerts and digest read.
import type { Overview, SiteSettings } from '@throughline/schema';
import { sumsOf } from '../store/site-stores';
import { experiencedFromSums } from './consistency';
import { buildOverview, type TouchpointMeta } from './overview';
import { rollupInputs, segmentScoresOf } from './rollup-metrics';

export interface OverviewScope {
  siteId: string;
  settings: Pick<SiteSettings, 'shards' | 'minN' | 'thresholds'>;
  range: { from: string; to: string };
  /** A rollup segment ('all', 'device:mobile', …). */
  segment: string;
  /** The rows of every visitor in the view's journey type (context gaps compare all of them): 'all' unless typed. */
  allSegment?: string;
  stages: readonly string[];
  touchpoints: readonly TouchpointMeta[];
}

export async function siteOverview(
  env: Cloudflare.Env,
  s: OverviewScope,
): Promise<{ overview: Overview; rowsRead: number }> {
  const { shards, minN, thresholds } = s.settings;
  // the segment's rollups, and the context gap's segments from the 'all' rows (all of them when unfiltered)
  const all = s.allSegment ?? 'all';
  const [sums, contexts] = await Promise.all([
    sumsOf(env, s.siteId, shards, s.segment, s.range.from, s.range.to),
    s.segment === all ? null : sumsOf(env, s.siteId, shards, all, s.range.from, s.range.to, true),
  ]);
  const inputs = rollupInputs(sums.byTouchpoint);
  const overview = buildOverview({
    range: s.range,
    minN,
    thresholds,
    stages: s.stages,
    touchpoints: s.touchpoints,
    scores: inputs.scores,
    histograms: inputs.histograms,
    visits: inputs.visits,
    answers: inputs.answers,
    joined: inputs.joined,
    prompts: inputs.prompts,
    transitions: inputs.transitions,
    loyalty: inputs.loyalty,
    journeyCounts: inputs.journeyCounts,
    channelSpans: inputs.channelSpans,
    experienced: experiencedFromSums(inputs.experience, minN),
    segmentScores: segmentScoresOf((contexts ?? sums).byTouchpoint),
  });
  return { overview, rowsRead: sums.rowsRead + (contexts?.rowsRead ?? 0) };
}
