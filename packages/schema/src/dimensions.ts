// The dimensions a prompt can ask (docs/metrics.md › The model), each on a 1–5 scale.
import { z } from 'zod';

import { DIMENSIONS, EXPERIENCE_DIMENSIONS } from './constants';

export const DimensionSchema = z.enum(DIMENSIONS);
export type Dimension = z.infer<typeof DimensionSchema>;
export const ExperienceDimensionSchema = z.enum(EXPERIENCE_DIMENSIONS);
export type ExperienceDimension = z.infer<typeof ExperienceDimensionSchema>;

/** One answer on the five-point scale. */
export const ScoreSchema = z.int().min(1, 'answers are 1 to 5').max(5, 'answers are 1 to 5');

/** Answers keyed by dimension; unknown dimensions are rejected, at least one is required. */
export const AnswersSchema = z
  .strictObject({
    sensorial: ScoreSchema.optional(),
    affective: ScoreSchema.optional(),
    cognitive: ScoreSchema.optional(),
    relational: ScoreSchema.optional(),
    behavioral: ScoreSchema.optional(),
    importance: ScoreSchema.optional(),
    handoff: ScoreSchema.optional(),
  })
  .refine((a) => Object.values(a).some((v) => v !== undefined), 'an answer needs at least one dimension');
export type Answers = z.infer<typeof AnswersSchema>;
