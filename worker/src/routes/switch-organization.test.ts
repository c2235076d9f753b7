// A person in two organizations (an agency working for two brands): the organizations they belong to, and switching
// the session between them — each switch a new session id, each organization's data only while it is open.
import type { InviteCreated, Me, Organizations } from '@throughline/schema';
import { describe, expect, it } from 'vitest';
import {
  apiToken,
  BASE,
  bearer,
  createSiteWithTouchpoints,
  sessionFor,
  signup,
  worker,
  type Session,
} from '../../test/helpers';

/** A session client on the cookie a response set (login, accept, switch each start a new session). */
const clientFrom = (res: Response): Session => sessionFor(res.headers.get('set-cookie')!.split(';')[0]!);

/** Ann owns "Ann's shop"; Bob's organization invites her as a viewer and she joins with her session. */
async function twoOrganizations() {
  const ann = await signup(undefined, "Ann's shop");
  const bob = await signup(undefined, "Bob's brand");
  const annSite = await createSiteWithTouchpoints(ann);
  const bobSite = await createSiteWithTouchpoints(bob);
  const annOrg = (await (await ann.get('/api/v1/me')).json<Me>()).organization.id;
  const bobOrg = (await (await bob.get('/api/v1/me')).json<Me>()).organization.id;
  const made = await (await bob.send('POST', '/api/v1/invites', { role: 'viewer' })).json<InviteCreated>();
  const joined = await ann.send('POST', '/api/v1/invites/accept', { token: made.token });
  expect(joined.status).toBe(200);
  return { ann: clientFrom(joined), annSite, bobSite, annOrg, bobOrg };
}

describe('organizations of the signed-in person', () => {
  it('lists both, marks the open one, and a switch opens the other with its role and only its data', async () => {
    const { ann, annSite, bobSite, annOrg, bobOrg } = await twoOrganizations();
    const list = await (await ann.get('/api/v1/organizations')).json<Organizations>();
    expect(list.organizations).toEqual([
      { id: annOrg, name: "Ann's shop", role: 'owner', current: false },
      { id: bobOrg, name: "Bob's brand", role: 'viewer', current: true },
    ]);
    // In Bob's organization as a viewer: his site, not hers; no changes.
    expect((await ann.get(`/api/v1/sites/${bobSite.id}`)).status).toBe(200);
    expect((await ann.get(`/api/v1/sites/${annSite.id}`)).status).toBe(404);
    expect((await ann.send('POST', '/api/v1/sites', { name: 'x' })).status).toBe(403);

    const res = await ann.send('POST', '/api/v1/auth/switch', { organization: annOrg });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ organization: { id: annOrg, name: "Ann's shop" }, role: 'owner' });
    const back = clientFrom(res);
    expect(back.cookie).not.toBe(ann.cookie);
    // The old session id is gone; the new one opens her own organization.
    expect((await ann.get('/api/v1/me')).status).toBe(401);
    expect((await back.get(`/api/v1/sites/${annSite.id}`)).status).toBe(200);
    expect((await back.get(`/api/v1/sites/${bobSite.id}`)).status).toBe(404);
    const sites = await (await back.get('/api/v1/sites')).json<{ sites: { id: string }[] }>();
    expect(sites.sites.map((s) => s.id)).toEqual([annSite.id]);
    expect(
      (await (await back.get('/api/v1/organizations')).json<Organizations>()).organizations.map((o) => o.current),
    ).toEqual([true, false]);
  });

  it('refuses an organization one does not belong to as not found, and keeps the session as it was', async () => {
    const { ann, annOrg } = await twoOrganizations();
    const stranger = await signup(undefined, 'Elsewhere');
    const elsewhere = (await (await stranger.get('/api/v1/me')).json<Me>()).organization.id;
    for (const organization of [elsewhere, 'no-such-org']) {
      const res = await ann.send('POST', '/api/v1/auth/switch', { organization });
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
    }
    expect((await ann.send('POST', '/api/v1/auth/switch', {})).status).toBe(400);
    expect((await (await ann.get('/api/v1/me')).json<Me>()).role).toBe('viewer');
    // A switch is a state change: without the CSRF header it is refused.
    const csrf = await worker.fetch(`${BASE}/api/v1/auth/switch`, {
      method: 'POST',
      headers: { cookie: ann.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ organization: annOrg }),
    });
    expect(csrf.status).toBe(403);
  });

  it('an API token sees its one organization and cannot switch', async () => {
    const owner = await signup(undefined, 'Scripted');
    const token = bearer(await apiToken(owner, 'viewer'));
    const org = (await (await owner.get('/api/v1/me')).json<Me>()).organization;
    expect(await (await token.get('/api/v1/organizations')).json()).toEqual({
      organizations: [{ ...org, role: 'viewer', current: true }],
    });
    const res = await token.send('POST', '/api/v1/auth/switch', { organization: org.id });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'session_only' } });
  });
});
