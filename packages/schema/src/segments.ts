// Segments (docs/metrics.md › Context sensitivity): the context names a view can be split by, and the bounded set of
// values each takes. zod-free, so the widget and the dashboard can import it at no cost.
import { ARRIVALS, CONTEXT_SEGMENTS, DEVICES } from './constants';

export type ContextSegment = (typeof CONTEXT_SEGMENTS)[number];

/** Where a locale is not a plain language subtag, it counts as this. */
export const OTHER_LOCALE = 'other';

/** BCP 47 language subtag of a locale ('de-CH' → 'de', 'zh-Hant-TW' → 'zh'); 'other' when it has none. */
export function languageOf(locale: string | null | undefined): string | null {
  if (!locale) return null;
  const language = locale.trim().toLowerCase().split(/[-_]/)[0]!;
  return /^[a-z]{2,3}$/.test(language) ? language : OTHER_LOCALE;
}

/** ISO 3166 alpha-2 country code as stored ('gb' → 'GB'); null for anything else (T1, XX are Cloudflare's unknowns). */
export function countryOf(country: string | null | undefined): string | null {
  if (!country) return null;
  const code = country.trim().toUpperCase();
  return /^[A-Z]{2}$/.test(code) && code !== 'XX' && code !== 'T1' ? code : null;
}

export type SegmentCheck =
  | { ok: true; segment: string }
  | { ok: false; reason: string; allowed: Record<string, string> };

const ALLOWED: Record<ContextSegment, string> = {
  device: DEVICES.join(', '),
  channel: ARRIVALS.join(', '),
  locale: `a language subtag such as en, fr, de (region parts are dropped), or ${OTHER_LOCALE}`,
  country: 'a two-letter country code such as GB, FR',
  returning: 'yes, no',
};

/**
 * A view's `segment=name:value` as rollups store it: `fr-FR` → `locale:fr`, `Mobile` → `device:mobile`.
 * An unknown name or value is refused with what is allowed. `stage:` passes through (a touchpoint filter).
 */
export function normalizeSegment(segment: string): SegmentCheck {
  if (segment === 'all') return { ok: true, segment };
  const colon = segment.indexOf(':');
  const name = colon < 0 ? segment : segment.slice(0, colon).trim().toLowerCase();
  const raw = colon < 0 ? '' : segment.slice(colon + 1).trim();
  if (name === 'stage') return raw ? { ok: true, segment: `stage:${raw}` } : refuse('stage: needs a stage name');
  if (!(CONTEXT_SEGMENTS as readonly string[]).includes(name)) {
    return refuse(`no segment named "${name}"; use ${[...CONTEXT_SEGMENTS, 'stage'].join(', ')}`);
  }
  const value = normalizeValue(name as ContextSegment, raw);
  return value === null
    ? refuse(`"${raw}" is not a value of ${name}: ${ALLOWED[name as ContextSegment]}`)
    : { ok: true, segment: `${name}:${value}` };
}

function normalizeValue(name: ContextSegment, raw: string): string | null {
  const lower = raw.toLowerCase();
  switch (name) {
    case 'device':
      return (DEVICES as readonly string[]).includes(lower) ? lower : null;
    case 'channel':
      return (ARRIVALS as readonly string[]).includes(lower) ? lower : null;
    case 'locale':
      return raw ? languageOf(raw) : null;
    case 'country':
      return countryOf(raw);
    case 'returning':
      return lower === 'yes' || lower === 'true' ? 'yes' : lower === 'no' || lower === 'false' ? 'no' : null;
  }
}

function refuse(reason: string): SegmentCheck {
  return { ok: false, reason, allowed: { ...ALLOWED, stage: 'a stage of the site' } };
}
