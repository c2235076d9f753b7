// Alerts that reach people: destinations (a signed webhook, a Slack-compatible incoming webhook), the alerts a
// scheduled run found open, and the deliveries with their retries (worker/src/alerts/).
import { z } from 'zod';

export const ALERT_KINDS = ['quality_falling', 'fix_first', 'answers_dropped'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const DESTINATION_KINDS = ['webhook', 'slack'] as const;

export const AlertDestinationInputSchema = z.strictObject({
  /** `webhook`: a JSON POST signed with `x-throughline-signature`; `slack`: a Slack-compatible incoming webhook. */
  kind: z.enum(DESTINATION_KINDS),
  /** https (http only to localhost outside production). */
  url: z.url().max(500),
  /** Only alerts of touchpoints whose team is this one (and their lines of the digest); omit for every alert. */
  team: z.string().trim().min(1).max(60).optional(),
});
export type AlertDestinationInput = z.infer<typeof AlertDestinationInputSchema>;

const DeliveryStatusSchema = z.enum(['pending', 'sent', 'failed']);

export const AlertDestinationSchema = z.object({
  id: z.string(),
  kind: z.enum(DESTINATION_KINDS),
  url: z.string(),
  team: z.string().nullable(),
  createdAt: z.string(),
  /** The latest delivery to it, if any. */
  last: z
    .object({
      event: z.string(),
      status: DeliveryStatusSchema,
      attempts: z.int(),
      at: z.string(),
      error: z.string().nullable(),
    })
    .nullable(),
});
export type AlertDestination = z.infer<typeof AlertDestinationSchema>;

/** Answer to creating a webhook destination: its signing secret, shown this once. */
export const CreatedDestinationSchema = AlertDestinationSchema.extend({ secret: z.string().nullable() });

export const OpenAlertSchema = z.object({
  key: z.string(),
  kind: z.enum(ALERT_KINDS),
  touchpoint: z.string().nullable(),
  title: z.string(),
  openedAt: z.string(),
  seenAt: z.string(),
});
export type OpenAlert = z.infer<typeof OpenAlertSchema>;

export const DeliverySchema = z.object({
  id: z.string(),
  destinationId: z.string(),
  event: z.enum(['alert.opened', 'digest', 'test']),
  status: DeliveryStatusSchema,
  attempts: z.int(),
  nextAt: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type Delivery = z.infer<typeof DeliverySchema>;

export const AlertsStateSchema = z.object({
  destinations: z.array(AlertDestinationSchema),
  open: z.array(OpenAlertSchema),
  /** The latest 50 deliveries, newest first. */
  deliveries: z.array(DeliverySchema),
});
export type AlertsState = z.infer<typeof AlertsStateSchema>;

/** What "Send a test" did: the receiver's HTTP status, or the network error. */
export const TestDeliverySchema = z.object({
  ok: z.boolean(),
  status: z.int().nullable(),
  error: z.string().nullable(),
});
