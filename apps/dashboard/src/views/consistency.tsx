// Consistency: does every touchpoint give the same experience? Touchpoint × dimension heatmap and the ones that break it.
import { EXPERIENCE_DIMENSIONS } from '../constants';
import { AnswerSpread } from '../components/answer-spread';
import { dimLabel, fmt, hueStyle } from '../components/score';
import { HowToRead } from '../components/how-to-read';
import { KpiTile, type Kpi } from '../components/kpi-tile';
import { Empty, ErrorMessage, Loading } from '../components/states';
import { ScrollBox } from '../components/scroll-box';
import type { ViewProps } from './view-props';
import { TouchpointLink } from '../components/touchpoint-link';
import { CsvDownload } from '../components/csv-download';
import { ThematicCohesion } from '../components/thematic-cohesion';

export function ConsistencyView({ overview, site }: ViewProps) {
  if (overview.error) return <ErrorMessage error={overview.error} retry={overview.reload} />;
  if (!overview.data) return <Loading rows={5} label="Loading consistency…" />;
  const o = overview.data;
  const c = o.consistency;
  const present = new Set(o.touchpoints.flatMap((t) => Object.keys(t.scores)));
  const dims = [...EXPERIENCE_DIMENSIONS.filter((d) => present.has(d)), ...(present.has('handoff') ? ['handoff'] : [])];
  const breaking = new Set(c.breaking);
  const mean = (vals: (number | null | undefined)[]) => {
    const v = vals.filter((x): x is number => x != null);
    return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
  };
  const journeyQuality = mean(o.touchpoints.map((t) => t.quality));
  // A touchpoint below the mean on any dimension reads as below (the news to act on); above only if above on all.
  const sideOf = (key: string) => {
    const sides = c.outliers.filter((x) => x.touchpoint === key).map((x) => x.side);
    return sides.includes('below') ? 'below' : sides.length ? 'above' : null;
  };

  if (o.touchpoints.length === 0 || dims.length === 0)
    return (
      <Empty title="Consistency needs answers from two or more touchpoints">
        <p>
          Once visitors rate several touchpoints, this view shows whether the experience holds at each of them, and
          which one breaks it.
        </p>
      </Empty>
    );

  const tiles: Kpi[] = [
    { label: 'Consistency', value: c.overall, sub: 'across touchpoints, all dimensions' },
    { label: 'Experienced consistency', value: c.experienced, sub: 'within visitors who rated 2+ touchpoints' },
  ];
  return (
    <div class={overview.loading ? 'is-refreshing' : ''}>
      <div class="view-head">
        <div>
          <h1>Consistency</h1>
          <p class="muted">
            100 means every touchpoint scores the same on a dimension; lower means the experience depends on where
            visitors are. A touchpoint more than one standard deviation from the journey mean breaks consistency.
          </p>
        </div>
      </div>
      <HowToRead>
        <p>
          Consistency asks whether visitors get the same experience everywhere. Per dimension it is 100 minus half the
          spread of the touchpoints' mean answers (their standard deviation on the 1–5 scale, where 2 is the most
          possible), as 0–100; the overall figure is the mean over dimensions. Experienced consistency is the same,
          computed within each visitor who rated two or more touchpoints.
        </p>
        <p>
          A touchpoint more than one standard deviation from the journey mean on a dimension stands out:{' '}
          <em>below the journey</em> is a weak spot,
          <em> above the journey</em> is one to learn from. Only touchpoints with {o.minN} or more answers on a
          dimension take part.
        </p>
      </HowToRead>
      <div class="kpis">
        {tiles.map((t) => (
          <KpiTile key={t.label} kpi={t} />
        ))}
        <div class="kpi kpi-wide">
          <span class="kpi-label">By dimension</span>
          <div class="dim-consistency">
            {Object.entries(c.byDimension).map(([d, v]) => (
              <div class="dim-row" key={d} title={v == null ? 'not enough answers' : undefined}>
                <span class="dim-label">{dimLabel(d)}</span>
                <span class={`dim-track ${v == null ? 'dim-track-empty' : ''}`} aria-hidden="true">
                  {v != null && <span class="dim-fill tone" style={{ ...hueStyle(v), width: `${v}%` }} />}
                </span>
                <span class="dim-value">{v == null ? <abbr title="not enough answers">n/a</abbr> : fmt(v)}</span>
              </div>
            ))}
          </div>
        </div>
      </div>

      {c.outliers.length > 0 && (
        <section class="callout callout-warn" aria-labelledby="break-h">
          <div>
            <strong id="break-h">Breaking consistency</strong>
            <p class="hint">
              More than one standard deviation from the journey mean on a dimension, above (better) or below (worse).
            </p>
            <ul class="break-list">
              {o.touchpoints
                .filter((t) => breaking.has(t.key))
                .map((t) => (
                  <li key={t.key} data-testid={`outlier-${t.key}`}>
                    <strong>
                      <TouchpointLink tpKey={t.key}>{t.name}</TouchpointLink>
                    </strong>{' '}
                    ({t.stage}):{' '}
                    {c.outliers
                      .filter((x) => x.touchpoint === t.key)
                      .map((x) => `${dimLabel(x.dimension)} ${fmt(Math.abs(x.points))} points ${x.side}`)
                      .join(', ')}{' '}
                    the journey mean
                  </li>
                ))}
            </ul>
          </div>
        </section>
      )}

      <section class="section" aria-labelledby="heat-h">
        <div class="section-head">
          <h2 id="heat-h">Scores by touchpoint and dimension</h2>
          <CsvDownload
            filename="scores.csv"
            rows={() => [
              ['touchpoint', 'stage', ...dims, 'quality', 'answers'],
              ...o.touchpoints.map((t) => [
                t.name,
                t.stage,
                ...dims.map((d) => t.scores[d]?.value ?? null),
                t.quality,
                t.n,
              ]),
            ]}
          />
        </div>
        <ScrollBox label="Score table">
          <table class="data heatmap stack">
            <thead>
              <tr>
                <th scope="col">Touchpoint</th>
                {dims.map((d) => (
                  <th scope="col" class="num" key={d}>
                    {dimLabel(d)}
                  </th>
                ))}
                <th scope="col" class="num">
                  Quality
                </th>
              </tr>
            </thead>
            <tbody>
              {o.touchpoints.map((t) => (
                <tr key={t.key} class={breaking.has(t.key) ? 'row-breaking' : ''}>
                  <th scope="row">
                    <span class="heat-name">
                      <TouchpointLink tpKey={t.key}>{t.name}</TouchpointLink>
                    </span>
                    <span class="heat-stage">{t.stage}</span>
                    {sideOf(t.key) === 'below' && <span class="badge badge-warn">below the journey</span>}
                    {sideOf(t.key) === 'above' && <span class="badge badge-good">above the journey</span>}
                  </th>
                  {dims.map((d) => (
                    <HeatCell key={d} value={t.scores[d]?.value ?? null} n={t.scores[d]?.n ?? 0} label={dimLabel(d)} />
                  ))}
                  <HeatCell value={t.quality} n={t.n} strong label="Quality" />
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Journey mean</th>
                {dims.map((d) => (
                  <HeatCell key={d} value={mean(o.touchpoints.map((t) => t.scores[d]?.value))} label={dimLabel(d)} />
                ))}
                <HeatCell value={journeyQuality} strong label="Quality" />
              </tr>
            </tfoot>
          </table>
        </ScrollBox>
        <p class="hint">Blank cells have fewer than {o.minN} answers.</p>
      </section>
      <ThematicCohesion overview={o} site={site} />
      <AnswerSpread touchpoints={o.touchpoints} />
    </div>
  );
}

function HeatCell({ value, n, strong, label }: { value: number | null; n?: number; strong?: boolean; label: string }) {
  if (value == null)
    return (
      <td
        class="num heat heat-missing"
        data-label={label}
        title={n != null ? `not enough answers (n=${n})` : 'not enough answers'}
      >
        <span class="visually-hidden">not enough answers</span>
        <span aria-hidden="true">–</span>
      </td>
    );
  return (
    <td
      class={`num heat ${strong ? 'heat-strong' : ''}`}
      data-label={label}
      style={hueStyle(value)}
      title={n != null ? `n=${n}` : undefined}
    >
      {fmt(value)}
    </td>
  );
}
