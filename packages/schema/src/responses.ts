// The responses list and the answer exports of a site (the dashboard API: responses, export; /api/v1/openapi.json).
import { z } from 'zod';
import { AnalyticsQuerySchema } from './analytics';
import { DimensionSchema } from './dimensions';
import { TouchpointKeySchema } from './journey';

/**
 * Filters shared by the responses list and the exports: the analytics range and segment
 * (`segment=device:mobile`), a touchpoint, and whether the answer has a comment.
 * Dates are UTC days, both ends included; without `from`/`to` the list is not bounded in time.
 */
export const ResponsesFilterSchema = AnalyticsQuerySchema.extend({
  touchpoint: TouchpointKeySchema.optional(),
  /** `true`: only answers with a comment; `false`: only answers without one. */
  hasComment: z.enum(['true', 'false']).optional(),
  /** Comment text to find: case- and accent-insensitive, any part of a word (`gutschein` finds "Gutscheincode"). */
  q: z.string().trim().min(1).max(100).optional(),
});
export type ResponsesFilter = z.infer<typeof ResponsesFilterSchema>;

/** A page of responses, newest first; pass the previous page's `nextCursor` as `cursor`. */
export const ResponsesQuerySchema = ResponsesFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type ResponsesQuery = z.input<typeof ResponsesQuerySchema>;

/** One answer event as stored, with its comment and the context it came with. */
export const ResponseRowSchema = z.object({
  id: z.string(),
  /** The journey id (anonymous, made by the widget); the key for deleting a visitor's data. */
  visitor: z.string(),
  touchpoint: z.string(),
  from: z.string().nullable(),
  at: z.string(),
  answers: z.partialRecord(DimensionSchema, z.int()),
  /** Mean of the experience dimensions on the 0–100 scale, null when none was answered. */
  quality: z.number().nullable(),
  comment: z.string().nullable(),
  context: z.object({
    device: z.string().nullable(),
    /** Channel of arrival. */
    channel: z.string().nullable(),
    locale: z.string().nullable(),
    country: z.string().nullable(),
    returning: z.boolean().nullable(),
  }),
  source: z.enum(['widget', 'import']),
});
export type ResponseRow = z.infer<typeof ResponseRowSchema>;

export const ResponsesPageSchema = z.object({
  responses: z.array(ResponseRowSchema),
  /** Absent (null) on the last page. */
  nextCursor: z.string().nullable(),
});
export type ResponsesPage = z.infer<typeof ResponsesPageSchema>;

/** What deleting one visitor removed: their visits, answers and comments; rollups lose the same. */
export const VisitorDeletionSchema = z.object({
  visitor: z.string(),
  visits: z.int(),
  answers: z.int(),
  comments: z.int(),
});
export type VisitorDeletion = z.infer<typeof VisitorDeletionSchema>;

/** Events ingest answered but did not store, per UTC day: sent by obvious bots, or in batches refused by the rate limits. */
export const DroppedTrafficSchema = z.object({
  days: z.array(z.object({ day: z.string(), bots: z.int(), rateLimited: z.int() })),
});
export type DroppedTraffic = z.infer<typeof DroppedTrafficSchema>;

/** What one site object holds, and the rows it has written since it last started (GET …/storage). */
export const StoreStatsSchema = z.object({
  shard: z.int(),
  events: z.int(),
  visits: z.int(),
  answers: z.int(),
  /** Prompt events (shown, dismissed, answered). */
  prompts: z.int(),
  rollupRows: z.int(),
  databaseBytes: z.int(),
  /** Rows written (raw events, contexts, rollups) since the object started, and the events they stored. */
  rowsWritten: z.int(),
  eventsWritten: z.int(),
});
export const StorageSchema = z.object({ shards: z.int(), objects: z.array(StoreStatsSchema) });
export type Storage = z.infer<typeof StorageSchema>;

/** Comment themes in a range (and segment): near-identical comments grouped, and per touchpoint its over-represented
 * words and word pairs with their counts and the mean quality (0–100) of the answers that mention them. */
export const CommentThemesSchema = z.object({
  /** Comments read: the newest 5,000 in range at most (`capped` when there were more). */
  comments: z.int(),
  capped: z.boolean(),
  groups: z.array(z.object({ text: z.string(), count: z.int(), touchpoints: z.array(z.string()) })),
  themes: z.array(
    z.object({
      touchpoint: z.string(),
      phrase: z.string(),
      count: z.int(),
      /** Share of the touchpoint's comments that mention it, and of the other touchpoints' comments. */
      share: z.number(),
      elsewhereShare: z.number(),
      lift: z.number(),
      quality: z.number().nullable(),
    }),
  ),
});
export type CommentThemes = z.infer<typeof CommentThemesSchema>;
