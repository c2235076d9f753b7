import type { ApiTokens, InviteCreated, Me, Members } from '@throughline/schema';
import { describe, expect, it } from 'vitest';
import {
  apiToken,
  BASE,
  bearer,
  createSiteWithTouchpoints,
  db,
  sessionFor,
  signup,
  type Session,
} from '../../test/helpers';

/** Calls the API with a cookie, as the dashboard does; `cookie` may be empty (a visitor without a session). */
const client = sessionFor;

async function invite(owner: Session, body: Record<string, unknown> = {}) {
  const res = await owner.send('POST', '/api/v1/invites', { role: 'editor', ...body });
  expect(res.status).toBe(201);
  return res.json<InviteCreated>();
}

/** Accepts as a new account; returns that account's session. */
async function acceptAsNew(token: string, email = `${crypto.randomUUID()}@example.com`) {
  const res = await client('').send('POST', '/api/v1/invites/accept', {
    token,
    email,
    password: 'a long enough password',
  });
  return { res, session: client(res.headers.get('set-cookie')?.split(';')[0] ?? '') };
}

describe('invites by link', () => {
  it('lets a new person join with the invited role, once', async () => {
    const owner = await signup();
    const made = await invite(owner);
    expect(made.url).toBe(`${BASE}/invite/${made.token}`);
    const preview = await (await client('').get(`/api/v1/invites/preview/${made.token}`)).json();
    expect(preview).toMatchObject({ organization: 'Acme', role: 'editor', email: null });

    const { res, session } = await acceptAsNew(made.token);
    expect(res.status).toBe(200);
    const me = await (await session.get('/api/v1/me')).json<Me>();
    const ownerMe = await (await owner.get('/api/v1/me')).json<Me>();
    expect(me).toMatchObject({ role: 'editor', organization: { id: ownerMe.organization.id } });
    const members = await (await owner.get('/api/v1/members')).json<Members>();
    expect(members.members.map((m) => m.role).sort()).toEqual(['editor', 'owner']);
    expect(members.members.find((m) => m.you)?.role).toBe('owner');

    const again = await acceptAsNew(made.token);
    expect(again.res.status).toBe(410);
    expect((await again.res.json<{ error: { code: string } }>()).error.code).toBe('invite_used');
    expect((await client('').get(`/api/v1/invites/preview/${made.token}`)).status).toBe(410);
  });

  it('works once even when the link is used twice at the same moment', async () => {
    const owner = await signup();
    const made = await invite(owner);
    const results = await Promise.all([acceptAsNew(made.token), acceptAsNew(made.token), acceptAsNew(made.token)]);
    expect(results.map((r) => r.res.status).sort()).toEqual([200, 410, 410]);
    expect((await (await owner.get('/api/v1/members')).json<Members>()).members).toHaveLength(2);
  });

  it('adds a signed-in member of another organization, and switches their session to it', async () => {
    const owner = await signup(undefined, 'Inviting Co');
    const other = await signup(undefined, 'Other Co');
    const made = await invite(owner, { role: 'viewer' });
    const res = await other.send('POST', '/api/v1/invites/accept', { token: made.token });
    expect(res.status).toBe(200);
    const switched = client(res.headers.get('set-cookie')!.split(';')[0]!);
    expect(await (await switched.get('/api/v1/me')).json()).toMatchObject({
      organization: { name: 'Inviting Co' },
      role: 'viewer',
    });
    expect(
      (
        await (
          await switched.send('POST', '/api/v1/invites/accept', { token: (await invite(owner)).token })
        ).json<{ error: { code: string } }>()
      ).error.code,
    ).toBe('already_member');
  });

  it('refuses an expired link, a link for another email, and an accept without login or account details', async () => {
    const owner = await signup();
    const expired = await invite(owner);
    await db
      .prepare('UPDATE invites SET expires_at = ? WHERE id = ?')
      .bind(new Date(Date.now() - 1000).toISOString(), expired.id)
      .run();
    expect((await (await acceptAsNew(expired.token)).res.json<{ error: { code: string } }>()).error.code).toBe(
      'invite_expired',
    );

    const bound = await invite(owner, { email: 'Right@Example.com' });
    expect((await acceptAsNew(bound.token, 'wrong@example.com')).res.status).toBe(403);
    expect((await acceptAsNew(bound.token, 'right@example.com')).res.status).toBe(200);

    expect(
      (await client('').send('POST', '/api/v1/invites/accept', { token: (await invite(owner)).token })).status,
    ).toBe(401);
    expect(
      (
        await client('').send('POST', '/api/v1/invites/accept', {
          token: 'tli_unknown-token-value',
          email: 'a@example.com',
          password: 'a long enough password',
        })
      ).status,
    ).toBe(404);
  });

  it('lists and revokes invites (owners only)', async () => {
    const owner = await signup();
    const made = await invite(owner);
    expect(
      (await (await owner.get('/api/v1/invites')).json<{ invites: { id: string }[] }>()).invites.map((i) => i.id),
    ).toEqual([made.id]);
    expect((await owner.send('DELETE', `/api/v1/invites/${made.id}`)).status).toBe(204);
    expect(await (await acceptAsNew(made.token)).res.status).toBe(404);
    expect((await (await signup()).send('DELETE', `/api/v1/invites/${made.id}`)).status).toBe(404);
  });
});

