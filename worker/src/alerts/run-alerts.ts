// The scheduled alert run (Workers Cron Trigger, src/index.ts): for every site with a destination, find what is
// wrong now, deliver each newly opened alert once to the destinations it concerns (not again until it clears),
// on the weekly run a digest to every destination, then send what is due in the outbox (retries included).
import type { Delivery, Site } from '@throughline/schema';
import { siteOverview } from '../analytics/site-overview';
import { addDays } from '../analytics/trends';
import {
  clearAlertStmt,
  destinationsOf,
  enqueueStmt,
  openAlerts,
  openAlertStmt,
  seenAlertStmt,
  type DestinationWithSecret,
} from '../db/alerts';
import { listStages, sitesWithAlertDestinations } from '../db/sites';
import { listTouchpoints, type TouchpointWithPrompt } from '../db/touchpoints';
import { deliverDue } from './deliver';
import { findAlerts, type FoundAlert } from './find-alerts';
import { alertMessage, digestMessage, sameTeam, type AlertMessage } from './messages';

/** Which of the found alerts open now, which stay open, and which of the open ones cleared. */
export function diffAlerts(open: readonly string[], found: readonly FoundAlert[]) {
  const openSet = new Set(open);
  const foundKeys = new Set(found.map((a) => a.key));
  return {
    opened: found.filter((a) => !openSet.has(a.key)),
    stillOpen: found.filter((a) => openSet.has(a.key)).map((a) => a.key),
    cleared: open.filter((key) => !foundKeys.has(key)),
  };
}

/** A destination gets an alert when it has no team, or when the alert's touchpoint belongs to its team. */
export function concerns(dest: Pick<DestinationWithSecret, 'team'>, touchpointTeam: string | null): boolean {
  return dest.team === null || (touchpointTeam !== null && sameTeam(touchpointTeam, dest.team));
}

export async function runAlerts(env: Cloudflare.Env, now: number, { digest }: { digest: boolean }) {
  const sites = await sitesWithAlertDestinations(env.DB);
  let opened = 0;
  for (const site of sites) {
    try {
      opened += await runSite(env, site, now, digest);
    } catch (err) {
      // one site's failure (an object that cannot be read) must not keep the others' alerts back
      console.error(`alerts: site ${site.id}:`, err);
    }
  }
  const delivered = await deliverDue(env, now);
  return { sites: sites.length, opened, ...delivered };
}

async function runSite(env: Cloudflare.Env, site: Site, now: number, digest: boolean): Promise<number> {
  const at = new Date(now).toISOString();
  const [touchpoints, destinations, open] = await Promise.all([
    listTouchpoints(env.DB, site.id),
    destinationsOf(env.DB, site.id),
    openAlerts(env.DB, site.id),
  ]);
  const byKey = new Map(touchpoints.map((t) => [t.key, t]));
  const found = await findAlerts(env, site, touchpoints, now);
  const diff = diffAlerts(
    open.map((a) => a.key),
    found,
  );
  const stmts: D1PreparedStatement[] = [];
  const enqueue = (dest: DestinationWithSecret, event: Delivery['event'], payload: AlertMessage) =>
    stmts.push(enqueueStmt(env.DB, { destinationId: dest.id, siteId: site.id, event, payload }, at));

  for (const a of diff.opened) {
    stmts.push(
      openAlertStmt(
        env.DB,
        site.id,
        { key: a.key, kind: a.kind, touchpoint: a.touchpoint, detail: { title: a.title, ...a.detail } },
        at,
      ),
    );
    const tp = a.touchpoint ? (byKey.get(a.touchpoint) ?? null) : null;
    const message = alertMessage(site, a, tp, env.PUBLIC_URL, at);
    for (const dest of destinations)
      if (concerns(dest, a.touchpoint === null ? null : (tp?.team ?? ''))) enqueue(dest, 'alert.opened', message);
  }
  for (const key of diff.stillOpen) stmts.push(seenAlertStmt(env.DB, site.id, key, at));
  for (const key of diff.cleared) stmts.push(clearAlertStmt(env.DB, site.id, key, at));

  if (digest) {
    const week = await weekOverview(env, site, touchpoints, now);
    const teams = new Map(touchpoints.map((t) => [t.key, t.team]));
    for (const dest of destinations) {
      const titles = found
        .filter((a) => concerns(dest, a.touchpoint === null ? null : (teams.get(a.touchpoint) ?? '')))
        .map((a) => a.title);
      enqueue(dest, 'digest', digestMessage(site, week, teams, dest.team, titles, env.PUBLIC_URL, at));
    }
  }
  if (stmts.length) await env.DB.batch(stmts);
  return diff.opened.length;
}

/** The 7 days ending today. */
async function weekOverview(
  env: Cloudflare.Env,
  site: Site,
  touchpoints: readonly TouchpointWithPrompt[],
  now: number,
) {
  const to = new Date(now).toISOString().slice(0, 10);
  const stages = await listStages(env.DB, site.id);
  return (
    await siteOverview(env, {
      siteId: site.id,
      settings: site.settings,
      range: { from: addDays(to, -6), to },
      segment: 'all',
      stages,
      touchpoints,
    })
  ).overview;
}
