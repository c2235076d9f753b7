// Actions a team logged on a touchpoint, each with its measured effect on quality (worker/src/analytics/action-effect.ts).
import { z } from 'zod';

export const ActionInputSchema = z.strictObject({
  /** The day the change reached visitors (UTC), e.g. `2026-11-02`. */
  day: z.iso.date(),
  title: z.string().trim().min(1).max(120),
  note: z.string().trim().max(2000).default(''),
});
export type ActionInput = z.input<typeof ActionInputSchema>;

const WindowSchema = z.object({ from: z.string(), to: z.string(), n: z.int(), value: z.number().nullable() });
export const ActionEffectSchema = z.object({
  /** Days in each window: 14, fewer while the action is recent. */
  days: z.int(),
  before: WindowSchema,
  after: WindowSchema,
  /** after − before, score points, with its 95% Welch interval. */
  change: z.number().nullable(),
  ci: z.tuple([z.number(), z.number()]).nullable(),
  /** Two-sided Welch p. */
  p: z.number().nullable(),
  verdict: z.enum(['too_early', 'improved', 'worsened', 'no_clear_change']),
});

export const ActionSchema = z.object({
  id: z.string(),
  touchpoint: z.string(),
  day: z.string(),
  title: z.string(),
  note: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type Action = z.infer<typeof ActionSchema>;
export const ActionWithEffectSchema = ActionSchema.extend({ effect: ActionEffectSchema });
export type ActionWithEffect = z.infer<typeof ActionWithEffectSchema>;
export const ActionsSchema = z.object({ actions: z.array(ActionWithEffectSchema) });
export type Actions = z.infer<typeof ActionsSchema>;
