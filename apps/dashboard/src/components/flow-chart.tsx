// The journey flow as a sankey (d3-sankey): touchpoints as nodes, transitions as links coloured by handoff score.
import type { Overview } from '@throughline/schema';
import { sankey, sankeyLinkHorizontal, sankeyLeft } from 'd3-sankey';
import { useMemo, useState } from 'preact/hooks';
import { count, fmt, hueStyle } from './score';
import { ScrollBox } from './scroll-box';

type Transition = Overview['connectivity']['transitions'][number];
interface N {
  id: string;
  name: string;
}
type L = Transition;

const W = 1000;

/** Only forward moves (by journey order) are drawn: a sankey cannot show loops; the table lists every move. */
export function FlowChart({ transitions, names, order }: { transitions: Transition[]; names: Map<string, string>; order: string[] }) {
  const [on, setOn] = useState<string>();
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  const graph = useMemo(() => {
    const links = transitions.filter((t) => t.count > 0 && rank(t.to) > rank(t.from)).map((t) => ({ ...t, source: t.from, target: t.to, value: t.count }));
    const ids = [...new Set(links.flatMap((l) => [l.from, l.to]))].sort((a, b) => rank(a) - rank(b));
    const H = Math.max(300, ids.length * 34);
    const layout = sankey<N, L>()
      .nodeId((n) => n.id)
      .nodeWidth(12)
      .nodePadding(22)
      .nodeAlign(sankeyLeft)
      .extent([
        [4, 8],
        [W - 4, H - 8],
      ]);
    try {
      const g = layout({ nodes: ids.map((id) => ({ id, name: names.get(id) ?? id })), links: links.map((l) => ({ ...l })) });
      return { g, H };
    } catch {
      return undefined;
    }
  }, [transitions, names, order]);

  if (!graph || graph.g.links.length === 0) return <p class="muted">No forward moves between touchpoints to draw yet.</p>;
  const path = sankeyLinkHorizontal();
  const { g, H } = graph;
  return (
    <ScrollBox class="flow-scroll" label="Journey flow chart">
      <svg viewBox={`0 0 ${W} ${H}`} class="flow" role="img" aria-label="Flow of visitors between touchpoints; the transitions table lists the same data.">
        <g class="flow-links">
          {g.links.map((l) => {
            const key = `${l.from}>${l.to}`;
            return (
              <path
                key={key}
                d={path(l) ?? ''}
                class={`flow-link ${l.handoff == null ? 'flow-link-none' : 'tone-stroke'} ${on && on !== key && on !== l.from && on !== l.to ? 'dim' : ''}`}
                style={{ ...hueStyle(l.handoff), strokeWidth: Math.max(1.5, l.width ?? 1) }}
                onMouseEnter={() => setOn(key)}
                onMouseLeave={() => setOn(undefined)}
              >
                <title>
                  {names.get(l.from) ?? l.from} → {names.get(l.to) ?? l.to}: {count(l.count)} moves
                  {l.handoff != null ? `, handoff ${fmt(l.handoff)}` : ', no handoff answers'}
                </title>
              </path>
            );
          })}
        </g>
        {g.nodes.map((n) => {
          const left = (n.x0 ?? 0) < W / 2;
          return (
            <g key={n.id} class="flow-node" onMouseEnter={() => setOn(n.id)} onMouseLeave={() => setOn(undefined)}>
              <rect x={n.x0} y={n.y0} width={(n.x1 ?? 0) - (n.x0 ?? 0)} height={Math.max(2, (n.y1 ?? 0) - (n.y0 ?? 0))} rx="3" />
              <text x={left ? (n.x1 ?? 0) + 6 : (n.x0 ?? 0) - 6} y={((n.y0 ?? 0) + (n.y1 ?? 0)) / 2 + 4} text-anchor={left ? 'start' : 'end'}>
                {n.name}
              </text>
            </g>
          );
        })}
      </svg>
      <div class="flow-legend" aria-hidden="true">
        <span>Handoff score</span>
        <span class="legend-ramp" />
        <span>0</span>
        <span class="legend-mid">50</span>
        <span>100</span>
        <span class="legend-none" /> <span>no handoff answers</span>
      </div>
    </ScrollBox>
  );
}
