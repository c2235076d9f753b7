// Analytics responses (DESIGN.md "Metrics"). Scores are 0–100 and null below the minimum n.
import { z } from 'zod';

export const QUADRANTS = ['fix_first', 'keep_it_up', 'low_priority', 'possible_overkill'] as const;
export const QuadrantSchema = z.enum(QUADRANTS);
export type Quadrant = z.infer<typeof QuadrantSchema>;

export const SEGMENTS = ['device', 'channel', 'locale', 'country', 'returning', 'stage'] as const;

/** A date range and optional segment filter, e.g. `segment=device:mobile`. */
export const AnalyticsQuerySchema = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  segment: z.string().regex(/^[a-z]+:[A-Za-z0-9_-]+$/, 'segment is name:value').optional(),
});
export type AnalyticsQuery = z.infer<typeof AnalyticsQuerySchema>;

/** A score with its uncertainty: `value` is null when n is below the minimum. */
export const ScoreStatSchema = z.object({
  value: z.number().nullable(),
  n: z.int(),
  /** 95% interval on the 0–100 scale, null below the minimum n. */
  ci: z.tuple([z.number(), z.number()]).nullable(),
});
export type ScoreStat = z.infer<typeof ScoreStatSchema>;

export const TouchpointScoresSchema = z.object({
  key: z.string(),
  name: z.string(),
  stage: z.string(),
  channel: z.string(),
  owner: z.string(),
  /** Answers (answer events) at this touchpoint in range. */
  n: z.int(),
  visits: z.int(),
  scores: z.record(z.string(), ScoreStatSchema),
  quality: z.number().nullable(),
  importance: z.number().nullable(),
  quadrant: QuadrantSchema.nullable(),
  priority: z.number().nullable(),
});
export type TouchpointScores = z.infer<typeof TouchpointScoresSchema>;

export const OverviewSchema = z.object({
  range: z.object({ from: z.string(), to: z.string() }),
  minN: z.int(),
  touchpoints: z.array(TouchpointScoresSchema),
  consistency: z.object({
    overall: z.number().nullable(),
    byDimension: z.record(z.string(), z.number().nullable()),
    experienced: z.number().nullable(),
    breaking: z.array(z.string()),
  }),
  connectivity: z.object({
    score: z.number().nullable(),
    seamlessRate: z.number().nullable(),
    crossChannelShare: z.number().nullable(),
    transitions: z.array(
      z.object({ from: z.string(), to: z.string(), count: z.int(), handoff: z.number().nullable(), delta: z.number().nullable() }),
    ),
    dropOff: z.record(z.string(), z.number()),
  }),
});
export type Overview = z.infer<typeof OverviewSchema>;
