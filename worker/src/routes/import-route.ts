// POST /api/v1/sites/{id}/import (JSON) and /import.csv (CSV, the columns of the export): answers and visits from
// paper or other tools, with their own times. Idempotent by event id; all events are checked before anything is
// written, and every rejected one is named (by index, or by CSV line).
import { createRoute, z } from '@hono/zod-openapi';
import { ImportRequestSchema, type ImportEvent, type Site } from '@throughline/schema';
import type { Context } from 'hono';
import { requireRole } from '../auth/middleware';
import { typeMapOf } from '../db/journey-types';
import { touchpointChannels } from '../db/touchpoints';
import { ApiError } from '../errors';
import { checkEvents } from '../ingest/check-events';
import type { AppEnv } from '../env';
import { apiApp, errors, json, jsonBody } from '../openapi';
import { incomingOf } from '../ingest/incoming';
import { storeEvents } from '../store/site-stores';
import { csvToImportEvents } from './import-csv';
import { ownSite, SiteIdParam } from './site-scope';

/** Events per call to the site objects: a few hundred KB of arguments at most. */
const CHUNK = 400;

/** A CSV import holds at most this much (the JSON import: 5,000 events per request). */
const MAX_CSV_BYTES = 2 * 1024 * 1024;
const ImportResultSchema = z.object({ accepted: z.int(), duplicates: z.int() });

const importRoute = createRoute({
  method: 'post',
  path: '/sites/{id}/import',
  tags: ['data'],
  middleware: [requireRole('editor')] as const,
  request: { params: SiteIdParam, ...jsonBody(ImportRequestSchema) },
  responses: { 200: json(ImportResultSchema, 'Imported'), ...errors },
});
const importCsvRoute = createRoute({
  method: 'post',
  path: '/sites/{id}/import.csv',
  tags: ['data'],
  middleware: [requireRole('editor')] as const,
  request: {
    params: SiteIdParam,
    body: {
      content: {
        'text/csv': {
          schema: z
            .string()
            .describe('A header row of EXPORT_COLUMNS (at and touchpoint required) and an optional type column'),
        },
      },
      required: true,
    },
  },
  responses: { 200: json(ImportResultSchema, 'Imported'), 413: errors[400], 415: errors[400], ...errors },
});

export const importRoutes = apiApp()
  .openapi(importRoute, async (c) => {
    const site = await ownSite(c, c.req.valid('param').id);
    return c.json(await importEvents(c, site, c.req.valid('json').events, (i) => ({ index: i })), 200);
  })
  .openapi(importCsvRoute, async (c) => {
    const site = await ownSite(c, c.req.valid('param').id);
    if (!/^text\/(csv|plain)\b/i.test(c.req.header('content-type') ?? ''))
      throw new ApiError(415, 'unsupported_media_type', 'send the file as text/csv');
    const text = await c.req.text();
    if (new TextEncoder().encode(text).length > MAX_CSV_BYTES)
      throw new ApiError(
        413,
        'too_large',
        `a CSV import holds at most ${MAX_CSV_BYTES / 1024 / 1024} MB; split the file`,
      );
    const rows = await csvToImportEvents(text, site.id).catch((problem: unknown) => {
      throw typeof problem === 'string' ? new ApiError(400, 'invalid_csv', problem) : problem;
    });
    const parsed = ImportRequestSchema.safeParse({ events: rows.events });
    if (!parsed.success) {
      const rejected = parsed.error.issues.map((issue) => {
        const [, index, ...field] = issue.path;
        const line = typeof index === 'number' ? rows.lines[index] : undefined;
        return { ...(line ? { line } : {}), reason: `${field.length ? `${field.join('.')}: ` : ''}${issue.message}` };
      });
      const first = rejected[0]!;
      throw new ApiError(
        400,
        'invalid_events',
        `${rejected.length} problems; nothing imported. First${first.line ? `, line ${first.line}` : ''}: ${first.reason}`,
        { rejected },
      );
    }
    return c.json(await importEvents(c, site, parsed.data.events, (i) => ({ line: rows.lines[i]! })), 200);
  });

/** Checks every event (touchpoints, times), then stores them oldest first; `where` names a rejected event in errors. */
async function importEvents(
  c: Context<AppEnv>,
  site: Site,
  events: ImportEvent[],
  where: (index: number) => { index: number } | { line: number },
) {
  const touchpoints = await touchpointChannels(c.env.DB, site.id);
  const { valid, rejected } = checkEvents(
    events.map(({ visitor: _v, ...e }) => e),
    { touchpoints, now: Date.now(), maxAgeDays: null },
  );
  if (rejected.length) {
    const named = rejected.map(({ index, ...r }) => ({ ...r, ...where(index) }));
    const first = named[0]!;
    throw new ApiError(
      400,
      'invalid_events',
      `${named.length} events rejected; nothing imported. First${'line' in first ? `, line ${first.line}` : ''}: ${first.reason}`,
      { rejected: named },
    );
  }
  // In any order: the site object derives journeys from the events' times, not their arrival.
  const visitorOf = new Map(events.map((e) => [e.id, e.visitor]));
  const types = await typeMapOf(c.env.DB, site.id);
  let accepted = 0;
  let duplicates = 0;
  for (let i = 0; i < valid.length; i += CHUNK) {
    const r = await storeEvents(
      c.env,
      site.id,
      site.settings,
      valid
        .slice(i, i + CHUNK)
        .map((event) =>
          incomingOf(event, visitorOf.get(event.id)!, touchpoints.get(event.touchpoint)!, null, 'import'),
        ),
      types,
    );
    accepted += r.accepted;
    duplicates += r.duplicates;
  }
  return { accepted, duplicates };
}
