// Consistency › Thematic cohesion (docs/metrics.md › Thematic cohesion): the brand promise, the mean `theme` score over
// touchpoints and its spread, each touchpoint's score, and those drifting from the theme.
import type { Overview, Site } from '@throughline/schema';
import { KpiTile } from './kpi-tile';
import { Link } from './link';
import { fmt, hueStyle } from './score';
import { TouchpointLink } from './touchpoint-link';

export function ThematicCohesion({ overview: o, site }: { overview: Overview; site: Site }) {
  const t = o.consistency.thematic;
  const promise = site.settings?.brandPromise;
  const drifting = new Map(t.drifting.map((d) => [d.touchpoint, d.points]));
  const rated = o.touchpoints.filter((tp) => tp.scores.theme);
  return (
    <section class="section" aria-labelledby="thematic-h" data-testid="thematic-cohesion">
      <h2 id="thematic-h">Thematic cohesion</h2>
      <p class="muted">
        {promise ? (
          <>
            Does every touchpoint keep the brand's promise: <q>{promise}</q>?{' '}
          </>
        ) : (
          'Does every touchpoint keep the brand’s promise? '
        )}
        Visitors answer the <em>Brand fit</em> question (0–100); a touchpoint more than one spread and 10 points under
        the mean drifts from the theme.
        {!promise && (
          <>
            {' '}
            <Link href={`/sites/${encodeURIComponent(site.id)}/settings`}>Write the brand promise in Settings</Link>.
          </>
        )}
      </p>
      {rated.length === 0 ? (
        <p class="hint">
          No touchpoint's prompt has asked <em>Brand fit</em> yet: add it in Journey setup › prompt.
        </p>
      ) : (
        <>
          <div class="kpis">
            <KpiTile
              kpi={{
                label: 'Brand fit',
                value: t.mean,
                sub: `mean over ${t.touchpoints} touchpoints with ${o.minN}+ answers`,
              }}
            />
            <KpiTile
              kpi={{
                label: 'Spread',
                value: t.spread == null ? null : fmt(t.spread),
                unit: ' points',
                sub: 'standard deviation across touchpoints',
              }}
            />
          </div>
          <ul class="brand-fit-list">
            {rated.map((tp) => {
              const s = tp.scores.theme!;
              const drift = drifting.get(tp.key);
              return (
                <li key={tp.key} class="dim-row brand-fit-row" data-testid={`theme-${tp.key}`}>
                  <span class="dim-label">
                    <TouchpointLink tpKey={tp.key}>{tp.name}</TouchpointLink>
                  </span>
                  <span class={`dim-track ${s.value == null ? 'dim-track-empty' : ''}`} aria-hidden="true">
                    {s.value != null && (
                      <span class="dim-fill tone" style={{ ...hueStyle(s.value), width: `${s.value}%` }} />
                    )}
                  </span>
                  <span class="dim-value">
                    {s.value == null ? (
                      <abbr title={`not enough answers (${s.n} of ${o.minN})`}>n/a</abbr>
                    ) : (
                      fmt(s.value)
                    )}
                    {drift != null && <span class="badge badge-warn">drifting, {fmt(drift)} below</span>}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
