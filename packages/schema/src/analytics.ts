// Analytics responses (docs/metrics.md). Scores are 0–100 and null below the minimum n.
import { z } from 'zod';
import { DIMENSIONS } from './constants';
import { JourneyTypeRefSchema } from './journey-types';

export const QUADRANTS = ['fix_first', 'keep_it_up', 'low_priority', 'possible_overkill'] as const;
export const QuadrantSchema = z.enum(QUADRANTS);
export type Quadrant = z.infer<typeof QuadrantSchema>;

export const SEGMENTS = ['device', 'channel', 'locale', 'country', 'returning', 'stage'] as const;

/** A date range and optional segment filter, e.g. `segment=device:mobile`. */
export const AnalyticsQuerySchema = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  segment: z
    .string()
    .max(120)
    .regex(
      /^[A-Za-z]{1,20}:[^:]{1,100}$/,
      'segment is name:value, name one of device, channel, locale, country, returning, stage',
    )
    .optional(),
  /** A journey type (id or slug): scores from that type's visits, journey metrics from its journeys (docs/metrics.md › Journey types). */
  journey: JourneyTypeRefSchema.optional(),
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

/** What visitors did with the touchpoint's prompt in range: shown, dismissed, answered; rates in percent of shown. */
export const ResponseRateSchema = z.object({
  shown: z.int(),
  dismissed: z.int(),
  answered: z.int(),
  /** answered / shown × 100; null when no prompt was shown. */
  answerRate: z.number().nullable(),
  /** Wilson 95% interval of the answer rate. */
  answerRateCi: z.tuple([z.number(), z.number()]).nullable(),
  dismissRate: z.number().nullable(),
});
export type ResponseRate = z.infer<typeof ResponseRateSchema>;

/** What loyalty means for derived importance: the `behavioral` answer, or coming back within the journey. */
export const LOYALTY_OUTCOMES = ['behavioral', 'return'] as const;
export const LoyaltyOutcomeSchema = z.enum(LOYALTY_OUTCOMES);
export type LoyaltyOutcome = z.infer<typeof LoyaltyOutcomeSchema>;

/** Derived importance (docs/metrics.md › Derived importance): 100 × Pearson's r of quality here with the loyalty
 * outcome (0 when negative), over journeys that rated the touchpoint; value and ci null below the minimum n. */
export const DerivedImportanceSchema = z.object({
  value: z.number().nullable(),
  /** Journeys that rated this touchpoint and have the outcome. */
  n: z.int(),
  /** 95% interval (Fisher z) on the same 0–100 scale. */
  ci: z.tuple([z.number(), z.number()]).nullable(),
  /** Pearson's r itself, −1…1. */
  r: z.number().nullable(),
  outcome: LoyaltyOutcomeSchema,
});
export type DerivedImportance = z.infer<typeof DerivedImportanceSchema>;

export const TouchpointScoresSchema = z.object({
  key: z.string(),
  name: z.string(),
  stage: z.string(),
  channel: z.string(),
  owner: z.string(),
  /** The team that looks after it ('' when none is set). */
  team: z.string(),
  /** Answers (answer events) at this touchpoint in range. */
  n: z.int(),
  visits: z.int(),
  /** docs/metrics.md › Journey link: answers here that belong to a journey begun elsewhere, i.e. given in a stay that is
   * not the journey's first or arrived with a valid journey link (`tl_j`); `linked` counts those that arrived with one. */
  joined: z.object({ n: z.int(), linked: z.int() }),
  /** Prompts shown, dismissed and answered (widget and hosted page; imports have none). */
  prompts: ResponseRateSchema,
  scores: z.record(z.string(), ScoreStatSchema),
  quality: z.number().nullable(),
  /** Quality with its uncertainty: `value` equals `quality`; `n` counts answers with an experience dimension;
   * `ci` is the 95% Student-t interval of answer-level quality (each answer's mean of its experience dimensions). */
  qualityStat: ScoreStatSchema,
  /** Context gap (docs/metrics.md › Context sensitivity): best minus worst segment in score points, by mean answer-level
   * quality, over segments (device, channel, locale, country, returning) with at least minN answers; null below two. */
  contextGap: z.object({
    gap: z.number().nullable(),
    best: z.object({ segment: z.string(), quality: z.number() }).nullable(),
    worst: z.object({ segment: z.string(), quality: z.number() }).nullable(),
    segments: z.int(),
  }),
  /** Per rated dimension: answers at each scale point 1…5 in range (the distribution behind its score; quality has none). */
  histograms: z.record(z.string(), z.tuple([z.int(), z.int(), z.int(), z.int(), z.int()])),
  /** Importance used for the quadrant and priority: stated (`scores.importance`) where it has a score, else derived. */
  importance: z.number().nullable(),
  importanceSource: z.enum(['stated', 'derived']).nullable(),
  derivedImportance: DerivedImportanceSchema,
  /** Quality more than one sd and at least 10 points below the mean of the touchpoints' quality (docs/metrics.md › Priority). */
  farBelow: z.boolean(),
  quadrant: QuadrantSchema.nullable(),
  priority: z.number().nullable(),
});
export type TouchpointScores = z.infer<typeof TouchpointScoresSchema>;

