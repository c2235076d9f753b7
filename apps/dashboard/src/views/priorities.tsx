// Priorities: importance vs quality scatter with the four quadrants, and touchpoints ranked by priority index.
import type { Quadrant, TouchpointScores } from '@throughline/schema';
import { useState } from 'preact/hooks';
import { api, isShared } from '../api/client';
import { useResource } from '../api/use-resource';
import { HowToRead } from '../components/how-to-read';
import { NotPlaced } from '../components/not-placed';
import { placeLabels, scatterGeometry } from '../components/scatter-layout';
import { useWidth } from '../components/use-width';
import { count, fmt, hueStyle, QUADRANT_LABELS, QuadrantBadge } from '../components/score';
import { Empty, ErrorMessage, Loading } from '../components/states';
import { ScrollBox } from '../components/scroll-box';
import type { ViewProps } from './view-props';
import { TouchpointLink, touchpointHref } from '../components/touchpoint-link';
import { TeamFilter, useTeam } from '../components/team-filter';
import { CsvDownload } from '../components/csv-download';
import { navigate } from '../router';
import { FarBelow, ImportanceValue, LoyaltyDrivers } from '../components/loyalty-drivers';

const QUADRANT_HELP: Record<Quadrant, string> = {
  fix_first: 'Matters to visitors, rated low: improve these first.',
  keep_it_up: 'Matters and works well: protect it.',
  low_priority: 'Rated low, but matters little: fix when convenient.',
  possible_overkill: 'Rated high, matters little: effort may be better spent elsewhere.',
};

