// Trends and alerts: the rolling 7-day quality (or one dimension) of one or several touchpoints on one chart, with its
// 95% interval band and the alert's two windows shaded, and the touchpoints whose last 7 days are significantly below
// the 28 before (one-sided Welch test, computed by the API).
import type { TrendAlert } from '@throughline/schema';
import { useMemo } from 'preact/hooks';
import { api } from '../api/client';
import { useResource } from '../api/use-resource';
import { HowToRead } from '../components/how-to-read';
import { countOf, fmt, formatP } from '../components/score';
import { Empty, ErrorMessage, Loading } from '../components/states';
import { seriesColor, TrendChart } from '../components/trend-chart';
import { alertWindows, chartData, daysOf, measureLabel, measuresOf } from '../components/trend-series';
import { setQuery, useLocation } from '../router';
import type { ViewProps } from './view-props';
import { TouchpointLink } from '../components/touchpoint-link';

/** Lines on one chart at most: more become unreadable. */
const MAX_LINES = 5;

export function TrendsView({ site, overview, filters }: ViewProps) {
  const { query } = useLocation();
  const trends = useResource(
    (s) => api.trends(site.id, filters, s),
    [site.id, filters.from, filters.to, filters.segment, filters.journey],
    { live: true },
  );
  const names = useMemo(() => new Map((overview.data?.touchpoints ?? []).map((t) => [t.key, t.name])), [overview.data]);
  const name = (key: string) => names.get(key) ?? key;
  const actions = useResource((s) => api.siteActions(site.id, s), [site.id]);

  if (trends.error) return <ErrorMessage error={trends.error} retry={trends.reload} />;
  if (!trends.data) return <Loading rows={5} label="Loading trends…" />;
  const t = trends.data;
  const totals = t.touchpoints
    .map((x) => ({ key: x.touchpoint, n: x.days.reduce((a, d) => a + d.n, 0) }))
    .sort((a, b) => b.n - a.n);
  const asked = (query.get('touchpoint') ?? '').split(',').filter((k) => totals.some((x) => x.key === k));
  const fallback = t.alerts[0]?.touchpoint ?? totals[0]?.key;
  const selected = asked.length > 0 ? asked.slice(0, MAX_LINES) : fallback ? [fallback] : [];
  const measures = measuresOf(t, selected);
  const measure = measures.find((m) => m === query.get('dimension')) ?? 'quality';
  const data = {
    ...chartData(t, selected, measure, seriesColor, name),
    markers: (actions.data?.actions ?? [])
      .filter((a) => selected.includes(a.touchpoint))
      .map((a) => ({ day: a.day, label: a.title })),
  };
  const answers = data.answers.reduce((a, n) => a + n, 0);
  const label = measureLabel(measure).toLowerCase();
  const windows = alertWindows(t.range.to);
  const toggle = (key: string, on: boolean) => {
    const next = on ? [...selected, key] : selected.filter((k) => k !== key);
    setQuery({ touchpoint: next.join(',') || null });
  };

  return (
    <div class={trends.loading ? 'is-refreshing' : ''}>
      <div class="view-head">
        <div>
          <h1>Trends</h1>
          <p class="muted">
            Quality, or one dimension's score, over the 7 days up to each day, per touchpoint. An alert means the last 7
            days (to {t.range.to}) score significantly below the 28 days before them.
          </p>
        </div>
      </div>
      <HowToRead>
        <p>
          Each line is a rolling 7-day score: the point on a day pools every answer of that day and the 6 before, so a
          quiet day still counts with the few answers it has. A line is drawn once its 7 days hold {t.minN} answers. The
          band around it is the 95% interval: the wider it is, the less sure the score.
        </p>
        <p>
          The shaded areas are the windows an alert compares: the last 7 days ({windows.recent[0]} to{' '}
          {windows.recent[1]}) against the 28 days before them. An alert is raised when the difference is unlikely to be
          chance (a one-sided Welch test, p below 0.05). The bars are answers per day.
        </p>
      </HowToRead>
      <section class="section" aria-labelledby="alerts-h">
        <h2 id="alerts-h">Alerts</h2>
        {t.alerts.length === 0 ? (
          <p class="callout callout-info" data-testid="no-alerts">
            No alerts: no touchpoint's quality in the last 7 days is significantly below the 28 days before.
          </p>
        ) : (
          <ul class="alert-list">
            {t.alerts.map((a) => (
              <AlertItem key={a.touchpoint} alert={a} name={name(a.touchpoint)} />
            ))}
          </ul>
        )}
      </section>
      <section class="section card" aria-labelledby="series-h">
        <div class="editor-head">
          <h2 id="series-h">7-day {label === 'quality' ? 'quality' : measureLabel(measure)}</h2>
          {totals.length > 0 && (
            <div class="field-inline">
              <label for="trend-dim">Score</label>
              <select
                id="trend-dim"
                value={measure}
                onChange={(e) => setQuery({ dimension: (e.currentTarget as HTMLSelectElement).value })}
              >
                {measures.map((m) => (
                  <option key={m} value={m}>
                    {measureLabel(m)}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
        {totals.length > 0 && (
          <fieldset class="trend-pick">
            <legend>Touchpoints to compare (up to {MAX_LINES})</legend>
            {totals.map((x) => {
              const i = selected.indexOf(x.key);
              return (
                <label key={x.key} class="trend-pick-item">
                  <input
                    type="checkbox"
                    checked={i >= 0}
                    disabled={i < 0 && selected.length >= MAX_LINES}
                    onChange={(e) => toggle(x.key, e.currentTarget.checked)}
                  />
                  {i >= 0 && <span class="swatch" style={{ background: data.lines[i]?.color }} aria-hidden="true" />}
                  {name(x.key)} <span class="muted">({countOf(x.n, 'answer')})</span>
                </label>
              );
            })}
          </fieldset>
        )}
        {selected.length === 0 || answers === 0 ? (
          <Empty title="No answers in this range">
            <p>
              Widen the date range, or add a prompt to this touchpoint in Journey setup so visitors start rating it.
            </p>
          </Empty>
        ) : (
          <>
            <TrendChart
              data={data}
              label={`7-day ${label} of ${selected.map(name).join(', ')} from ${t.range.from} to ${t.range.to}`}
            />
            <ul class="trend-legend" data-testid="trend-legend">
              {data.lines.map((l, i) => {
                const last = daysOf(t, selected[i]!).at(-1)?.rolling[measure];
                return (
                  <li key={l.name}>
                    <span class="swatch" style={{ background: l.color }} aria-hidden="true" />
                    <strong>
                      <TouchpointLink tpKey={selected[i]!}>{l.name}</TouchpointLink>
                    </strong>{' '}
                    {last?.value != null ? (
                      <>
                        {fmt(last.value)}
                        {last.ci ? ` (95% interval ${fmt(last.ci[0])}–${fmt(last.ci[1])})` : ''} over the last 7 days,{' '}
                        {countOf(last.n, 'answer')}
                      </>
                    ) : (
                      <span class="muted">
                        not enough answers in the last 7 days ({last?.n ?? 0} of {t.minN})
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
            <p class="hint" data-testid="trend-summary">
              {selected.map(name).join(', ')}: {countOf(answers, 'answer')} from {t.range.from} to {t.range.to}; the
              line is the 7-day rolling {label}, drawn where 7 days hold at least {t.minN} answers, inside its 95%
              interval. Bars show answers per day.
            </p>
          </>
        )}
      </section>
    </div>
  );
}

function AlertItem({ alert: a, name }: { alert: TrendAlert; name: string }) {
  return (
    <li class="card alert-item">
      <strong>{name}</strong>
      <span>
        quality <b class="delta-bad">{fmt(a.recent.value)}</b> from {a.recent.from} to {a.recent.to} (
        {countOf(a.recent.n, 'answer')}), against {fmt(a.baseline.value)} in the 28 days before (
        {countOf(a.baseline.n, 'answer')}): <b class="delta-bad">{fmt(a.change)} points</b>,{' '}
        <span data-testid="alert-p">{formatP(a.test.p)}</span>
      </span>
      <button type="button" class="btn btn-ghost btn-sm" onClick={() => setQuery({ touchpoint: a.touchpoint })}>
        Show series
      </button>
    </li>
  );
}
