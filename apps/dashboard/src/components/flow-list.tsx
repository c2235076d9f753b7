// The journey flow as lists: where one touchpoint's visitors come from and go next, or (on phones, where the chart
// would not fit) every touchpoint's next moves in stage order. Same links, same numbers as the chart.
import type { FlowLayout, FlowLink } from './flow-layout';
import { KIND_LABELS, signed } from './flow-text';
import { count, fmt, hueStyle } from './score';
import { TouchpointLink } from './touchpoint-link';

interface Props {
  layout: FlowLayout;
  picked: string;
  name: (key: string) => string;
}

const byCount = (a: FlowLink, b: FlowLink) => b.t.count - a.t.count;

export function FlowList({ layout, picked, name }: Props) {
  const max = Math.max(1, ...layout.links.map((l) => l.t.count));
  if (picked) {
    const node = layout.nodes.find((n) => n.key === picked);
    const from = layout.links.filter((l) => l.t.to === picked).sort(byCount);
    const next = layout.links.filter((l) => l.t.from === picked).sort(byCount);
    return (
      <div class="flow-list is-picked" data-testid="flow-list">
        <section aria-labelledby="flow-in-h">
          <h3 id="flow-in-h">
            Where visitors of {name(picked)} come from <span class="muted">({count(node?.movesIn ?? 0)} moves)</span>
          </h3>
          <Rows links={from} end="from" max={max} name={name} empty="No visitor came here from another touchpoint." />
        </section>
        <section aria-labelledby="flow-out-h">
          <h3 id="flow-out-h">
            Where they go next <span class="muted">({count(node?.movesOut ?? 0)} moves)</span>
          </h3>
          <Rows links={next} end="to" max={max} name={name} empty="No visitor went on to another touchpoint." />
        </section>
      </div>
    );
  }
  return (
    <div class="flow-list" data-testid="flow-list">
      {layout.nodes
        .filter((n) => n.movesOut > 0)
        .map((n) => (
          <section key={n.key} aria-labelledby={`flow-from-${n.key}`}>
            <h3 id={`flow-from-${n.key}`}>
              From <TouchpointLink tpKey={n.key}>{n.name}</TouchpointLink> <span class="muted">· {n.stage}</span>
            </h3>
            <Rows
              links={layout.links.filter((l) => l.t.from === n.key).sort(byCount)}
              end="to"
              max={max}
              name={name}
              empty=""
            />
          </section>
        ))}
    </div>
  );
}

/** One row per move: the touchpoint at its other end, a bar of its moves, its handoff score and quality change. */
function Rows({
  links,
  end,
  max,
  name,
  empty,
}: {
  links: FlowLink[];
  end: 'from' | 'to';
  max: number;
  name: (k: string) => string;
  empty: string;
}) {
  if (links.length === 0) return <p class="muted">{empty}</p>;
  return (
    <ul class="flow-rows">
      {links.map((l) => (
        <li
          key={`${l.t.from}>${l.t.to}`}
          class="flow-row"
          data-from={l.t.from}
          data-to={l.t.to}
          data-count={l.t.count}
          data-kind={l.kind}
        >
          <span class="flow-row-name">
            {end === 'to' ? '→ ' : '← '}
            <TouchpointLink tpKey={l.t[end]}>{name(l.t[end])}</TouchpointLink>
            {l.kind !== 'forward' && <span class="flow-row-kind"> ({KIND_LABELS[l.kind]})</span>}
          </span>
          <span class="flow-row-bar" aria-hidden="true">
            <span
              class={l.t.handoff == null ? 'flow-none-bg' : 'tone'}
              style={{ ...hueStyle(l.t.handoff), width: `${Math.max(2, (l.t.count / max) * 100)}%` }}
            />
          </span>
          <span class="flow-row-num">{count(l.t.count)} moves</span>
          <span class="flow-row-num">
            {l.t.handoff == null ? (
              <span class="score-missing">handoff n/a</span>
            ) : (
              <>
                handoff{' '}
                <span class="score-chip tone" style={hueStyle(l.t.handoff)}>
                  {fmt(l.t.handoff)}
                </span>
              </>
            )}
          </span>
          <span class="flow-row-num">{l.t.delta == null ? '' : `quality ${signed(l.t.delta)}`}</span>
        </li>
      ))}
    </ul>
  );
}
