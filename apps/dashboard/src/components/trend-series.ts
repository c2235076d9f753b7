// From the trends response to chart lines: each chosen touchpoint's rolling 7-day score and its 95% interval, the
// answers per day, and the two windows an alert compares (docs/metrics.md "Trends").
import type { Trends } from '@throughline/schema';
import { dimLabel } from './score';
import type { TrendChartData } from './trend-chart';

export const measureLabel = (m: string) => (m === 'quality' ? 'Quality' : dimLabel(m));
export const daysOf = (t: Trends, key: string) => t.touchpoints.find((x) => x.touchpoint === key)?.days ?? [];

/** Quality first, then every dimension the touchpoints were rated on in the range. */
export function measuresOf(t: Trends, keys: string[]): string[] {
  const seen = new Set<string>();
  for (const key of keys) for (const d of daysOf(t, key)) for (const m of Object.keys(d.scores)) seen.add(m);
  seen.delete('quality');
  return ['quality', ...[...seen].sort()];
}

const shift = (day: string, delta: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + delta * 86_400_000).toISOString().slice(0, 10);

/** The alert's windows for a range ending at `to`: the 7 days ending there, and the 28 days before them. */
export function alertWindows(to: string): { baseline: [string, string]; recent: [string, string] } {
  const recentFrom = shift(to, -6);
  return { baseline: [shift(recentFrom, -28), shift(recentFrom, -1)], recent: [recentFrom, to] };
}

export function chartData(
  t: Trends,
  keys: string[],
  measure: string,
  colorOf: (i: number) => string,
  nameOf: (key: string) => string,
): TrendChartData {
  const days = t.touchpoints[0]?.days.map((d) => d.day) ?? [];
  const answers = days.map((_, i) => keys.reduce((a, key) => a + (daysOf(t, key)[i]?.n ?? 0), 0));
  const lines = keys.map((key, i) => {
    const stats = daysOf(t, key).map((d) => d.rolling[measure]);
    return {
      name: nameOf(key),
      color: colorOf(i),
      values: stats.map((s) => s?.value ?? null),
      lo: stats.map((s) => s?.ci?.[0] ?? null),
      hi: stats.map((s) => s?.ci?.[1] ?? null),
    };
  });
  return { days, measure: measureLabel(measure), lines, answers, windows: alertWindows(t.range.to) };
}
