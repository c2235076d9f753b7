// Journey types (docs/metrics.md › Journey types): a site's several journeys (buying, returning an item, getting
// support), each with its name, ordered stages and the touchpoints that serve it, each at one of its stages.
import { z } from 'zod';
import { StageNameSchema, StagesSchema, TouchpointKeySchema } from './journey';

/** A journey type's slug: short, URL-safe, fixed once made (a filter may name a type by it). */
export const JourneyTypeSlugSchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'slugs are lowercase letters, digits and -');

/** A type's id or its slug: what `journey=` and the routes' `{typeId}` accept. */
export const JourneyTypeRefSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'a journey type id or slug');

/** A touchpoint that serves a journey type, and the type's stage it sits in. */
export const JourneyTypeTouchpointSchema = z.strictObject({ key: TouchpointKeySchema, stage: StageNameSchema });
export type JourneyTypeTouchpoint = z.infer<typeof JourneyTypeTouchpointSchema>;

const TypeTouchpointsSchema = z
  .array(JourneyTypeTouchpointSchema)
  .max(500)
  .refine((t) => new Set(t.map((x) => x.key)).size === t.length, 'a touchpoint is listed once per journey type');

export const JourneyTypeSchema = z.object({
  id: z.string(),
  slug: JourneyTypeSlugSchema,
  name: z.string(),
  /** The site's first journey: the stages API (`/stages`) reads and writes its stages; visits no other type claims count here. */
  isDefault: z.boolean(),
  stages: StagesSchema,
  touchpoints: z.array(JourneyTypeTouchpointSchema),
});
export type JourneyType = z.infer<typeof JourneyTypeSchema>;

export const JourneyTypesSchema = z.object({ journeyTypes: z.array(JourneyTypeSchema) });
export type JourneyTypes = z.infer<typeof JourneyTypesSchema>;

const NameSchema = z.string().trim().min(1).max(60);

export const JourneyTypeInputSchema = z.strictObject({
  name: NameSchema,
  /** Made from the name when left out. */
  slug: JourneyTypeSlugSchema.optional(),
  stages: StagesSchema,
  touchpoints: TypeTouchpointsSchema.default([]),
});
export type JourneyTypeInput = z.input<typeof JourneyTypeInputSchema>;

/** Rename, new stages, a new list of touchpoints, or a new place in the site's list; the fields left out stay. */
export const JourneyTypePatchSchema = z.strictObject({
  name: NameSchema.optional(),
  stages: StagesSchema.optional(),
  touchpoints: TypeTouchpointsSchema.optional(),
  /** Its place in the site's list of types, 0 first (past the end: last); the others keep their order. */
  position: z.int().min(0).max(100).optional(),
});
export type JourneyTypePatch = z.infer<typeof JourneyTypePatchSchema>;

/** A site holds at most this many journey types. */
export const MAX_JOURNEY_TYPES = 20;

/** A slug from a name: "Getting support" → "getting-support". */
export function slugOf(name: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return s || 'journey';
}
