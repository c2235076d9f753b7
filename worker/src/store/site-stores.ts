// The Worker's side of the site objects: which object holds a visitor, and reads that ask all of a site's objects
// in parallel and add up what they return (ARCHITECTURE.md › Choices and why: a busy site splits its visitors over k objects).
import type { ResponseRow, SiteSettings } from '@throughline/schema';
import { addMetric, type Contribution } from '../journey/rules';
import type { TypeMap } from '../db/journey-types';
import type { IncomingEvent } from './event-rows';
import type { AnswerFilter, Keyset } from './response-rows';
import { toRecord, type Metrics } from './rollup-rows';
import type { IngestResult, SiteStore, StoreRules } from './site-store';

type Env = { SITE_STORE: DurableObjectNamespace<SiteStore> };
type Settings = Pick<SiteSettings, 'journeyWindowDays' | 'retentionDays' | 'shards'>;

/** FNV-1a of the visitor id: the shard that holds all of a visitor's events. */
function shardOf(visitor: string, shards: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < visitor.length; i++) h = Math.imul(h ^ visitor.charCodeAt(i), 0x01000193);
  return (h >>> 0) % shards;
}

/** The object of shard `shard` of a site; shard 0 is named by the site id alone. */
export function storeOf(env: Env, siteId: string, shard = 0): DurableObjectStub<SiteStore> {
  return env.SITE_STORE.get(env.SITE_STORE.idFromName(shard === 0 ? siteId : `${siteId}#${shard}`));
}

export const allStores = (env: Env, siteId: string, shards: number) =>
  Array.from({ length: shards }, (_, i) => storeOf(env, siteId, i));

/**
 * A site's rules for its objects. `types`: the site's journey types, or leave it out to keep the ones the objects
 * hold; a site with one type has no typed rollups (docs/metrics.md › Journey types), so its map is not passed on.
 */
export const rulesOf = (s: Settings, types?: TypeMap | null): StoreRules => ({
  windowDays: s.journeyWindowDays,
  retentionDays: s.retentionDays,
  ...(types === undefined ? {} : { types: types && types.order.length > 1 ? types : null }),
});

/** Stores events in the objects of their visitors, one call per object. */
export async function storeEvents(
  env: Env,
  siteId: string,
  settings: Settings,
  events: IncomingEvent[],
  types?: TypeMap | null,
): Promise<IngestResult> {
  const byShard = new Map<number, IncomingEvent[]>();
  for (const e of events) {
    const shard = shardOf(e.visitor, settings.shards);
    const list = byShard.get(shard);
    if (list) list.push(e);
    else byShard.set(shard, [e]);
  }
  const results = await Promise.all(
    [...byShard].map(([shard, list]) => storeOf(env, siteId, shard).ingest(list, rulesOf(settings, types))),
  );
  return results.reduce(
    (a, r) => ({
      accepted: a.accepted + r.accepted,
      duplicates: a.duplicates + r.duplicates,
      rowsWritten: a.rowsWritten + r.rowsWritten,
      rowsRead: a.rowsRead + r.rowsRead,
    }),
    { accepted: 0, duplicates: 0, rowsWritten: 0, rowsRead: 0 },
  );
}

/** Per touchpoint, one segment's metrics over the range, added over the site's objects. */
export async function sumsOf(
  env: Env,
  siteId: string,
  shards: number,
  segment: string,
  from: string,
  to: string,
  contextsOnly = false,
) {
  const parts = await Promise.all(allStores(env, siteId, shards).map((s) => s.sums(segment, from, to, contextsOnly)));
  const sums: Contribution = new Map();
  for (const p of parts)
    for (const [tp, metrics] of Object.entries(p.byTouchpoint))
      for (const [m, v] of Object.entries(metrics)) addMetric(sums, tp, m, v);
  return { byTouchpoint: toRecord(sums), rowsRead: parts.reduce((n, p) => n + p.rowsRead, 0) };
}

/** Daily score rows of one segment, added over the site's objects. */
export async function dailyOf(
  env: Env,
  siteId: string,
  shards: number,
  segment: string,
  from: string,
  to: string,
  touchpoint?: string,
) {
  const parts = await Promise.all(allStores(env, siteId, shards).map((s) => s.daily(segment, from, to, touchpoint)));
  const sums: Contribution = new Map();
  for (const p of parts)
    for (const row of p.rows)
      for (const [m, v] of Object.entries(row.v)) addMetric(sums, `${row.day}\t${row.touchpoint}`, m, v);
  const rows = [...sums].map(([key, metrics]) => {
    const [day, tp] = key.split('\t') as [string, string];
    return { day, touchpoint: tp, v: Object.fromEntries(metrics) as Metrics };
  });
  return { rows, rowsRead: parts.reduce((n, p) => n + p.rowsRead, 0) };
}

/** A page of answers over all objects: each gives its next `limit`, merged newest first. */
export async function answersOf(
  env: Env,
  siteId: string,
  shards: number,
  f: AnswerFilter,
  limit: number,
  after: Keyset | null,
) {
  const pages = await Promise.all(allStores(env, siteId, shards).map((s) => s.answers(f, limit + 1, after)));
  const merged: ResponseRow[] = pages
    .flat()
    .sort((a, b) => (a.at > b.at ? -1 : a.at < b.at ? 1 : a.id > b.id ? -1 : a.id < b.id ? 1 : 0));
  return { rows: merged.slice(0, limit), more: merged.length > limit };
}

/** Deletes one visitor's data from the object that holds it. */
export const deleteVisitorData = (env: Env, siteId: string, shards: number, visitor: string) =>
  storeOf(env, siteId, shardOf(visitor, shards)).deleteVisitor(visitor);

/** Empties every object of a site (site deletion). */
export async function destroyStores(env: Env, siteId: string, shards: number): Promise<void> {
  await Promise.all(allStores(env, siteId, shards).map((s) => s.destroy()));
}

/** Events stored over all of a site's objects. */
export async function storedEventCount(env: Env, siteId: string, shards: number): Promise<number> {
  const stats = await Promise.all(allStores(env, siteId, shards).map((s) => s.stats()));
  return stats.reduce((n, s) => n + s.events, 0);
}

export type { IncomingEvent };
