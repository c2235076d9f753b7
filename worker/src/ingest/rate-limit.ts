// Ingest rate limits: per site (its public key), per visitor hash and per client address, with the Workers Rate
// Limiting binding (simulated by `wrangler dev` and the test pool alike). A check costs no D1 read or write, so a
// flood of batches is refused before it touches the database. Counts are per Cloudflare location.
// The order they run in, and why, is in client-limit.ts.
import type { Bindings } from '../env';
import { ApiError } from '../errors';
import { visitorHash } from './visitor-hash';

/** Keep in step with `ratelimits` in wrangler.jsonc: the binding itself does not report its period. */
export const SITE_LIMIT = { limit: 1000, periodSeconds: 10 };
export const VISITOR_LIMIT = { limit: 120, periodSeconds: 60 };
/** Per client address and site, whatever the user agent: several visitors may share one address (an office). */
export const CLIENT_LIMIT = { limit: 600, periodSeconds: 60 };

/** A 429 with Retry-After when the site is over its limit, else null. */
export async function siteLimitExceeded(env: Bindings, siteKey: string): Promise<ApiError | null> {
  const site = await env.INGEST_SITE_LIMITER.limit({ key: siteKey });
  return site.success ? null : tooMany('this site sends too many batches', SITE_LIMIT.periodSeconds);
}

/** A 429 with Retry-After when the visitor hash (address and user agent) is over its limit, else null. */
export async function visitorLimitExceeded(env: Bindings, req: Request, siteKey: string): Promise<ApiError | null> {
  const visitor = await env.INGEST_VISITOR_LIMITER.limit({ key: await visitorHash(req, siteKey, env.PEPPER ?? '') });
  return visitor.success ? null : tooMany('this visitor sends too many batches', VISITOR_LIMIT.periodSeconds);
}

export function tooMany(message: string, retryAfter: number) {
  return new ApiError(
    429,
    'rate_limited',
    `${message}; retry after ${retryAfter} s`,
    { retryAfter },
    { 'retry-after': String(retryAfter) },
  );
}
