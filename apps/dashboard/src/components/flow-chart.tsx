// The journey flow drawn: stage columns, touchpoint boxes, one link per transition (width = moves, colour =
// handoff score). Hover or keyboard focus on a link shows its numbers; arrow keys move between links.
import { useMemo, useRef, useState } from 'preact/hooks';
import type { FlowLayout, FlowLink, FlowNode } from './flow-layout';
import { moveText } from './flow-text';
import { count, hueStyle } from './score';
import { ScrollBox } from './scroll-box';

const LINE_H = 14;
const HINT =
  'Hover over a link, or tab to the chart and use the arrow keys, to see its moves, handoff score and quality change.';

interface Props {
  layout: FlowLayout;
  /** The touchpoint being followed: links not touching it are dimmed. */
  picked: string;
  onPick: (key: string) => void;
  name: (key: string) => string;
}

const linkKey = (l: FlowLink) => `${l.t.from}>${l.t.to}`;
const touches = (l: FlowLink, key: string) => l.t.from === key || l.t.to === key;

export function FlowChart({ layout, picked, onPick, name }: Props) {
  // Keyboard order follows the journey: by source column and position, then target.
  const links = useMemo(() => {
    const pos = new Map(layout.nodes.map((n, i) => [n.key, i]));
    return [...layout.links].sort(
      (a, b) => pos.get(a.t.from)! - pos.get(b.t.from)! || pos.get(a.t.to)! - pos.get(b.t.to)!,
    );
  }, [layout]);
  const [hover, setHover] = useState<{ link?: FlowLink; node?: FlowNode }>({});
  const [focusAt, setFocusAt] = useState(0);
  const svg = useRef<SVGSVGElement>(null);

  const follow = hover.node?.key ?? picked;
  const lit = (l: FlowLink) => (hover.link ? hover.link === l : !follow || touches(l, follow));
  const nodeLit = (n: FlowNode) =>
    !follow || n.key === follow || links.some((l) => touches(l, follow) && touches(l, n.key));

  const move = (i: number) => {
    const next = (i + links.length) % links.length;
    setFocusAt(next);
    svg.current?.querySelectorAll<SVGGElement>('.flow-edge')[next]?.focus();
  };
  const onKey = (e: KeyboardEvent, i: number) => {
    const to = {
      ArrowRight: i + 1,
      ArrowDown: i + 1,
      ArrowLeft: i - 1,
      ArrowUp: i - 1,
      Home: 0,
      End: links.length - 1,
    }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    move(to);
  };

  const readout = hover.link
    ? moveText(hover.link.t, name, hover.link.kind)
    : hover.node
      ? `${hover.node.name} (${hover.node.stage}): ${count(hover.node.movesIn)} moves in, ${count(hover.node.movesOut)} out. Click to follow it.`
      : HINT;

  return (
    <div class="flow-chart" data-testid="flow-chart">
      <p class={`flow-readout ${hover.link || hover.node ? 'is-on' : ''}`} data-testid="flow-readout">
        {readout}
      </p>
      <ScrollBox class="flow-scroll" label="Journey flow chart">
        <svg
          ref={svg}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
          class="flow"
          style={{ maxWidth: `${layout.width}px`, minWidth: `${Math.round(layout.width * 0.75)}px` }}
          role="group"
          aria-label={`Journey flow: ${links.length} transitions between touchpoints, by stage. Arrow keys move between them.`}
        >
          <g class="flow-stages" aria-hidden="true">
            {layout.columns.map((c) => (
              <text key={c.stage} x={c.x} y={14}>
                {c.stage}
              </text>
            ))}
          </g>
          <g class="flow-links">
            {links.map((l, i) => (
              <g
                key={linkKey(l)}
                class={`flow-edge flow-${l.kind} ${lit(l) ? '' : 'dim'} ${hover.link === l ? 'on' : ''}`}
                style={hueStyle(l.t.handoff)}
                tabindex={i === focusAt ? 0 : -1}
                role="img"
                aria-label={moveText(l.t, name, l.kind)}
                data-from={l.t.from}
                data-to={l.t.to}
                data-count={l.t.count}
                data-kind={l.kind}
                onMouseEnter={() => setHover({ link: l })}
                onMouseLeave={() => setHover({})}
                onFocus={() => {
                  setFocusAt(i);
                  setHover({ link: l });
                }}
                onBlur={() => setHover({})}
                onKeyDown={(e) => onKey(e, i)}
              >
                <path class="flow-halo" d={l.d} stroke-width={l.width + 6} />
                <path
                  class={`flow-link ${l.t.handoff == null ? 'flow-none' : 'tone-stroke'}`}
                  d={l.d}
                  stroke-width={l.width}
                />
                {l.kind !== 'forward' && (
                  <path class={`flow-arrow ${l.t.handoff == null ? 'flow-none' : 'tone-fill'}`} d={arrow(l)} />
                )}
              </g>
            ))}
          </g>
          <g class="flow-nodes" aria-hidden="true">
            {layout.nodes.map((n) => (
              // biome-ignore lint/a11y/noStaticElementInteractions: a pointer shortcut; the flow list beside it is the accessible way to pick.
              <g
                key={n.key}
                class={`flow-node ${nodeLit(n) ? '' : 'dim'} ${n.key === picked ? 'picked' : ''}`}
                data-key={n.key}
                onClick={() => onPick(n.key === picked ? '' : n.key)}
                onMouseEnter={() => setHover({ node: n })}
                onMouseLeave={() => setHover({})}
              >
                <rect x={n.x} y={n.y} width={n.w} height={n.h} rx="6" />
                <text x={n.x + 8} y={n.y + n.h / 2 - ((n.lines.length - 1) * LINE_H) / 2 + 4}>
                  {n.lines.map((line, i) => (
                    <tspan key={i} x={n.x + 8} dy={i ? LINE_H : 0}>
                      {line}
                    </tspan>
                  ))}
                </text>
              </g>
            ))}
          </g>
        </svg>
      </ScrollBox>
      <FlowLegend />
    </div>
  );
}

/** A small arrowhead where an arc enters its target. */
function arrow(l: FlowLink): string {
  const { x, y, dir } = l.end;
  const h = Math.min(9, l.width / 2 + 3);
  return `M${x - 8 * dir},${y - h}L${x},${y}L${x - 8 * dir},${y + h}Z`;
}

function FlowLegend() {
  return (
    <p class="flow-legend">
      <span>Width: moves.</span>
      <span class="legend-item">
        Colour: handoff score <span class="legend-end">0</span>
        <span class="legend-ramp" aria-hidden="true" />
        <span class="legend-end">100</span>
      </span>
      <span class="legend-item">
        <span class="legend-none" aria-hidden="true" /> not enough handoff answers.
      </span>
      <span>
        Brackets beside a column: moves within a stage. Arcs under the columns: moves back to an earlier stage.
      </span>
    </p>
  );
}
