// The journey map, home of a site: stages left to right, touchpoints as scored cards, weakest links and falling
// quality (trend alerts) highlighted.
import type { Overview, TouchpointScores, TrendAlert } from '@throughline/schema';
import { api } from '../api/client';
import { useResource } from '../api/use-resource';
import { KpiTile, type Kpi } from '../components/kpi-tile';
import { Link } from '../components/link';
import { count, countOf, fmt, hueStyle, pct } from '../components/score';
import { Empty, ErrorMessage, Loading } from '../components/states';
import { cardFacts, exitsOf, journeyEndsOf } from '../components/card-status';
import { HowToRead } from '../components/how-to-read';
import { TeamFilter, useTeam } from '../components/team-filter';
import { TouchpointCard } from '../components/touchpoint-card';
import { daysAgo, isoDate } from '../filters';
import { navigate, withFilters } from '../router';
import type { ViewProps } from './view-props';

export function JourneyMapView({ site, overview, filters }: ViewProps) {
  // the stages of the journey type shown (docs/metrics.md › Journey types): the one picked, else the default
  const types = useResource((s) => api.journeyTypes(site.id, s), [site.id]);
  const typeList = types.data?.journeyTypes ?? [];
  const type =
    typeList.find((t) => t.slug === filters.journey || t.id === filters.journey) ?? typeList.find((t) => t.isDefault);
  const stages = { ...types, data: types.data && { stages: type?.stages ?? [] } };
  // Alerts test the 7 days ending at `to` against the 28 before, whatever the range: ask for one day of series only.
  const trends = useResource(
    (s) =>
      api.trends(
        site.id,
        { from: filters.to, to: filters.to, segment: filters.segment, journey: filters.journey, dimension: 'quality' },
        s,
      ),
    [site.id, filters.to, filters.segment, filters.journey],
    { live: true },
  );
  const base = `/sites/${encodeURIComponent(site.id)}`;
  const teamView = useTeam(overview.data?.touchpoints ?? []);

  if (overview.error) return <ErrorMessage error={overview.error} retry={overview.reload} />;
  if (stages.error) return <ErrorMessage error={stages.error} retry={stages.reload} />;
  if (!overview.data || !stages.data) return <Loading rows={4} label="Loading the journey map…" />;
  const o = overview.data;
  const { team, shown, teams } = teamView;

  if (o.touchpoints.length === 0)
    return (
      <Empty
        title="Map your first journey"
        action={
          <Link class="btn btn-primary" href={`${base}/journey`}>
            Add touchpoints
          </Link>
        }
      >
        <p>
          A journey is a row of stages ({stages.data.stages.join(', ')}) with touchpoints in each: a product page, the
          checkout, a delivery email, a shop counter. Add touchpoints, then install the script tag so visitors can rate
          them.
        </p>
      </Empty>
    );

  const total = shown.reduce((a, t) => a + t.n, 0);
  const columns = groupByStage(shown, stages.data.stages);
  const weakest = o.touchpoints
    .filter((t) => t.quadrant === 'fix_first')
    .sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0));
  const alerts = new Map((trends.data?.alerts ?? []).map((a) => [a.touchpoint, a]));
  const exits = exitsOf(o);
  const ends = journeyEndsOf(o);
  const factsOf = (t: TouchpointScores) =>
    cardFacts({
      tp: t,
      alert: alerts.get(t.key),
      outliers: o.consistency.outliers,
      exits: exits.get(t.key),
      minN: o.minN,
    });
  const nameOf = (key: string) => o.touchpoints.find((t) => t.key === key)?.name ?? key;

  return (
    <div class={`journey-map ${overview.loading ? 'is-refreshing' : ''}`} aria-busy={overview.loading}>
      <div class="view-head">
        <div>
          <h1>
            Journey map
            {typeList.length > 1 && type ? (
              <span class="muted" data-testid="map-journey">
                : {type.name}
              </span>
            ) : null}
          </h1>
          <p class="muted">
            {site.name}
            {team ? ` · team ${team}` : ''} · {countOf(total, 'answer')} across {countOf(shown.length, 'touchpoint')} ·
            scores shown from {o.minN} answers
          </p>
        </div>
        <TeamFilter team={team} teams={teams} />
      </div>
      <Summary o={o} total={total} base={base} />
      <HowToRead>
        {typeList.length > 1 && (
          <p>
            This site has several journey types ({typeList.map((t) => t.name).join(', ')}). The map shows one at a time,
            with its own stages: pick another under Journey above. Its scores count only the visits of that journey
            type.
          </p>
        )}
        <p>
          Every score runs from 0 (all answers 1 of 5) to 100 (all 5 of 5); it is shown once {o.minN} visitors answered,
          with the number of answers beside it. The thin dark line inside a bar is the 95% interval: the true score very
          likely lies there, and it narrows as answers add up.
        </p>
        <p>Each card shows one status, the most urgent that applies, in this order:</p>
        <ol class="status-order">
          <li>
            <strong>Quality falling</strong>: the last 7 days score significantly below the 28 days before.
          </li>
          <li>
            <strong>Fix first</strong>: matters to visitors (importance) and rated low (quality).
          </li>
          <li>
            <strong>Below the journey</strong>: a dimension more than one standard deviation below the mean of all
            touchpoints.
          </li>
          <li>
            <strong>Many exits</strong>: at least 1.5 times the typical share of journeys end here (and at least 20%).
          </li>
          <li>
            <strong>Above the journey</strong>: a dimension more than one standard deviation above the mean, good news.
          </li>
          <li>
            <strong>Keep it up, Possible overkill, Low priority</strong>: the other priority quadrants.
          </li>
        </ol>
        <p>
          Other facts are listed under the card. Exits count journeys that reached a touchpoint and ended there; natural
          ends (an order confirmation) and the last stage are where journeys are meant to end, so they have none.
        </p>
      </HowToRead>
      {total === 0 && (
        <div class="callout callout-info">
          <div>
            <strong>No answers in this range</strong>
            <p>Widen the date range, or install the script tag so visitors can start rating touchpoints.</p>
          </div>
          <button
            type="button"
            class="btn btn-secondary"
            onClick={() =>
              navigate(withFilters(`${base}/map`, new URLSearchParams({ from: daysAgo(365), to: isoDate(new Date()) })))
            }
          >
            Show last 12 months
          </button>
        </div>
      )}
      {alerts.size > 0 && <FallingQuality alerts={[...alerts.values()]} nameOf={nameOf} base={base} />}
      {trends.error && (
        <p class="hint">Trend alerts could not be loaded ({trends.error.message}); the Trends view shows them.</p>
      )}
      {weakest.length > 0 && (
        <section class="weak-links" aria-labelledby="weak-h">
          <h2 id="weak-h">Weakest links</h2>
          <p>Important to visitors and rated low. Start here:</p>
          <ol>
            {weakest.slice(0, 3).map((t) => (
              <li key={t.key}>
                <strong>{t.name}</strong> <span class="muted">({t.stage})</span> quality{' '}
                <span class="tone-text" style={hueStyle(t.quality)}>
                  {t.quality != null ? fmt(t.quality) : '—'}
                </span>
                , importance {t.importance != null ? fmt(t.importance) : '—'}
              </li>
            ))}
          </ol>
          <Link href={withFilters(`${base}/priorities`)}>See all priorities →</Link>
        </section>
      )}
      <div class="stage-grid" style={{ '--stages': String(columns.length) }}>
        {columns.map(([stage, tps], i) => (
          <section class="stage-col" key={stage} aria-labelledby={`stage-${i}`}>
            <h2 class="stage-head" id={`stage-${i}`}>
              <span class="stage-index" aria-hidden="true">
                {i + 1}
              </span>
              {stage}
              <span class="stage-count">{tps.length}</span>
            </h2>
            <div class="stage-cards">
              {tps.length === 0 ? (
                <p class="stage-empty">
                  No touchpoints in this stage. <Link href={`${base}/journey`}>Add one</Link>
                </p>
              ) : (
                tps.map((t) => (
                  <TouchpointCard
                    key={t.key}
                    tp={t}
                    minN={o.minN}
                    facts={factsOf(t)}
                    exits={exits.get(t.key)}
                    journeyEnd={ends.has(t.key)}
                  />
                ))
              )}
            </div>
          </section>
        ))}
      </div>
    </div>
  );
}

