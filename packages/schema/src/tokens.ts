// API tokens as listed to owners: never the secret, only its name, role and state.
import { z } from 'zod';
import { RoleSchema, TokenScopeSchema } from './api';

export const ApiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** read or write (see TokenScopeSchema). */
  scope: TokenScopeSchema,
  /** The role it acts with today: viewer for read; for write, its maker's current role. Null once its maker left. */
  role: RoleSchema.nullable(),
  /** Email of the person who made it (a token cannot make a token); null only for tokens from before that rule. */
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  /** Set once revoked (DELETE /api/v1/tokens/{id}); a revoked token is refused. */
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;
export const ApiTokensSchema = z.object({ tokens: z.array(ApiTokenSchema) });
export type ApiTokens = z.infer<typeof ApiTokensSchema>;