describe('roles', () => {
  async function team() {
    const owner = await signup();
    const site = await createSiteWithTouchpoints(owner);
    const editor = (await acceptAsNew((await invite(owner, { role: 'editor' })).token)).session;
    const viewer = (await acceptAsNew((await invite(owner, { role: 'viewer' })).token)).session;
    const ids = Object.fromEntries(
      (await (await owner.get('/api/v1/members')).json<Members>()).members.map((m) => [m.role, m.userId]),
    );
    return { owner, editor, viewer, site, ids };
  }

  it('viewer reads only; editor edits journeys but not members, tokens or site deletion; owner does all', async () => {
    const { owner, editor, viewer, site } = await team();
    const tp = (key: string) => ({ key, name: key, stage: 'Use' });
    expect((await viewer.get(`/api/v1/sites/${site.id}/responses`)).status).toBe(200);
    expect((await viewer.get('/api/v1/members')).status).toBe(200);
    expect((await viewer.send('POST', `/api/v1/sites/${site.id}/touchpoints`, tp('v'))).status).toBe(403);
    expect((await editor.send('POST', `/api/v1/sites/${site.id}/touchpoints`, tp('e'))).status).toBe(201);
    for (const [method, path, body] of [
      ['POST', '/api/v1/invites', { role: 'viewer' }],
      ['GET', '/api/v1/tokens', undefined],
      ['POST', '/api/v1/tokens', { name: 'x' }],
      ['DELETE', `/api/v1/sites/${site.id}`, undefined],
      ['DELETE', `/api/v1/sites/${site.id}/visitors/abcdefgh12`, undefined],
    ] as const) {
      expect((await editor.send(method, path, body)).status, `${method} ${path}`).toBe(403);
    }
    expect((await owner.send('DELETE', `/api/v1/sites/${site.id}/visitors/abcdefgh12`)).status).toBe(200);
  });

  it('a role change applies to the next request; removal ends the session; the last owner stays', async () => {
    const { owner, editor, site, ids } = await team();
    const patch = await owner.send('PATCH', `/api/v1/members/${ids.editor}`, { role: 'viewer' });
    expect(await patch.json()).toMatchObject({ role: 'viewer', you: false });
    expect(
      (await editor.send('POST', `/api/v1/sites/${site.id}/touchpoints`, { key: 'z', name: 'z', stage: 'Use' })).status,
    ).toBe(403);
    expect((await owner.send('DELETE', `/api/v1/members/${ids.editor}`)).status).toBe(204);
    expect((await editor.get('/api/v1/me')).status).toBe(401);

    const demote = await owner.send('PATCH', `/api/v1/members/${ids.owner}`, { role: 'editor' });
    expect(demote.status).toBe(409);
    expect((await owner.send('DELETE', `/api/v1/members/${ids.owner}`)).status).toBe(409);
    expect((await owner.send('PATCH', `/api/v1/members/${ids.viewer}`, { role: 'owner' })).status).toBe(200);
    expect((await owner.send('PATCH', `/api/v1/members/${ids.owner}`, { role: 'editor' })).status).toBe(200);
    expect((await (await signup()).send('PATCH', `/api/v1/members/${ids.viewer}`, { role: 'viewer' })).status).toBe(
      404,
    );
  });
});

describe('API tokens', () => {
  it('lists tokens without their secret and revokes one so that it is refused', async () => {
    const owner = await signup();
    const token = await apiToken(owner, 'editor');
    const list = await (await owner.get('/api/v1/tokens')).json<ApiTokens>();
    expect(list.tokens).toHaveLength(1);
    expect(list.tokens[0]).toMatchObject({ name: 'test editor', scope: 'write', role: 'owner', revokedAt: null });
    expect(JSON.stringify(list)).not.toContain(token);
    expect((await bearer(token).get('/api/v1/sites')).status).toBe(200);

    expect((await (await signup()).send('DELETE', `/api/v1/tokens/${list.tokens[0]!.id}`)).status).toBe(404);
    expect((await owner.send('DELETE', `/api/v1/tokens/${list.tokens[0]!.id}`)).status).toBe(204);
    expect((await bearer(token).get('/api/v1/sites')).status).toBe(401);
    expect((await (await owner.get('/api/v1/tokens')).json<ApiTokens>()).tokens[0]!.revokedAt).not.toBeNull();
  });
});

