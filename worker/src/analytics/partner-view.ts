// The partner view (docs/metrics.md › Partner view): the overview narrowed to partner-owned touchpoints, each with its
// scores and the overview's transitions into and out of it. Nothing is computed here that the overview did not.
import type { Handoff, Overview, PartnerView } from '@throughline/schema';

type Transition = Overview['connectivity']['transitions'][number];

/** Partner-owned touchpoints of `overview` (only `only` when given), in the team's order of `order`. */
export function partnerViewOf(overview: Overview, order: readonly string[], only?: string): PartnerView {
  const names = new Map(overview.touchpoints.map((t) => [t.key, t.name]));
  const rank = new Map(order.map((k, i) => [k, i]));
  const handoff = (t: Transition, other: string): Handoff => ({
    from: t.from,
    to: t.to,
    name: names.get(other) ?? other,
    count: t.count,
    handoff: t.handoff,
    handoffN: t.handoffN,
    delta: t.delta,
    deltaN: t.deltaN,
  });
  const byCount = (a: Handoff, b: Handoff) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const touchpoints = overview.touchpoints
    .filter((t) => t.owner === 'partner' && (only === undefined || t.key === only))
    .sort((a, b) => (rank.get(a.key) ?? 0) - (rank.get(b.key) ?? 0))
    .map((t) => ({
      key: t.key,
      name: t.name,
      stage: t.stage,
      channel: t.channel,
      n: t.n,
      quality: t.quality,
      qualityStat: t.qualityStat,
      scores: t.scores,
      joined: t.joined,
      into: overview.connectivity.transitions
        .filter((x) => x.to === t.key)
        .map((x) => handoff(x, x.from))
        .sort(byCount),
      outOf: overview.connectivity.transitions
        .filter((x) => x.from === t.key)
        .map((x) => handoff(x, x.to))
        .sort(byCount),
    }));
  return { range: overview.range, minN: overview.minN, touchpoints };
}
