// Ingest rate limits: per site (its public key) and per visitor hash, with the Workers Rate Limiting
// binding (simulated by `wrangler dev` and the test pool alike). A check costs no D1 read or write, so a
// flood of batches is refused before it touches the database. Counts are per Cloudflare location.
import type { Bindings } from '../env';
import { ApiError } from '../errors';
import { visitorHash } from './visitor-hash';

/** Keep in step with `ratelimits` in wrangler.jsonc: the binding itself does not report its period. */
export const SITE_LIMIT = { limit: 1000, periodSeconds: 10 };
export const VISITOR_LIMIT = { limit: 120, periodSeconds: 60 };

/** A 429 with Retry-After (seconds) when the site or the visitor is over its limit, else null. */
export async function ingestLimitExceeded(env: Bindings, req: Request, siteKey: string): Promise<ApiError | null> {
  // Both at once (one round trip, not two); a batch the site limit refuses still counts for its visitor.
  const [site, visitor] = await Promise.all([
    env.INGEST_SITE_LIMITER.limit({ key: siteKey }),
    visitorHash(req, siteKey, env.PEPPER ?? '').then((key) => env.INGEST_VISITOR_LIMITER.limit({ key })),
  ]);
  if (!site.success) return tooMany('this site sends too many batches', SITE_LIMIT.periodSeconds);
  if (!visitor.success) return tooMany('this visitor sends too many batches', VISITOR_LIMIT.periodSeconds);
  return null;
}

function tooMany(message: string, retryAfter: number) {
  return new ApiError(429, 'rate_limited', `${message}; retry after ${retryAfter} s`, { retryAfter }, { 'retry-after': String(retryAfter) });
}
