// What an alert, a weekly digest or a test says: one JSON message (a webhook receives it as it is) and its
// Slack-compatible form ({ text }, the incoming-webhook payload Slack, Mattermost and Discord's /slack accept).
import type { Overview, Site } from '@throughline/schema';
import type { FoundAlert } from './find-alerts';

export interface AlertMessage {
  event: 'alert.opened' | 'digest' | 'test';
  site: { id: string; name: string };
  /** One line (a digest: a few) a person reads. */
  text: string;
  alert?: FoundAlert & { touchpointName: string | null; team: string | null };
  digest?: {
    from: string;
    to: string;
    answers: number;
    journeys: number;
    touchpoints: { key: string; name: string; team: string; quality: number | null; n: number }[];
    openAlerts: string[];
  };
  /** The dashboard page to open (when the deployment sets PUBLIC_URL). */
  url: string | null;
  createdAt: string;
}

const siteRef = (site: Site) => ({ id: site.id, name: site.name });
const link = (base: string | undefined, site: Site, view: string) =>
  base ? `${base.replace(/\/+$/, '')}/sites/${encodeURIComponent(site.id)}/${view}` : null;

export function alertMessage(
  site: Site,
  a: FoundAlert,
  tp: { name: string; team: string } | null,
  publicUrl: string | undefined,
  now: string,
): AlertMessage {
  const view = a.kind === 'quality_falling' ? 'trends' : a.kind === 'fix_first' ? 'priorities' : 'install';
  return {
    event: 'alert.opened',
    site: siteRef(site),
    text: a.title,
    alert: { ...a, touchpointName: tp?.name ?? null, team: tp?.team || null },
    url: link(publicUrl, site, view),
    createdAt: now,
  };
}

const fmt = (q: number | null) => (q === null ? '–' : String(Math.round(q)));

/** The week in numbers for one destination: its team's touchpoints only when it has a team. */
export function digestMessage(
  site: Site,
  overview: Overview,
  teams: Map<string, string>,
  team: string | null,
  openAlerts: string[],
  publicUrl: string | undefined,
  now: string,
): AlertMessage {
  const mine = overview.touchpoints.filter((t) => team === null || sameTeam(teams.get(t.key) ?? '', team));
  const touchpoints = mine
    .map((t) => ({
      key: t.key,
      name: t.name,
      team: teams.get(t.key) ?? '',
      quality: t.n >= overview.minN ? t.quality : null,
      n: t.n,
    }))
    .sort((a, b) => (a.quality ?? Infinity) - (b.quality ?? Infinity));
  const answers = mine.reduce((n, t) => n + t.n, 0);
  const lines = [
    `Weekly digest for ${site.name}${team ? ` (${team})` : ''}, ${overview.range.from} to ${overview.range.to}: ${answers} answers` +
      (team ? '' : `, ${overview.connectivity.journeys} journeys`) +
      '.',
    ...touchpoints.slice(0, 5).map((t) => `• ${t.name}: quality ${fmt(t.quality)} (${t.n} answers)`),
    openAlerts.length ? `Open alerts: ${openAlerts.join('; ')}` : 'No open alerts.',
  ];
  return {
    event: 'digest',
    site: siteRef(site),
    text: lines.join('\n'),
    digest: {
      from: overview.range.from,
      to: overview.range.to,
      answers,
      journeys: overview.connectivity.journeys,
      touchpoints,
      openAlerts,
    },
    url: link(publicUrl, site, 'map'),
    createdAt: now,
  };
}

export function testMessage(site: Site, publicUrl: string | undefined, now: string): AlertMessage {
  return {
    event: 'test',
    site: siteRef(site),
    text: `Test from Throughline: alerts for ${site.name} will arrive here.`,
    url: link(publicUrl, site, 'settings'),
    createdAt: now,
  };
}

/** The Slack-compatible incoming-webhook body. */
export function slackBody(m: AlertMessage): { text: string } {
  return { text: m.url ? `${m.text}\n<${m.url}|Open in Throughline>` : m.text };
}

/** Teams compare without case or surrounding space ("logistics" is "Logistics "). */
export const sameTeam = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
