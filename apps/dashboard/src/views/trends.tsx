// Trends and alerts: daily quality or one dimension's score per touchpoint (uPlot), and the touchpoints whose last 7 days are
// significantly below the 28 before (one-sided Welch test, computed by the API).
import type { Trends, TrendAlert } from '@throughline/schema';
import { useMemo } from 'preact/hooks';
import { api } from '../api/client';
import { useResource } from '../api/use-resource';
import { countOf, dimLabel, fmt } from '../components/score';
import { Empty, ErrorMessage, Loading } from '../components/states';
import { TrendChart, type DailySeries } from '../components/trend-chart';
import { setQuery, useLocation } from '../router';
import type { ViewProps } from './site-layout';

const daysOf = (t: Trends, key: string) => t.touchpoints.find((x) => x.touchpoint === key)?.days ?? [];

/** Quality first, then every dimension the touchpoint was rated on in the range. */
function measuresOf(t: Trends, key: string): string[] {
  const seen = new Set<string>();
  for (const d of daysOf(t, key)) for (const m of Object.keys(d.scores)) seen.add(m);
  seen.delete('quality');
  return ['quality', ...[...seen].sort()];
}

const measureLabel = (m: string) => (m === 'quality' ? 'Quality' : dimLabel(m));

function seriesOf(t: Trends, key: string, measure: string): DailySeries {
  const days = daysOf(t, key);
  return {
    days: days.map((d) => d.day),
    name: measureLabel(measure),
    scores: days.map((d) => d.scores[measure]?.value ?? null),
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
  const measures = selected ? measuresOf(t, selected) : ['quality'];
  const measure = measures.find((m) => m === query.get('dimension')) ?? 'quality';
  const series = selected ? seriesOf(t, selected, measure) : undefined;
  const answers = series ? series.answers.reduce((a, n) => a + n, 0) : 0;
  const scoredDays = series ? series.scores.filter((q) => q != null).length : 0;

  return (
    <div class={trends.loading ? 'is-refreshing' : ''}>
      <div class="view-head">
        <div>
          <h1>Trends</h1>
          <p class="muted">
            Daily quality, or one dimension's score, per touchpoint. An alert means the last 7 days (to {t.range.to}) score significantly below the 28 days before them.
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
          <h2 id="series-h">Daily {measure === 'quality' ? 'quality' : measureLabel(measure)}</h2>
          {totals.length > 0 && (
            <div class="field-inline">
              <label for="trend-dim">Score</label>
              <select id="trend-dim" value={measure} onChange={(e) => setQuery({ dimension: (e.currentTarget as HTMLSelectElement).value })}>
                {measures.map((m) => (
                  <option key={m} value={m}>
                    {measureLabel(m)}
                  </option>
                ))}
              </select>
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
            <TrendChart series={series} label={`Daily ${series.name.toLowerCase()} of ${name(selected!)} from ${t.range.from} to ${t.range.to}`} />
            <p class="hint" data-testid="trend-summary">
              {name(selected!)}: {countOf(answers, 'answer')} from {t.range.from} to {t.range.to}; {series.name.toLowerCase()} is drawn on the {countOf(scoredDays, 'day')} with at
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
