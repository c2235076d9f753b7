// /api/v1/sites/{id}/analytics/*: the journey model as numbers, computed from the rollups.
// Every view answers `x-rows-read`: the site objects' rows read over their rollup queries (site and touchpoint
// lookups in D1 aside).
import { createRoute, type z } from '@hono/zod-openapi';
import {
  AnalyticsQuerySchema,
  normalizeSegment,
  OverviewSchema,
  TrendsQuerySchema,
  TrendsSchema,
} from '@throughline/schema';
import type { Context } from 'hono';
import { dailyScoreRows } from '../analytics/rollup-metrics';
import { siteOverview } from '../analytics/site-overview';
import { addDays } from '../analytics/trends';
import { ALERT_WINDOW_DAYS, ROLLING_LOOKBACK_DAYS, trendsOf } from '../analytics/trends-view';
import { journeyScopeOf } from '../analytics/journey-scope';
import type { AppEnv } from '../env';
import { ApiError } from '../errors';
import { apiApp, errors, json } from '../openapi';
import { dailyOf } from '../store/site-stores';
import { ownSite, SiteIdParam } from './site-scope';

const DEFAULT_RANGE_DAYS = 30;
const MAX_RANGE_DAYS = 731;
const DAY_MS = 86_400_000;

export function resolveRange(q: z.infer<typeof AnalyticsQuerySchema>, now = new Date()) {
  const to = q.to ?? now.toISOString().slice(0, 10);
  const from = q.from ?? addDays(to, -(DEFAULT_RANGE_DAYS - 1));
  if (from > to) throw new ApiError(400, 'invalid_range', `from (${from}) is after to (${to})`);
  if ((Date.parse(to) - Date.parse(from)) / DAY_MS >= MAX_RANGE_DAYS) {
    throw new ApiError(400, 'invalid_range', `a range covers at most ${MAX_RANGE_DAYS} days`);
  }
  return { from, to };
}

/**
 * The site, range, rollup filter and touchpoints of an analytics request. `journey=<type>` reads that journey type's
 * rows, its stages and its touchpoints (analytics/journey-scope.ts). `segment=stage:X` is a touchpoint filter: the
 * `all` rollups (of the type), restricted to the touchpoints of stage X (journeys still count whole).
 */
export async function scopeOf(c: Context<AppEnv>, id: string, q: z.infer<typeof AnalyticsQuerySchema>) {
  const site = await ownSite(c, id);
  const range = resolveRange(q);
  const journey = await journeyScopeOf(c.env.DB, site.id, q.journey);
  const { stages, touchpoints } = journey;
  const checked = normalizeSegment(q.segment ?? 'all');
  if (!checked.ok) throw new ApiError(400, 'invalid_segment', checked.reason, { allowed: checked.allowed });
  const segment = checked.segment;
  const stage = segment.startsWith('stage:') ? segment.slice('stage:'.length) : null;
  if (stage !== null && !stages.includes(stage)) {
    throw new ApiError(400, 'invalid_segment', `no stage "${stage}" in this site`, { stages });
  }
  const f = {
    siteId: site.id,
    shards: site.settings.shards,
    ...range,
    segment: journey.rows(stage === null ? segment : 'all'),
    all: journey.rows('all'),
  };
  return {
    site,
    range,
    f,
    stages,
    touchpoints: stage === null ? touchpoints : touchpoints.filter((t) => t.stage === stage),
  };
}

const overview = createRoute({
  method: 'get',
  path: '/sites/{id}/analytics/overview',
  tags: ['analytics'],
  request: { params: SiteIdParam, query: AnalyticsQuerySchema },
  responses: { 200: json(OverviewSchema), ...errors },
});

const trends = createRoute({
  method: 'get',
  path: '/sites/{id}/analytics/trends',
  tags: ['analytics'],
  description:
    'Daily series per touchpoint and dimension (`quality` = answer-level quality), and alerts: touchpoints whose ' +
    'quality in the 7 days ending at `to` is below the 28 days before (one-sided Welch t-test, α = 0.05).',
  request: { params: SiteIdParam, query: TrendsQuerySchema },
  responses: { 200: json(TrendsSchema), ...errors },
});

export const analyticsRoutes = apiApp()
  .openapi(overview, async (c) => {
    const { site, range, f, stages, touchpoints } = await scopeOf(c, c.req.valid('param').id, c.req.valid('query'));
    const { overview: result, rowsRead } = await siteOverview(c.env, {
      siteId: f.siteId,
      settings: site.settings,
      range,
      segment: f.segment,
      allSegment: f.all,
      stages,
      touchpoints,
    });
    c.header('x-rows-read', String(rowsRead));
    return c.json(result, 200);
  })
  .openapi(trends, async (c) => {
    const q = c.req.valid('query');
    const { site, range, f, touchpoints } = await scopeOf(c, c.req.valid('param').id, q);
    if (q.touchpoint !== undefined && !touchpoints.some((t) => t.key === q.touchpoint)) {
      throw new ApiError(404, 'not_found', `touchpoint "${q.touchpoint}" not found`);
    }
    // alerts look back 7 + 28 days from `to`, whatever the range
    // and the rolling 7-day line looks back 6 days before `from`
    const lookback = addDays(range.to, -(ALERT_WINDOW_DAYS - 1));
    const rollFrom = addDays(range.from, -ROLLING_LOOKBACK_DAYS);
    const readFrom = lookback < rollFrom ? lookback : rollFrom;
    const daily = await dailyOf(c.env, f.siteId, f.shards, f.segment, readFrom, range.to, q.touchpoint);
    const result = trendsOf({
      rows: dailyScoreRows(daily.rows).filter(
        (r) => q.dimension === undefined || r.dimension === q.dimension || r.dimension === 'quality',
      ),
      range,
      minN: site.settings.minN,
      touchpoints: touchpoints.map((t) => t.key).filter((key) => q.touchpoint === undefined || key === q.touchpoint),
      dimension: q.dimension,
    });
    c.header('x-rows-read', String(daily.rowsRead));
    return c.json(result, 200);
  });
