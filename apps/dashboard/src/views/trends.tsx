// Trends and alerts: daily quality per touchpoint (uPlot), and the touchpoints whose last 7 days are
// significantly below the 28 before (one-sided Welch test, computed by the API).
import type { Trends, TrendAlert } from '@throughline/schema';
import { useMemo } from 'preact/hooks';
import { api } from '../api/client';
import { useResource } from '../api/use-resource';
import { countOf, fmt } from '../components/score';
import { Empty, ErrorMessage, Loading } from '../components/states';
import { TrendChart, type DailySeries } from '../components/trend-chart';
import { setQuery, useLocation } from '../router';
import type { ViewProps } from './site-layout';

function seriesOf(t: Trends, key: string): DailySeries {
  const days = t.touchpoints.find((x) => x.touchpoint === key)?.days ?? [];
  return {
    days: days.map((d) => d.day),
    quality: days.map((d) => d.scores.quality?.value ?? null),
    answers: days.map((d) => d.n),
  };
}

export function TrendsView({ site, overview, filters }: ViewProps) {
  const { query } = useLocation();
  const trends = useResource((s) => api.trends(site.id, filters, s), [site.id, filters.from, filters.to, filters.segment]);
  const names = useMemo(() => new Map((overview.data?.touchpoints ?? []).map((t) => [t.key, t.name])), [overview.data]);
  const name = (key: string) => names.get(key) ?? key;

  if (trends.error) return <ErrorMessage error={trends.error} retry={trends.reload} />;
  if (!trends.data) return <Loading rows={5} label="Loading trends…" />;
  const t = trends.data;
  const totals = t.touchpoints.map((x) => ({ key: x.touchpoint, n: x.days.reduce((a, d) => a + d.n, 0) })).sort((a, b) => b.n - a.n);
  const asked = query.get('touchpoint');
  const selected = totals.some((x) => x.key === asked) ? asked! : (t.alerts[0]?.touchpoint ?? totals[0]?.key);
  const series = selected ? seriesOf(t, selected) : undefined;
  const answers = series ? series.answers.reduce((a, n) => a + n, 0) : 0;
  const scoredDays = series ? series.quality.filter((q) => q != null).length : 0;

  return (
    <div class={trends.loading ? 'is-refreshing' : ''}>
      <div class="view-head">
        <div>
          <h1>Trends</h1>
          <p class="muted">
            Daily quality per touchpoint. An alert means the last 7 days (to {t.range.to}) score significantly below the 28 days before them.
          </p>
        </div>
      </div>
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
          <h2 id="series-h">Daily quality</h2>
          {totals.length > 0 && (
            <div class="field-inline">
              <label for="trend-tp">Touchpoint</label>
              <select id="trend-tp" value={selected} onChange={(e) => setQuery({ touchpoint: (e.currentTarget as HTMLSelectElement).value })}>
                {totals.map((x) => (
                  <option key={x.key} value={x.key}>
                    {name(x.key)} ({countOf(x.n, 'answer')})
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
        {!series || answers === 0 ? (
          <Empty title="No answers in this range">
            <p>Widen the date range, or add a prompt to this touchpoint in Journey setup so visitors start rating it.</p>
          </Empty>
        ) : (
          <>
            <TrendChart series={series} label={`Daily quality of ${name(selected!)} from ${t.range.from} to ${t.range.to}`} />
            <p class="hint" data-testid="trend-summary">
              {name(selected!)}: {countOf(answers, 'answer')} from {t.range.from} to {t.range.to}; quality is drawn on the {countOf(scoredDays, 'day')} with at
              least {t.minN} answers. Bars show answers per day.
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
        quality <b class="delta-bad">{fmt(a.recent.value)}</b> from {a.recent.from} to {a.recent.to} ({countOf(a.recent.n, 'answer')}), against{' '}
        {fmt(a.baseline.value)} in the 28 days before ({countOf(a.baseline.n, 'answer')}):{' '}
        <b class="delta-bad">{fmt(a.change)} points</b>, p = {a.test.p < 0.001 ? '< 0.001' : a.test.p.toFixed(3)}
      </span>
      <button type="button" class="btn btn-ghost btn-sm" onClick={() => setQuery({ touchpoint: a.touchpoint })}>
        Show series
      </button>
    </li>
  );
}
