// /api/v1/sites/{id}/analytics/*: the journey model as numbers, computed from the rollups.
import { createRoute, z } from '@hono/zod-openapi';
import { AnalyticsQuerySchema, OverviewSchema } from '@throughline/schema';
import { buildOverview } from '../analytics/overview';
import { readScoreSums, readTransitionSums, readVisitCounts, type RangeFilter } from '../db/analytics-reads';
import { readJourneys, readVisitorMeans } from '../db/journey-reads';
import { listStages } from '../db/sites';
import { listTouchpoints } from '../db/touchpoints';
import { apiApp, errors, json } from '../openapi';
import { ownSite, SiteIdParam } from './site-scope';

const DEFAULT_RANGE_DAYS = 30;

export function resolveRange(q: z.infer<typeof AnalyticsQuerySchema>, now = new Date()) {
  const to = q.to ?? now.toISOString().slice(0, 10);
  const from = q.from ?? new Date(Date.parse(to) - (DEFAULT_RANGE_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}

const overview = createRoute({
  method: 'get', path: '/sites/{id}/analytics/overview', tags: ['analytics'],
  request: { params: SiteIdParam, query: AnalyticsQuerySchema },
  responses: { 200: json(OverviewSchema), ...errors },
});

export const analyticsRoutes = apiApp().openapi(overview, async (c) => {
  const site = await ownSite(c, c.req.valid('param').id);
  const q = c.req.valid('query');
  const range = resolveRange(q);
  const f: RangeFilter = { siteId: site.id, ...range, segment: q.segment ?? 'all' };
  const [touchpoints, stages, scores, visits, transitions, journeys, visitorMeans] = await Promise.all([
    listTouchpoints(c.env.DB, site.id),
    listStages(c.env.DB, site.id),
    readScoreSums(c.env.DB, f),
    readVisitCounts(c.env.DB, f),
    readTransitionSums(c.env.DB, f),
    readJourneys(c.env.DB, f),
    readVisitorMeans(c.env.DB, f),
  ]);
  const result = buildOverview({
    range, minN: site.settings.minN, thresholds: site.settings.thresholds, stages, touchpoints,
    scores: scores.rows, visits: visits.rows, transitions: transitions.rows,
    journeyCounts: journeys.journeyCounts.rows, channelSpans: journeys.channelSpans.rows, visitorMeans: visitorMeans.rows,
  });
  const rowsRead = [scores, visits, transitions, journeys.journeyCounts, journeys.channelSpans, visitorMeans].reduce((n, r) => n + r.rowsRead, 0);
  c.header('x-rows-read', String(rowsRead));
  return c.json(result, 200);
});
