// POST /api/v1/sites/{id}/import: answers and visits from paper or other tools, with their own times.
// Idempotent by event id; all events are checked before anything is written.
import { createRoute, z } from '@hono/zod-openapi';
import { ImportRequestSchema } from '@throughline/schema';
import { requireRole } from '../auth/middleware';
import { storeEvents } from '../db/events';
import { touchpointChannels } from '../db/touchpoints';
import { ApiError } from '../errors';
import { checkEvents } from '../ingest/check-events';
import { apiApp, errors, json, jsonBody } from '../openapi';
import { ownSite, SiteIdParam } from './site-scope';

/** Events per D1 batch: each table's rows go as one JSON parameter, well inside D1's 2 MB per value. */
const CHUNK = 400;

const importRoute = createRoute({
  method: 'post', path: '/sites/{id}/import', tags: ['data'], middleware: [requireRole('editor')] as const,
  request: { params: SiteIdParam, ...jsonBody(ImportRequestSchema) },
  responses: { 200: json(z.object({ accepted: z.int(), duplicates: z.int() }), 'Imported'), ...errors },
});

export const importRoutes = apiApp().openapi(importRoute, async (c) => {
  const site = await ownSite(c, c.req.valid('param').id);
  const { events } = c.req.valid('json');
  const touchpoints = await touchpointChannels(c.env.DB, site.id);
  const { valid, rejected } = checkEvents(
    events.map(({ visitor: _v, ...e }) => e),
    { touchpoints, now: Date.now(), maxAgeDays: null },
  );
  if (rejected.length) throw new ApiError(400, 'invalid_events', `${rejected.length} events rejected; nothing imported. First: ${rejected[0]!.reason}`, { rejected });
  // Oldest first: a transition's quality delta looks back at the earlier answer of the same visitor.
  valid.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const visitorOf = new Map(events.map((e) => [e.id, e.visitor]));
  let accepted = 0;
  let duplicates = 0;
  for (let i = 0; i < valid.length; i += CHUNK) {
    const r = await storeEvents(c.env.DB, {
      siteId: site.id, country: null, source: 'import',
      events: valid.slice(i, i + CHUNK).map((event) => ({ visitor: visitorOf.get(event.id)!, event, channel: touchpoints.get(event.touchpoint)! })),
    });
    accepted += r.accepted;
    duplicates += r.duplicates;
  }
  return c.json({ accepted, duplicates }, 200);
});
