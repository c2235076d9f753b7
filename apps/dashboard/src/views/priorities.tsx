// Priorities: importance vs quality scatter with the four quadrants, and touchpoints ranked by priority index.
import type { Quadrant, TouchpointScores } from '@throughline/schema';
import { useState } from 'preact/hooks';
import { count, countOf, fmt, hueStyle, QUADRANT_LABELS, QuadrantBadge } from '../components/score';
import { Empty, ErrorMessage, Loading } from '../components/states';
import { ScrollBox } from '../components/scroll-box';
import type { ViewProps } from './site-layout';

const W = 640;
const H = 420;
const PAD = { l: 48, r: 16, t: 16, b: 44 };
const x = (q: number) => PAD.l + (q / 100) * (W - PAD.l - PAD.r);
const y = (i: number) => H - PAD.b - (i / 100) * (H - PAD.t - PAD.b);

const QUADRANT_HELP: Record<Quadrant, string> = {
  fix_first: 'Matters to visitors, rated low: improve these first.',
  keep_it_up: 'Matters and works well: protect it.',
  low_priority: 'Rated low, but matters little: fix when convenient.',
  possible_overkill: 'Rated high, matters little: effort may be better spent elsewhere.',
};

export function PrioritiesView({ site, overview }: ViewProps) {
  const [hover, setHover] = useState<string>();
  if (overview.error) return <ErrorMessage error={overview.error} retry={overview.reload} />;
  if (!overview.data) return <Loading rows={5} label="Loading priorities…" />;
  const th = site.settings?.thresholds ?? { importance: 50, quality: 50 };
  const all = overview.data.touchpoints;
  const rated = all
    .filter((t): t is TouchpointScores & { quality: number; importance: number } => t.quality != null && t.importance != null)
    .sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0));
  const thin = all.filter((t) => t.quality == null || t.importance == null);

  return (
    <div class={overview.loading ? 'is-refreshing' : ''}>
      <div class="view-head">
        <div>
          <h1>Priorities</h1>
          <p class="muted">
            How much each touchpoint matters to visitors against how well it performs. Priority = importance × (1 − quality); thresholds at importance{' '}
            {th.importance} and quality {th.quality}.
          </p>
        </div>
      </div>
      {rated.length === 0 ? (
        <Empty title="No touchpoint has enough answers on importance and quality yet">
          <p>
            Ask the <em>importance</em> question in a touchpoint's prompt (Journey setup → prompt) so visitors say how much each step matters. Each
            touchpoint needs {overview.data.minN} answers before it is placed here.
          </p>
        </Empty>
      ) : (
        <div class="prio-layout">
          <figure class="card chart-card" tabIndex={0} aria-label="Priority chart">
            <figcaption class="visually-hidden">Importance against quality for {rated.length} touchpoints. The table lists the same data.</figcaption>
            <svg viewBox={`0 0 ${W} ${H}`} class="scatter" role="img" aria-label="Importance versus quality scatter plot">
              <rect class="quad quad-fix" x={x(0)} y={y(100)} width={x(th.quality) - x(0)} height={y(th.importance) - y(100)} />
              <rect class="quad quad-keep" x={x(th.quality)} y={y(100)} width={x(100) - x(th.quality)} height={y(th.importance) - y(100)} />
              <rect class="quad quad-low" x={x(0)} y={y(th.importance)} width={x(th.quality) - x(0)} height={y(0) - y(th.importance)} />
              <rect class="quad quad-over" x={x(th.quality)} y={y(th.importance)} width={x(100) - x(th.quality)} height={y(0) - y(th.importance)} />
              <text class="quad-label" x={x(0) + 8} y={y(100) + 18}>Fix first</text>
              <text class="quad-label" x={x(100) - 8} y={y(100) + 18} text-anchor="end">Keep it up</text>
              <text class="quad-label" x={x(0) + 8} y={y(0) - 10}>Low priority</text>
              <text class="quad-label" x={x(100) - 8} y={y(0) - 10} text-anchor="end">Possible overkill</text>
              {[0, 25, 50, 75, 100].map((v) => (
                <g key={v} class="axis">
                  <text x={x(v)} y={H - PAD.b + 16} text-anchor="middle">{v}</text>
                  <text x={PAD.l - 8} y={y(v) + 4} text-anchor="end">{v}</text>
                </g>
              ))}
              <line class="threshold" x1={x(th.quality)} x2={x(th.quality)} y1={y(0)} y2={y(100)} />
              <line class="threshold" x1={x(0)} x2={x(100)} y1={y(th.importance)} y2={y(th.importance)} />
              <text class="axis-title" x={(x(0) + x(100)) / 2} y={H - 6} text-anchor="middle">Quality →</text>
              <text class="axis-title" transform={`translate(14 ${(y(0) + y(100)) / 2}) rotate(-90)`} text-anchor="middle">Importance →</text>
              {placeLabels(rated).map(({ t, r, right, ly, show, rank }) => {
                return (
                  <g
                    key={t.key}
                    class={`pt q-${t.quadrant} ${hover === t.key ? 'pt-on' : ''}`}
                    tabIndex={0}
                    role="img"
                    aria-label={`${t.name}: quality ${fmt(t.quality)}, importance ${fmt(t.importance)}, ${t.quadrant ? QUADRANT_LABELS[t.quadrant] : ''}`}
                    onMouseEnter={() => setHover(t.key)}
                    onMouseLeave={() => setHover(undefined)}
                    onFocus={() => setHover(t.key)}
                    onBlur={() => setHover(undefined)}
                  >
                    <circle cx={x(t.quality)} cy={y(t.importance)} r={r} />
                    <text class="pt-rank" x={x(t.quality)} y={y(t.importance) + 4} text-anchor="middle" aria-hidden="true">
                      {rank}
                    </text>
                    <text class={show ? 'pt-label' : 'pt-label pt-label-hidden'} x={x(t.quality) + (right ? -r - 4 : r + 4)} y={ly} text-anchor={right ? 'end' : 'start'}>
                      {t.name}
                    </text>
                  </g>
                );
              })}
            </svg>
          </figure>
          <div class="quad-legend">
            {(Object.keys(QUADRANT_HELP) as Quadrant[]).map((q) => {
              const n = rated.filter((t) => t.quadrant === q).length;
              return (
                <div class="card quad-card" key={q}>
                  <div class="quad-card-head">
                    <QuadrantBadge quadrant={q} />
                    <strong>{n}</strong>
                  </div>
                  <p class="muted">{QUADRANT_HELP[q]}</p>
                </div>
              );
            })}
          </div>
        </div>
      )}
      {rated.length > 0 && (
        <section class="section" aria-labelledby="rank-h">
          <h2 id="rank-h">Ranked by priority</h2>
          <ScrollBox label="Priority table">
            <table class="data">
              <thead>
                <tr>
                  <th class="num">#</th>
                  <th>Touchpoint</th>
                  <th>Stage</th>
                  <th>Quadrant</th>
                  <th class="num">Importance</th>
                  <th class="num">Quality</th>
                  <th class="num">Priority</th>
                  <th class="num">Answers</th>
                </tr>
              </thead>
              <tbody>
                {rated.map((t, i) => (
                  <tr key={t.key} class={hover === t.key ? 'row-on' : ''} onMouseEnter={() => setHover(t.key)} onMouseLeave={() => setHover(undefined)}>
                    <td class="num">{i + 1}</td>
                    <td>
                      <strong>{t.name}</strong>
                    </td>
                    <td>{t.stage}</td>
                    <td>
                      <QuadrantBadge quadrant={t.quadrant} />
                    </td>
                    <td class="num">{fmt(t.importance)}</td>
                    <td class="num">
                      <span class="score-chip tone" style={hueStyle(t.quality)}>
                        {fmt(t.quality)}
                      </span>
                    </td>
                    <td class="num">
                      <span class="prio-bar" aria-hidden="true">
                        <span style={{ width: `${Math.min(100, (t.priority ?? 0) * 100 * 2)}%` }} />
                      </span>
                      {(t.priority ?? 0).toFixed(2)}
                    </td>
                    <td class="num">{count(t.n)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        </section>
      )}
      {thin.length > 0 && (
        <p class="hint section">
          Not placed yet (each needs {overview.data.minN} answers on importance and quality):{' '}
          <span data-testid="not-placed">{thin.map((t) => `${t.name} (${countOf(t.n, 'answer')})`).join(', ')}</span>.
        </p>
      )}
    </div>
  );
}

/** Place each point's label beside it (left of points near the right edge); labels that would overlap another label or point are left out, the rank number in the circle still names the point. */
function placeLabels<T extends { quality: number; importance: number; n: number; name: string }>(pts: T[]) {
  const circles = pts.map((t) => ({ cx: x(t.quality), cy: y(t.importance), r: 9 + Math.min(6, Math.sqrt(t.n) / 6) }));
  const boxes: { x0: number; x1: number; y0: number; y1: number }[] = [];
  const hits = (b: { x0: number; x1: number; y0: number; y1: number }) =>
    boxes.some((o) => o.x0 < b.x1 && b.x0 < o.x1 && o.y0 < b.y1 && b.y0 < o.y1) ||
    circles.some((c) => c.cx + c.r > b.x0 && c.cx - c.r < b.x1 && c.cy + c.r > b.y0 && c.cy - c.r < b.y1);
  return pts.map((t, i) => {
    const { cx, cy, r } = circles[i]!;
    const w = t.name.length * 6.4;
    let right = cx + r + 4 + w > W - PAD.r;
    const box = (rt: boolean) => ({ x0: rt ? cx - r - 4 - w : cx + r + 4, x1: rt ? cx - r - 4 : cx + r + 4 + w, y0: cy - 7, y1: cy + 7 });
    let b = box(right);
    if (hits(b)) {
      right = !right;
      b = box(right);
    }
    const show = !hits(b);
    if (show) boxes.push(b);
    return { t, r, right, ly: cy + 4, show, rank: i + 1 };
  });
}