export function PrioritiesView({ site, overview }: ViewProps) {
  const [hover, setHover] = useState<string>();
  const [chartRef, chartWidth] = useWidth<HTMLElement>();
  const setup = useResource((s) => api.touchpoints(site.id, s), [site.id]);
  const teamView = useTeam(overview.data?.touchpoints ?? []);
  const shared = isShared();
  const prompts = setup.data && new Map(setup.data.touchpoints.map((t) => [t.key, t.prompt]));
  if (overview.error) return <ErrorMessage error={overview.error} retry={overview.reload} />;
  if (!overview.data) return <Loading rows={5} label="Loading priorities…" />;
  const th = site.settings?.thresholds ?? { importance: 50, quality: 50 };
  // the card's inner width (12 px padding each side), once measured
  const g = scatterGeometry(chartWidth ? chartWidth - 24 : 640);
  const { W, H, PAD, x, y } = g;
  const { team, shown: all, teams } = teamView;
  const rated = all
    .filter(
      (t): t is TouchpointScores & { quality: number; importance: number } => t.quality != null && t.importance != null,
    )
    .sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0));
  const thin = all.filter((t) => t.quality == null || t.importance == null);

  return (
    <div class={overview.loading ? 'is-refreshing' : ''}>
      <div class="view-head">
        <div>
          <h1>Priorities</h1>
          <p class="muted">
            How much each touchpoint matters to visitors against how well it performs; thresholds at importance{' '}
            {th.importance} and quality {th.quality}.{team ? ` Team ${team} only.` : ''}
          </p>
        </div>
        <TeamFilter team={team} teams={teams} />
      </div>
      <HowToRead>
        <p>
          Importance is how much visitors say a step matters to them, quality how well they rate it; both run from 0 to
          100 and show once {overview.data.minN} visitors answered. Where a prompt does not ask importance, it is{' '}
          <strong>derived</strong> from loyalty: how strongly the step's quality goes with the intent answer, or with
          the visitor coming back (100 × the correlation). The lines split the chart into four quadrants:{' '}
          <strong>Fix first</strong> (matters, rated low), <strong>Keep it up</strong> (matters, rated high),{' '}
          <strong>Low priority</strong> and <strong>Possible overkill</strong> (matters little).
        </p>
        <p>
          The priority index ranks them: importance/100 × (1 − quality/100), from 0 (nothing to gain) to 1 (matters most
          and rated lowest). A circle's size grows with its answers; its number is its rank.
        </p>
      </HowToRead>
      {rated.length === 0 ? (
        <Empty title="No touchpoint has enough answers on importance and quality yet">
          <p>
            Ask the <em>importance</em> question in a touchpoint's prompt (Journey setup → prompt) so visitors say how
            much each step matters. Each touchpoint needs {overview.data.minN} answers before it is placed here. Without
            it, importance is derived once {overview.data.minN} rated journeys show whether visitors stay loyal.
          </p>
        </Empty>
      ) : (
        <div class="prio-layout">
          <figure class="card chart-card" tabIndex={0} aria-label="Priority chart" ref={chartRef}>
            <figcaption class="visually-hidden">
              Importance against quality for {rated.length} touchpoints. The table lists the same data.
            </figcaption>
            <svg
              viewBox={`0 0 ${W} ${H}`}
              class="scatter"
              role="img"
              aria-label="Importance versus quality scatter plot"
            >
              <rect
                class="quad quad-fix"
                x={x(0)}
                y={y(100)}
                width={x(th.quality) - x(0)}
                height={y(th.importance) - y(100)}
              />
              <rect
                class="quad quad-keep"
                x={x(th.quality)}
                y={y(100)}
                width={x(100) - x(th.quality)}
                height={y(th.importance) - y(100)}
              />
              <rect
                class="quad quad-low"
                x={x(0)}
                y={y(th.importance)}
                width={x(th.quality) - x(0)}
                height={y(0) - y(th.importance)}
              />
              <rect
                class="quad quad-over"
                x={x(th.quality)}
                y={y(th.importance)}
                width={x(100) - x(th.quality)}
                height={y(0) - y(th.importance)}
              />
              <text class="quad-label" x={x(0) + 8} y={y(100) + 18}>
                Fix first
              </text>
              <text class="quad-label" x={x(100) - 8} y={y(100) + 18} text-anchor="end">
                Keep it up
              </text>
              <text class="quad-label" x={x(0) + 8} y={y(0) - 10}>
                Low priority
              </text>
              <text class="quad-label" x={x(100) - 8} y={y(0) - 10} text-anchor="end">
                Possible overkill
              </text>
              {[0, 25, 50, 75, 100].map((v) => (
                <g key={v} class="axis">
                  <text x={x(v)} y={H - PAD.b + 16} text-anchor="middle">
                    {v}
                  </text>
                  <text x={PAD.l - 8} y={y(v) + 4} text-anchor="end">
                    {v}
                  </text>
                </g>
              ))}
              <line class="threshold" x1={x(th.quality)} x2={x(th.quality)} y1={y(0)} y2={y(100)} />
              <line class="threshold" x1={x(0)} x2={x(100)} y1={y(th.importance)} y2={y(th.importance)} />
              <text class="axis-title" x={(x(0) + x(100)) / 2} y={H - 6} text-anchor="middle">
                Quality →
              </text>
              <text
                class="axis-title"
                transform={`translate(14 ${(y(0) + y(100)) / 2}) rotate(-90)`}
                text-anchor="middle"
              >
                Importance →
              </text>
              {placeLabels(rated, g).map(({ t, r, right, ly, show, rank }) => {
                return (
                  <g
                    key={t.key}
                    class={`pt q-${t.quadrant} ${hover === t.key ? 'pt-on' : ''} ${t.importanceSource === 'derived' ? 'pt-derived' : ''}`}
                    tabIndex={0}
                    // an image with its figures for screen readers (the table below links each touchpoint); a click or Enter opens its page
                    role="img"
                    aria-label={`${t.name}: quality ${fmt(t.quality)}, importance ${fmt(t.importance)}${t.importanceSource === 'derived' ? ' (derived)' : ''}, ${t.quadrant ? QUADRANT_LABELS[t.quadrant] : ''}`}
                    onClick={() => !shared && navigate(touchpointHref(site.id, t.key))}
                    onKeyDown={(e) => !shared && e.key === 'Enter' && navigate(touchpointHref(site.id, t.key))}
                    onMouseEnter={() => setHover(t.key)}
                    onMouseLeave={() => setHover(undefined)}
                    onFocus={() => setHover(t.key)}
                    onBlur={() => setHover(undefined)}
                  >
                    <circle cx={x(t.quality)} cy={y(t.importance)} r={r} />
                    <text
                      class="pt-rank"
                      x={x(t.quality)}
                      y={y(t.importance) + 4}
                      text-anchor="middle"
                      aria-hidden="true"
                    >
                      {rank}
                    </text>
                    <text
                      class={show ? 'pt-label' : 'pt-label pt-label-hidden'}
                      x={x(t.quality) + (right ? -r - 4 : r + 4)}
                      y={ly}
                      text-anchor={right ? 'end' : 'start'}
                    >
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
          <div class="section-head">
            <h2 id="rank-h">Ranked by priority</h2>
            <CsvDownload
              filename="priorities.csv"
              rows={() => [
                ['rank', 'touchpoint', 'stage', 'quadrant', 'importance', 'importance source', 'quality', 'priority'],
                ...rated.map((t, i) => [
                  i + 1,
                  t.name,
                  t.stage,
                  t.quadrant,
                  t.importance,
                  t.importanceSource,
                  t.quality,
                  t.priority,
                ]),
              ]}
            />
          </div>
          <ScrollBox label="Priority table">
            <table class="data stack">
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
                  <tr
                    key={t.key}
                    class={hover === t.key ? 'row-on' : ''}
                    onMouseEnter={() => setHover(t.key)}
                    onMouseLeave={() => setHover(undefined)}
                  >
                    <td class="num stack-rank">{i + 1}</td>
                    <td class="stack-title">
                      <strong>
                        <TouchpointLink tpKey={t.key}>{t.name}</TouchpointLink>
                      </strong>
                    </td>
                    <td data-label="Stage">{t.stage}</td>
                    <td data-label="Quadrant">
                      <QuadrantBadge quadrant={t.quadrant} />
                    </td>
                    <td class="num" data-label="Importance">
                      <ImportanceValue t={t} />
                    </td>
                    <td class="num" data-label="Quality">
                      <span class="score-chip tone" style={hueStyle(t.quality)}>
                        {fmt(t.quality)}
                      </span>
                    </td>
                    <td class="num" data-label="Priority">
                      <span class="prio-bar" aria-hidden="true">
                        <span style={{ width: `${Math.min(100, (t.priority ?? 0) * 100 * 2)}%` }} />
                      </span>
                      {(t.priority ?? 0).toFixed(2)}
                    </td>
                    <td class="num" data-label="Answers">
                      {count(t.n)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        </section>
      )}
      <FarBelow touchpoints={all} />
      <LoyaltyDrivers touchpoints={all} minN={overview.data.minN} />
      <NotPlaced thin={thin} prompts={prompts} minN={overview.data.minN} siteId={site.id} />
    </div>
  );
}
