// Test helpers: a signed-up session that calls the API like the dashboard does (cookie + CSRF header).
import { env, exports } from 'cloudflare:workers';
import { listDurableObjectIds, runInDurableObject } from 'cloudflare:test';
import { inject } from 'vitest';
import { storeOf } from '../src/store/site-stores';

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
    const events = await runInDurableObject(stub, (_s, state) => state.storage.sql.exec<{ kind: string; comment: string | null }>('SELECT kind, comment FROM events').toArray());
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

/** The raw events a site's object (shard 0 unless named) holds, in arrival order. */
export async function storedEvents(siteId: string, shard = 0): Promise<Record<string, SqlStorageValue>[]> {
  return runInDurableObject(storeOf(env, siteId, shard), (_store, state) => state.storage.sql.exec('SELECT * FROM events ORDER BY seq').toArray());
}

/** Every rollup row of a site's object: `segment\tday\ttouchpoint` → {metric: numbers}. */
export const storedRollups = (siteId: string, shard = 0) => storeOf(env, siteId, shard).dump();

/** A destination (at the local receiver), an action and a share link of the site, for the routes that name one. */
export async function siteResources(session: Session, siteId: string) {
  const url = `${inject('receiverUrl')}/in/matrix`;
  const dest = await (await session.send('POST', `/api/v1/sites/${siteId}/alerts/destinations`, { kind: 'webhook', url })).json<{ id: string }>();
  const action = await (await session.send('POST', `/api/v1/sites/${siteId}/touchpoints/checkout/actions`, { day: '2026-11-02', title: 'New copy' })).json<{ id: string }>();
  const share = await (await session.send('POST', `/api/v1/sites/${siteId}/shares`, { view: 'map' })).json<{ id: string }>();
  const type = await (await session.send('POST', `/api/v1/sites/${siteId}/journey-types`, { name: 'Returns', stages: ['Request', 'Refund'] })).json<{ id: string }>();
  return { destination: dest.id, action: action.id, share: share.id, typeId: type.id };
}
