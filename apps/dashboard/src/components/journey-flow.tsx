// The journey flow section of Connectivity: a touchpoint to follow, the chart (the list on phones), and where the
// followed touchpoint's visitors come from and go next.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { FlowChart } from './flow-chart';
import { COMPACT, layoutFlow, REGULAR, type FlowTouchpoint, type Transition } from './flow-layout';
import { FlowList } from './flow-list';

interface Props {
  stages: string[];
  touchpoints: FlowTouchpoint[];
  transitions: Transition[];
}

export function JourneyFlow({ stages, touchpoints, transitions }: Props) {
  const [picked, setPicked] = useState('');
  // The card's width decides the drawing's size: a regular layout that does not fit becomes a compact one, which the
  // chart may then shrink a little more, so that a laptop or tablet (721–1200 px) never scrolls sideways.
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    setWidth(el.clientWidth);
    return () => ro.disconnect();
  }, []);
  const regular = useMemo(
    () => layoutFlow(stages, touchpoints, transitions, REGULAR),
    [stages, touchpoints, transitions],
  );
  const compact = width > 0 && regular.width * 0.9 > width;
  const layout = useMemo(
    () => (compact ? layoutFlow(stages, touchpoints, transitions, COMPACT) : regular),
    [regular, compact, stages, touchpoints, transitions],
  );
  const names = useMemo(() => new Map(layout.nodes.map((n) => [n.key, n.name])), [layout]);
  const name = (k: string) => names.get(k) ?? k;
  const follow = names.has(picked) ? picked : '';

  return (
    <div ref={box} class="journey-flow">
      <div class="flow-controls">
        <label for="flow-pick">Follow a touchpoint</label>
        <select id="flow-pick" value={follow} onChange={(e) => setPicked(e.currentTarget.value)}>
          <option value="">All touchpoints</option>
          {layout.columns.map((c) => (
            <optgroup key={c.stage} label={c.stage}>
              {layout.nodes
                .filter((n) => n.stage === c.stage)
                .map((n) => (
                  <option key={n.key} value={n.key}>
                    {n.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
        {follow && (
          <button type="button" class="btn btn-secondary" onClick={() => setPicked('')}>
            Show all
          </button>
        )}
      </div>
      <FlowChart layout={layout} picked={follow} onPick={setPicked} name={name} />
      <FlowList layout={layout} picked={follow} name={name} />
    </div>
  );
}
