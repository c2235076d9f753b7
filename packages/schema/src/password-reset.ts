// Password reset by a one-time link: an owner issues one for a member and passes it on, or, where the
// deployment has an email binding, the person asks for one by email. The link's page sets a new password.
import { z } from 'zod';
import { EmailSchema } from './api';
import { PasswordSchema } from './password';

/** POST /api/v1/members/{userId}/password-reset (owners): the link, shown once, to pass on to the member. */
export const PasswordResetLinkSchema = z.object({
  url: z.string(),
  /** Until then the link works, once. */
  expiresAt: z.string(),
});
export type PasswordResetLink = z.infer<typeof PasswordResetLinkSchema>;

/** GET /api/v1/auth/reset/{token} (no login): whose password the link resets, for the reset page. */
export const PasswordResetPreviewSchema = z.object({ email: z.string(), expiresAt: z.string() });
export type PasswordResetPreview = z.infer<typeof PasswordResetPreviewSchema>;

/** POST /api/v1/auth/reset: uses the link. Every session of the person ends; this browser is then signed in. */
export const PasswordResetSchema = z.strictObject({ token: z.string().min(10).max(200), password: PasswordSchema });
export type PasswordReset = z.input<typeof PasswordResetSchema>;

/** The reset was made; `signedIn` is false for a person who belongs to no organization now (they join by an invite). */
export const PasswordResetDoneSchema = z.object({ email: z.string(), signedIn: z.boolean() });
export type PasswordResetDone = z.infer<typeof PasswordResetDoneSchema>;

/** GET /api/v1/auth/reset: whether this deployment can send reset links by email. */
export const PasswordResetOptionsSchema = z.object({ email: z.boolean() });
export type PasswordResetOptions = z.infer<typeof PasswordResetOptionsSchema>;

/** POST /api/v1/auth/reset/request: a link by email, when the deployment sends email (else 501). */
export const PasswordResetRequestSchema = z.strictObject({ email: EmailSchema });
export type PasswordResetRequest = z.input<typeof PasswordResetRequestSchema>;
export const PasswordResetRequestedSchema = z.object({ message: z.string() });
