// Tenant isolation, generated from the API's own OpenAPI document: for every documented route that names a
// resource, organization A (by session and by API token) asks for organization B's resource and must get a 404
// with no byte of B's data, and B's data must be unchanged afterwards. A new route joins the matrix by being
// documented; a new kind of path parameter fails the matrix until it is taught which of B's values to use.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  siteResources,
  answerEvent,
  apiToken,
  bearer,
  createSiteWithTouchpoints,
  eventRows,
  invite,
  postEvents,
  type Session,
  signup,
  visitor,
} from './helpers';
import { type ApiRoute, documentedRoutes, fill, paramsFor, bodyFor } from './openapi-routes';

const ORIGIN_A = 'https://a-shop.example';
const ORIGIN_B = 'https://b-shop.example';
/** Routes that name a resource today; the matrix must never quietly cover fewer. */
const MIN_RESOURCE_ROUTES = 13;
/** Routes whose path parameter is itself the credential (a secret link): whoever holds it may use it. */
const CAPABILITY_URLS = new Set(['GET /invites/preview/{token}', 'GET /auth/reset/{token}']);

interface Tenant {
  session: Session;
  site: { id: string; key: string };
  token: string;
}
let a: Tenant;
let b: Tenant & {
  destination: string;
  action: string;
  share: string;
  typeId: string;
  marker: string;
  email: string;
  visitor: string;
  tokenId: string;
  userId: string;
  invite: { id: string; token: string };
};

/** B's values for each path parameter, by the collection the route lives under. */
const ownedByB = (route: ApiRoute) =>
  paramsFor(route, {
    sites: {
      id: b.site.id,
      key: 'checkout',
      visitor: b.visitor,
      visitorId: b.visitor,
      destination: b.destination,
      action: b.action,
      share: b.share,
      typeId: b.typeId,
    },
    tokens: { id: b.tokenId },
    members: { id: b.userId, userId: b.userId },
    invites: { id: b.invite.id, token: b.invite.token },
  });

const secretsOfB = () => [b.site.id, b.site.key, b.marker, b.email, b.tokenId, b.userId, b.invite.id, b.invite.token];

async function snapshotOfB(routes: ApiRoute[]): Promise<string> {
  const reads: Record<string, unknown> = { rows: await eventRows(b.site.id) };
  for (const r of routes.filter((r) => !r.writes)) {
    const params = ownedByB(r);
    if (typeof params === 'string') continue;
    const res = await b.session.get(fill(r, params));
    reads[`${r.method} ${r.path}`] = [res.status, await res.text()];
  }
  return JSON.stringify(reads);
}

beforeAll(async () => {
  const sa = await signup(undefined, 'Org A');
  a = { session: sa, site: await createSiteWithTouchpoints(sa, [ORIGIN_A]), token: await apiToken(sa) };

  const marker = `b-secret-${crypto.randomUUID()}`;
  const email = `${marker}@example.com`;
  const sb = await signup(email, `Org ${marker}`);
  const site = await createSiteWithTouchpoints(sb, [ORIGIN_B]);
  await sb.send('PATCH', `/api/v1/sites/${site.id}`, { name: `Shop ${marker}` });
  await sb.send('PUT', `/api/v1/sites/${site.id}/touchpoints/checkout/prompt`, {
    wording: { en: { sensorial: `Looks ${marker}?` } },
  });
  const v = visitor();
  const ingest = await postEvents(
    { site: site.key, visitor: v, events: [answerEvent('checkout', { comment: `said ${marker}` })] },
    ORIGIN_B,
  );
  expect(ingest.status).toBe(202);
  const tokenRes = await sb.send('POST', '/api/v1/tokens', { name: `token ${marker}`, role: 'owner' });
  const token = await tokenRes.json<{ id: string; token: string }>();
  const me = await (await sb.get('/api/v1/me')).json<{ user: { id: string } }>();
  b = {
    session: sb,
    site,
    token: token.token,
    marker,
    email,
    visitor: v,
    tokenId: token.id,
    userId: me.user.id,
    invite: await invite(sb),
    ...(await siteResources(sb, site.id)),
  };
});

describe('tenant isolation over every documented route', () => {
  it("gives organization A a 404 and nothing of B for each of B's resources, and leaves B unchanged", async () => {
    const routes = await documentedRoutes();
    const resourceRoutes = routes.filter((r) => r.params.length > 0 && !CAPABILITY_URLS.has(`${r.method} ${r.path}`));
    expect(resourceRoutes.length).toBeGreaterThanOrEqual(MIN_RESOURCE_ROUTES);

    const before = await snapshotOfB(routes);
    const failures: string[] = [];
    const callers = { session: a.session, token: bearer(a.token) };
    for (const route of resourceRoutes) {
      const params = ownedByB(route);
      if (typeof params === 'string') {
        failures.push(`${route.method} ${route.path}: ${params}`);
        continue;
      }
      for (const [via, caller] of Object.entries(callers)) {
        const res = await caller.send(route.method, fill(route, params), bodyFor(route));
        const text = await res.text();
        // Routes that manage people refuse any token before looking anything up: nothing of B to learn there.
        const sessionOnly = via === 'token' && res.status === 403 && text.includes('"session_only"');
        if (res.status !== 404 && !sessionOnly)
          failures.push(`${route.method} ${route.path} by ${via}: ${res.status}, not 404 (${text.slice(0, 120)})`);
        const leaked = secretsOfB().filter((s) => text.includes(s));
        if (leaked.length)
          failures.push(`${route.method} ${route.path} by ${via}: body holds B's ${leaked.join(', ')}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await snapshotOfB(routes)).toBe(before);
  });

  it('shows organization A nothing of B in its own lists', async () => {
    const lists = (await documentedRoutes()).filter((r) => !r.writes && r.params.length === 0);
    expect(lists.map((r) => r.path)).toEqual(expect.arrayContaining(['/sites', '/me']));
    for (const route of lists) {
      for (const caller of [a.session, bearer(a.token)]) {
        const text = await (await caller.get(fill(route, {}))).text();
        expect(
          secretsOfB().filter((s) => text.includes(s)),
          `${route.path}`,
        ).toEqual([]);
      }
    }
  });
});

describe('tenant isolation at ingest', () => {
  it("stores events sent with A's site key at A only, even for touchpoint keys that B also has", async () => {
    const before = await eventRows(b.site.id);
    const res = await postEvents({ site: a.site.key, visitor: b.visitor, events: [answerEvent('checkout')] }, ORIGIN_A);
    expect(res.status).toBe(202);
    expect(await eventRows(b.site.id)).toEqual(before);
    expect((await eventRows(a.site.id)).answers).toBe(1);
  });

  it("refuses events for B's site key from A's origin", async () => {
    const before = await eventRows(b.site.id);
    const res = await postEvents({ site: b.site.key, visitor: visitor(), events: [answerEvent('checkout')] }, ORIGIN_A);
    expect(res.status).toBe(403);
    expect((await res.json<{ error: { code: string } }>()).error.code).toBe('origin_not_allowed');
    expect(await eventRows(b.site.id)).toEqual(before);
  });
});
