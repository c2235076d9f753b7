// CORS for the public endpoints: a site's events only from its allowed origins (or our own origin,
// where the hosted QR pages and the demo live).
import type { PublicSite } from '../db/site-config';

export function originAllowed(req: Request, site: PublicSite): boolean {
  const origin = req.headers.get('origin');
  if (!origin) return true; // not a browser cross-origin request (server-to-server, same-origin GET)
  return origin === new URL(req.url).origin || site.origins.includes(origin);
}

export function corsHeaders(req: Request): Record<string, string> {
  const origin = req.headers.get('origin');
  return origin
    ? {
        'access-control-allow-origin': origin,
        vary: 'Origin',
        'access-control-allow-methods': 'POST, OPTIONS',
        'access-control-allow-headers': 'content-type',
        'access-control-max-age': '86400',
        'access-control-expose-headers': 'retry-after',
      }
    : {};
}
