// Connectivity: how seamlessly visitors move between touchpoints: flow, handoff scores, cross-channel share, drop-off.
import { useJourneyStages } from '../api/journey-stages';
import { exitsOf } from '../components/card-status';
import { HowToRead } from '../components/how-to-read';
import { count, countOf, fmt, hueStyle, pct } from '../components/score';
import { KpiTile, type Kpi } from '../components/kpi-tile';
import { Empty, ErrorMessage, Loading } from '../components/states';
import { JourneyFlow } from '../components/journey-flow';
import { ScrollBox } from '../components/scroll-box';
import type { ViewProps } from './view-props';
import { CsvDownload } from '../components/csv-download';

export function ConnectivityView({ site, overview, filters }: ViewProps) {
  // the flow's columns are the stages of the journey type shown (one at a time, like the map)
  const stages = useJourneyStages(site.id, filters.journey);
  if (overview.error) return <ErrorMessage error={overview.error} retry={overview.reload} />;
  if (stages.error) return <ErrorMessage error={stages.error} retry={stages.reload} />;
  if (!overview.data || !stages.data) return <Loading rows={5} label="Loading connectivity…" />;
  const o = overview.data;
  const c = o.connectivity;
  const names = new Map(o.touchpoints.map((t) => [t.key, t.name]));
  const transitions = [...c.transitions].sort((a, b) => b.count - a.count);
  const exits = exitsOf(o);
  const drops = [...exits].filter(([, e]) => e.share > 0).sort((a, b) => b[1].share - a[1].share);
  const typical = drops[0]?.[1].typical ?? null;

  const tiles: Kpi[] = [
    { label: 'Connectivity', value: c.score, sub: 'mean handoff score, else seamless rate' },
    {
      label: 'Seamless moves',
      value: c.seamlessRate == null ? null : pct(c.seamlessRate),
      tone: c.seamlessRate == null ? null : c.seamlessRate * 100,
      sub: 'no drop of more than one point',
    },
    {
      label: 'Cross-channel journeys',
      value: c.crossChannelShare == null ? null : pct(c.crossChannelShare),
      sub: 'span two or more channels',
    },
    {
      label: 'Moves tracked',
      value: count(c.transitions.reduce((a, t) => a + t.count, 0)),
      sub: `${c.transitions.length} distinct transitions`,
    },
  ];

  return (
    <div class={overview.loading ? 'is-refreshing' : ''}>
      <div class="view-head">
        <div>
          <h1>Connectivity</h1>
          <p class="muted">
            Where visitors go next, how smoothly they get there (handoff), and where journeys stop before the last
            stage.
          </p>
        </div>
      </div>
      <HowToRead>
        <p>
          A move is two touchpoints visited one after the other in one visitor's journey. Handoff is how smoothly
          visitors say they got from one to the next (0–100, asked only after a move). Quality change is the later
          touchpoint's quality minus the earlier one's, for visitors who rated both.
        </p>
        <p>
          Connectivity is the mean of every handoff answer; without enough of them, the seamless rate stands in: the
          share of rated moves where quality drops by no more than one point on the 1–5 scale. Exits count journeys that
          reached a touchpoint and ended there.
        </p>
      </HowToRead>
      <div class="kpis">
        {tiles.map((t) => (
          <KpiTile key={t.label} kpi={t} />
        ))}
      </div>
      {transitions.length === 0 ? (
        <Empty title="No moves between touchpoints yet">
          <p>
            Connectivity appears once visitors reach two or more touchpoints in one journey. Add URL rules for each step
            in Journey setup, and QR codes or links for offline touchpoints, so that each visit is recognised.
          </p>
        </Empty>
      ) : (
        <>
          <section class="card section flow-card" aria-labelledby="flow-h">
            <h2 id="flow-h">Journey flow</h2>
            <JourneyFlow stages={stages.data.stages} touchpoints={o.touchpoints} transitions={c.transitions} />
          </section>
          <div class="conn-grid section">
            <section aria-labelledby="tr-h">
              <div class="section-head">
                <h2 id="tr-h">Transitions</h2>
                <CsvDownload
                  filename="transitions.csv"
                  rows={() => [
                    ['from', 'to', 'moves', 'handoff', 'handoff answers', 'quality change', 'quality change answers'],
                    ...c.transitions.map((t) => [t.from, t.to, t.count, t.handoff, t.handoffN, t.delta, t.deltaN]),
                  ]}
                />
              </div>
              <ScrollBox label="Transitions table">
                <table class="data stack">
                  <thead>
                    <tr>
                      <th>From → to</th>
                      <th class="num">Moves</th>
                      <th class="num">Handoff</th>
                      <th
                        class="num"
                        title="Change in quality from the first to the second touchpoint, for visitors who rated both"
                      >
                        Quality change
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {transitions.map((t) => (
                      <tr key={`${t.from}>${t.to}`}>
                        <td class="stack-title">
                          {names.get(t.from) ?? t.from} <span class="muted">→</span> {names.get(t.to) ?? t.to}
                        </td>
                        <td class="num" data-label="Moves">
                          {count(t.count)}
                        </td>
                        <td class="num" data-label="Handoff">
                          {t.handoff == null ? (
                            <span class="score-missing">not enough answers</span>
                          ) : (
                            <span class="score-chip tone" style={hueStyle(t.handoff)}>
                              {fmt(t.handoff)}
                            </span>
                          )}
                        </td>
                        <td class="num" data-label="Quality change">
                          {t.delta == null ? (
                            <span class="muted">–</span>
                          ) : (
                            <span class={t.delta <= -10 ? 'delta-bad' : t.delta >= 10 ? 'delta-good' : ''}>
                              {t.delta > 0 ? '+' : t.delta < 0 ? '−' : '±'}
                              {fmt(Math.abs(t.delta))}
                            </span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollBox>
            </section>
            <section aria-labelledby="drop-h">
              <h2 id="drop-h">Exits</h2>
              <p class="hint">
                Share of the journeys that reached a touchpoint and ended there. Natural ends and the last stage are
                left out: journeys are meant to end there.{typical != null && ` Typical here: ${pct(typical)}.`}
              </p>
              {drops.length === 0 ? (
                <p class="muted">No journey ends early in this range.</p>
              ) : (
                <ul class="drop-list">
                  {drops.map(([k, e]) => (
                    <li key={k} data-testid={`drop-${k}`}>
                      <span class="drop-name">{names.get(k) ?? k}</span>
                      <span class="drop-track" aria-hidden="true">
                        <span style={{ width: `${Math.min(100, e.share * 100)}%` }} />
                      </span>
                      <span class="drop-value" title={`${count(e.ended)} of ${countOf(e.journeys, 'journey')}`}>
                        {pct(e.share)}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </div>
        </>
      )}
    </div>
  );
}
