// Test helpers: a signed-up session that calls the API like the dashboard does (cookie + CSRF header).
import { env, exports } from 'cloudflare:workers';
import { listDurableObjectIds, runInDurableObject } from 'cloudflare:test';
import { CSRF_HEADER } from '@throughline/schema';
import { hc } from 'hono/client';
import { inject } from 'vitest';
import type { AppType } from '../src/app';
import { storeOf } from '../src/store/site-stores';

export const BASE = 'https://tl.test';

/** The Worker under test (its default export), called in-process. */
export const worker = (exports as unknown as { default: Fetcher }).default;

/** The test D1 database, for checks of what was (not) written. */
export const db = (env as unknown as { DB: D1Database }).DB;

/** The dashboard API through Hono's typed client (paths, bodies and replies from the routes), sent to the Worker. */
export type TypedApi = ReturnType<typeof hc<AppType>>;

export interface Session {
  cookie: string;
  /** Typed calls, as the dashboard makes them (cookie + CSRF header). */
  api: TypedApi;
  /** Raw requests, for what the types rule out on purpose: malformed bodies, other methods, missing headers. */
  get(path: string): Promise<Response>;
  send(method: string, path: string, body?: unknown): Promise<Response>;
}

/** A typed client whose requests carry `headers` and go to the Worker under test. */
export function typedApi(headers: Record<string, string>): TypedApi {
  return hc<AppType>(`${BASE}/api/v1`, {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => {
      const h = new Headers(init?.headers);
      for (const [k, v] of Object.entries(headers)) h.set(k, v);
      return worker.fetch(String(input), { ...init, headers: h });
    },
  });
}

/** A request body sent as it is, with its own content type (a CSV import); any other body is sent as JSON. */
export class RawBody {
  constructor(
    readonly type: string,
    readonly text: string,
  ) {}
}
const encode = (body: unknown) =>
  body instanceof RawBody
    ? { type: body.type, body: body.text }
    : { type: 'application/json', body: body === undefined ? undefined : JSON.stringify(body) };

export const visitor = () => crypto.randomUUID().replace(/-/g, '');

/** A session for `cookie` (empty: a visitor without one): typed and raw calls, as the dashboard makes them. */
export function sessionFor(cookie: string): Session {
  const auth = { ...(cookie ? { cookie } : {}), [CSRF_HEADER]: '1', origin: BASE };
  const send = (method: string, path: string, body?: unknown) => {
    const { type, body: sent } = encode(body);
    return worker.fetch(`${BASE}${path}`, { method, headers: { ...auth, 'content-type': type }, body: sent });
  };
  return { cookie, api: typedApi(auth), get: (path) => send('GET', path), send };
}

export async function signup(email = `${crypto.randomUUID()}@example.com`, organization = 'Acme'): Promise<Session> {
  const res = await worker.fetch(`${BASE}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1', origin: BASE },
    body: JSON.stringify({ email, password: 'correct horse battery', organization }),
  });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${await res.text()}`);
  return sessionFor(res.headers.get('set-cookie')!.split(';')[0]!);
}

export async function createSiteWithTouchpoints(s: Session, origins: string[] = []) {
  const created = await s.api.sites.$post({ json: { name: 'Shop', origins } });
  if (created.status !== 201) throw new Error(`site failed: ${await created.text()}`);
  const site = await created.json();
  for (const [key, stage] of [
    ['home', 'Awareness'],
    ['cart', 'Purchase'],
    ['checkout', 'Purchase'],
  ] as const) {
    const res = await s.api.sites[':id'].touchpoints.$post({
      param: { id: site.id },
      json: { key, name: key, stage, match: [`/${key}*`] },
    });
    if (res.status !== 201) throw new Error(`touchpoint failed: ${await res.text()}`);
  }
  return site;
}

