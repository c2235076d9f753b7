// Bodies of the dashboard API under /api/v1 (the OpenAPI document at /api/v1/openapi.json).
import { z } from 'zod';
import { SiteSettingsSchema } from './config';
import { VisitorIdSchema } from './events';
import { PasswordSchema } from './password';

export { PasswordSchema, strongEnough } from './password';

export const ErrorBodySchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

export const EmailSchema = z
  .email()
  .max(254)
  .transform((e) => e.toLowerCase());

export const SignupSchema = z.strictObject({
  email: EmailSchema,
  password: PasswordSchema,
  organization: z.string().trim().min(1).max(120),
});
export type Signup = z.input<typeof SignupSchema>;
export const LoginSchema = z.strictObject({ email: EmailSchema, password: z.string().min(1).max(200) });
/** A password as typed to prove who one is (not a new one: older passwords may not meet today's rules). */
export const CurrentPasswordSchema = z.string().min(1).max(200);

/** POST /api/v1/auth/password: a new password; every other session of the person ends. */
export const PasswordChangeSchema = z.strictObject({ current: CurrentPasswordSchema, password: PasswordSchema });
export type PasswordChange = z.input<typeof PasswordChangeSchema>;
/** DELETE /api/v1/me: the person's account, confirmed with the password. */
export const AccountDeleteSchema = z.strictObject({ password: CurrentPasswordSchema });
export type AccountDelete = z.input<typeof AccountDeleteSchema>;
export type Login = z.input<typeof LoginSchema>;

export const ROLES = ['owner', 'editor', 'viewer'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const MeSchema = z.object({
  user: z.object({ id: z.string(), email: z.string() }),
  organization: z.object({ id: z.string(), name: z.string() }),
  role: RoleSchema,
});
export type Me = z.infer<typeof MeSchema>;

/**
 * What an API token may do: `read` (GET on the data routes) or `write` (also change them, up to its maker's
 * role). A token never manages credentials or people (tokens, invites, members, site deletion): those need a
 * signed-in session.
 */
export const TOKEN_SCOPES = ['read', 'write'] as const;
export const TokenScopeSchema = z.enum(TOKEN_SCOPES);
export type TokenScope = z.infer<typeof TokenScopeSchema>;

/** POST /api/v1/tokens. `role` is the older spelling of the scope: `viewer` means read, `editor`/`owner` write. */
export const TokenCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(80),
  scope: TokenScopeSchema.optional(),
  role: RoleSchema.optional(),
});
export type TokenCreate = z.input<typeof TokenCreateSchema>;
export const TokenCreatedSchema = z.object({ id: z.string(), name: z.string(), token: z.string() });
export type TokenCreated = z.infer<typeof TokenCreatedSchema>;

/** An allowed origin, e.g. `https://shop.example` (scheme, host, optional port). */
export const OriginSchema = z
  .string()
  .regex(/^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i, 'an origin is scheme://host[:port]');

export const SiteCreateSchema = z.strictObject({
  name: z.string().trim().min(1).max(120),
  origins: z.array(OriginSchema).max(50).default([]),
  settings: SiteSettingsSchema.optional(),
});
export type SiteCreate = z.input<typeof SiteCreateSchema>;
export const SiteSchema = z.object({
  id: z.string(),
  key: z.string(),
  name: z.string(),
  origins: z.array(z.string()),
  settings: SiteSettingsSchema,
  createdAt: z.string(),
});
export type Site = z.infer<typeof SiteSchema>;
/** Without the create defaults: a PATCH changes only the fields it names (`.partial()` would keep `origins: []`). */
export const SitePatchSchema = SiteCreateSchema.extend({ origins: z.array(OriginSchema).max(50) }).partial();

/**
 * POST /api/v1/sites/{id}/journey-links: a signed journey link for one customer's journey (an order email, a QR code
 * on a parcel slip). Put `link` in the URL as `tl_j`; a visit that arrives with it joins `journey` until it expires.
 */
export const JourneyLinkCreateSchema = z.strictObject({
  /** The journey to join; a new random id when left out. */
  journey: VisitorIdSchema.optional(),
  /** Days until the link stops joining visits: 1 to 365, default 30. */
  expiresInDays: z.int().min(1).max(365).default(30),
  /** A touchpoint whose hosted prompt page (`/t/{code}`) the link should open: the answer gets `url`. */
  touchpoint: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9][a-z0-9_-]*$/, 'a touchpoint key')
    .optional(),
});
export type JourneyLinkCreate = z.input<typeof JourneyLinkCreateSchema>;
export const JourneyLinkCreatedSchema = z.object({
  journey: z.string(),
  /** The signed value of the `tl_j` URL parameter. */
  link: z.string(),
  param: z.literal('tl_j'),
  expiresAt: z.string(),
  /** With `touchpoint`: the absolute address of its hosted page carrying the link, to print as a QR code
   * (GET …/touchpoints/{key}/qr.svg?link=… draws it) or to put in an email. */
  url: z.string().optional(),
});
export type JourneyLinkCreated = z.infer<typeof JourneyLinkCreatedSchema>;
