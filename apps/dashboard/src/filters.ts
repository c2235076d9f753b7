// The analytics filters of the URL query: date range (`from`, `to`), one `segment=name:value`, and a journey type
// (`journey=<slug>`, docs/metrics.md › Journey types).
import type { AnalyticsQuery } from '@throughline/schema';

export const PRESETS = [
  { days: 7, label: 'Last 7 days' },
  { days: 30, label: 'Last 30 days' },
  { days: 90, label: 'Last 90 days' },
  { days: 365, label: 'Last 12 months' },
] as const;
const DEFAULT_DAYS = 30;

/** Segment names the API accepts, with suggested values (free text is allowed where the list is open). */
export const SEGMENT_VALUES: Record<string, string[]> = {
  device: ['mobile', 'tablet', 'desktop'],
  // Channel of arrival, as the widget reports it (packages/schema ARRIVALS).
  channel: ['direct', 'search', 'social', 'email', 'referral', 'qr', 'partner', 'internal'],
  returning: ['no', 'yes'],
  // Rollups keep the language part of a locale.
  locale: ['en', 'de', 'fr', 'es', 'nl', 'ja', 'ar'],
  country: ['US', 'GB', 'DE', 'FR', 'CH'],
  // The default journey stages (docs/metrics.md › The model); a site's own stage names work too.
  stage: ['Awareness', 'Consideration', 'Purchase', 'Use', 'Support', 'Loyalty'],
};

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function daysAgo(days: number, from = new Date()): string {
  const d = new Date(from);
  d.setUTCDate(d.getUTCDate() - days + 1);
  return isoDate(d);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The query to send: the URL's range, or the default last 30 days, always explicit so the top bar shows what is queried. */
export function readFilters(
  q: URLSearchParams,
): Required<Pick<AnalyticsQuery, 'from' | 'to'>> & Pick<AnalyticsQuery, 'segment' | 'journey'> {
  const to = q.get('to');
  const from = q.get('from');
  const segment = q.get('segment');
  const journey = q.get('journey');
  const t = to && DATE.test(to) ? to : isoDate(new Date());
  const f = from && DATE.test(from) ? from : daysAgo(DEFAULT_DAYS, new Date(`${t}T00:00:00Z`));
  return {
    from: f,
    to: t,
    segment: segment && /^[a-z]+:[A-Za-z0-9_-]+$/.test(segment) ? segment : undefined,
    journey: journey && /^[a-z0-9][a-z0-9-]{0,63}$/.test(journey) ? journey : undefined,
  };
}

/** Which preset a range is (ending today), or null for a custom range. */
export function presetOf(from: string, to: string): number | null {
  if (to !== isoDate(new Date())) return null;
  for (const p of PRESETS) if (daysAgo(p.days) === from) return p.days;
  return null;
}

export function formatSegment(segment: string | undefined): string {
  if (!segment) return 'All visitors';
  const [name, value] = segment.split(':');
  return `${name}: ${value}`;
}
