// Who may change what, for every state-changing route of the OpenAPI document: no session → 401; a cookie without
// the CSRF header or from a foreign origin → 403; a viewer → 403; an API token needs no CSRF header, a read token
// may not write, and no token manages credentials or people (tokens, invites, members, site deletion).
// Then the session itself: cookie attributes, logout, rotation, idle and absolute expiry, login throttling.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  siteResources,
  apiToken,
  BASE,
  bearer,
  createSiteWithTouchpoints,
  db,
  invite,
  type Session,
  signup,
  visitor,
  worker,
} from './helpers';
import { type ApiRoute, documentedRoutes, fill, paramsFor, bodyFor } from './openapi-routes';
import { CSRF_HEADER } from '@throughline/schema/constants';

/** Routes a visitor without a session must reach: they make or end the session (accepting an invite may sign up; a reset link signs in). */
const PUBLIC_WRITES = new Set([
  'POST /auth/signup',
  'POST /auth/login',
  'POST /auth/logout',
  'POST /invites/accept',
  'POST /auth/reset',
  'POST /auth/reset/request',
]);
/** Routes that change only the caller's own session or account (any role may; an API token may not): switching organization, password, other sessions, deleting the account. */
const SESSION_WRITES = new Set([
  'POST /auth/switch',
  'POST /auth/password',
  'POST /auth/sessions/end-others',
  'DELETE /me',
]);
/** Routes that manage credentials and people: a signed-in owner only, never an API token of any scope (issue 15, H1). */
const PEOPLE_ROUTES = new Set([
  'POST /tokens',
  'GET /tokens',
  'DELETE /tokens/{id}',
  'POST /invites',
  'GET /invites',
  'DELETE /invites/{id}',
  'PATCH /members/{userId}',
  'DELETE /members/{userId}',
  'POST /members/{userId}/password-reset',
  'DELETE /sites/{id}',
]);
/** State-changing routes today; the matrix must never quietly cover fewer. */
const MIN_WRITE_ROUTES = 11;

interface Me {
  user: { id: string };
  organization: { id: string };
}

async function tenant(role: 'owner' | 'viewer' = 'owner') {
  const session = await signup();
  const site = await createSiteWithTouchpoints(session);
  // A write token: the viewer's is capped by its maker's role once that maker is a viewer.
  const made = await (await session.send('POST', '/api/v1/tokens', { name: role, scope: 'write' })).json<{
    id: string;
    token: string;
  }>();
  const read = await (await session.send('POST', '/api/v1/tokens', { name: `${role} read`, scope: 'read' })).json<{
    token: string;
  }>();
  const me = await (await session.get('/api/v1/me')).json<Me>();
  const v = visitor();
  // The owner changes and removes another member, not itself: an organization keeps at least one owner.
  const member = role === 'owner' ? await addMember(session) : me.user.id;
  const values = {
    sites: { id: site.id, key: 'checkout', visitor: v, visitorId: v, ...(await siteResources(session, site.id)) },
    // Another token than the one the tests call with: revoking it must not lock them out.
    tokens: { id: (await (await session.send('POST', '/api/v1/tokens', { name: 'spare' })).json<{ id: string }>()).id },
    members: { id: member, userId: member },
    invites: { id: (await invite(session)).id },
  };
  if (role !== 'owner') {
    await db.prepare('UPDATE memberships SET role = ? WHERE user_id = ?').bind(role, me.user.id).run();
  }
  return { session, site, token: made.token, readToken: read.token, me, values };
}

