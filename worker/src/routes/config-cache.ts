// The widget config in the edge cache (Cache API, `caches.default`), keyed by site key AND config_version.
// Every change the config depends on bumps config_version (touchpoints, prompts, stages, settings), so a
// changed site simply asks for a key that is not cached yet: nothing to purge, and no stale copy can be
// served from another data centre (a purge with `cache.delete` would reach only the local one).
// The price is one indexed D1 read per request (the version); building the config costs three.

const CACHE_HOST = 'https://config-cache.throughline.internal';
/** How long an entry may live in the edge cache; it is never stale, only unused once the version moves on. */
const EDGE_TTL_SECONDS = 86_400;

// `caches.default` is Workers-only; the DOM lib that vitest's types pull in declares CacheStorage without it.
const edgeCache = () => (caches as unknown as { default: Cache }).default;

const cacheKey = (siteKey: string, version: number) =>
  new Request(`${CACHE_HOST}/${encodeURIComponent(siteKey)}/v${version}`);

/** The cached config body, or null. `caches` is absent outside the Workers runtime: then nothing is cached. */
export async function readCachedConfig(siteKey: string, version: number): Promise<string | null> {
  if (typeof caches === 'undefined') return null;
  const hit = await edgeCache().match(cacheKey(siteKey, version));
  return hit ? hit.text() : null;
}

export async function cacheConfig(siteKey: string, version: number, body: string): Promise<void> {
  if (typeof caches === 'undefined') return;
  const entry = new Response(body, {
    headers: { 'content-type': 'application/json', 'cache-control': `public, max-age=${EDGE_TTL_SECONDS}` },
  });
  await edgeCache().put(cacheKey(siteKey, version), entry);
}
