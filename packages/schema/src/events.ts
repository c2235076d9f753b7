// Ingest: POST /v1/events. The widget sends visits and answers in batches (README.md › Embed; the shapes below are the contract).
import { z } from 'zod';
import { ARRIVALS, DEVICES } from './constants';
import { AnswersSchema } from './dimensions';
import { TouchpointKeySchema } from './journey';

/** 64 KiB: the sendBeacon budget, and the limit the worker enforces before parsing. */
export const MAX_BODY_BYTES = 65_536;
export const MAX_EVENTS_PER_BATCH = 500;
/** Events older than this are refused by ingest; older data comes through import. */
export const MAX_EVENT_AGE_DAYS = 7;

/** Where and how the visit happened; every field optional, no personal data. */
export const ContextSchema = z.strictObject({
  device: z.enum(DEVICES).optional(),
  locale: z.string().min(2).max(16).optional(),
  /** Channel of arrival. */
  channel: z.enum(ARRIVALS).optional(),
  /** True when this visitor id was seen before this session. */
  returning: z.boolean().optional(),
  /** Page path (query and fragment only when the site allows). */
  path: z.string().max(512).optional(),
});
export type Context = z.infer<typeof ContextSchema>;

const EventBase = {
  /** A uuid made by the sender: the worker stores each id once. */
  id: z.uuid(),
  touchpoint: TouchpointKeySchema,
  at: z.iso.datetime({ offset: true }),
  /** The previous touchpoint of this journey, if any. */
  from: TouchpointKeySchema.optional(),
  context: ContextSchema.optional(),
};

/**
 * A signed journey link (docs/metrics.md › The model, "Journey link"), as carried by `tl_j` in a URL: `<journey id>.<expiry, Unix
 * seconds in base 36>.<HMAC-SHA256 signature, base64url>`, made by the worker only (worker/src/ingest/journey-link.ts).
 */
export const JourneyLinkSchema = z
  .string()
  .max(160)
  .regex(/^[A-Za-z0-9_-]{8,64}\.[0-9a-z]{1,10}\.[A-Za-z0-9_-]{43}$/, 'not a journey link');
export type JourneyLink = z.infer<typeof JourneyLinkSchema>;

/** The signed journey link the tab arrived with: a valid, unexpired one joins the event to that journey. */
const Linked = { link: JourneyLinkSchema.optional() };

export const VisitEventSchema = z.strictObject({ ...EventBase, ...Linked, type: z.literal('visit') });
export type VisitEvent = z.infer<typeof VisitEventSchema>;

export const AnswerEventSchema = z.strictObject({
  ...EventBase,
  ...Linked,
  type: z.literal('answer'),
  answers: AnswersSchema,
  comment: z.string().trim().max(2000).optional(),
});
export type AnswerEvent = z.infer<typeof AnswerEventSchema>;

/** A prompt on screen: shown, then dismissed (closed unanswered) or answered (sent beside its answer event). */
export const PROMPT_OUTCOMES = ['shown', 'dismissed', 'answered'] as const;
export type PromptOutcome = (typeof PROMPT_OUTCOMES)[number];
/** What the visitor did with a prompt: counted per touchpoint for its response rate; never part of a journey. */
export const PromptEventSchema = z.strictObject({
  ...EventBase,
  ...Linked,
  type: z.literal('prompt'),
  outcome: z.enum(PROMPT_OUTCOMES),
});
export type PromptEvent = z.infer<typeof PromptEventSchema>;

export const EventSchema = z.discriminatedUnion('type', [VisitEventSchema, AnswerEventSchema, PromptEventSchema]);
export type TrackedEvent = z.infer<typeof EventSchema>;

/** A visitor id: random, made and kept by the widget; it is the journey id unless a signed journey link says otherwise. */
export const VisitorIdSchema = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'visitor ids are URL-safe');

/** The ingest body. Events are validated one by one so that one bad event does not sink the batch. */
export const IngestRequestSchema = z.strictObject({
  site: z.string().min(1).max(64),
  visitor: VisitorIdSchema,
  events: z.array(z.unknown()).min(1).max(MAX_EVENTS_PER_BATCH),
  /** Events the widget had to drop from a full queue since its last batch. */
  dropped: z.int().min(0).max(1_000_000).optional(),
});
export type IngestRequest = Omit<z.infer<typeof IngestRequestSchema>, 'events'> & { events: TrackedEvent[] };

export const RejectedEventSchema = z.object({ index: z.int(), id: z.string().optional(), reason: z.string() });
export const IngestResponseSchema = z.object({
  accepted: z.int(),
  duplicates: z.int(),
  rejected: z.array(RejectedEventSchema),
  /** Events dropped unstored because the sender is an obvious bot (counted per site and day). */
  dropped: z.int().optional(),
});
export type IngestResponse = z.infer<typeof IngestResponseSchema>;

/** Import: answers and visits from paper or other tools, with their own times and visitors. */
export const ImportEventSchema = z.discriminatedUnion('type', [
  VisitEventSchema.extend({ visitor: VisitorIdSchema }),
  AnswerEventSchema.extend({ visitor: VisitorIdSchema }),
]);
export type ImportEvent = z.infer<typeof ImportEventSchema>;
export const ImportRequestSchema = z.strictObject({ events: z.array(ImportEventSchema).min(1).max(5000) });
export type ImportRequest = z.infer<typeof ImportRequestSchema>;
