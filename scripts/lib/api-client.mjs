// The dashboard API from Node scripts (seed, benchmarks) and the browser tests' helpers, through Hono's typed client:
// paths, parameters, bodies and replies come from the worker's routes (AppType), so a renamed route or field fails
// the type check. One fetch wrapper does what a browser session would: it keeps the session cookie and sends the
// CSRF header and the Origin on every call.
import { CSRF_HEADER } from '@throughline/schema/constants';
import { parseResponse } from 'hono/client';
import { typedApi } from './typed-api.ts';

/** @typedef {ReturnType<typeof typedApi>} Api the typed client: `api.sites[':id'].touchpoints.$post({ param, json })` */

/**
 * @param {string} baseURL the Worker's origin, e.g. http://localhost:8787
 * @param {Record<string, string>} [extraHeaders] sent on every call too (an API token: `authorization: Bearer …`)
 */
export function apiClient(baseURL, extraHeaders = {}) {
  const origin = new URL(baseURL).origin;
  let cookie = '';
  /** @type {typeof fetch} */
  const send = async (input, init) => {
    const headers = new Headers(init?.headers);
    for (const [name, value] of Object.entries(extraHeaders)) headers.set(name, value);
    headers.set(CSRF_HEADER, '1');
    headers.set('origin', origin);
    if (cookie) headers.set('cookie', cookie);
    const res = await fetch(input, { ...init, headers });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0] ?? '';
    return res;
  };
  /** The session cookie (`name=value`) of the last login or signup; '' before one. */
  const sessionCookie = () => cookie;
  return { api: typedApi(`${origin}/api/v1`, { fetch: send }), sessionCookie };
}

/**
 * The reply's body (JSON, or nothing for a 204) of a call that must succeed; a 4xx/5xx throws an Error that names
 * the route, the status and the body the worker answered.
 * @template {import('hono/client').ClientResponse<unknown>} T
 * @param {Promise<T>} call
 * @returns {ReturnType<typeof parseResponse<T>>}
 */
export async function must(call) {
  const res = await call;
  if (!res.ok) throw new Error(`${new URL(res.url).pathname} → ${res.status}: ${await res.text()}`);
  return parseResponse(res);
}