function raw(method: string, path: string, headers: Record<string, string>, body?: unknown) {
  return worker.fetch(`${BASE}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

let writes: ApiRoute[];
let reads: ApiRoute[];
let owner: Awaited<ReturnType<typeof tenant>>;

beforeAll(async () => {
  // Deletions last, the deepest first, so that every request still finds what it changes.
  const rank = (r: ApiRoute) => (r.method === 'DELETE' ? 1000 - r.path.length : 0);
  const all = await documentedRoutes();
  writes = all.filter((r) => r.writes).sort((x, y) => rank(x) - rank(y));
  reads = all.filter((r) => !r.writes);
  owner = await tenant();
});

/** Runs `check` on every state-changing route and collects what went wrong, so one run names every culprit. */
async function overWrites(
  filter: (r: ApiRoute) => boolean,
  check: (r: ApiRoute, path: string) => Promise<string | null>,
) {
  const routes = writes.filter(filter);
  const failures: string[] = [];
  for (const route of routes) {
    const params = paramsFor(route, owner.values);
    const problem = typeof params === 'string' ? params : await check(route, fill(route, params));
    if (problem) failures.push(`${route.method} ${route.path}: ${problem}`);
  }
  return { routes, failures };
}

const name = (r: ApiRoute) => `${r.method} ${r.path}`;
const expectStatus = async (res: Response, status: number) =>
  res.status === status ? null : `${res.status}, not ${status}: ${(await res.text()).slice(0, 100)}`;

describe('every state-changing route', () => {
  it('answers 401 without a session or token', async () => {
    const { routes, failures } = await overWrites(
      (r) => !PUBLIC_WRITES.has(name(r)),
      async (r, path) => expectStatus(await raw(r.method, path, { [CSRF_HEADER]: '1', origin: BASE }, bodyFor(r)), 401),
    );
    expect(routes.length).toBeGreaterThanOrEqual(MIN_WRITE_ROUTES - PUBLIC_WRITES.size);
    expect(failures).toEqual([]);
  });

  it('answers 403 to a session cookie without the x-throughline header', async () => {
    const { routes, failures } = await overWrites(
      () => true,
      async (r, path) =>
        expectStatus(await raw(r.method, path, { cookie: owner.session.cookie, origin: BASE }, bodyFor(r)), 403),
    );
    expect(routes.length).toBeGreaterThanOrEqual(MIN_WRITE_ROUTES);
    expect(failures).toEqual([]);
  });

  it('answers 403 to a session cookie sent from a foreign origin or a cross-site fetch', async () => {
    const { failures } = await overWrites(
      () => true,
      async (r, path) => {
        const cookie = owner.session.cookie;
        return (
          (await expectStatus(
            await raw(r.method, path, { cookie, [CSRF_HEADER]: '1', origin: 'https://evil.example' }, bodyFor(r)),
            403,
          )) ??
          expectStatus(
            await raw(r.method, path, { cookie, [CSRF_HEADER]: '1', 'sec-fetch-site': 'cross-site' }, bodyFor(r)),
            403,
          )
        );
      },
    );
    expect(failures).toEqual([]);
  });

  it('answers 403 to a viewer, by session and by a write token the viewer made, and lets the viewer read', async () => {
    const viewer = await tenant('viewer');
    const failures: string[] = [];
    for (const route of writes.filter((r) => !PUBLIC_WRITES.has(name(r)) && !SESSION_WRITES.has(name(r)))) {
      const params = paramsFor(route, viewer.values);
      if (typeof params === 'string') {
        failures.push(params);
        continue;
      }
      for (const [via, caller] of [
        ['session', viewer.session],
        ['token', bearer(viewer.token)],
      ] as const) {
        const problem = await expectStatus(await caller.send(route.method, fill(route, params), bodyFor(route)), 403);
        if (problem) failures.push(`${name(route)} by ${via}: ${problem}`);
      }
    }
    expect(failures).toEqual([]);
    expect((await viewer.session.get(`/api/v1/sites/${viewer.site.id}/touchpoints`)).status).toBe(200);
  });

  it('accepts an API token without the CSRF header or an Origin', async () => {
    const api = bearer(owner.token);
    const { failures } = await overWrites(
      (r) => !PUBLIC_WRITES.has(name(r)) && !SESSION_WRITES.has(name(r)) && !PEOPLE_ROUTES.has(name(r)),
      async (r, path) => {
        const res = await api.send(r.method, path, bodyFor(r));
        return res.ok ? null : `${res.status}: ${(await res.text()).slice(0, 100)}`;
      },
    );
    expect(failures).toEqual([]);
  });

  it('refuses API tokens of every scope on the routes that manage credentials and people, and lets a session do them', async () => {
    const fresh = await tenant();
    const documented = [...writes, ...reads].filter((r) => PEOPLE_ROUTES.has(name(r)));
    expect(documented.map(name).sort()).toEqual([...PEOPLE_ROUTES].sort());
    const failures: string[] = [];
    for (const route of documented) {
      const params = paramsFor(route, fresh.values);
      if (typeof params === 'string') {
        failures.push(params);
        continue;
      }
      for (const [via, token] of [
        ['write', fresh.token],
        ['read', fresh.readToken],
      ] as const) {
        const res = await bearer(token).send(route.method, fill(route, params), bodyFor(route));
        const code =
          res.status === 403 ? (await res.json<{ error: { code: string } }>()).error.code : String(res.status);
        if (code !== 'session_only') failures.push(`${name(route)} by a ${via} token: ${code}`);
      }
    }
    expect(failures).toEqual([]);
    expect((await fresh.session.send('POST', '/api/v1/tokens', { name: 'by a person', scope: 'write' })).status).toBe(
      201,
    );
  });

  it('answers 403 to a read-scope token on every state-changing route, and lets it read', async () => {
    const api = bearer(owner.readToken);
    const { routes, failures } = await overWrites(
      (r) => !PUBLIC_WRITES.has(name(r)),
      async (r, path) => expectStatus(await api.send(r.method, path, bodyFor(r)), 403),
    );
    expect(routes.length).toBeGreaterThanOrEqual(MIN_WRITE_ROUTES - PUBLIC_WRITES.size);
    expect(failures).toEqual([]);
    expect((await api.get(`/api/v1/sites/${owner.site.id}/touchpoints`)).status).toBe(200);
  });
});

describe('sessions', () => {
  const login = (email: string, password: string, headers: Record<string, string> = {}) =>
    raw('POST', '/api/v1/auth/login', { [CSRF_HEADER]: '1', origin: BASE, ...headers }, { email, password });
  const meWith = (cookie: string) => raw('GET', '/api/v1/me', { cookie });

  it('sets a __Host- cookie that is Secure, HttpOnly and SameSite=Lax', async () => {
    const res = await raw(
      'POST',
      '/api/v1/auth/signup',
      { [CSRF_HEADER]: '1', origin: BASE },
      { email: `${crypto.randomUUID()}@example.com`, password: 'correct horse battery', organization: 'Acme' },
    );
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-tl_session=/);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Lax/i);
    expect(cookie).toMatch(/; Path=\//i);
  });

  it('ends the session at logout: the old cookie no longer works', async () => {
    const s = await signup();
    expect((await meWith(s.cookie)).status).toBe(200);
    expect((await s.send('POST', '/api/v1/auth/logout')).status).toBe(204);
    expect((await meWith(s.cookie)).status).toBe(401);
  });

  it('gives a new session id at login and refuses the one it replaced', async () => {
    const email = `${crypto.randomUUID()}@example.com`;
    const s = await signup(email);
    const res = await login(email, 'correct horse battery', { cookie: s.cookie });
    expect(res.status).toBe(200);
    const fresh = res.headers
      .getSetCookie()
      .find((c) => c.startsWith('__Host-tl_session='))!
      .split(';')[0]!;
    expect(fresh).not.toBe(s.cookie);
    expect((await meWith(s.cookie)).status).toBe(401);
    expect((await meWith(fresh)).status).toBe(200);
  });

  it('refuses a session idle for more than 12 hours, or older than 14 days', async () => {
    for (const [column, ageMs] of [
      ['last_seen_at', 13 * 3_600_000],
      ['created_at', 15 * 86_400_000],
    ] as const) {
      const s: Session = await signup();
      const me = await (await s.get('/api/v1/me')).json<Me>();
      await db
        .prepare(`UPDATE sessions SET ${column} = ? WHERE user_id = ?`)
        .bind(Date.now() - ageMs, me.user.id)
        .run();
      expect((await meWith(s.cookie)).status, column).toBe(401);
    }
  });

  it('refuses an invalid or revoked API token', async () => {
    const s = await signup();
    const token = await apiToken(s);
    expect((await bearer(token).get('/api/v1/sites')).status).toBe(200);
    expect((await bearer(`${token}x`).get('/api/v1/sites')).status).toBe(401);
    const me = await (await s.get('/api/v1/me')).json<Me>();
    await db
      .prepare('UPDATE api_tokens SET revoked_at = ? WHERE org_id = ?')
      .bind(Date.now(), me.organization.id)
      .run();
    expect((await bearer(token).get('/api/v1/sites')).status).toBe(401);
  });

  it('throttles logins per account after 10 failures, even with the right password, with Retry-After', async () => {
    const email = `${crypto.randomUUID()}@example.com`;
    await signup(email);
    const ip = { 'cf-connecting-ip': `198.51.100.${Math.floor(Math.random() * 250)}` };
    for (let i = 0; i < 10; i++) expect((await login(email, 'wrong password!', ip)).status).toBe(401);
    const res = await login(email, 'correct horse battery', ip);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('900');
  });

  it('throttles logins per client after 50 attempts, whatever the accounts', async () => {
    const ip = { 'cf-connecting-ip': '203.0.113.77' };
    const statuses: number[] = [];
    for (let i = 0; i < 51; i++)
      statuses.push((await login(`${crypto.randomUUID()}@example.com`, 'wrong password!', ip)).status);
    expect(statuses.slice(0, 50).every((s) => s === 401)).toBe(true);
    expect(statuses[50]).toBe(429);
  });

  it('counts login attempts before verifying them: 40 at once for one account get at most 10 verifications', async () => {
    const email = `${crypto.randomUUID()}@example.com`;
    await signup(email);
    const ip = { 'cf-connecting-ip': '198.51.100.201' };
    const statuses = await Promise.all(
      Array.from({ length: 40 }, () => login(email, 'wrong password!', ip).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(30);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
  });

  it('a stranger from other addresses does not lock the owner out of a browser that logged in before', async () => {
    const email = `${crypto.randomUUID()}@example.com`;
    await signup(email);
    const owner = await login(email, 'correct horse battery', { 'cf-connecting-ip': '192.0.2.1' });
    const known = owner.headers
      .getSetCookie()
      .find((c) => c.startsWith('__Host-tl_known='))!
      .split(';')[0]!;
    // 100 failures spread over 20 addresses reach the account-wide limit: a new browser is refused ...
    for (let a = 0; a < 20; a++) {
      await Promise.all(
        Array.from({ length: 5 }, () => login(email, 'wrong password!', { 'cf-connecting-ip': `203.0.113.${a}` })),
      );
    }
    expect((await login(email, 'correct horse battery', { 'cf-connecting-ip': '192.0.2.2' })).status).toBe(429);
    // ... the owner's browser is not, from the same address as the attacker's too.
    expect(
      (await login(email, 'correct horse battery', { 'cf-connecting-ip': '203.0.113.0', cookie: known })).status,
    ).toBe(200);
    // One address's failures lock only that address out of the account.
    const other = `${crypto.randomUUID()}@example.com`;
    await signup(other);
    for (let i = 0; i < 10; i++) await login(other, 'wrong password!', { 'cf-connecting-ip': '203.0.113.250' });
    expect((await login(other, 'correct horse battery', { 'cf-connecting-ip': '203.0.113.250' })).status).toBe(429);
    expect((await login(other, 'correct horse battery', { 'cf-connecting-ip': '192.0.2.3' })).status).toBe(200);
  }, 30_000);

  it('keeps no email or address in the throttle counters', async () => {
    const email = `${crypto.randomUUID()}@example.com`;
    await login(email, 'wrong password!', { 'cf-connecting-ip': '198.51.100.99' });
    const { results } = await db.prepare('SELECT key FROM rate_counters').all<{ key: string }>();
    expect(results.length).toBeGreaterThan(0);
    expect(results.filter((r) => r.key.includes(email) || r.key.includes('198.51.100.99'))).toEqual([]);
  });
});
