// The OpenAPI-aware Hono factory: every API sub-app validates with the shared schemas and
// answers validation failures in our one error shape.
import { OpenAPIHono, type z } from '@hono/zod-openapi';
import { ErrorBodySchema } from '@throughline/schema';
import type { AppEnv } from './env';
import { invalid } from './errors';

export function apiApp() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw invalid(result.error as z.ZodError, result.target);
    },
  });
}

export const json = <T extends z.ZodType>(schema: T, description = 'OK') => ({
  content: { 'application/json': { schema } },
  description,
});

export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

/** The error responses every route may give. */
export const errors = {
  400: json(ErrorBodySchema, 'Invalid request'),
  401: json(ErrorBodySchema, 'Not logged in'),
  403: json(ErrorBodySchema, 'Not allowed'),
  404: json(ErrorBodySchema, 'Not found'),
} as const;
