// Read-only share links to one view of a site, with its filters: for a manager or a partner without an account.
import { z } from 'zod';

/** `partners` opens the partner view only (with `touchpoint=<key>` in its query: that one partner touchpoint). */
export const SHARE_VIEWS = ['map', 'priorities', 'consistency', 'connectivity', 'trends', 'partners'] as const;
export type ShareView = (typeof SHARE_VIEWS)[number];

export const ShareInputSchema = z.strictObject({
  view: z.enum(SHARE_VIEWS),
  /** The view's filters as a URL query, e.g. `from=2026-11-01&segment=device:mobile&team=Logistics`. */
  query: z
    .string()
    .max(300)
    .regex(/^[\w.:%&=+,-]*$/, 'a URL query of filters')
    .default(''),
  /** Days until the link stops working (default 14, at most 90). */
  expiresInDays: z.int().min(1).max(90).default(14),
  /** Who it is for, to find it in the list ("Board, November"). */
  label: z.string().trim().max(80).default(''),
});
export type ShareInput = z.input<typeof ShareInputSchema>;

export const ShareSchema = z.object({
  id: z.string(),
  view: z.enum(SHARE_VIEWS),
  query: z.string(),
  label: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  state: z.enum(['active', 'expired', 'revoked']),
});
export type Share = z.infer<typeof ShareSchema>;
/** Made: the dashboard path with the token, shown this once (only the token's hash is kept). */
export const ShareCreatedSchema = ShareSchema.extend({ path: z.string() });
export type ShareCreated = z.infer<typeof ShareCreatedSchema>;
export const SharesSchema = z.object({ shares: z.array(ShareSchema) });

/** What a shared link opens: answered to its own token only. */
export const ShareInfoSchema = z.object({
  siteId: z.string(),
  siteName: z.string(),
  view: z.enum(SHARE_VIEWS),
  query: z.string(),
  label: z.string(),
  expiresAt: z.string(),
});
export type ShareInfo = z.infer<typeof ShareInfoSchema>;
