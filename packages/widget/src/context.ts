// The visit context: device class, locale, channel of arrival, returning visitor, path. No personal data.
import type { Context } from '@throughline/schema';
import { JOURNEY_LINK_PARAM } from '@throughline/schema/constants';

const SEARCH = /(^|\.)(google|bing|duckduckgo|yahoo|baidu|yandex|ecosia|qwant|startpage)\./;
const SOCIAL =
  /(^|\.)(facebook|fb|instagram|linkedin|twitter|x|t|reddit|youtube|tiktok|pinterest|threads|mastodon)\.(com|co|social)$/;

export function device(): NonNullable<Context['device']> {
  const ua = navigator.userAgent;
  return /iPad|Tablet/i.test(ua) || (/Android/.test(ua) && !/Mobile/.test(ua))
    ? 'tablet'
    : /Mobi|iPhone|Android/.test(ua)
      ? 'mobile'
      : 'desktop';
}

/** Channel of arrival, from campaign parameters and the referrer. */
export function arrival(url: URL, referrer: string): NonNullable<Context['channel']> {
  const medium = (url.searchParams.get('utm_medium') ?? '').toLowerCase();
  // a journey link in a QR code or an email keeps that channel; any other comes from a partner
  if (medium === 'qr' || url.searchParams.has('tl_qr')) return 'qr';
  if (medium === 'email') return 'email';
  if (url.searchParams.has(JOURNEY_LINK_PARAM)) return 'partner';
  if (medium === 'social') return 'social';
  let host = '';
  try {
    host = new URL(referrer).hostname;
  } catch {
    return 'direct';
  }
  return host === url.hostname ? 'internal' : SEARCH.test(host) ? 'search' : SOCIAL.test(host) ? 'social' : 'referral';
}

/** The path sent with a visit: query and fragment only when the site allows. */
export function pagePath(url: URL, sendQuery: boolean): string {
  return (url.pathname + (sendQuery ? url.search + url.hash : '')).slice(0, 512);
}
