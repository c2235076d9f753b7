// Organization members and invitations by link (owner manages; roles owner/editor/viewer).
import { z } from 'zod';
import { CurrentPasswordSchema, EmailSchema, RoleSchema } from './api';

export const MemberSchema = z.object({
  userId: z.string(),
  email: z.string(),
  role: RoleSchema,
  joinedAt: z.string(),
  /** True for the caller's own membership. */
  you: z.boolean(),
});
export type Member = z.infer<typeof MemberSchema>;
export const MembersSchema = z.object({ members: z.array(MemberSchema) });
export type Members = z.infer<typeof MembersSchema>;

/** PATCH /api/v1/members/{userId}. An organization always keeps at least one owner. */
export const MemberRoleSchema = z.strictObject({ role: RoleSchema });
export type MemberRole = z.infer<typeof MemberRoleSchema>;

/** POST /api/v1/invites: a single-use link for the given role; `email`, when set, is the only address that may accept. */
export const InviteCreateSchema = z.strictObject({
  role: RoleSchema.default('viewer'),
  email: EmailSchema.optional(),
  /** Hours until the link expires: 1 to 30 days, default 7 days. */
  expiresInHours: z.int().min(1).max(720).default(168),
});
export type InviteCreate = z.input<typeof InviteCreateSchema>;

export const InviteSchema = z.object({
  id: z.string(),
  role: RoleSchema,
  email: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  /** Set once the invite was used. */
  acceptedAt: z.string().nullable(),
});
export type Invite = z.infer<typeof InviteSchema>;
export const InvitesSchema = z.object({ invites: z.array(InviteSchema) });
export type Invites = z.infer<typeof InvitesSchema>;

/** The created invite with its secret token and link, shown once. */
export const InviteCreatedSchema = InviteSchema.extend({ token: z.string(), url: z.string() });
export type InviteCreated = z.infer<typeof InviteCreatedSchema>;

/** GET /api/v1/invites/{token} (no login): what the link offers, for the accept screen. */
export const InvitePreviewSchema = z.object({
  organization: z.string(),
  role: RoleSchema,
  email: z.string().nullable(),
  expiresAt: z.string(),
});
export type InvitePreview = z.infer<typeof InvitePreviewSchema>;

/**
 * POST /api/v1/invites/accept. Signed in: `{token}` adds the caller to the organization.
 * Not signed in: `{token, email, password}` logs in to that account, or creates it (the password then follows
 * PasswordSchema), joins and opens the organization: a member who was removed can join again.
 */
export const InviteAcceptSchema = z.strictObject({
  token: z.string().min(10).max(200),
  email: EmailSchema.optional(),
  password: CurrentPasswordSchema.optional(),
});
export type InviteAccept = z.input<typeof InviteAcceptSchema>;

/** GET /api/v1/organizations: every organization the signed-in person belongs to (an API token: its own). */
export const OrganizationsSchema = z.object({
  organizations: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      role: RoleSchema,
      /** The one this session opens. */ current: z.boolean(),
    }),
  ),
});
export type Organizations = z.infer<typeof OrganizationsSchema>;

/** POST /api/v1/auth/switch: open another organization of the signed-in person (a new session id). */
export const SwitchOrganizationSchema = z.strictObject({ organization: z.string().min(1).max(64) });
export type SwitchOrganization = z.infer<typeof SwitchOrganizationSchema>;
