// API tokens as listed to owners: never the secret, only its name, role and state.
import { z } from 'zod';
import { RoleSchema } from './api';

export const ApiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: RoleSchema,
  /** Email of the member who made it, null if that member is gone. */
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  /** Set once revoked (DELETE /api/v1/tokens/{id}); a revoked token is refused. */
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;
export const ApiTokensSchema = z.object({ tokens: z.array(ApiTokenSchema) });
export type ApiTokens = z.infer<typeof ApiTokensSchema>;
