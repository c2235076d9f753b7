// Test helpers: a signed-up session that calls the API like the dashboard does (cookie + CSRF header).
import { env, exports } from 'cloudflare:workers';
import { ROLLUP_DIMENSIONS } from '../src/db/score-columns';

export const BASE = 'https://tl.test';

/** The Worker under test (its default export), called in-process. */
export const worker = (exports as unknown as { default: Fetcher }).default;

/** The test D1 database, for checks of what was (not) written. */
export const db = (env as unknown as { DB: D1Database }).DB;

export interface Session {
  cookie: string;
  get(path: string): Promise<Response>;
  send(method: string, path: string, body?: unknown): Promise<Response>;
}

/** A request body sent as it is, with its own content type (a CSV import); any other body is sent as JSON. */
export class RawBody {
  constructor(readonly type: string, readonly text: string) {}
}
const encode = (body: unknown) =>
  body instanceof RawBody ? { type: body.type, body: body.text } : { type: 'application/json', body: body === undefined ? undefined : JSON.stringify(body) };

export const visitor = () => crypto.randomUUID().replace(/-/g, '');

export async function signup(email = `${crypto.randomUUID()}@example.com`, organization = 'Acme'): Promise<Session> {
  const res = await worker.fetch(`${BASE}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-throughline': '1', origin: BASE },
    body: JSON.stringify({ email, password: 'correct horse battery', organization }),
  });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const send = (method: string, path: string, body?: unknown) => {
    const { type, body: sent } = encode(body);
    return worker.fetch(`${BASE}${path}`, { method, headers: { cookie, 'content-type': type, 'x-throughline': '1', origin: BASE }, body: sent });
  };
  return { cookie, get: (path) => send('GET', path), send };
}

export async function createSiteWithTouchpoints(s: Session, origins: string[] = []) {
  const site = await (await s.send('POST', '/api/v1/sites', { name: 'Shop', origins })).json<{ id: string; key: string }>();
  for (const [key, stage] of [['home', 'Awareness'], ['cart', 'Purchase'], ['checkout', 'Purchase']] as const) {
    const res = await s.send('POST', `/api/v1/sites/${site.id}/touchpoints`, { key, name: key, stage, match: [`/${key}*`] });
    if (res.status !== 201) throw new Error(`touchpoint failed: ${await res.text()}`);
  }
  return site;
}

/** The same API calls with `Authorization: Bearer`, as scripts make them: no cookie, no CSRF header. */
export function bearer(token: string): Pick<Session, 'get' | 'send'> {
  const send = (method: string, path: string, body?: unknown) => {
    const { type, body: sent } = encode(body);
    return worker.fetch(`${BASE}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': type }, body: sent });
  };
  return { get: (path) => send('GET', path), send };
}

/** A new API token of the session's organization. */
export async function apiToken(s: Session, role: 'owner' | 'editor' | 'viewer' = 'owner'): Promise<string> {
  const res = await s.send('POST', '/api/v1/tokens', { name: `test ${role}`, role });
  if (res.status !== 201) throw new Error(`token failed: ${res.status} ${await res.text()}`);
  return (await res.json<{ token: string }>()).token;
}

/** POST /v1/events as the widget's beacon sends it (text/plain, from `origin`). */
export function postEvents(body: unknown, origin: string | null = 'https://shop.example', init: RequestInit = {}) {
  return worker.fetch(`${BASE}/v1/events`, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'text/plain;charset=UTF-8', ...(origin ? { origin } : {}) },
    ...init,
  });
}

/** One answer event at `touchpoint`, now. */
export const answerEvent = (touchpoint = 'checkout', extra: Record<string, unknown> = {}) => ({
  id: crypto.randomUUID(), type: 'answer', touchpoint, at: new Date().toISOString(),
  answers: { sensorial: 4, affective: 5, cognitive: 3 }, ...extra,
});

/** One visit event at `touchpoint`, now. */
export const visitEvent = (touchpoint = 'checkout', extra: Record<string, unknown> = {}) => ({
  id: crypto.randomUUID(), type: 'visit', touchpoint, at: new Date().toISOString(), ...extra,
});

const EVENT_TABLES = ['visits', 'answers', 'comments', 'rollup_answers', 'rollup_visits', 'rollup_transitions'] as const;

/** Row counts (and rollup totals: `scored` = dimension values counted in segment 'all', quality included) of every event table, of one site or of all sites, read straight from D1. */
export async function eventRows(siteId: string | null = null): Promise<Record<(typeof EVENT_TABLES)[number] | 'scored' | 'visited', number>> {
  const where = 'WHERE (?1 IS NULL OR site_id = ?1)';
  const out = {} as Record<(typeof EVENT_TABLES)[number], number>;
  for (const t of EVENT_TABLES) {
    const row = await db.prepare(`SELECT count(*) AS n FROM ${t} ${where}`).bind(siteId).first<{ n: number }>();
    out[t] = row?.n ?? 0;
  }
  const sums = await db.prepare(
    `SELECT (SELECT coalesce(sum(${ROLLUP_DIMENSIONS.map((d) => `${d}_n`).join(' + ')}), 0) FROM rollup_answers ${where} AND segment = 'all') AS scored,
            (SELECT coalesce(sum(n), 0) FROM rollup_visits ${where} AND segment = 'all') AS visited`,
  ).bind(siteId).first<{ scored: number; visited: number }>();
  return { ...out, scored: sums?.scored ?? 0, visited: sums?.visited ?? 0 };
}

/** An invite of the session's organization, not yet used. */
export async function invite(owner: Session, role: 'owner' | 'editor' | 'viewer' = 'viewer'): Promise<{ id: string; token: string }> {
  const res = await owner.send('POST', '/api/v1/invites', { role });
  if (res.status !== 201) throw new Error(`invite failed: ${res.status} ${await res.text()}`);
  return res.json<{ id: string; token: string }>();
}

/** A second person in the owner's organization, joined through an invite; returns their user id. */
export async function addMember(owner: Session, role: 'owner' | 'editor' | 'viewer' = 'viewer'): Promise<string> {
  const { token } = await invite(owner, role);
  const member = await signup();
  const res = await member.send('POST', '/api/v1/invites/accept', { token });
  if (res.status !== 200) throw new Error(`accept failed: ${res.status} ${await res.text()}`);
  return (await res.json<{ user: { id: string } }>()).user.id;
}