function FallingQuality({
  alerts,
  nameOf,
  base,
}: {
  alerts: TrendAlert[];
  nameOf: (key: string) => string;
  base: string;
}) {
  const trendsOf = (key: string) => {
    const href = withFilters(`${base}/trends`);
    return `${href}${href.includes('?') ? '&' : '?'}touchpoint=${encodeURIComponent(key)}`;
  };
  return (
    <section class="callout callout-warn falling" aria-labelledby="falling-h" data-testid="falling-quality">
      <div>
        <h2 id="falling-h">Quality is falling</h2>
        <ul>
          {alerts.map((a) => (
            <li key={a.touchpoint}>
              <Link href={trendsOf(a.touchpoint)}>{nameOf(a.touchpoint)}</Link>: {fmt(a.recent.value)} in the last 7
              days, {fmt(a.baseline.value)} in the 28 days before ({fmt(a.change)} points)
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

function groupByStage(tps: TouchpointScores[], stages: string[]): [string, TouchpointScores[]][] {
  const cols = new Map<string, TouchpointScores[]>(stages.map((s) => [s, []]));
  for (const t of tps) {
    if (!cols.has(t.stage)) cols.set(t.stage, []);
    cols.get(t.stage)!.push(t);
  }
  return [...cols];
}

function Summary({ o, total, base }: { o: Overview; total: number; base: string }) {
  const scored = o.touchpoints.filter((t) => t.quality != null).length;
  const fix = o.touchpoints.filter((t) => t.quadrant === 'fix_first').length;
  const tiles: Kpi[] = [
    { label: 'Answers', value: count(total), sub: `${scored} of ${o.touchpoints.length} touchpoints scored` },
    {
      label: 'Consistency',
      value: o.consistency.overall,
      sub: 'same experience everywhere',
      href: `${base}/consistency`,
    },
    {
      label: 'Connectivity',
      value: o.connectivity.score,
      sub:
        o.connectivity.crossChannelShare != null
          ? `${pct(o.connectivity.crossChannelShare)} of journeys cross channels`
          : 'moves between touchpoints',
      href: `${base}/connectivity`,
    },
    {
      label: 'Fix first',
      value: String(fix),
      sub: fix === 1 ? 'touchpoint needs attention' : 'touchpoints need attention',
      href: `${base}/priorities`,
    },
  ];
  return (
    <div class="kpis">
      {tiles.map((t) => (
        <KpiTile key={t.label} kpi={t} />
      ))}
    </div>
  );
}