/** The same API calls with `Authorization: Bearer`, as scripts make them: no cookie, no CSRF header. */
export function bearer(token: string): Pick<Session, 'get' | 'send'> {
  const send = (method: string, path: string, body?: unknown) => {
    const { type, body: sent } = encode(body);
    return worker.fetch(`${BASE}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': type },
      body: sent,
    });
  };
  return { get: (path) => send('GET', path), send };
}

/** A new API token of the session's organization. */
export async function apiToken(s: Session, role: 'owner' | 'editor' | 'viewer' = 'owner'): Promise<string> {
  const res = await s.api.tokens.$post({ json: { name: `test ${role}`, role } });
  if (res.status !== 201) throw new Error(`token failed: ${res.status} ${await res.text()}`);
  return (await res.json()).token;
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
  id: crypto.randomUUID(),
  type: 'answer',
  touchpoint,
  at: new Date().toISOString(),
  answers: { sensorial: 4, affective: 5, cognitive: 3 },
  ...extra,
});

/** One visit event at `touchpoint`, now. */
export const visitEvent = (touchpoint = 'checkout', extra: Record<string, unknown> = {}) => ({
  id: crypto.randomUUID(),
  type: 'visit',
  touchpoint,
  at: new Date().toISOString(),
  ...extra,
});

/**
 * What a site's objects hold (or every site object's, for `null`), read straight from them: raw visits, answers,
 * comments, rollup rows, and rollup totals (`scored` = dimension values counted in segment 'all', answer quality
 * included; `visited` = visits counted in 'all').
 */
export async function eventRows(siteId: string | null = null) {
  const ns = env.SITE_STORE;
  const stubs = siteId === null ? (await listDurableObjectIds(ns)).map((id) => ns.get(id)) : [storeOf(env, siteId)];
  const out = { visits: 0, answers: 0, comments: 0, rollups: 0, scored: 0, visited: 0 };
  for (const stub of stubs) {
    const events = await runInDurableObject(stub, (_s, state) =>
      state.storage.sql.exec<{ kind: string; comment: string | null }>('SELECT kind, comment FROM events').toArray(),
    );
    out.visits += events.filter((e) => e.kind === 'visit').length;
    out.answers += events.filter((e) => e.kind === 'answer').length;
    out.comments += events.filter((e) => e.comment !== null).length;
    for (const [key, metrics] of Object.entries(await stub.dump())) {
      out.rollups++;
      if (!key.startsWith('all\t')) continue;
      for (const [metric, v] of Object.entries(metrics)) {
        if (metric.startsWith('d:') || metric === 'q') out.scored += v[0]!;
        if (metric === 'visits') out.visited += v[0]!;
      }
    }
  }
  return out;
}

/** An invite of the session's organization, not yet used. */
export async function invite(
  owner: Session,
  role: 'owner' | 'editor' | 'viewer' = 'viewer',
): Promise<{ id: string; token: string }> {
  const res = await owner.api.invites.$post({ json: { role } });
  if (res.status !== 201) throw new Error(`invite failed: ${res.status} ${await res.text()}`);
  return res.json();
}

/** A second person in the owner's organization, joined through an invite; returns their user id. */
export async function addMember(owner: Session, role: 'owner' | 'editor' | 'viewer' = 'viewer'): Promise<string> {
  const { token } = await invite(owner, role);
  const member = await signup();
  const res = await member.api.invites.accept.$post({ json: { token } });
  if (res.status !== 200) throw new Error(`accept failed: ${res.status} ${await res.text()}`);
  return (await res.json()).user.id;
}

/** The raw events a site's object (shard 0 unless named) holds, in arrival order. */
export async function storedEvents(siteId: string, shard = 0): Promise<Record<string, SqlStorageValue>[]> {
  return runInDurableObject(storeOf(env, siteId, shard), (_store, state) =>
    state.storage.sql.exec('SELECT * FROM events ORDER BY seq').toArray(),
  );
}

/** Every rollup row of a site's object: `segment\tday\ttouchpoint` → {metric: numbers}. */
export const storedRollups = (siteId: string, shard = 0) => storeOf(env, siteId, shard).dump();

/** A destination (at the local receiver), an action and a share link of the site, for the routes that name one. */
export async function siteResources(session: Session, siteId: string) {
  const url = `${inject('receiverUrl')}/in/matrix`;
  const site = session.api.sites[':id'];
  const dest = await (
    await site.alerts.destinations.$post({ param: { id: siteId }, json: { kind: 'webhook', url } })
  ).json();
  const action = await (
    await site.touchpoints[':key'].actions.$post({
      param: { id: siteId, key: 'checkout' },
      json: { day: '2026-11-02', title: 'New copy' },
    })
  ).json();
  const share = await (await site.shares.$post({ param: { id: siteId }, json: { view: 'map' } })).json();
  const type = await (
    await site['journey-types'].$post({
      param: { id: siteId },
      json: { name: 'Returns', stages: ['Request', 'Refund'] },
    })
  ).json();
  if (!('id' in dest && 'id' in action && 'id' in share && 'id' in type))
    throw new Error('a resource of the route matrix was not made');
  return { destination: dest.id, action: action.id, share: share.id, typeId: type.id };
}
