// One error shape for every 4xx: {"error": {"code", "message", "details"}}; 500 only for real faults.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';

export class ApiError extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(status, { message });
  }
}

export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`);

/** Zod issues as a list a person can read: `events.0.answers.sensorial: answers are 1 to 5`. */
export function describeIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

export function invalid(error: z.ZodError, where = 'body'): ApiError {
  const issues = describeIssues(error);
  const first = issues[0];
  const message = first
    ? `invalid ${where}: ${first.path ? `${first.path}: ` : ''}${first.message}`
    : `invalid ${where}`;
  return new ApiError(400, 'invalid_request', message, issues);
}

export function errorResponse(err: Error, c: Context): Response {
  if (err instanceof ApiError) {
    const res = c.json({ error: { code: err.code, message: err.message, details: err.details } }, err.status);
    for (const [k, v] of Object.entries(err.headers ?? {})) res.headers.set(k, v);
    return res;
  }
  if (err instanceof z.ZodError) {
    return errorResponse(invalid(err), c);
  }
  if (err instanceof HTTPException) {
    // Hono's own (e.g. malformed JSON from a validator, body limit): keep the status, our shape.
    const code = err.status === 413 ? 'payload_too_large' : err.status === 400 ? 'invalid_request' : 'http_error';
    return c.json({ error: { code, message: err.message || 'request rejected' } }, err.status);
  }
  console.error('unhandled error', err);
  return c.json({ error: { code: 'internal', message: 'internal error' } }, 500);
}
