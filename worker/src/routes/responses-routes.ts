// /api/v1/sites/{id}/responses (paged list with comments), export.csv / export.json (streamed), and deleting
// one visitor's data. Filters are shared: range, touchpoint, segment, has comment.
import { createRoute, z } from '@hono/zod-openapi';
import {
  ExportQuerySchema,
  ResponsesPageSchema,
  ResponsesQuerySchema,
  ResponseRowSchema,
  VisitorDeletionSchema,
  VisitorIdSchema,
  type ResponseRow,
} from '@throughline/schema';
import { requireRole } from '../auth/middleware';
import { allResponses, answerFilterOf, readResponses } from '../store/responses-read';
import { deleteVisitorData } from '../store/site-stores';
import { apiApp, errors, json } from '../openapi';
import { csvHeader, csvLine } from './export-csv';
import { ownSite, SiteIdParam } from './site-scope';

const list = createRoute({
  method: 'get',
  path: '/sites/{id}/responses',
  tags: ['responses'],
  request: { params: SiteIdParam, query: ResponsesQuerySchema },
  responses: { 200: json(ResponsesPageSchema), ...errors },
});
const exportCsv = createRoute({
  method: 'get',
  path: '/sites/{id}/export.csv',
  tags: ['responses'],
  request: { params: SiteIdParam, query: ExportQuerySchema },
  responses: {
    200: {
      content: { 'text/csv': { schema: z.string() } },
      description: 'Every matching answer, newest first (EXPORT_COLUMNS)',
    },
    ...errors,
  },
});
const exportJson = createRoute({
  method: 'get',
  path: '/sites/{id}/export.json',
  tags: ['responses'],
  request: { params: SiteIdParam, query: ExportQuerySchema },
  responses: { 200: json(z.array(ResponseRowSchema), 'Every matching answer, newest first'), ...errors },
});
const removeVisitor = createRoute({
  method: 'delete',
  path: '/sites/{id}/visitors/{visitorId}',
  tags: ['responses'],
  middleware: [requireRole('owner')] as const,
  request: { params: SiteIdParam.extend({ visitorId: VisitorIdSchema }) },
  responses: { 200: json(VisitorDeletionSchema, 'Deleted; the rollups lost the same answers and visits'), ...errors },
});

/** A body streamed page by page: the Worker holds one page of answers at a time, not the whole export. */
function stream(
  pages: AsyncGenerator<ResponseRow[]>,
  head: string,
  line: (r: ResponseRow, first: boolean) => string,
  tail: string,
) {
  const encoder = new TextEncoder();
  let first = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(head));
    },
    async pull(controller) {
      const next = await pages.next();
      if (next.done) {
        controller.enqueue(encoder.encode(tail));
        controller.close();
        return;
      }
      controller.enqueue(
        encoder.encode(
          next.value
            .map((r) => {
              const s = line(r, first);
              first = false;
              return s;
            })
            .join(''),
        ),
      );
    },
    cancel() {
      void pages.return(undefined);
    },
  });
}

const attachment = (site: { name: string }, ext: string) => {
  const name =
    site.name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'site';
  return `attachment; filename="throughline-${name}-${new Date().toISOString().slice(0, 10)}.${ext}"`;
};

export const responsesRoutes = apiApp()
  .openapi(list, async (c) => {
    const site = await ownSite(c, c.req.valid('param').id);
    const { limit, cursor, ...filter } = c.req.valid('query');
    return c.json(
      await readResponses(c.env, site, await answerFilterOf(c.env.DB, site.id, filter), limit, cursor),
      200,
    );
  })
  .openapi(exportCsv, async (c) => {
    const site = await ownSite(c, c.req.valid('param').id);
    const pages = allResponses(c.env, site, await answerFilterOf(c.env.DB, site.id, c.req.valid('query')));
    return c.body(stream(pages, csvHeader(), csvLine, ''), 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': attachment(site, 'csv'),
      'cache-control': 'no-store',
    });
  })
  .openapi(exportJson, async (c) => {
    const site = await ownSite(c, c.req.valid('param').id);
    const pages = allResponses(c.env, site, await answerFilterOf(c.env.DB, site.id, c.req.valid('query')));
    const body = stream(pages, '[', (r, first) => (first ? '' : ',\n') + JSON.stringify(r), ']\n');
    // A streamed body rather than c.json(): the typed route cannot see that it is the documented array.
    return c.body(body, 200, {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': attachment(site, 'json'),
      'cache-control': 'no-store',
    }) as never;
  })
  .openapi(removeVisitor, async (c) => {
    const { id, visitorId } = c.req.valid('param');
    const site = await ownSite(c, id);
    const deleted = await deleteVisitorData(c.env, site.id, site.settings.shards, visitorId);
    return c.json({ visitor: visitorId, ...deleted }, 200);
  });