describe('a leaked owner API token (issue 15, H1)', () => {
  it('cannot make a token or an invite, nor change, demote or remove the people, nor delete a site', async () => {
    const owner = await signup();
    const site = await createSiteWithTouchpoints(owner);
    const leaked = bearer(await apiToken(owner, 'owner'));
    const me = await (await owner.get('/api/v1/me')).json<Me>();
    const spare = await (await owner.send('POST', '/api/v1/tokens', { name: 'spare', scope: 'read' })).json<{
      id: string;
    }>();
    for (const [method, path, body] of [
      ['POST', '/api/v1/tokens', { name: 'spare', scope: 'write' }],
      ['POST', '/api/v1/tokens', { name: 'old', role: 'owner' }],
      ['GET', '/api/v1/tokens', undefined],
      ['DELETE', `/api/v1/tokens/${spare.id}`, undefined],
      ['POST', '/api/v1/invites', { role: 'owner' }],
      ['GET', '/api/v1/invites', undefined],
      ['PATCH', `/api/v1/members/${me.user.id}`, { role: 'viewer' }],
      ['DELETE', `/api/v1/members/${me.user.id}`, undefined],
      ['DELETE', `/api/v1/sites/${site.id}`, undefined],
    ] as const) {
      const res = await leaked.send(method, path, body);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect((await res.json<{ error: { code: string } }>()).error.code).toBe('session_only');
    }
    // It still does the data work it was made for.
    expect(
      (
        await leaked.send('POST', `/api/v1/sites/${site.id}/touchpoints`, {
          key: 'desk',
          name: 'Desk',
          stage: 'Support',
        })
      ).status,
    ).toBe(201);
    const tokens = (await (await owner.get('/api/v1/tokens')).json<ApiTokens>()).tokens;
    expect(tokens.map((t) => t.createdBy)).toEqual([me.user.email, me.user.email]);
    expect((await owner.get('/api/v1/members')).status).toBe(200);
    expect((await (await owner.get('/api/v1/members')).json<Members>()).members).toHaveLength(1);
  });

  it("a read token only reads; a write token acts with its maker's role, and stops when its maker leaves", async () => {
    const owner = await signup();
    const site = await createSiteWithTouchpoints(owner);
    const { token: inviteToken } = await invite(owner, { role: 'editor' });
    const { session: editor, res } = await acceptAsNew(inviteToken);
    const editorId = (await res.json<Me>()).user.id;
    const made = async (s: Session, scope: 'read' | 'write') =>
      bearer((await (await s.send('POST', '/api/v1/tokens', { name: scope, scope })).json<{ token: string }>()).token);
    const ownerRead = await made(owner, 'read');
    expect((await ownerRead.get(`/api/v1/sites/${site.id}/touchpoints`)).status).toBe(200);
    expect(
      (await ownerRead.send('POST', `/api/v1/sites/${site.id}/touchpoints`, { key: 'r', name: 'r', stage: 'Use' }))
        .status,
    ).toBe(403);
    // Editors cannot make tokens; promote, make one, then demote: the token falls to the new role at once.
    expect((await editor.send('POST', '/api/v1/tokens', { name: 'x', scope: 'write' })).status).toBe(403);
    await owner.send('PATCH', `/api/v1/members/${editorId}`, { role: 'owner' });
    const editorWrite = await made(editor, 'write');
    expect((await editorWrite.send('DELETE', `/api/v1/sites/${site.id}/visitors/abcdefgh12`)).status).toBe(200);
    await owner.send('PATCH', `/api/v1/members/${editorId}`, { role: 'editor' });
    expect((await editorWrite.send('DELETE', `/api/v1/sites/${site.id}/visitors/abcdefgh12`)).status).toBe(403);
    expect(
      (await editorWrite.send('POST', `/api/v1/sites/${site.id}/touchpoints`, { key: 'e', name: 'e', stage: 'Use' }))
        .status,
    ).toBe(201);
    // Removed: the token is refused, and the list says it acts with no role.
    expect((await owner.send('DELETE', `/api/v1/members/${editorId}`)).status).toBe(204);
    expect((await editorWrite.get('/api/v1/sites')).status).toBe(401);
    const listed = (await (await owner.get('/api/v1/tokens')).json<ApiTokens>()).tokens.find((t) => t.name === 'write');
    expect(listed).toMatchObject({ role: null, revokedAt: null });
  });

  it('revokes the tokens a member made when their removal or demotion asks for it', async () => {
    const owner = await signup();
    const { token: inviteToken } = await invite(owner, { role: 'owner' });
    const { session: second, res } = await acceptAsNew(inviteToken);
    const secondId = (await res.json<Me>()).user.id;
    const token = (
      await (await second.send('POST', '/api/v1/tokens', { name: 'theirs', scope: 'write' })).json<{ token: string }>()
    ).token;
    expect(
      (await owner.send('PATCH', `/api/v1/members/${secondId}?revokeTokens=true`, { role: 'editor' })).status,
    ).toBe(200);
    expect((await bearer(token).get('/api/v1/sites')).status).toBe(401);
    const tokens = (await (await owner.get('/api/v1/tokens')).json<ApiTokens>()).tokens;
    expect(tokens[0]).toMatchObject({ name: 'theirs', revokedAt: expect.any(String) });
    // Re-adding a removed person does not bring a revoked token back.
    expect((await owner.send('DELETE', `/api/v1/members/${secondId}?revokeTokens=true`)).status).toBe(204);
    expect((await bearer(token).get('/api/v1/sites')).status).toBe(401);
  });
});
