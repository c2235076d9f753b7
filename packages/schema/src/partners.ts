// The partner view (docs/metrics.md › Partner view): touchpoints a partner runs (owner `partner`), each with its scores
// and the handoffs into and out of it, for the brand's team and, by a share link, for the partner.
import { z } from 'zod';
import { AnalyticsQuerySchema, ScoreStatSchema } from './analytics';

/** GET /api/v1/sites/{id}/analytics/partners: the overview's filters, and optionally one partner touchpoint. */
export const PartnerQuerySchema = AnalyticsQuerySchema.extend({
  touchpoint: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9][a-z0-9_-]*$/, 'a touchpoint key')
    .optional(),
});
export type PartnerQuery = z.infer<typeof PartnerQuerySchema>;

/** A move between two touchpoints, as the overview's connectivity counts it (handoff and quality change 0–100 scale). */
export const HandoffSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** The touchpoint at the other end's name. */
  name: z.string(),
  count: z.int(),
  handoff: z.number().nullable(),
  handoffN: z.int(),
  delta: z.number().nullable(),
  deltaN: z.int(),
});
export type Handoff = z.infer<typeof HandoffSchema>;

export const PartnerTouchpointSchema = z.object({
  key: z.string(),
  name: z.string(),
  stage: z.string(),
  channel: z.string(),
  /** Answers in range. */
  n: z.int(),
  quality: z.number().nullable(),
  qualityStat: ScoreStatSchema,
  scores: z.record(z.string(), ScoreStatSchema),
  /** Answers joined to a journey begun elsewhere (TouchpointScores.joined). */
  joined: z.object({ n: z.int(), linked: z.int() }),
  /** Moves into this touchpoint, most first. */
  into: z.array(HandoffSchema),
  /** Moves out of it, most first. */
  outOf: z.array(HandoffSchema),
});
export type PartnerTouchpoint = z.infer<typeof PartnerTouchpointSchema>;

export const PartnerViewSchema = z.object({
  range: z.object({ from: z.string(), to: z.string() }),
  minN: z.int(),
  touchpoints: z.array(PartnerTouchpointSchema),
});
export type PartnerView = z.infer<typeof PartnerViewSchema>;
