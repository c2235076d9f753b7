// The site of an ingest batch (id, allowed origins, touchpoint channels, config_version), kept per isolate so
// that a batch usually costs one small D1 read. A cached copy never decides anything for good: the route stores
// only while config_version is still the cached one (read just before storing), and a refusal that may depend on the config is decided again on a fresh read.
import { ingestSiteByKey } from '../db/site-config';

export type IngestSite = NonNullable<Awaited<ReturnType<typeof ingestSiteByKey>>>;

/** Sites kept per isolate; the oldest read is dropped first. A few hundred bytes each. */
const MAX_SITES = 1000;
const sites = new Map<string, IngestSite>();

/**
 * The site with public key `key`: from this isolate's cache unless `fresh`, else read from D1 (and cached).
 * `cached` says which, so that the caller knows whether a refusal must be checked again. Unknown keys are not
 * cached: a site made a moment ago must be found.
 */
export async function ingestSite(
  db: D1Database,
  key: string,
  { fresh = false } = {},
): Promise<{ site: IngestSite | null; cached: boolean }> {
  const hit = fresh ? undefined : sites.get(key);
  if (hit) return { site: hit, cached: true };
  const site = await ingestSiteByKey(db, key);
  sites.delete(key);
  if (site) {
    sites.set(key, site);
    if (sites.size > MAX_SITES) sites.delete(sites.keys().next().value!);
  }
  return { site, cached: false };
}
