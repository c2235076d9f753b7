// The names every part shares, without zod: widget, dashboard, worker and scripts import them from
// '@throughline/schema/constants' at no cost (the schemas in this package are built on these lists).

/** Request header the worker requires on every dashboard API call that changes state (CSRF defence). */
export const CSRF_HEADER = 'x-throughline';
/** Request header that carries a share link's token: the caller may only read the shared site's views. */
export const SHARE_HEADER = 'x-throughline-share';
/** Header of an alert webhook delivery: `t=<unix seconds>,v1=<HMAC-SHA256 hex>`. */
export const SIGNATURE_HEADER = 'x-throughline-signature';

/** Experience dimensions: their mean is a touchpoint's quality (docs/metrics.md › Quality). */
export const EXPERIENCE_DIMENSIONS = ['sensorial', 'affective', 'cognitive', 'relational', 'behavioral'] as const;
/** Every dimension an answer may carry. `handoff` only when arriving from another touchpoint. */
export const DIMENSIONS = [...EXPERIENCE_DIMENSIONS, 'importance', 'handoff'] as const;
/** What a prompt asks when the team has not chosen. */
export const DEFAULT_PROMPT_DIMENSIONS = ['sensorial', 'affective', 'cognitive'] as const;

/** A touchpoint's channel. */
export const CHANNELS = ['web', 'app', 'email', 'offline', 'social'] as const;
/** Who runs a touchpoint: partner touchpoints matter because journeys cross firms. */
export const OWNERS = ['brand', 'partner', 'customer', 'external'] as const;
export const DEFAULT_STAGES = ['Awareness', 'Consideration', 'Purchase', 'Use', 'Support', 'Loyalty'] as const;

/** Device class of a visit. */
export const DEVICES = ['mobile', 'tablet', 'desktop'] as const;
/** Channel of arrival of a visit, as the widget reports it. */
export const ARRIVALS = ['direct', 'search', 'social', 'email', 'referral', 'qr', 'partner', 'internal'] as const;
/** Context names a view can be split by, in the order rollups list them (`stage` is a touchpoint filter, not one). */
export const CONTEXT_SEGMENTS = ['device', 'channel', 'locale', 'country', 'returning'] as const;

/** The URL parameter that carries a signed journey link. */
export const JOURNEY_LINK_PARAM = 'tl_j';