/** Thematic cohesion (docs/metrics.md › Thematic cohesion): the `theme` score across touchpoints. */
export const ThematicCohesionSchema = z.object({
  /** Mean theme score (0–100) over touchpoints with at least minN theme answers; null without any. */
  mean: z.number().nullable(),
  /** Population sd of those touchpoints' theme scores, in score points. */
  spread: z.number().nullable(),
  /** Touchpoints counted. */
  touchpoints: z.int(),
  /** More than one spread and at least 10 points below the mean: drifting from the theme (points below the mean). */
  drifting: z.array(z.object({ touchpoint: z.string(), points: z.number() })),
});
export type ThematicCohesion = z.infer<typeof ThematicCohesionSchema>;

export const OverviewSchema = z.object({
  range: z.object({ from: z.string(), to: z.string() }),
  minN: z.int(),
  touchpoints: z.array(TouchpointScoresSchema),
  consistency: z.object({
    overall: z.number().nullable(),
    byDimension: z.record(z.string(), z.number().nullable()),
    experienced: z.number().nullable(),
    breaking: z.array(z.string()),
    /** Each flag behind `breaking`, per dimension: above or below the journey mean, and by how many score points. */
    outliers: z.array(
      z.object({ touchpoint: z.string(), dimension: z.string(), side: z.enum(['above', 'below']), points: z.number() }),
    ),
    thematic: ThematicCohesionSchema,
  }),
  connectivity: z.object({
    score: z.number().nullable(),
    seamlessRate: z.number().nullable(),
    crossChannelShare: z.number().nullable(),
    transitions: z.array(
      z.object({
        from: z.string(),
        to: z.string(),
        count: z.int(),
        handoff: z.number().nullable(),
        /** Handoff answers at `to` from visitors who came from `from`. */
        handoffN: z.int(),
        delta: z.number().nullable(),
        /** Visitors who rated quality at both ends. */
        deltaN: z.int(),
      }),
    ),
    /** Share 0–1 per touchpoint outside the last stage: journeys ending there / journeys that reached it. */
    dropOff: z.record(z.string(), z.number()),
    /** The counts behind `dropOff`, per touchpoint (every touchpoint some journey reached, last stage too). */
    dropOffCounts: z.array(z.object({ touchpoint: z.string(), journeys: z.int(), ended: z.int() })),
    /** Journeys (site × visitor) whose last visit falls in the range. */
    journeys: z.int(),
  }),
});
export type Overview = z.infer<typeof OverviewSchema>;

/** Trends may be narrowed to one touchpoint and one dimension (`quality` is answer-level quality). */
export const TREND_DIMENSIONS = [...DIMENSIONS, 'quality'] as const;
export const TrendsQuerySchema = AnalyticsQuerySchema.extend({
  touchpoint: z.string().min(1).max(64).optional(),
  dimension: z.enum(TREND_DIMENSIONS).optional(),
});
export type TrendsQuery = z.infer<typeof TrendsQuerySchema>;

/** One day of one touchpoint. `scores.quality` is answer-level quality (the quantity the alert tests). */
export const TrendPointSchema = z.object({
  day: z.iso.date(),
  /** Answers that day with an experience dimension. */
  n: z.int(),
  scores: z.record(z.string(), ScoreStatSchema),
  /** The same scores over the 7 days ending on this day, answers pooled (days with few or no answers still count):
   * value, n and 95% interval; a score appears once its window holds an answer. */
  rolling: z.record(z.string(), ScoreStatSchema),
});
export type TrendPoint = z.infer<typeof TrendPointSchema>;

export const TouchpointTrendSchema = z.object({
  touchpoint: z.string(),
  /** One point per day from `from` to `to`, days without answers included. */
  days: z.array(TrendPointSchema),
});
export type TouchpointTrend = z.infer<typeof TouchpointTrendSchema>;

const AlertWindowSchema = z.object({ from: z.iso.date(), to: z.iso.date(), value: z.number(), n: z.int() });

/** A touchpoint whose 7-day quality is significantly below its previous 28 days. */
export const TrendAlertSchema = z.object({
  touchpoint: z.string(),
  /** The 7 days ending at the range's `to`: mean answer-level quality (0–100) and answers. */
  recent: AlertWindowSchema,
  /** The 28 days before them. */
  baseline: AlertWindowSchema,
  /** recent − baseline in score points (negative). */
  change: z.number(),
  test: z.object({
    name: z.literal('welch_t_one_sided'),
    /** null when both windows have zero variance (t is ±infinite). */ t: z.number().nullable(),
    df: z.number(),
    p: z.number(),
    alpha: z.number(),
  }),
});
export type TrendAlert = z.infer<typeof TrendAlertSchema>;

export const TrendsSchema = z.object({
  range: z.object({ from: z.string(), to: z.string() }),
  minN: z.int(),
  touchpoints: z.array(TouchpointTrendSchema),
  alerts: z.array(TrendAlertSchema),
});
export type Trends = z.infer<typeof TrendsSchema>;
