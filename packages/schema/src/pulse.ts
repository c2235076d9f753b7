// Employee pulse and the service-profit chain (docs/metrics.md › Employee pulse): the staff page's answers and the
// dashboard's view of them beside customer quality.
import { z } from 'zod';
import { ScoreSchema } from './dimensions';
import { ScoreStatSchema } from './analytics';

/** The three fixed questions on internal service quality, in the order the staff page asks them. */
export const PULSE_QUESTIONS = ['tools', 'support', 'pride'] as const;
export type PulseQuestion = (typeof PULSE_QUESTIONS)[number];

/** One staff response from the hosted page's form (values arrive as text): every question answered, 1–5. */
export const PulseAnswerSchema = z.strictObject({
  tools: z.coerce.number().pipe(ScoreSchema),
  support: z.coerce.number().pipe(ScoreSchema),
  pride: z.coerce.number().pipe(ScoreSchema),
});
export type PulseAnswer = z.infer<typeof PulseAnswerSchema>;

/** Groups smaller than this never get a score (anonymity), whatever the site's minimum n. */
export const PULSE_MIN_GROUP = 5;

export const PulseTouchpointSchema = z.object({
  key: z.string(),
  name: z.string(),
  stage: z.string(),
  /** The staff page's code: `/e/{staffCode}` (not the customer page's /t/ code). */
  staffCode: z.string(),
  /** Staff responses in range. */
  responses: z.int(),
  /** Employee pulse 0–100: the score of all three questions' answers pooled; null below the minimum group. */
  pulse: z.number().nullable(),
  /** Each question's score with n and 95% interval; value null below the minimum group. */
  questions: z.record(z.enum(PULSE_QUESTIONS), ScoreStatSchema),
  /** Customer quality over the same range (the overview's), null below the minimum n. */
  quality: z.number().nullable(),
  /** Pulse and quality both below 50. */
  bothLow: z.boolean(),
});
export type PulseTouchpoint = z.infer<typeof PulseTouchpointSchema>;

export const PulseViewSchema = z.object({
  range: z.object({ from: z.string(), to: z.string() }),
  /** The smallest group of responses shown (at least PULSE_MIN_GROUP). */
  minGroup: z.int(),
  touchpoints: z.array(PulseTouchpointSchema),
  /** The service-profit chain: Pearson r of pulse and quality across touchpoints that have both; n touchpoints.
   * r is null below 3 touchpoints or when either does not vary. */
  chain: z.object({ r: z.number().nullable(), n: z.int() }),
});
export type PulseView = z.infer<typeof PulseViewSchema>;
