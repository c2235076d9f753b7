// Journeys as a CX team sets them up: stages, touchpoints and their prompts.
import { z } from 'zod';
import { CHANNELS, DEFAULT_PROMPT_DIMENSIONS, OWNERS } from './constants';
import { DimensionSchema } from './dimensions';

export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof ChannelSchema>;

export const OwnerSchema = z.enum(OWNERS);
export type Owner = z.infer<typeof OwnerSchema>;

/** A touchpoint key: short, URL-safe, stable (it is what answers are filed under). */
export const TouchpointKeySchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'keys are lowercase letters, digits, - and _');

export const StageNameSchema = z.string().trim().min(1).max(60);
export const StagesSchema = z
  .array(StageNameSchema)
  .min(1)
  .max(20)
  .refine((s) => new Set(s).size === s.length, 'stage names must be unique');
export type Stages = z.infer<typeof StagesSchema>;

/**
 * A URL rule: a path pattern where `*` matches any run of characters
 * (`/checkout*`), optionally with `?param=value` that the query must carry.
 */
export const UrlRuleSchema = z.string().min(1).max(300);

export const TouchpointInputSchema = z.strictObject({
  key: TouchpointKeySchema,
  name: z.string().trim().min(1).max(120),
  stage: StageNameSchema,
  channel: ChannelSchema.default('web'),
  owner: OwnerSchema.default('brand'),
  /** The team or department inside the organization that looks after it ("Logistics"); its alerts go to that team. */
  team: z.string().trim().max(60).default(''),
  match: z.array(UrlRuleSchema).max(20).default([]),
  /** A natural end of the journey (an order confirmation): drop-off does not count journeys that end here. */
  naturalEnd: z.boolean().default(false),
});
export type TouchpointInput = z.input<typeof TouchpointInputSchema>;
/** Without the create defaults: a PATCH changes only the fields it names. */
export const TouchpointPatchSchema = TouchpointInputSchema.omit({ key: true })
  .extend({
    channel: ChannelSchema,
    owner: OwnerSchema,
    team: z.string().trim().max(60),
    match: z.array(UrlRuleSchema).max(20),
    naturalEnd: z.boolean(),
  })
  .partial();

export const TouchpointSchema = TouchpointInputSchema.extend({
  /** Short code of the hosted prompt page `/t/{code}` (the QR code's target). */
  code: z.string(),
});
export type Touchpoint = z.infer<typeof TouchpointSchema>;

export const TriggerSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('immediate') }),
  z.strictObject({ type: z.literal('delay'), seconds: z.number().min(0).max(600) }),
  z.strictObject({ type: z.literal('scroll'), percent: z.number().min(0).max(100) }),
  z.strictObject({ type: z.literal('exit') }),
  z.strictObject({ type: z.literal('event'), name: z.string().min(1).max(64) }),
]);
export type Trigger = z.infer<typeof TriggerSchema>;

/** Wording of the questions for one locale, by dimension; missing entries fall back to the built-in text. */
export const WordingSchema = z.partialRecord(DimensionSchema, z.string().min(1).max(200));

export const PromptInputSchema = z.strictObject({
  /** One to three dimensions asked together; `handoff` is added only for arrivals from another touchpoint. */
  dimensions: z
    .array(DimensionSchema)
    .min(1)
    .max(3)
    .default([...DEFAULT_PROMPT_DIMENSIONS]),
  /** Question wording by locale (`en`, `de-CH`, …). */
  wording: z.record(z.string().min(2).max(16), WordingSchema).default({}),
  /** Share of eligible visits that are asked, 0–1. */
  sampling: z.number().min(0).max(1).default(1),
  trigger: TriggerSchema.default({ type: 'immediate' }),
  /** Days before a visitor who answered or dismissed is asked again. */
  recontactDays: z.int().min(0).max(365).default(30),
  comment: z.boolean().default(true),
  enabled: z.boolean().default(true),
});
export type PromptInput = z.input<typeof PromptInputSchema>;
export type Prompt = z.infer<typeof PromptInputSchema>;
