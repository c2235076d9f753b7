// The context an event is counted under, and the rollup segments it falls in (docs/metrics.md › Context sensitivity).
// Values come from bounded sets (packages/schema/src/segments.ts), so a rollup row cannot grow without bound.
import { countryOf, languageOf, type Context } from '@throughline/schema';

/** A visit's context as stored: device, channel of arrival, language, country, new or returning. */
export interface SegmentContext {
  device: string | null;
  arrival: string | null;
  locale: string | null;
  country: string | null;
  returning: boolean | null;
}

export const NO_CONTEXT: SegmentContext = { device: null, arrival: null, locale: null, country: null, returning: null };

/** The stored context of an event from its wire context and the request's country. */
export function contextOf(ctx: Context | undefined, country: string | null): SegmentContext {
  return {
    device: ctx?.device ?? null,
    arrival: ctx?.channel ?? null,
    locale: languageOf(ctx?.locale),
    country: countryOf(country),
    returning: ctx?.returning ?? null,
  };
}

/** 'all' first, then one 'name:value' per known part of the context. */
export function segmentsOf(c: SegmentContext): string[] {
  const out = ['all'];
  if (c.device) out.push(`device:${c.device}`);
  if (c.arrival) out.push(`channel:${c.arrival}`);
  if (c.locale) out.push(`locale:${c.locale}`);
  if (c.country) out.push(`country:${c.country}`);
  if (c.returning !== null) out.push(`returning:${c.returning ? 'yes' : 'no'}`);
  return out;
}
