// What a scheduled run finds wrong with a site now: touchpoints whose quality is falling (the Trends alert),
// touchpoints in the "fix first" quadrant, and a sudden drop in the site's answers. Each has a stable key, so a
// run can tell a new alert from one already delivered (alerts/run-alerts.ts).
import type { AlertKind, Site } from '@throughline/schema';
import { dailyScoreRows } from '../analytics/rollup-metrics';
import { siteOverview } from '../analytics/site-overview';
import { addDays, qualityAlerts } from '../analytics/trends';
import { listStages } from '../db/sites';
import type { TouchpointWithPrompt } from '../db/touchpoints';
import { dailyOf } from '../store/site-stores';
import { answersDrop } from './answers-drop';

export interface FoundAlert {
  key: string;
  kind: AlertKind;
  touchpoint: string | null;
  title: string;
  /** The numbers behind it, as delivered. */
  detail: Record<string, number | string>;
}

const RECENT_DAYS = 7;
const BASELINE_DAYS = 28;
const DROP_BASELINE_DAYS = 14;
const OVERVIEW_DAYS = 30;
const round1 = (x: number) => Math.round(x * 10) / 10;

export async function findAlerts(
  env: Cloudflare.Env,
  site: Site,
  touchpoints: readonly TouchpointWithPrompt[],
  now: number,
): Promise<FoundAlert[]> {
  const today = new Date(now).toISOString().slice(0, 10);
  const names = new Map(touchpoints.map((t) => [t.key, t.name]));
  const { minN, shards } = site.settings;
  const found: FoundAlert[] = [];

  const daily = await dailyOf(env, site.id, shards, 'all', addDays(today, -(RECENT_DAYS + BASELINE_DAYS)), today);
  for (const a of qualityAlerts(dailyScoreRows(daily.rows), today, {
    minN,
    recentDays: RECENT_DAYS,
    baselineDays: BASELINE_DAYS,
  })) {
    if (!names.has(a.touchpoint)) continue;
    found.push({
      key: `quality_falling:${a.touchpoint}`,
      kind: 'quality_falling',
      touchpoint: a.touchpoint,
      title: `${names.get(a.touchpoint)}: quality is falling (${round1(a.baseline.value)} → ${round1(a.recent.value)}, p ${pText(a.test.p)})`,
      detail: {
        recent: round1(a.recent.value),
        recentN: a.recent.n,
        baseline: round1(a.baseline.value),
        baselineN: a.baseline.n,
        change: round1(a.change),
        p: a.test.p,
      },
    });
  }

  const stages = await listStages(env.DB, site.id);
  const { overview } = await siteOverview(env, {
    siteId: site.id,
    settings: site.settings,
    range: { from: addDays(today, -(OVERVIEW_DAYS - 1)), to: today },
    segment: 'all',
    stages,
    touchpoints,
  });
  for (const t of overview.touchpoints) {
    if (t.quadrant !== 'fix_first') continue;
    found.push({
      key: `fix_first:${t.key}`,
      kind: 'fix_first',
      touchpoint: t.key,
      title: `${t.name}: fix first (important to visitors, quality ${round1(t.quality ?? 0)}, last ${OVERVIEW_DAYS} days)`,
      detail: { quality: round1(t.quality ?? 0), importance: round1(t.importance ?? 0), n: t.n },
    });
  }

  // answers per day over the whole site: yesterday (the last complete day) against the 14 days before it
  const perDay = new Map<string, number>();
  for (const row of daily.rows) perDay.set(row.day, (perDay.get(row.day) ?? 0) + (row.v.answers?.[0] ?? 0));
  const yesterday = addDays(today, -1);
  const baseline = Array.from({ length: DROP_BASELINE_DAYS }, (_, i) => perDay.get(addDays(yesterday, -(i + 1))) ?? 0);
  const drop = answersDrop(baseline, perDay.get(yesterday) ?? 0);
  if (drop) {
    found.push({
      key: 'answers_dropped',
      kind: 'answers_dropped',
      touchpoint: null,
      title: `${site.name}: ${drop.yesterday} answers yesterday against ${round1(drop.mean)} a day before; is the script tag still installed?`,
      detail: { yesterday: drop.yesterday, dailyMean: round1(drop.mean), p: drop.p },
    });
  }
  return found;
}

/** "< 0.001" or "= 0.012". */
const pText = (p: number) => (p < 0.001 ? '< 0.001' : `= ${p.toFixed(3)}`);
